import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText, fieldErrorText, intlLocale } from '../internal/localize.ts';
import { AccountApi, type AccountOverview, type AccountSession, type TotpEnrolment } from '../internal/account-api.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { PrivacyApi, type PrivacyOverview, type RetainedItem } from '../internal/privacy-api.ts';
import { accountTexts } from './account-texts.ts';
import { accountSettingsStyles } from './account-settings.styles.ts';

type Section = 'sessions' | 'password' | 'factor' | 'email' | 'privacy';
/** Where the second-factor section stands: its buttons, one of its two forms, the new app's QR code, or codes shown once. */
type FactorStep = 'idle' | 'reenrol-password' | 'reenrol-code' | 'recovery-password' | 'codes';

/**
 * A signed-in resident's or staff member's own account (docs/sign-in.md, "Self-service"): the devices they are
 * signed in on (end one, or all others), their password, the second factor with its recovery codes (shown
 * once), and their e-mail address (changed by a link to the new one). A resident also finds "Meine Daten": the
 * download of everything the portal holds about them (JSON and PDF, Art. 15 DSGVO) and the erasure request
 * (Art. 17), confirmed explicitly, with what must be kept and why (docs/data-subject-rights.md). Every section shows
 * its own progress, the BFF's words for what went wrong and a confirmation.
 *
 * The account bar of `<tenant-portal>` and `<staff-portal>` opens it; its code is imported only then.
 *
 * @tagname account-settings
 * @summary The signed-in person's sessions, password, second factor and e-mail address.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading.
 * @csspart section - Each of the four sections.
 * @csspart section-heading - A section's heading.
 * @csspart sessions - The list of sessions.
 * @csspart session - One session.
 * @csspart current - The "Dieses Gerät" mark.
 * @csspart form - Each form.
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A text, password or code input.
 * @csspart field-error - The BFF's message under its field.
 * @csspart button - Each button.
 * @csspart alert - A section's error.
 * @csspart notice - A section's confirmation.
 * @csspart qr-code - The new app's QR code.
 * @csspart secret - The new app's key, to type in.
 * @csspart recovery-codes - The recovery codes, shown once.
 * @csspart download - Each download link of "Meine Daten".
 * @csspart retained - The list of what an erasure keeps.
 * @csspart erasure-status - The state of the resident's erasure request.
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and times.
 * @cssproperty --mp-color-surface - Background of inputs.
 * @cssproperty --mp-color-border - Borders and separators.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class AccountSettingsElement extends PortalElement {
  static override styles = [PortalElement.styles, accountSettingsStyles];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; the portals pass theirs, stories and tests a fake. */
  @property({ attribute: false }) client?: ApiClient;

  /** The person is a resident: shows "Meine Daten" (export and erasure request). The portals set it from the session. */
  @property({ type: Boolean }) resident = false;

  /** Level of the element's heading; its sections are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'error' = 'loading';
  @state() private loadError?: unknown;
  @state() private overview?: AccountOverview;
  @state() private sessions: AccountSession[] = [];
  /** The section whose request is under way (one at a time per section). */
  @state() private busy: Partial<Record<Section, boolean>> = {};
  @state() private errors: Partial<Record<Section, string>> = {};
  @state() private fieldErrors: Partial<Record<string, string>> = {};
  @state() private notices: Partial<Record<Section, string>> = {};
  @state() private factorStep: FactorStep = 'idle';
  @state() private enrolment?: TotpEnrolment;
  @state() private recoveryCodes: string[] = [];
  @state() private privacy?: PrivacyOverview;
  /** "Löschung beantragen" opened its confirmation. */
  @state() private confirmingErasure = false;

  private readonly accountTexts = new AreaTexts(this, accountTexts);
  private loaded = false;

  private get t() {
    return this.accountTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get account(): AccountApi {
    return new AccountApi(this.apiClient);
  }

  private get privacyApi(): PrivacyApi {
    return new PrivacyApi(this.apiClient);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.accountTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api') || changed.has('resident')) {
      this.loaded = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loadState = 'loading';
    try {
      const [overview, sessions, privacy] = await Promise.all([
        this.account.overview(),
        this.account.sessions(),
        this.resident ? this.privacyApi.overview() : undefined,
      ]);
      this.overview = overview;
      this.sessions = sessions;
      this.privacy = privacy;
      this.loadState = 'ready';
    } catch (error) {
      this.loadError = error;
      this.loadState = error instanceof ApiError && error.status === 401 ? 'signed-out' : 'error';
    }
  }

  /** Runs one section's request: its button shows progress, its alert the BFF's words, its notice the outcome. */
  private async run(section: Section, work: () => Promise<string | void>): Promise<void> {
    if (this.busy[section]) return;
    this.busy = { ...this.busy, [section]: true };
    this.errors = { ...this.errors, [section]: undefined };
    this.notices = { ...this.notices, [section]: undefined };
    this.fieldErrors = {};
    try {
      const notice = await work();
      if (notice) this.notices = { ...this.notices, [section]: notice };
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = Object.fromEntries(
        Object.entries(fields).map(([path, field]) => [
          `${section}.${path}`,
          this.locale === 'de' && field.message ? field.message : fieldErrorText(this.msg, field),
        ]),
      );
      this.errors = {
        ...this.errors,
        [section]: Object.keys(fields).length ? this.msg.fieldErrorsSummary(Object.keys(fields).length) : this.errorWords(error),
      };
    } finally {
      this.busy = { ...this.busy, [section]: false };
    }
  }

  /** The element's own refusals in its texts, every other error as the portals word it. */
  private errorWords(error: unknown): string {
    const code = (error as { code?: string }).code;
    return (code && this.t.errors[code]) || errorText(this.msg, error);
  }

  private formValues(event: SubmitEvent): Record<string, string> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    // Only text inputs here: every value is a string, never a File.
    return Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value : '']));
  }

  // -------------------------------------------------------------------------------------------------
  // Actions

  private endSession(session: AccountSession) {
    return this.run('sessions', async () => {
      await this.account.endSession(session.id);
      this.sessions = this.sessions.filter((other) => other.id !== session.id);
      return this.t.sessionEnded;
    });
  }

  private endOthers() {
    return this.run('sessions', async () => {
      const ended = await this.account.endOtherSessions();
      this.sessions = this.sessions.filter((session) => session.current);
      return this.t.othersEnded(ended);
    });
  }

  private readonly changePassword = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const values = this.formValues(event);
    return this.run('password', async () => {
      await this.account.changePassword({ current: values.current, new: values.new });
      form.reset();
      this.sessions = this.sessions.filter((session) => session.current);
      return this.t.passwordChanged;
    });
  };

  private readonly startReenrol = (event: SubmitEvent) => {
    const values = this.formValues(event);
    return this.run('factor', async () => {
      this.enrolment = await this.account.startTotp(values.password);
      this.factorStep = 'reenrol-code';
    });
  };

  private readonly confirmReenrol = (event: SubmitEvent) => {
    const values = this.formValues(event);
    return this.run('factor', async () => {
      const { recoveryCodes } = await this.account.confirmTotp(values.code);
      this.showCodes(recoveryCodes);
      this.overview = { ...this.overview!, secondFactor: 'totp', recoveryCodesLeft: recoveryCodes.length };
      return this.t.reenrolled;
    });
  };

  private readonly regenerate = (event: SubmitEvent) => {
    const values = this.formValues(event);
    return this.run('factor', async () => {
      const { recoveryCodes } = await this.account.regenerateRecoveryCodes({ password: values.password });
      this.showCodes(recoveryCodes);
      this.overview = { ...this.overview!, recoveryCodesLeft: recoveryCodes.length };
    });
  };

  private showCodes(codes: string[]): void {
    this.recoveryCodes = codes;
    this.enrolment = undefined;
    this.factorStep = 'codes';
  }

  private readonly changeEmail = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const values = this.formValues(event);
    return this.run('email', async () => {
      const { sentTo } = await this.account.requestEmailChange({ new: values.new, password: values.password });
      form.reset();
      this.overview = { ...this.overview!, pendingEmail: values.new.trim().toLowerCase() };
      return this.t.emailSent(sentTo);
    });
  };

  private readonly requestErasure = (event: SubmitEvent) => {
    event.preventDefault();
    return this.run('privacy', async () => {
      const request = await this.privacyApi.requestErasure();
      this.privacy = { ...this.privacy!, erasureRequest: request };
      this.confirmingErasure = false;
      return this.t.erasureRequested;
    });
  };

  private setConfirmingErasure(open: boolean): void {
    this.confirmingErasure = open;
    this.errors = { ...this.errors, privacy: undefined };
    this.notices = { ...this.notices, privacy: undefined };
  }

  private setFactorStep(step: FactorStep): void {
    this.factorStep = step;
    this.errors = { ...this.errors, factor: undefined };
    this.notices = { ...this.notices, factor: undefined };
    this.fieldErrors = {};
    if (step === 'idle') {
      this.recoveryCodes = [];
      this.enrolment = undefined;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  private date(iso: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private heading(level: number, text: string, part: string, id?: string): TemplateResult {
    return html`<div role="heading" aria-level=${Math.min(level, 6)} class=${part} part=${part} id=${id ?? nothing}>${text}</div>`;
  }

  override render() {
    return html`
      <section class="account" part="base" aria-labelledby="account-heading">
        ${this.heading(this.headingLevel, this.t.heading, 'heading', 'account-heading')} ${this.renderBody()}
      </section>
    `;
  }

  private renderBody() {
    switch (this.loadState) {
      case 'loading':
        return html`<p role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert" role="alert">${this.t.signInFirst}</p>`;
      case 'error':
        return html`
          <p class="alert" part="alert" role="alert">${errorText(this.msg, this.loadError)}</p>
          <button part="button" type="button" @click=${() => void this.load()}>${this.t.retry}</button>
        `;
      case 'ready':
        return html`${this.renderSessions()} ${this.renderPassword()} ${this.renderFactor()} ${this.renderEmail()}
        ${this.privacy ? this.renderPrivacy(this.privacy) : nothing}`;
    }
  }

  private section(id: Section, title: string, content: TemplateResult) {
    const error = this.errors[id];
    const notice = this.notices[id];
    return html`
      <section class="group" part="section" aria-labelledby=${`${id}-heading`} aria-busy=${this.busy[id] ? 'true' : 'false'}>
        ${this.heading(this.headingLevel + 1, title, 'section-heading', `${id}-heading`)} ${content}
        <p class="alert" part="alert" role="alert" id=${`${id}-alert`}>${error ?? nothing}</p>
        <p class="notice" part="notice" role="status">${notice ?? nothing}</p>
      </section>
    `;
  }

  private field(section: Section, name: string, label: string, type: string, autocomplete: string, hint?: string) {
    const id = `${section}-${name}`;
    const error = this.fieldErrors[`${section}.${name}`];
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field" part="field">
        <label part="label" for=${id}>${label}</label>
        <input part="input" id=${id} name=${name} type=${type} autocomplete=${autocomplete} required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}
          inputmode=${type === 'text' && name === 'code' ? 'numeric' : nothing} />
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>
    `;
  }

  private submit(section: Section, label: string) {
    const busy = this.busy[section] === true;
    return html`<button part="button" class="primary" type="submit" aria-busy=${busy ? 'true' : 'false'} ?disabled=${busy}>
      ${busy ? this.t.pending : label}
    </button>`;
  }

  private renderSessions() {
    const others = this.sessions.filter((session) => !session.current);
    const busy = this.busy.sessions === true;
    return this.section(
      'sessions',
      this.t.sessionsHeading,
      html`
        <p class="muted">${this.t.sessionsIntro}</p>
        <ul class="sessions" part="sessions">
          ${this.sessions.map(
            (session) => html`
              <li class="session" part="session">
                <div>
                  <strong>${session.device}</strong>
                  ${session.current ? html`<span class="current" part="current">${this.t.thisDevice}</span>` : nothing}
                  <p class="muted">${this.t.sessionTimes(this.date(session.createdAt), this.date(session.lastSeenAt))}</p>
                </div>
                ${
                  session.current
                    ? nothing
                    : html`<button part="button" type="button" ?disabled=${busy} aria-label=${this.t.endSessionOf(session.device)}
                      @click=${() => void this.endSession(session)}>${this.t.endSession}</button>`
                }
              </li>
            `,
          )}
        </ul>
        ${
          others.length
            ? html`<button part="button" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${() => void this.endOthers()}>
              ${this.t.endOthers}
            </button>`
            : html`<p class="muted">${this.t.noOtherSessions}</p>`
        }
      `,
    );
  }

  private renderPassword() {
    return this.section(
      'password',
      this.t.passwordHeading,
      html`
        <form part="form" @submit=${this.changePassword}>
          ${this.field('password', 'current', this.t.currentPassword, 'password', 'current-password')}
          ${this.field('password', 'new', this.t.newPassword, 'password', 'new-password', this.t.newPasswordHint)}
          ${this.submit('password', this.t.changePassword)}
        </form>
      `,
    );
  }

  private renderFactor() {
    const overview = this.overview!;
    const factor =
      overview.secondFactor === 'totp' ? this.t.factorTotp : overview.secondFactor === 'email' ? this.t.factorEmail : this.t.factorNone;
    return this.section(
      'factor',
      this.t.secondFactorHeading,
      html`
        <p>${factor}</p>
        ${overview.secondFactor === 'totp' ? html`<p class="muted">${this.t.recoveryLeft(overview.recoveryCodesLeft)}</p>` : nothing}
        ${this.renderFactorStep()}
      `,
    );
  }

  private renderFactorStep() {
    const cancel = html`<button part="button" type="button" @click=${() => this.setFactorStep('idle')}>${this.t.cancel}</button>`;
    switch (this.factorStep) {
      case 'idle':
        return html`
          <div class="actions">
            <button part="button" type="button" @click=${() => this.setFactorStep('reenrol-password')}>
              ${this.overview!.secondFactor === 'totp' ? this.t.reenrolTotp : this.t.switchToTotp}
            </button>
            ${
              this.overview!.secondFactor === 'totp'
                ? html`<button part="button" type="button" @click=${() => this.setFactorStep('recovery-password')}>${this.t.newRecoveryCodes}</button>`
                : nothing
            }
          </div>
        `;
      case 'reenrol-password':
        return html`
          <form part="form" @submit=${this.startReenrol}>
            <p class="muted">${this.t.reenrolIntro}</p>
            ${this.field('factor', 'password', this.t.confirmPassword, 'password', 'current-password')}
            <div class="actions">${this.submit('factor', this.t.startReenrol)} ${cancel}</div>
          </form>
        `;
      case 'reenrol-code':
        return html`
          <form part="form" @submit=${this.confirmReenrol}>
            <p>${this.t.scanQr}</p>
            <img class="qr-code" part="qr-code" width="180" height="180" alt=${this.t.qrAlt}
              src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.enrolment?.qrCodeSvg ?? '')}`} />
            <p class="secret" part="secret">${this.enrolment?.secret}</p>
            ${this.field('factor', 'code', this.t.newAppCode, 'text', 'one-time-code')}
            <div class="actions">${this.submit('factor', this.t.confirmReenrol)} ${cancel}</div>
          </form>
        `;
      case 'recovery-password':
        return html`
          <form part="form" @submit=${this.regenerate}>
            <p class="muted">${this.t.recoveryIntro}</p>
            ${this.field('factor', 'password', this.t.confirmPassword, 'password', 'current-password')}
            <div class="actions">${this.submit('factor', this.t.createRecoveryCodes)} ${cancel}</div>
          </form>
        `;
      case 'codes':
        return html`
          <div class="codes">
            <p><strong>${this.t.recoveryCodesHeading}</strong></p>
            <p>${this.t.recoveryCodesOnce}</p>
            <ul class="recovery-codes" part="recovery-codes">
              ${this.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}
            </ul>
            <button part="button" type="button" @click=${() => this.setFactorStep('idle')}>${this.t.recoveryCodesDone}</button>
          </div>
        `;
    }
  }

  private renderEmail() {
    const overview = this.overview!;
    return this.section(
      'email',
      this.t.emailHeading,
      html`
        ${overview.email ? html`<p>${this.t.currentEmail(overview.email)}</p>` : nothing}
        ${overview.pendingEmail ? html`<p class="muted">${this.t.pendingEmail(overview.pendingEmail)}</p>` : nothing}
        <form part="form" @submit=${this.changeEmail}>
          ${this.field('email', 'new', this.t.newEmail, 'email', 'email')}
          ${this.field('email', 'password', this.t.password, 'password', 'current-password')}
          ${this.submit('email', this.t.changeEmail)}
        </form>
      `,
    );
  }

  private day(iso: string | null): string {
    return iso ? new Intl.DateTimeFormat(intlLocale(this.locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)) : '';
  }

  private retainedText(item: RetainedItem): string {
    return this.t.kept[item.kind](item.count, this.day(item.keptUntil));
  }

  private renderPrivacy(privacy: PrivacyOverview) {
    const request = privacy.erasureRequest;
    const open = request?.status === 'open';
    const busy = this.busy.privacy === true;
    return this.section(
      'privacy',
      this.t.privacyHeading,
      html`
        <p>${this.t.privacyIntro}</p>
        <div class="actions">
          <a part="download" class="download" href=${this.privacyApi.exportUrl('pdf')} download>${this.t.downloadPdf}</a>
          <a part="download" class="download" href=${this.privacyApi.exportUrl('json')} download>${this.t.downloadJson}</a>
        </div>
        ${this.heading(this.headingLevel + 2, this.t.erasureHeading, 'section-heading', 'erasure-heading')}
        ${
          open
            ? html`<p class="erasure-status" part="erasure-status" role="status">${this.t.erasureOpen(this.day(request.requestedAt))}</p>`
            : html`
              ${
                request?.completedAt
                  ? html`<p class="muted" part="erasure-status">${this.t.erasureCompleted(this.day(request.completedAt))}</p>`
                  : nothing
              }
              <p>${this.t.erasureIntro}</p>`
        }
        <p><strong>${this.t.keptHeading}</strong></p>
        <ul class="retained" part="retained">
          ${privacy.retained.map(
            (item) =>
              html`<li><strong>${this.retainedText(item)}</strong><br /><span class="muted">${this.t.keptWhy[item.kind]}</span></li>`,
          )}
        </ul>
        ${open ? nothing : this.renderErasureRequest(busy)}
      `,
    );
  }

  private renderErasureRequest(busy: boolean) {
    if (!this.confirmingErasure)
      return html`<button part="button" type="button" @click=${() => this.setConfirmingErasure(true)}>${this.t.startErasure}</button>`;
    return html`
      <form part="form" class="confirm-erasure" @submit=${this.requestErasure}>
        <p>${this.t.confirmErasureQuestion}</p>
        <label class="check">
          <input type="checkbox" name="confirm" required />
          <span>${this.t.confirmErasureCheck}</span>
        </label>
        <div class="actions">
          <button part="button" class="primary danger" type="submit" aria-busy=${busy ? 'true' : 'false'} ?disabled=${busy}>
            ${busy ? this.t.pending : this.t.confirmErasure}
          </button>
          <button part="button" type="button" @click=${() => this.setConfirmingErasure(false)}>${this.t.cancel}</button>
        </div>
      </form>
    `;
  }
}

defineElement('account-settings', AccountSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'account-settings': AccountSettingsElement;
  }
}
