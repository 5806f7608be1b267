import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { AdminSettingsView } from '../internal/admin-settings-view.ts';
import { AreaTexts, TextArea } from '../internal/area-texts.ts';
import { RoutingAdminApi, type RoutingRule, type StaffAccounts } from '../internal/routing-admin-api.ts';
import { CASE_TYPES, type CaseType } from '../../bff/contract/enums.ts';
import de, { type RoutingMessages } from './i18n/de.ts';

const routingTexts = new TextArea<RoutingMessages>(de, { en: () => import('./i18n/en.ts') });

interface Category {
  id: string;
  label: string;
}

/**
 * The admins' routing rules (docs/portal-admin.md): who receives new cases of a type and, for damage reports, of a
 * damage category. A rule is set (or its person replaced) with one form; a failed save keeps the choices and
 * shows why; removing a rule is one button per rule.
 *
 * In `<staff-portal>` it is part of the admins' "Einstellungen", imported when first opened.
 *
 * @tagname routing-settings
 * @summary The admins' routing rules: who receives new cases.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the rules load.
 * @csspart alert - An error: loading failed, no admin, a refused save.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart rule - One rule's line.
 * @csspart form - The form that sets a rule.
 * @csspart field-error - The message under a field.
 * @csspart save - "Regel speichern".
 * @csspart notice - "Gespeichert …" and other confirmations.
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
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
export class RoutingSettingsElement extends AdminSettingsView {
  static override styles = [
    AdminSettingsView.styles,
    css`
      .group {
        display: grid;
        gap: 0.75em;
        padding-top: var(--_space);
        margin-top: var(--_space);
        border-top: 1px solid var(--_border);
      }
      .group-heading {
        font-size: 1.15em;
        font-weight: 700;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25em;
      }
      .rule {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      form {
        display: grid;
        gap: 0.5em;
        max-width: 32em;
      }
    `,
  ];

  @state() private rules: RoutingRule[] = [];
  @state() private clerks: StaffAccounts['items'] = [];
  @state() private categories: Category[] = [];
  @state() private caseType: CaseType = 'damage';
  @state() private categoryId = '';
  @state() private assigneeId = '';

  private readonly routingTexts = new AreaTexts(this, routingTexts);

  private get routingApi(): RoutingAdminApi {
    return new RoutingAdminApi(this.apiClient);
  }

  protected override get heading(): string {
    return this.routingTexts.texts.heading;
  }

  protected override textsReady(): Promise<void> {
    return this.routingTexts.ready(this.locale);
  }

  protected override async loadData(isCurrent: () => boolean): Promise<void> {
    const [rules, clerks, catalogue] = await Promise.all([this.routingApi.rules(), this.routingApi.clerks(), this.routingApi.catalogue()]);
    if (!isCurrent()) return;
    this.rules = rules.items;
    this.clerks = clerks.items;
    this.categories = catalogue.damageLocations.flatMap((location) =>
      location.categories.map((category) => ({ id: category.id, label: `${location.label} › ${category.label}` })),
    );
  }

  protected override clearData(): void {
    this.rules = [];
    this.clerks = [];
    this.categories = [];
  }

  /** "Schadensmeldung › Wohnung › Sanitär" */
  private describe(caseType: CaseType, categoryId: string | null): string {
    const type = this.msg.caseTypeLabels[caseType];
    if (!categoryId) return caseType === 'damage' ? `${type} (${this.routingTexts.texts.anyCategory})` : type;
    return `${type} › ${this.categories.find((category) => category.id === categoryId)?.label ?? '?'}`;
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const texts = this.routingTexts.texts;
    const rule = {
      caseType: this.caseType,
      damageCategoryId: this.caseType === 'damage' && this.categoryId ? this.categoryId : null,
      assigneeId: this.assigneeId,
    };
    await this.saveForm(
      (): Record<string, string> => (rule.assigneeId ? {} : { assigneeId: texts.assigneeRequired }),
      async () => {
        await this.routingApi.set(rule);
        this.rules = (await this.routingApi.rules()).items;
        const who = this.clerks.find((clerk) => clerk.id === rule.assigneeId)?.label ?? '';
        return texts.saved(this.describe(rule.caseType, rule.damageCategoryId), who);
      },
    );
  };

  private async removeRule(rule: RoutingRule): Promise<void> {
    const what = this.describe(rule.caseType, rule.damageCategoryId);
    this.notice = '';
    this.formError = '';
    try {
      await this.routingApi.remove(rule.id);
      this.rules = this.rules.filter((other) => other.id !== rule.id);
      this.notice = this.routingTexts.texts.removed(what);
    } catch (error) {
      this.formError = this.errorText(error);
      await this.focusFirstError();
    }
  }

  protected override renderReady(): TemplateResult {
    const texts = this.routingTexts.texts;
    const assigneeError = this.fieldErrors.assigneeId;
    return html`
      <p class="muted">${texts.intro}</p>
      <div class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
      <p class="notice" part="notice" role="status">${this.notice}</p>
      <section class="group" aria-labelledby="rules-heading">
        <div class="group-heading" id="rules-heading" role="heading" aria-level=${this.sectionLevel}>${texts.rulesSection}</div>
        ${
          this.rules.length
            ? html`<ul>
              ${this.rules.map((rule) => {
                const what = this.describe(rule.caseType, rule.damageCategoryId);
                return html`<li class="rule" part="rule">
                  <span>${texts.ruleLine(what, rule.assigneeName ?? texts.unknownAssignee)}</span>
                  <button type="button" class="link" aria-label=${texts.removeRule(what)} @click=${() => this.removeRule(rule)}>
                    ${this.adminTexts.texts.remove}
                  </button>
                </li>`;
              })}
            </ul>`
            : html`<p class="muted">${texts.noRules}</p>`
        }
      </section>
      <section class="group" aria-labelledby="set-heading">
        <div class="group-heading" id="set-heading" role="heading" aria-level=${this.sectionLevel}>${texts.setSection}</div>
        <form part="form" novalidate @submit=${this.save}>
          <div class="field">
            <label for="case-type">${texts.caseType}</label>
            <select
              id="case-type"
              @change=${(event: Event) => {
                this.caseType = (event.target as HTMLSelectElement).value as CaseType;
                this.edited('caseType');
              }}
            >
              ${CASE_TYPES.map((type) => html`<option value=${type} ?selected=${this.caseType === type}>${this.msg.caseTypeLabels[type]}</option>`)}
            </select>
          </div>
          ${
            this.caseType === 'damage'
              ? html`<div class="field">
                <label for="category">${texts.category}</label>
                <select
                  id="category"
                  @change=${(event: Event) => {
                    this.categoryId = (event.target as HTMLSelectElement).value;
                    this.edited('damageCategoryId');
                  }}
                >
                  <option value="" ?selected=${!this.categoryId}>${texts.anyCategory}</option>
                  ${this.categories.map(
                    (category) =>
                      html`<option value=${category.id} ?selected=${this.categoryId === category.id}>${category.label}</option>`,
                  )}
                </select>
              </div>`
              : nothing
          }
          <div class="field">
            <label for="assignee">${texts.assignee}</label>
            <select
              id="assignee"
              aria-invalid=${assigneeError ? 'true' : 'false'}
              aria-describedby=${assigneeError ? 'assignee-error' : nothing}
              @change=${(event: Event) => {
                this.assigneeId = (event.target as HTMLSelectElement).value;
                this.edited('assigneeId');
              }}
            >
              <option value="" ?selected=${!this.assigneeId}>${texts.chooseAssignee}</option>
              ${this.clerks.map((clerk) => html`<option value=${clerk.id} ?selected=${this.assigneeId === clerk.id}>${clerk.label}</option>`)}
            </select>
            ${assigneeError ? html`<p class="field-error" part="field-error" id="assignee-error">${assigneeError}</p>` : nothing}
          </div>
          <p class="hint">${texts.setHint}</p>
          <div class="actions">
            <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
              ${this.saving ? this.adminTexts.texts.saving : texts.saveRule}
            </button>
          </div>
        </form>
      </section>
    `;
  }
}

defineElement('routing-settings', RoutingSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'routing-settings': RoutingSettingsElement;
  }
}
