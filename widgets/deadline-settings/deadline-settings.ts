import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { AdminSettingsView, idOf } from '../internal/admin-settings-view.ts';
import { AreaTexts, TextArea } from '../internal/area-texts.ts';
import { SettingsApi, type CompanySettings } from '../internal/settings-api.ts';
import { CASE_TYPES, URGENCIES, type CaseType, type Urgency } from '../../bff/contract/enums.ts';
import { DEADLINE_HOURS, FEDERAL_STATES, type FederalState } from '../../bff/contract/deadlines.ts';
import de, { type DeadlineMessages } from './i18n/de.ts';

const deadlineTexts = new TextArea<DeadlineMessages>(de, { en: () => import('./i18n/en.ts') });

/** Urgencies from the most pressing on, as clerks read them. */
const URGENCY_ORDER: readonly Urgency[] = [...URGENCIES].reverse();

type DaysDraft = Record<string, string>;
const pathOf = (type: CaseType, urgency: Urgency) => `deadlineWorkingDays.${type}.${urgency}`;

function draftOf(settings: CompanySettings): DaysDraft {
  const draft: DaysDraft = {};
  for (const type of CASE_TYPES)
    for (const urgency of URGENCIES) draft[pathOf(type, urgency)] = String(settings.deadlineWorkingDays[type]?.[urgency] ?? '');
  return draft;
}

/**
 * The admins' case deadlines (docs/settings.md): per case type and urgency a number of working days, and the
 * state whose public holidays do not count. An empty field keeps the standard deadline, shown under it. Wrong
 * numbers are caught before sending and the BFF's message shows at its field; a failed save keeps the entries.
 *
 * In `<staff-portal>` it is part of the admins' "Einstellungen", imported when first opened.
 *
 * @tagname deadline-settings
 * @summary The admins' case deadlines in working days.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the settings load.
 * @csspart alert - An error: loading failed, no admin, a refused save.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart form - The form.
 * @csspart input - The state select and each number field.
 * @csspart field-error - The message under a field.
 * @csspart save - "Fristen speichern".
 * @csspart notice - "Gespeichert …".
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and the standard deadlines.
 * @cssproperty --mp-color-surface - Background of inputs.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - "Gespeichert".
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class DeadlineSettingsElement extends AdminSettingsView {
  static override styles = [
    AdminSettingsView.styles,
    css`
      form {
        display: grid;
        gap: var(--_space);
      }
      .table-scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        min-width: 100%;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-bottom: 0.25em;
      }
      th,
      td {
        padding: 0.35em 0.5em;
        border-bottom: 1px solid var(--_border);
        text-align: start;
        vertical-align: top;
      }
      input[type='number'] {
        width: 6.5em;
        min-height: 2.75em;
        padding: 0.3em 0.4em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      select {
        min-height: 2.75em;
      }
      .standard {
        display: block;
        color: var(--_muted);
        font-size: 0.8em;
        white-space: nowrap;
      }
    `,
  ];

  @state() private saved?: CompanySettings;
  @state() private federalState = '';
  @state() private days: DaysDraft = {};

  private readonly deadlineTexts = new AreaTexts(this, deadlineTexts);

  private get settingsApi(): SettingsApi {
    return new SettingsApi(this.apiClient);
  }

  protected override get heading(): string {
    return this.deadlineTexts.texts.heading;
  }

  protected override textsReady(): Promise<void> {
    return this.deadlineTexts.ready(this.locale);
  }

  protected override async loadData(isCurrent: () => boolean): Promise<void> {
    const view = await this.settingsApi.settings();
    if (!isCurrent()) return;
    this.show(view.settings);
  }

  protected override clearData(): void {
    this.saved = undefined;
    this.federalState = '';
    this.days = {};
  }

  private show(settings: CompanySettings): void {
    this.saved = settings;
    this.federalState = settings.federalState ?? '';
    this.days = draftOf(settings);
  }

  /** What the form holds as the BFF takes it, or the paths of fields that are not 1 to 60 whole days. */
  private changeOf(): { change?: Pick<CompanySettings, 'federalState' | 'deadlineWorkingDays'>; wrong: string[] } {
    const wrong: string[] = [];
    const deadlineWorkingDays: CompanySettings['deadlineWorkingDays'] = {};
    for (const type of CASE_TYPES) {
      for (const urgency of URGENCIES) {
        const path = pathOf(type, urgency);
        const value = (this.days[path] ?? '').trim();
        if (!value) continue;
        const days = Number(value);
        if (!/^\d+$/.test(value) || days < 1 || days > 60) wrong.push(path);
        else (deadlineWorkingDays[type] ??= {})[urgency] = days;
      }
    }
    if (wrong.length) return { wrong };
    return { change: { federalState: (this.federalState || null) as FederalState | null, deadlineWorkingDays }, wrong };
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const saved = this.saved;
    if (!saved) return;
    const texts = this.deadlineTexts.texts;
    const { change, wrong } = this.changeOf();
    await this.saveForm(
      () => Object.fromEntries(wrong.map((path) => [path, texts.wholeDays])),
      async () => {
        if (
          change!.federalState === saved.federalState &&
          JSON.stringify(change!.deadlineWorkingDays) === JSON.stringify(draftDays(saved.deadlineWorkingDays))
        ) {
          return texts.nothingToSave;
        }
        this.show((await this.settingsApi.change(change!)).settings);
        return texts.saved;
      },
    );
  };

  protected override renderReady(): TemplateResult {
    const texts = this.deadlineTexts.texts;
    const stateError = this.fieldErrors.federalState;
    return html`
      <p class="muted">${texts.intro}</p>
      <div class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
      <p class="notice" part="notice" role="status">${this.notice}</p>
      <form part="form" novalidate @submit=${this.save}>
        <div class="field">
          <label for="federalState">${texts.stateLabel}</label>
          <select
            id="federalState"
            part="input"
            aria-invalid=${stateError ? 'true' : 'false'}
            aria-describedby=${stateError ? 'federalState-hint federalState-error' : 'federalState-hint'}
            @change=${(event: Event) => {
              this.federalState = (event.target as HTMLSelectElement).value;
              this.edited('federalState');
            }}
          >
            <option value="" ?selected=${!this.federalState}>${texts.noState}</option>
            ${FEDERAL_STATES.map((code) => html`<option value=${code} ?selected=${this.federalState === code}>${texts.states[code]}</option>`)}
          </select>
          <p class="hint" id="federalState-hint">${texts.stateHint}</p>
          ${stateError ? html`<p class="field-error" part="field-error" id="federalState-error">${stateError}</p>` : nothing}
        </div>
        <div class="table-scroll" tabindex="0" aria-labelledby="deadline-caption">
          <table>
            <caption id="deadline-caption">${texts.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">${texts.caseType}</th>
                ${URGENCY_ORDER.map((urgency) => html`<th scope="col">${texts.urgencies[urgency]}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${CASE_TYPES.map(
                (type) => html`
                  <tr>
                    <th scope="row">${this.msg.caseTypeLabels[type]}</th>
                    ${URGENCY_ORDER.map((urgency) => html`<td>${this.dayField(type, urgency)}</td>`)}
                  </tr>
                `,
              )}
            </tbody>
          </table>
        </div>
        <p class="hint">${texts.standardHint}</p>
        <div class="actions">
          <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? this.adminTexts.texts.saving : texts.save}
          </button>
        </div>
      </form>
    `;
  }

  private dayField(type: CaseType, urgency: Urgency): TemplateResult {
    const texts = this.deadlineTexts.texts;
    const path = pathOf(type, urgency);
    const id = idOf(path);
    const error = this.fieldErrors[path];
    return html`
      <input
        id=${id}
        part="input"
        type="number"
        inputmode="numeric"
        min="1"
        max="60"
        step="1"
        aria-label=${texts.fieldLabel(this.msg.caseTypeLabels[type], texts.urgencies[urgency])}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-standard ${id}-error` : `${id}-standard`}
        .value=${this.days[path] ?? ''}
        @input=${(event: Event) => {
          this.days = { ...this.days, [path]: (event.target as HTMLInputElement).value };
          this.edited(path);
        }}
      />
      <span class="standard" id="${id}-standard">${texts.standard(DEADLINE_HOURS[type][urgency])}</span>
      ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
    `;
  }
}

/** The stored deadlines in the order the form sends them, to compare. */
function draftDays(stored: CompanySettings['deadlineWorkingDays']): CompanySettings['deadlineWorkingDays'] {
  const ordered: CompanySettings['deadlineWorkingDays'] = {};
  for (const type of CASE_TYPES)
    for (const urgency of URGENCIES) if (stored[type]?.[urgency]) (ordered[type] ??= {})[urgency] = stored[type][urgency];
  return ordered;
}

defineElement('deadline-settings', DeadlineSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'deadline-settings': DeadlineSettingsElement;
  }
}
