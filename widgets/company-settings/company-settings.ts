import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText, fieldErrorText, intlLocale, type Locale } from '../internal/localize.ts';
import { formatPercent } from '../internal/i18n/format.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import type { FieldError } from '../../bff/contract/errors.ts';
import {
  SettingsApi,
  type ChatUsage,
  type CompanySettings,
  type SettingKey,
  type SettingsChange,
  type SettingsView,
} from '../internal/settings-api.ts';
import { settingsTexts } from './settings-texts.ts';
import { companySettingsStyles } from './company-settings.styles.ts';
import '../internal/staff-errors.ts';

type ListKey = 'emergencyNumbers' | 'houseRules';
/** Set in `<deadline-settings>`, not here. */
type DeadlineKey = 'federalState' | 'deadlineWorkingDays';
type TextKey = Exclude<SettingKey, ListKey | DeadlineKey>;
/** The form's values: every field as typed (numbers too, so an emptied field stays empty), lists row by row. */
type Draft = Pick<CompanySettings, ListKey> & Record<TextKey, string>;

const numberFields = ['chatHistoryDays', 'chatMonthlyTokenBudget', 'leadAnonymisationDays', 'outboxRetentionDays'] as const;
/** Fields that may be empty: an empty one is sent as `null` ("none"). */
const optionalFields = [
  'contactEmail',
  'contactPhone',
  'portalPageUrl',
  'lettingEmail',
  'residentMailSenderName',
  'residentMailReplyTo',
] as const;
/** The contract's limits (bff/contract/settings.ts), so "add" stops where the BFF would refuse. */
const listLimits: Record<ListKey, number> = { emergencyNumbers: 10, houseRules: 30 };
const emptyRow = { emergencyNumbers: () => ({ label: '', phone: '' }), houseRules: () => ({ title: '', text: '' }) };
/** From this share of the budget on the admins are told it is nearly used up. */
const nearlyUsed = 0.8;

const isNumberField = (key: SettingKey): key is (typeof numberFields)[number] => (numberFields as readonly string[]).includes(key);
const isOptionalField = (key: SettingKey): key is (typeof optionalFields)[number] => (optionalFields as readonly string[]).includes(key);

function draftOf(settings: CompanySettings): Draft {
  return {
    emergencyNumbers: settings.emergencyNumbers.map((row) => ({ ...row })),
    houseRules: settings.houseRules.map((row) => ({ ...row })),
    officeHours: settings.officeHours,
    contactEmail: settings.contactEmail ?? '',
    contactPhone: settings.contactPhone ?? '',
    portalPageUrl: settings.portalPageUrl ?? '',
    residentMailSenderName: settings.residentMailSenderName ?? '',
    residentMailReplyTo: settings.residentMailReplyTo ?? '',
    residentMailSignature: settings.residentMailSignature,
    chatHistoryDays: String(settings.chatHistoryDays),
    chatMonthlyTokenBudget: String(settings.chatMonthlyTokenBudget),
    lettingEmail: settings.lettingEmail ?? '',
    leadAnonymisationDays: String(settings.leadAnonymisationDays),
    outboxRetentionDays: String(settings.outboxRetentionDays),
  };
}

/** A field's value as the BFF takes it: numbers as numbers (empty: `null`, which it refuses with its own words), empty optional text as `null`. */
function wireValue(key: keyof Draft, draft: Draft): unknown {
  const value = draft[key];
  if (typeof value !== 'string') return value;
  if (isNumberField(key)) return value.trim() === '' ? null : Number(value);
  if (isOptionalField(key)) return value.trim() === '' ? null : value.trim();
  return value;
}

/** The fields whose value in the form differs from the saved one: only these are sent. */
function changesOf(draft: Draft, saved: CompanySettings): SettingsChange {
  const change: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as Array<keyof Draft>) {
    const value = wireValue(key, draft);
    if (JSON.stringify(value) !== JSON.stringify(saved[key])) change[key] = value;
  }
  return change;
}

interface ControlOptions {
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  multiline?: boolean;
  rows?: number;
  hint?: string;
  min?: number;
  max?: number;
  autocomplete?: string;
}

/** `emergencyNumbers.0.phone` → `emergencyNumbers-0-phone`, the id of its input. */
const idOf = (path: string) => path.replace(/\./g, '-');

/**
 * The housing company's settings for its admins (docs/settings.md): emergency numbers, office hours and
 * contact (public: the damage form and the chat show them), how the e-mails to residents are signed and sent
 * (sender name, reply-to address, signature), the house-rule excerpts the chat quotes, the
 * chat's history retention and monthly token budget with this month's use, and the other retention periods.
 * Saving sends only the changed fields; the BFF's message for a wrong value appears at its field, and what
 * was typed stays until it is saved.
 *
 * It is the admins' "Einstellungen" in `<staff-portal>`, which imports it when first opened; it works with the session
 * of the page (signed out, or not an admin, it says so in words).
 *
 * @tagname company-settings
 * @summary The admins' settings of their housing company, with the chat's token use.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the settings load.
 * @csspart alert - An error: loading failed, no admin, the summary of wrong fields.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart form - The form.
 * @csspart section - Each group of settings ("Kontakt und Notfall", "E-Mails an Bewohner", "Hausordnung für den Assistenten", "Assistent", "Aufbewahrung").
 * @csspart section-heading - The heading of a group.
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A one-line input.
 * @csspart textarea - A multi-line input.
 * @csspart hint - A field hint.
 * @csspart field-error - The BFF's message for a wrong value, under its field.
 * @csspart row - One emergency number or house-rule excerpt.
 * @csspart add - "Notrufnummer hinzufügen", "Auszug hinzufügen".
 * @csspart remove - The "Entfernen" button of a row.
 * @csspart usage - This month's token use of the chat.
 * @csspart usage-bar - The bar of the use against the budget.
 * @csspart usage-warning - "fast aufgebraucht", "aufgebraucht" or "abgeschaltet".
 * @csspart save - The "Speichern" button.
 * @csspart notice - "Gespeichert …" and other confirmations.
 *
 * @cssproperty --mp-color-primary - Buttons, accents and the usage bar.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs and rows.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors, wrong fields and the used-up budget.
 * @cssproperty --mp-color-success - "Gespeichert".
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CompanySettingsElement extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, companySettingsStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the element's heading ("Einstellungen", or the portal's with `embedded`); its groups are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<staff-portal>`: the portal's heading names the settings, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error' = 'loading';
  @state() private loadError?: unknown;
  /** The saved settings, as the BFF answered last. */
  @state() private view?: SettingsView;
  @state() private draft?: Draft;
  @state() private usage?: ChatUsage;
  @state() private usageState: 'loading' | 'ready' | 'error' = 'loading';
  @state() private saving = false;
  /** The BFF's message per field path (`emergencyNumbers.0.phone`) from the last save; one goes when its field is edited. */
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formError = '';
  @state() private notice = '';

  private readonly settingsTexts = new AreaTexts(this, settingsTexts);
  private loadRequest = 0;
  /** Read once the element first renders, and again for another client or BFF. */
  private loaded = false;

  /** The settings' own texts (`msg` has the shared ones). */
  private get settingsMsg() {
    return this.settingsTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get settingsApi(): SettingsApi {
    return new SettingsApi(this.apiClient);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('mp-signed-in', this.onSignedIn);
    addEventListener('mp-signed-out', this.onSignedOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('mp-signed-in', this.onSignedIn);
    removeEventListener('mp-signed-out', this.onSignedOut);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.settingsTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api')) {
      this.loaded = true;
      void this.load();
    }
  }

  private readonly onSignedIn = () => void this.load();

  /** Signed out (here or in a portal on the page): nothing of the company stays on screen. */
  private readonly onSignedOut = () => {
    this.loadRequest++;
    this.view = undefined;
    this.draft = undefined;
    this.usage = undefined;
    this.loadState = 'signed-out';
  };

  /** Reads the settings and, beside them, this month's use of the chat. */
  private async load(): Promise<void> {
    const request = ++this.loadRequest;
    this.loadState = 'loading';
    void this.loadUsage();
    try {
      const view = await this.settingsApi.settings();
      if (request !== this.loadRequest) return;
      this.view = view;
      this.draft = draftOf(view.settings);
      this.fieldErrors = {};
      this.formError = '';
      this.loadState = 'ready';
    } catch (error) {
      if (request !== this.loadRequest) return;
      const status = error instanceof ApiError ? error.status : 0;
      this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
      this.loadError = error;
    }
  }

  private async loadUsage(): Promise<void> {
    this.usageState = 'loading';
    try {
      this.usage = await this.settingsApi.chatUsage();
      this.usageState = 'ready';
    } catch {
      this.usageState = 'error';
    }
  }

  /** Sends the changed fields. On failure the form keeps everything typed and shows the BFF's words at the fields. */
  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.saving || !this.draft || !this.view) return;
    const sent = this.draft;
    const change = changesOf(sent, this.view.settings);
    this.notice = '';
    this.formError = '';
    if (!Object.keys(change).length) {
      this.notice = this.settingsMsg.nothingToSave;
      return;
    }
    this.saving = true;
    try {
      const view = await this.settingsApi.change(change);
      const saved = draftOf(view.settings);
      // A field edited while the answer was on its way keeps the edit; the others show what was stored (trimmed).
      const draft = { ...this.draft } as Record<SettingKey, unknown>;
      for (const key of Object.keys(saved) as Array<keyof Draft>) if (this.draft[key] === sent[key]) draft[key] = saved[key];
      this.view = view;
      this.draft = draft as Draft;
      this.fieldErrors = {};
      this.notice = this.settingsMsg.saved(staffDate(view.updatedAt ?? new Date().toISOString(), this.locale));
      if ('chatMonthlyTokenBudget' in change) void this.loadUsage();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = Object.fromEntries(Object.entries(fields).map(([path, field]) => [path, this.fieldErrorText(field)]));
      const shown = Object.keys(this.fieldErrors).filter((path) => path !== '').length;
      this.formError = shown ? this.msg.fieldErrorsSummary(shown) : (this.fieldErrors[''] ?? errorText(this.msg, error));
    } finally {
      this.saving = false;
    }
    if (this.formError) await this.focusFirstError();
  };

  /**
   * The contract's messages are German and name each field's own rule ("0 schaltet den Chat ab"): German shows
   * them as they are; English phrases the issue from its code and limit.
   */
  private fieldErrorText(field: FieldError): string {
    if (this.locale === 'de' && field.message) return field.message;
    if (field.origin === 'number' && field.limit !== undefined) {
      if (field.code === 'too_small') return this.settingsMsg.atLeast(field.limit);
      if (field.code === 'too_big') return this.settingsMsg.atMost(field.limit);
    }
    const key = field.path.split('.')[0] as SettingKey;
    if (isNumberField(key)) return field.code === 'invalid_type' ? this.settingsMsg.numberRequired : this.settingsMsg.wholeNumber;
    return fieldErrorText(this.msg, field);
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('#form-alert'))?.focus();
  }

  // -------------------------------------------------------------------------------------------------
  // Editing

  /** An edit: the field's message from the last save goes, and so does "Gespeichert". */
  private edited(path: string): void {
    this.notice = '';
    if (!(path in this.fieldErrors)) return;
    const { [path]: _gone, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  private setText(key: TextKey, value: string): void {
    this.draft = { ...this.draft!, [key]: value };
    this.edited(key);
  }

  private setRow<K extends ListKey>(key: K, index: number, part: keyof Draft[K][number] & string, value: string): void {
    const rows = (this.draft![key] as Array<Draft[K][number]>).map((row, at) => (at === index ? { ...row, [part]: value } : row));
    this.draft = { ...this.draft!, [key]: rows };
    this.edited(`${key}.${index}.${part}`);
  }

  /** Rows move when one is added or removed: the messages of the list from the last save no longer fit them. */
  private setRows(key: ListKey, rows: Draft[ListKey], focus: string): void {
    this.draft = { ...this.draft!, [key]: rows };
    this.notice = '';
    this.fieldErrors = Object.fromEntries(Object.entries(this.fieldErrors).filter(([path]) => path !== key && !path.startsWith(`${key}.`)));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  private addRow(key: ListKey): void {
    const rows = this.draft![key];
    if (rows.length >= listLimits[key]) return;
    const first = key === 'emergencyNumbers' ? 'label' : 'title';
    this.setRows(key, [...rows, emptyRow[key]()] as Draft[ListKey], `#${key}-${rows.length}-${first}`);
  }

  /** The removed row's place gets focus: the row that moved up, else the one before, else "hinzufügen". */
  private removeRow(key: ListKey, index: number): void {
    const rows = this.draft![key].filter((_, at) => at !== index) as Draft[ListKey];
    const first = key === 'emergencyNumbers' ? 'label' : 'title';
    const next = Math.min(index, rows.length - 1);
    this.setRows(key, rows, next >= 0 ? `#${key}-${next}-${first}` : `#${key}-add`);
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  private get sectionLevel(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5) + 1;
  }

  private label(key: SettingKey): string {
    return this.settingsMsg.fieldLabels[key] ?? this.view?.labels[key] ?? key;
  }

  override render() {
    const texts = this.settingsMsg;
    return html`
      <section class="settings" part="base" aria-labelledby=${ifDefined(this.embedded ? undefined : 'settings-heading')}>
        ${
          this.embedded
            ? nothing
            : html`<div class="title" id="settings-heading" part="heading" role="heading" aria-level=${this.sectionLevel - 1}>
              ${texts.settingsHeading}
            </div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const texts = this.settingsMsg;
    switch (this.loadState) {
      case 'loading':
        return html`<p class="muted" part="loading" role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert">${texts.signInFirst}</p>`;
      case 'forbidden':
        return html`<p class="alert" part="alert">${texts.adminsOnly}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">
            <p>${texts.loadFailed} ${errorText(this.msg, this.loadError)}</p>
            <button type="button" part="retry" @click=${() => this.load()}>${this.msg.retry}</button>
          </div>
        `;
    }
    return this.renderForm(this.view!, this.draft!);
  }

  private renderForm(view: SettingsView, draft: Draft): TemplateResult {
    const texts = this.settingsMsg;
    const dirty = Object.keys(changesOf(draft, view.settings)).length > 0;
    return html`
      <p class="muted">${texts.intro}</p>
      <p class="muted">${view.updatedAt ? texts.lastChanged(staffDate(view.updatedAt, this.locale)) : texts.neverChanged}</p>
      <form part="form" novalidate @submit=${this.save}>
        <div id="form-alert" class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
        ${this.section(
          'contact',
          texts.contactSection,
          html`
          <p class="hint" part="hint">${texts.contactPublic}</p>
          ${this.renderEmergencyNumbers(draft)}
          ${this.field('officeHours', { multiline: true, hint: texts.officeHoursHint })}
          ${this.field('contactEmail', { type: 'email', hint: texts.optionalHint, autocomplete: 'email' })}
          ${this.field('contactPhone', { type: 'tel', hint: `${texts.phoneHint} ${texts.optionalHint}`, autocomplete: 'tel' })}
          ${this.field('portalPageUrl', { type: 'url', hint: texts.portalPageHint, autocomplete: 'url' })}
        `,
        )}
        ${this.section(
          'resident-mails',
          texts.residentMailsSection,
          html`
          <p class="hint" part="hint">${texts.residentMailsIntro}</p>
          ${this.field('residentMailSenderName', { hint: texts.senderNameHint, autocomplete: 'organization' })}
          ${this.field('residentMailReplyTo', { type: 'email', hint: texts.replyToHint, autocomplete: 'email' })}
          ${this.field('residentMailSignature', { multiline: true, rows: 4, hint: texts.signatureHint })}
        `,
        )}
        ${this.section(
          'house-rules',
          texts.houseRulesSection,
          html`
          <p class="hint" part="hint">${texts.houseRulesIntro}</p>
          ${this.renderHouseRules(draft)}
        `,
        )}
        ${this.section(
          'assistant',
          texts.assistantSection,
          html`
          ${this.field('chatHistoryDays', { type: 'number', min: 1, max: 90, hint: texts.historyDaysHint })}
          ${this.field('chatMonthlyTokenBudget', { type: 'number', min: 0, max: 1_000_000_000, hint: this.budgetHint(draft) })}
          ${this.renderUsage()}
        `,
        )}
        ${this.section(
          'letting',
          texts.lettingSection,
          html`${this.field('lettingEmail', { type: 'email', hint: texts.lettingEmailHint, autocomplete: 'email' })}`,
        )}
        ${this.section(
          'retention',
          texts.retentionSection,
          html`
          ${this.field('leadAnonymisationDays', { type: 'number', min: 1, max: 3650 })}
          ${this.field('outboxRetentionDays', { type: 'number', min: 1, max: 365 })}
        `,
        )}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="save"
            aria-disabled=${this.saving ? 'true' : 'false'}
            aria-busy=${this.saving ? 'true' : 'false'}
          >${this.saving ? texts.saving : texts.save}</button>
          <p class="notice" part="notice" role="status">${this.notice}</p>
          ${dirty && !this.saving && !this.notice ? html`<p class="muted unsaved">${texts.unsaved}</p>` : nothing}
        </div>
      </form>
    `;
  }

  private section(id: string, heading: string, content: TemplateResult): TemplateResult {
    return html`
      <section class="group" part="section" aria-labelledby="${id}-heading">
        <div class="group-heading" id="${id}-heading" part="section-heading" role="heading" aria-level=${this.sectionLevel}>${heading}</div>
        ${content}
      </section>
    `;
  }

  /** The hint of the budget: the number as it reads ("2.000.000 Tokens"), which a number field does not group. */
  private budgetHint(draft: Draft): string | undefined {
    const budget = Number(draft.chatMonthlyTokenBudget);
    if (draft.chatMonthlyTokenBudget.trim() === '' || !Number.isFinite(budget)) return undefined;
    return this.settingsMsg.tokens(this.number(budget));
  }

  private number(value: number): string {
    return new Intl.NumberFormat(intlLocale(this.locale)).format(value);
  }

  private describedBy(id: string, hint: boolean, error: boolean): string | undefined {
    return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  }

  /** One labelled control with its hint and the BFF's message for it. */
  private control(
    path: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    options: ControlOptions = {},
  ): TemplateResult {
    const id = idOf(path);
    const error = this.fieldErrors[path];
    const input = (event: Event) => onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    const describedBy = this.describedBy(id, !!options.hint, !!error);
    return html`
      <div class="field" part="field">
        <label part="label" for=${id}>${label}</label>
        ${
          options.multiline
            ? html`<textarea
              part="textarea"
              id=${id}
              rows=${options.rows ?? 3}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy)}
              .value=${value}
              @input=${input}
            ></textarea>`
            : html`<input
              part="input"
              id=${id}
              type=${options.type ?? 'text'}
              inputmode=${ifDefined(options.type === 'number' ? 'numeric' : undefined)}
              step=${ifDefined(options.type === 'number' ? '1' : undefined)}
              min=${ifDefined(options.min)}
              max=${ifDefined(options.max)}
              autocomplete=${ifDefined(options.autocomplete)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy)}
              .value=${value}
              @input=${input}
            />`
        }
        ${options.hint ? html`<p class="hint" part="hint" id="${id}-hint">${options.hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  private field(key: TextKey, options: ControlOptions = {}): TemplateResult {
    return this.control(key, this.label(key), this.draft![key], (value) => this.setText(key, value), options);
  }

  /** A list of rows with add and remove; the BFF's message for the list as a whole (e.g. too many) under it. */
  private renderList(key: ListKey, empty: string, addLabel: string, rows: TemplateResult[]): TemplateResult {
    const error = this.fieldErrors[key];
    const full = this.draft![key].length >= listLimits[key];
    return html`
      <fieldset class="list" aria-describedby=${ifDefined(error ? `${key}-error` : undefined)}>
        <legend part="label">${this.label(key)}</legend>
        ${rows.length ? html`<ol class="rows">${rows}</ol>` : html`<p class="muted">${empty}</p>`}
        ${error ? html`<p class="field-error" part="field-error" id="${key}-error">${error}</p>` : nothing}
        <button type="button" id="${key}-add" part="add" aria-disabled=${full ? 'true' : 'false'} @click=${() => this.addRow(key)}>
          ${addLabel}
        </button>
        ${full ? html`<p class="hint" part="hint">${this.settingsMsg.listFull(listLimits[key])}</p>` : nothing}
      </fieldset>
    `;
  }

  private removeButton(key: ListKey, index: number, label: string): TemplateResult {
    return html`<button type="button" class="link remove" part="remove" aria-label=${label} @click=${() => this.removeRow(key, index)}>
      ${this.settingsMsg.remove}
    </button>`;
  }

  private renderEmergencyNumbers(draft: Draft): TemplateResult {
    const texts = this.settingsMsg;
    const rows = draft.emergencyNumbers.map(
      (row, index) => html`
        <li>
          <fieldset class="row emergency" part="row">
            <legend class="visually-hidden">${texts.emergencyRow(index + 1)}</legend>
            ${this.control(
              `emergencyNumbers.${index}.label`,
              texts.emergencyLabel,
              row.label,
              (value) => this.setRow('emergencyNumbers', index, 'label', value),
              {
                hint: index === 0 ? texts.emergencyLabelHint : undefined,
              },
            )}
            ${this.control(
              `emergencyNumbers.${index}.phone`,
              texts.emergencyPhone,
              row.phone,
              (value) => this.setRow('emergencyNumbers', index, 'phone', value),
              {
                type: 'tel',
              },
            )}
            ${this.removeButton('emergencyNumbers', index, texts.removeEmergencyNumber(index + 1))}
          </fieldset>
        </li>
      `,
    );
    return this.renderList('emergencyNumbers', texts.noEmergencyNumbers, texts.addEmergencyNumber, rows);
  }

  private renderHouseRules(draft: Draft): TemplateResult {
    const texts = this.settingsMsg;
    const rows = draft.houseRules.map(
      (row, index) => html`
        <li>
          <fieldset class="row" part="row">
            <legend class="visually-hidden">${texts.ruleRow(index + 1)}</legend>
            ${this.control(
              `houseRules.${index}.title`,
              texts.ruleTitle,
              row.title,
              (value) => this.setRow('houseRules', index, 'title', value),
              {
                hint: index === 0 ? texts.ruleTitleHint : undefined,
              },
            )}
            ${this.control(
              `houseRules.${index}.text`,
              texts.ruleText,
              row.text,
              (value) => this.setRow('houseRules', index, 'text', value),
              {
                multiline: true,
                rows: 4,
              },
            )}
            ${this.removeButton('houseRules', index, texts.removeHouseRule(index + 1))}
          </fieldset>
        </li>
      `,
    );
    return this.renderList('houseRules', texts.noHouseRules, texts.addHouseRule, rows);
  }

  /** This month's tokens against the saved budget: bar, share and, near or at the end of the budget, what that means. */
  private renderUsage(): TemplateResult {
    const texts = this.settingsMsg;
    const usage = this.usage;
    if (this.usageState === 'error') {
      return html`
        <div class="usage" part="usage">
          <p class="alert">${texts.usageFailed}</p>
          <button type="button" part="retry" @click=${() => this.loadUsage()}>${this.msg.retry}</button>
        </div>
      `;
    }
    if (!usage) return html`<p class="usage muted" part="usage" role="status">${texts.usageLoading}</p>`;
    const used = usage.inputTokens + usage.outputTokens;
    const { budget } = usage;
    const share = budget > 0 ? used / budget : 1;
    const warning =
      budget === 0 ? texts.chatSwitchedOff : used >= budget ? texts.budgetExhausted : share >= nearlyUsed ? texts.budgetNearlyUsed : '';
    const level = budget === 0 || used >= budget ? 'exhausted' : share >= nearlyUsed ? 'nearly' : 'ok';
    const month = new Intl.DateTimeFormat(intlLocale(this.locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${usage.month}-01T00:00:00Z`),
    );
    // Rounded down: 99.6 % is not yet "100 %", which would read as used up.
    const percent = formatPercent(intlLocale(this.locale), Math.floor(share * 100));
    return html`
      <div class="usage ${level}" part="usage">
        <p class="usage-heading" id="usage-heading"><strong>${texts.usageHeading(month)}</strong></p>
        <p>
          ${texts.usageOf(this.number(used), this.number(budget))}${budget > 0 ? html` · <strong>${texts.usageShare(percent)}</strong>` : nothing}
        </p>
        <progress part="usage-bar" max=${Math.max(budget, 1)} .value=${budget > 0 ? Math.min(used, budget) : 1} aria-labelledby="usage-heading"></progress>
        <p class="hint">${texts.usageSplit(this.number(usage.inputTokens), this.number(usage.outputTokens))}. ${texts.usageNote}</p>
        ${warning ? html`<p class="usage-warning" part="usage-warning">${warning}</p>` : nothing}
      </div>
    `;
  }
}

defineElement('company-settings', CompanySettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'company-settings': CompanySettingsElement;
  }
}
