import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import { PortalElement } from '../internal/portal-element.ts';
import type { FieldError } from '../../bff/contract/errors.ts';
import { ApiError, type ApiClient, type Session } from '../internal/api-client.ts';
import { errorText, fieldErrorText, type Locale } from '../internal/localize.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { sessionContext } from '../internal/session-context.ts';
import { CaseFilingApi, type CaseCatalogue, type FiledCase, type NewCaseInput } from '../internal/case-filing-api.ts';
import { CaseSubmittedEvent } from '../events/case-submitted.ts';
import type { AttachmentPicker } from '../attachment-picker/attachment-picker.ts';
import '../attachment-picker/attachment-picker.ts';
import { textLimitProblem } from '../../bff/contract/text-length.ts';
import { CharacterCount, characterCountStyles } from '../internal/character-count.ts';
import { caseFilingFormStyles } from './case-filing-form.styles.ts';

export interface SelectOption {
  id: string;
  label: string;
}

interface FieldOptions {
  hint?: string;
  required?: boolean;
  /** The most characters (as people see them) the BFF takes; a counter shows from 80 % on. */
  max?: number;
}

/**
 * What `<damage-report-form>` and `<mp-case-request-form>` share: the client, the session (from the
 * portal's context, else `GET /api/session`), the catalogue, errors shown after interaction, the
 * submission that keeps everything typed on failure, and the time-stamped receipt.
 */
export abstract class CaseFilingForm extends PortalElement {
  static override styles = [PortalElement.styles, caseFilingFormStyles, characterCountStyles];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the form's heading (2, or 3 inside a portal that has its own `h2`); sub-headings go one deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The session, from the enclosing `<tenant-portal>`; standalone, the element asks the BFF. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: Session;

  @state() protected ownSession?: Session;
  @state() protected sessionFailed = false;
  @state() protected catalogue?: CaseCatalogue;
  /** The language the catalogue's labels are in; another page language loads it again. */
  private catalogueLocale?: Locale;
  @state() protected catalogueState: 'idle' | 'loading' | 'failed' = 'idle';
  @state() protected busy = false;
  /** The general message above the form (summary of field errors, or why the filing failed). */
  @state() protected formError = '';
  /** Field messages from the last `validation_failed`; a field's message goes when it is edited. */
  @state() protected serverFields: Record<string, string> = {};
  @state() protected touched = new Set<string>();
  @state() protected attempted = false;
  @state() protected receipt?: { case: FiledCase; attachments: number };

  private readonly counter = new CharacterCount(this);

  /** The text of the submit button. */
  protected abstract submitLabel(): string;
  /** The fields of the form, above the attachments. */
  protected abstract renderFields(): TemplateResult;
  /** Field name → message for what is wrong now (shown after interaction or a submit attempt). */
  protected abstract validate(): Record<string, string>;
  /** The body of `POST /api/cases`, without the attachments. */
  protected abstract caseInput(): NewCaseInput;
  /** Empties the fields after a filing. */
  protected abstract clearFields(): void;
  /** The heading of the form. */
  protected abstract heading(): string;

  /** Set by `focusFirstField()`: focus goes to the first field as soon as the form shows it. */
  private firstFieldPending = false;

  private readonly onSessionChange = () => {
    if (!this.session) void this.loadSession();
  };

  /** @internal The form's client (`client`, else the one for `api`), speaking the form's language (catalogue labels come in it). */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  protected get filingApi(): CaseFilingApi {
    return new CaseFilingApi(this.apiClient);
  }

  protected get titleLevel(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
  }

  protected get currentSession(): Session | undefined {
    return this.session ?? this.ownSession;
  }

  /** `undefined` while the session is loading. */
  protected get signedIn(): boolean | undefined {
    const session = this.currentSession;
    if (!session) return this.sessionFailed ? false : undefined;
    return session.state === 'signed_in' && session.user?.role === 'resident';
  }

  protected get picker(): AttachmentPicker | null {
    return this.renderRoot.querySelector('mp-attachment-picker');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A portal elsewhere on the page signs the resident in or out: the standalone form follows.
    window.addEventListener('mp-signed-in', this.onSessionChange);
    window.addEventListener('mp-signed-out', this.onSessionChange);
    if (!this.session) void this.loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('mp-signed-in', this.onSessionChange);
    window.removeEventListener('mp-signed-out', this.onSessionChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const stale = this.catalogue && this.catalogueLocale !== this.locale;
    if (this.signedIn && (!this.catalogue || stale) && this.catalogueState === 'idle') void this.loadCatalogue();
  }

  /**
   * Moves focus to the form's first field, now or as soon as it is shown (the session and the catalogue may
   * still be loading): the next step of a flow starts where the person types, not on a heading.
   */
  focusFirstField(): void {
    this.firstFieldPending = true;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.firstFieldPending) return;
    const field = this.renderRoot.querySelector<HTMLElement>('form :is(input, select, textarea):not(:disabled)');
    if (!field) return;
    this.firstFieldPending = false;
    field.focus();
  }

  private async loadSession(): Promise<void> {
    try {
      this.ownSession = await this.apiClient.session();
      this.sessionFailed = false;
    } catch {
      this.sessionFailed = true;
    }
  }

  protected async loadCatalogue(): Promise<void> {
    this.catalogueState = 'loading';
    this.catalogueLocale = this.locale;
    try {
      this.catalogue = await this.filingApi.catalogue();
      this.catalogueState = 'idle';
    } catch {
      this.catalogueState = 'failed';
    }
  }

  protected retryCatalogue(): void {
    this.catalogueState = 'idle';
    void this.loadCatalogue();
  }

  override render() {
    const signedIn = this.signedIn;
    return html`
      <section class="filing" part="base" aria-labelledby="heading">
        <div class="title" id="heading" part="heading" role="heading" aria-level=${this.titleLevel} tabindex="-1">${
          this.receipt ? this.msg.receiptHeading : this.heading()
        }</div>
        ${
          signedIn === undefined
            ? html`<p class="loading" part="loading" role="status">${this.msg.loading}</p>`
            : !signedIn
              ? this.renderSignedOut()
              : this.receipt
                ? this.renderReceipt(this.receipt)
                : this.renderBody()
        }
      </section>
    `;
  }

  /** What a visitor who is not signed in as a resident sees. */
  protected renderSignedOut(): TemplateResult {
    return html`<p class="notice" part="sign-in-hint">${this.msg.signInToReport}</p>`;
  }

  /** The form, or the catalogue's loading/error state where the form cannot do without it. */
  protected renderBody(): TemplateResult {
    return this.renderForm();
  }

  protected renderCatalogueState(): TemplateResult {
    if (this.catalogueState === 'failed') {
      return html`
        <div class="alert" part="alert" role="alert">
          <p>${this.msg.catalogueError}</p>
          <button class="secondary" part="retry" type="button" @click=${() => this.retryCatalogue()}>${this.msg.catalogueRetry}</button>
        </div>
      `;
    }
    return html`<p class="loading" part="loading" role="status">${this.msg.loading}</p>`;
  }

  protected renderForm(): TemplateResult {
    const attachmentError = this.errorFor('attachmentIds');
    return html`
      <form part="form" novalidate @submit=${this.submit}>
        <div id="alert" class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
        ${this.renderFields()}
        <div class="field" part="field">
          <mp-attachment-picker
            part="attachments"
            lang=${this.locale}
            .client=${this.apiClient}
            ?disabled=${this.busy}
            aria-invalid=${attachmentError ? 'true' : 'false'}
            @change=${() => this.onAttachmentsChange()}
          ></mp-attachment-picker>
          ${attachmentError ? html`<p class="field-error" part="field-error" id="attachmentIds-error">${attachmentError}</p>` : nothing}
        </div>
        <button class="submit" part="submit" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.msg.submitting : this.submitLabel()}
        </button>
      </form>
    `;
  }

  private onAttachmentsChange(): void {
    this.clearServerField('attachmentIds');
    this.requestUpdate();
  }

  /** Rows of the receipt after the case number, time and status. */
  protected receiptRows(filed: FiledCase): [string, string][] {
    return [
      [this.msg.receiptType, this.msg.caseTypeLabels[filed.type]],
      [this.msg.receiptSubject, filed.title],
    ];
  }

  protected renderReceipt({ case: filed, attachments }: { case: FiledCase; attachments: number }): TemplateResult {
    const rows: [string, string][] = [
      [this.msg.receiptCaseNumber, filed.caseNumber],
      [this.msg.receiptReceivedAt, this.msg.dateTime(filed.createdAt)],
      [this.msg.receiptStatus, this.msg.caseStatusLabels[filed.status]],
      ...this.receiptRows(filed),
      [this.msg.receiptAttachments, this.msg.receiptAttachmentCount(attachments)],
    ];
    return html`
      <div class="receipt" part="receipt" role="status">
        <dl>
          ${rows.map(([term, value]) => html`<div class="receipt-row"><dt>${term}</dt><dd>${value}</dd></div>`)}
        </dl>
        <p class="hint">${this.msg.receiptNote}</p>
      </div>
      <button class="secondary" part="another" type="button" @click=${() => this.startAnother()}>${this.msg.reportAnother}</button>
    `;
  }

  private startAnother(): void {
    this.receipt = undefined;
    this.focusFirstField();
  }

  /** The message to show under a field: what is wrong now (after interaction), else the server's. */
  protected errorFor(name: string): string | undefined {
    const shown = this.attempted || this.touched.has(name);
    return (shown ? this.validate()[name] : undefined) ?? this.serverFields[name];
  }

  protected touch(name: string): void {
    if (this.touched.has(name)) return;
    this.touched = new Set([...this.touched, name]);
  }

  protected clearServerField(name: string): void {
    if (!(name in this.serverFields)) return;
    const { [name]: _removed, ...rest } = this.serverFields;
    this.serverFields = rest;
  }

  /** An edit: the field counts as touched from now on and the server's message for it is gone. */
  protected edited(name: string): void {
    this.clearServerField(name);
    this.touch(name);
  }

  /** What is wrong with a text's length, counted as the BFF counts (an emoji is one character). */
  protected lengthError(value: string, max: number): string | undefined {
    const problem = textLimitProblem(value.trim(), max);
    if (problem === 'too_long') return this.msg.tooLong(max);
    if (problem === 'too_many_combined') return this.counter.tooManyCombined;
    return undefined;
  }

  protected describedBy(name: string, hint?: string, counter?: string): string | undefined {
    const ids = [hint ? `${name}-hint` : '', counter ?? '', this.errorFor(name) ? `${name}-error` : ''].filter(Boolean).join(' ');
    return ids || undefined;
  }

  protected renderHintAndError(name: string, hint?: string) {
    const error = this.errorFor(name);
    return html`
      ${hint ? html`<p class="hint" part="hint" id="${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" part="field-error" id="${name}-error">${error}</p>` : nothing}
    `;
  }

  protected renderSelect(
    name: string,
    label: string,
    options: SelectOption[],
    selected: string,
    onChange: (value: string) => void,
    { disabled = false, placeholder = this.msg.choosePlaceholder, hint }: { disabled?: boolean; placeholder?: string; hint?: string } = {},
  ): TemplateResult {
    const error = this.errorFor(name);
    return html`
      <div class="field" part="field">
        <label part="label" for=${name}>${label}</label>
        <select
          part="select"
          id=${name}
          name=${name}
          required
          ?disabled=${disabled || this.busy}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy(name, hint))}
          @change=${(event: Event) => {
            this.edited(name);
            onChange((event.target as HTMLSelectElement).value);
          }}
          @blur=${() => this.touch(name)}
        >
          <option value="" ?selected=${!selected}>${placeholder}</option>
          ${options.map((option) => html`<option value=${option.id} ?selected=${option.id === selected}>${option.label}</option>`)}
        </select>
        ${this.renderHintAndError(name, hint)}
      </div>
    `;
  }

  protected renderText(
    name: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    { hint, required = false, multiline = false, autocomplete, max }: FieldOptions & { multiline?: boolean; autocomplete?: string } = {},
  ): TemplateResult {
    const error = this.errorFor(name);
    const counter = max ? this.counter.describedBy(name, value, max) : undefined;
    const input = (event: Event) => {
      this.clearServerField(name);
      onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    };
    return html`
      <div class="field" part="field">
        <label part="label" for=${name}>${label}</label>
        ${
          multiline
            ? html`<textarea
              part="textarea"
              id=${name}
              name=${name}
              rows="6"
              ?required=${required}
              ?disabled=${this.busy}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(this.describedBy(name, hint, counter))}
              .value=${value}
              @input=${input}
              @blur=${() => this.touch(name)}
            ></textarea>`
            : html`<input
              part="input"
              id=${name}
              name=${name}
              type="text"
              autocomplete=${ifDefined(autocomplete)}
              ?required=${required}
              ?disabled=${this.busy}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(this.describedBy(name, hint, counter))}
              .value=${value}
              @input=${input}
              @blur=${() => this.touch(name)}
            />`
        }
        ${max ? this.counter.render(name, value, max) : nothing} ${this.renderHintAndError(name, hint)}
      </div>
    `;
  }

  /** Checks what is typed, then files the case. On failure nothing typed or attached is lost. */
  protected readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    this.attempted = true;
    const picker = this.picker;
    const errors = this.validate();
    if (picker?.uploading) errors.attachmentIds = this.msg.uploadsPending;
    const count = Object.keys(errors).length;
    if (count) {
      // Shown under the picker until the uploads are done (the picker's `change` clears it).
      if (errors.attachmentIds) this.serverFields = { ...this.serverFields, attachmentIds: errors.attachmentIds };
      this.formError = this.msg.fieldErrorsSummary(count);
      await this.focusFirstError();
      return;
    }
    this.busy = true;
    this.formError = '';
    const attachmentIds = picker?.value ?? [];
    try {
      const filed = await this.filingApi.fileCase({ ...this.caseInput(), ...(attachmentIds.length ? { attachmentIds } : {}) });
      picker?.clear();
      this.clearFields();
      this.busy = false;
      this.attempted = false;
      this.touched = new Set();
      this.serverFields = {};
      this.receipt = { case: filed, attachments: attachmentIds.length };
      this.dispatchEvent(new CaseSubmittedEvent({ case: filed }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    } catch (error) {
      this.serverFields = error instanceof ApiError ? this.fieldsByInputName(error.fields) : {};
      const fieldCount = Object.keys(this.serverFields).length;
      this.formError = fieldCount ? this.msg.fieldErrorsSummary(fieldCount) : errorText(this.msg, error);
      this.busy = false;
      await this.focusFirstError();
    }
  };

  /** `attachmentIds.3` → `attachmentIds`: the form shows one message per input. */
  private fieldsByInputName(fields: Record<string, FieldError>): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [path, field] of Object.entries(fields)) result[path.split('.')[0]] ??= fieldErrorText(this.msg, field);
    return result;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('#alert'))?.focus();
  }
}
