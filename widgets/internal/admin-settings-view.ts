import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PortalElement } from './portal-element.ts';
import { ApiError, type ApiClient } from './api-client.ts';
import { defaultApiClient } from './default-api-client.ts';
import { errorText, fieldErrorText, type Locale } from './localize.ts';
import { staffViewStyles } from './staff-view.ts';
import { AreaTexts, TextArea } from './area-texts.ts';
import de, { type PortalAdminMessages } from './i18n/portal-admin/de.ts';
import './staff-errors.ts';

/** The shared texts of the admins' portal settings (German bundled, English on first use). */
export const portalAdminTexts = new TextArea<PortalAdminMessages>(de, { en: () => import('./i18n/portal-admin/en.ts') });

export type LoadState = 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error';

export interface ControlOptions {
  type?: 'text' | 'url' | 'email';
  hint?: string;
  autocomplete?: string;
  /** Extra text for assistive technology (e.g. which entry a field belongs to). */
  ariaLabel?: string;
}

/** `damageLocations.0.label` → `damageLocations-0-label`, the id of its control. */
export const idOf = (path: string) => path.replace(/[^a-zA-Z0-9_-]/g, '-');

/**
 * Base of the admins' portal settings elements: where the API is, what happens on sign-in and sign-out, the
 * states before the data is there (loading, signed out, not an admin, failed with retry), and labelled
 * controls that show the BFF's message for their field. Subclasses load their data in `loadData` and render
 * it in `renderReady`.
 */
export abstract class AdminSettingsView extends PortalElement {
  static override styles = [
    PortalElement.styles,
    staffViewStyles,
    css`
      :host {
        container-type: inline-size;
        min-width: 0;
      }
      .view {
        max-width: 52em;
      }
      .title {
        font-size: 1.4em;
        font-weight: 700;
        line-height: 1.25;
        margin: 0 0 0.5em;
      }
      label,
      legend {
        font-weight: 600;
      }
      .hint {
        color: var(--_muted);
        font-size: 0.875em;
        margin: 0;
      }
      .field-error {
        color: var(--_error);
        font-size: 0.875em;
        font-weight: 600;
        margin: 0;
      }
      input:is([type='url'], [type='email']) {
        width: 100%;
        min-height: 2.75em;
        padding: 0.4em 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      [aria-invalid='true']:is(input, textarea, select) {
        border: 2px solid var(--_error);
      }
      .alert:empty {
        display: none;
      }
      .notice {
        color: var(--_success);
        font-weight: 600;
        margin: 0;
      }
      .notice:empty {
        display: none;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the element's heading; its groups are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<staff-portal>`: the portal's heading names the view, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  @state() protected loadState: LoadState = 'loading';
  @state() private loadError?: unknown;
  /** A save is on its way. */
  @state() protected saving = false;
  /** The messages by field path of the last check or refused save. */
  @state() protected fieldErrors: Record<string, string> = {};
  /** The line above the form: how many fields are wrong, or what went wrong. */
  @state() protected formError = '';
  /** A confirmation ("Gespeichert …"). */
  @state() protected notice = '';

  protected readonly adminTexts = new AreaTexts(this, portalAdminTexts);
  private loadRequest = 0;
  private loaded = false;

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  /** The heading of the element when it is not embedded. */
  protected abstract get heading(): string;
  /** Reads the view's data; `isCurrent()` turns false when a newer load or a sign-out overtook it. */
  protected abstract loadData(isCurrent: () => boolean): Promise<void>;
  protected abstract renderReady(): TemplateResult;
  /** Forgets the company's data (sign-out). */
  protected abstract clearData(): void;
  /** Settles once the element's own texts are here. */
  protected abstract textsReady(): Promise<void>;

  /** What someone signed out reads; a view that clerks may use too says so. */
  protected get signedOutNote(): string {
    return this.adminTexts.texts.signInFirst;
  }

  /** What someone the BFF refuses (403) reads. */
  protected get forbiddenNote(): string {
    return this.adminTexts.texts.adminsOnly;
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
    await Promise.all([this.adminTexts.ready(this.locale), this.textsReady()]);
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
    this.clearData();
    this.loadState = 'signed-out';
  };

  protected async load(): Promise<void> {
    const request = ++this.loadRequest;
    this.loadState = 'loading';
    try {
      await this.loadData(() => request === this.loadRequest);
      if (request === this.loadRequest) this.loadState = 'ready';
    } catch (error) {
      if (request !== this.loadRequest) return;
      const status = error instanceof ApiError ? error.status : 0;
      this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
      this.loadError = error;
    }
  }

  /**
   * The BFF's messages of a failed save by field path. German shows the contract's own words (they name each
   * field's rule); English phrases them from the issue code.
   */
  protected fieldErrorsOf(error: unknown): Record<string, string> {
    const fields = error instanceof ApiError ? error.fields : {};
    return Object.fromEntries(
      Object.entries(fields).map(([path, field]) => [
        path,
        this.locale === 'de' && field.message ? field.message : fieldErrorText(this.msg, field),
      ]),
    );
  }

  /** The line above a form after a failed save: how many fields are wrong, or what went wrong. */
  protected formErrorOf(error: unknown, fieldErrors: Record<string, string>): string {
    const shown = Object.keys(fieldErrors).filter((path) => path !== '').length;
    return shown ? this.msg.fieldErrorsSummary(shown) : (fieldErrors[''] ?? errorText(this.msg, error));
  }

  /**
   * Saves a form as every admin part does: the messages `check` finds before anything is sent (none: send), then
   * `send`, which answers with the confirmation to show; a refusal shows the BFF's message at each field, and the
   * focus goes to the first wrong field or the error line. Resolves whether it was saved.
   */
  protected async saveForm(check: () => Record<string, string>, send: () => Promise<string>): Promise<boolean> {
    if (this.saving) return false;
    this.notice = '';
    this.formError = '';
    const wrong = check();
    const count = Object.keys(wrong).length;
    if (count) {
      this.fieldErrors = wrong;
      this.formError = this.msg.fieldErrorsSummary(count);
      await this.focusFirstError();
      return false;
    }
    let saved = false;
    this.saving = true;
    try {
      this.notice = await send();
      this.fieldErrors = {};
      saved = true;
    } catch (error) {
      this.fieldErrors = this.fieldErrorsOf(error);
      this.formError = this.formErrorOf(error, this.fieldErrors);
    } finally {
      this.saving = false;
    }
    if (!saved) await this.focusFirstError();
    return saved;
  }

  /** A field was edited: its message goes, and so does an old confirmation. */
  protected edited(path: string): void {
    this.notice = '';
    if (!(path in this.fieldErrors)) return;
    const { [path]: _gone, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  protected errorText(error: unknown): string {
    return errorText(this.msg, error);
  }

  protected async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('[role="alert"]:not(:empty)'))?.focus();
  }

  protected get sectionLevel(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5) + 1;
  }

  override render() {
    return html`
      <section class="view" part="base" aria-labelledby=${ifDefined(this.embedded ? undefined : 'view-heading')}>
        ${
          this.embedded
            ? nothing
            : html`<div class="title" id="view-heading" part="heading" role="heading" aria-level=${this.sectionLevel - 1}>${this.heading}</div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const texts = this.adminTexts.texts;
    switch (this.loadState) {
      case 'loading':
        return html`<p class="muted" part="loading" role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert">${this.signedOutNote}</p>`;
      case 'forbidden':
        return html`<p class="alert" part="alert">${this.forbiddenNote}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">
            <p>${texts.loadFailed} ${errorText(this.msg, this.loadError)}</p>
            <button type="button" part="retry" @click=${() => this.load()}>${this.msg.retry}</button>
          </div>
        `;
    }
    return this.renderReady();
  }

  /** One labelled one-line control with its hint and the BFF's message for it. */
  protected control(
    path: string,
    label: string,
    value: string,
    error: string | undefined,
    onInput: (value: string) => void,
    options: ControlOptions = {},
  ): TemplateResult {
    const id = idOf(path);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return html`
      <div class="field" part="field">
        <label part="label" for=${id}>${label}</label>
        <input
          part="input"
          id=${id}
          type=${options.type ?? 'text'}
          autocomplete=${ifDefined(options.autocomplete)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          .value=${value}
          @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
        />
        ${options.hint ? html`<p class="hint" part="hint" id="${id}-hint">${options.hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }
}
