import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldError } from '../../bff/contract/errors.ts';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { errorText, fieldErrorText } from '../internal/localize.ts';
import type { Audience, SecondFactor, TotpEnrolment } from '../internal/api-client.ts';
import { SignInRequestEvent, type SignInRequest, type SignInStep } from '../events/sign-in-request.ts';
import { signInFlowStyles } from './sign-in-flow.styles.ts';

export type { SignInStep };

/** An error to show: its code (the server's message as fallback) and the issue per field name. Matches `ApiError`. */
export interface FormError {
  code: string;
  message: string;
  fields: Record<string, FieldError>;
}

interface FieldOptions {
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  hint?: string;
}

/**
 * The sign-in and onboarding forms of residents and staff: login, second factor, activation with the
 * letter's code, second-factor enrolment and password reset. Presentational: it shows the step it is
 * given and asks for everything else with `mp-sign-in-request`; the portals do the API calls.
 *
 * @tagname mp-sign-in-flow
 * @summary Sign-in, activation, second factor and password reset forms.
 *
 * @slot header - Shown above every step, e.g. the housing company's logo.
 *
 * @event {SignInRequestEvent} mp-sign-in-request - A form was submitted or an action chosen; `detail.action` says which.
 *
 * @csspart panel - The container of the current step.
 * @csspart heading - The heading of the current step.
 * @csspart alert - The region for the general error of a form.
 * @csspart confirmation - The region for confirmations (code sent, password changed).
 * @csspart form - Each form.
 * @csspart field - A label, input, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A text, e-mail or password input.
 * @csspart field-error - The error message under a field.
 * @csspart submit - The primary button of a form.
 * @csspart link - A secondary action that looks like a link.
 * @csspart option - A choice of second factor.
 * @csspart qr-code - The QR code for the authenticator app.
 * @csspart secret - The authenticator secret for manual entry.
 *
 * @cssproperty --mp-color-primary - Buttons and links.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs and options.
 * @cssproperty --mp-color-border - Input borders.
 * @cssproperty --mp-color-error - Error messages and invalid fields.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius of inputs and buttons.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class SignInFlow extends PortalElement {
  static override styles = [PortalElement.styles, signInFlowStyles];

  /** The step to show. */
  @property({ reflect: true }) step: SignInStep = 'login';

  /** `staff` shows the staff wording. */
  @property() audience: Audience = 'resident';

  /** A request is under way: submit buttons are disabled and marked busy. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The error of the last request. */
  @property({ attribute: false }) error?: FormError;

  /** A confirmation to show, e.g. that a new code was sent. */
  @property() notice?: string;

  /** How the second factor is delivered at login. */
  @property({ attribute: 'second-factor' }) secondFactor: SecondFactor = 'totp';

  /** The second factors the person may enrol. */
  @property({ attribute: false }) enrollOptions: SecondFactor[] = ['totp', 'email'];

  /** QR code and secret while enrolling an authenticator app. */
  @property({ attribute: false }) totpEnrolment?: TotpEnrolment;

  /** After enrolling an authenticator app: the recovery codes, shown this once. */
  @property({ attribute: false }) recoveryCodes: string[] = [];

  /** The masked address an e-mailed code went to. */
  @property({ attribute: 'sent-to' }) sentTo?: string;

  /** Errors found before sending, e.g. an empty field or passwords that differ. */
  @state() private localErrors: Record<string, string> = {};

  private hasRenderedOnce = false;

  /** Moves focus to the heading of the current step, e.g. when the flow replaces content that had focus. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  override render() {
    return html`
      <slot name="header"></slot>
      <section class="panel" part="panel" aria-labelledby="heading">
        ${this.renderStep()}
      </section>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('step') || changed.has('error')) this.localErrors = {};
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Focus follows changes the person caused, never the first render on page load.
    if (!this.hasRenderedOnce) {
      this.hasRenderedOnce = true;
      return;
    }
    if (changed.has('step')) {
      this.focusHeading();
    } else if (changed.has('error') && this.error) {
      this.focusFirstError();
    }
  }

  private renderStep(): TemplateResult {
    const msg = this.msg;
    switch (this.step) {
      case 'login':
        return html`
          ${this.heading(this.audience === 'staff' ? msg.staffLoginHeading : msg.loginHeading)}
          ${this.form(
            (data) => ({ action: 'login', email: data.email, password: data.password }),
            html`
              ${this.field('email', msg.email, { type: 'email', autocomplete: 'username', inputmode: 'email' })}
              ${this.field('password', msg.password, { type: 'password', autocomplete: 'current-password' })}
            `,
            msg.loginSubmit,
          )}
          <div class="links">
            ${this.link(msg.forgotPassword, 'reset-request')} ${this.link(msg.activateLink, 'activate')}
          </div>
        `;
      case 'second-factor':
        return html`
          ${this.heading(msg.secondFactorHeading)}
          <p>${this.secondFactor === 'email' ? msg.secondFactorEmail(this.sentTo) : msg.secondFactorTotp}</p>
          ${this.form(
            (data) => ({ action: 'verify', code: data.code }),
            // An authenticator code or, with a lost phone, a recovery code (letters too): no numeric keyboard then.
            this.secondFactor === 'email'
              ? this.codeField()
              : this.field('code', msg.codeOrRecoveryCode, { autocomplete: 'one-time-code' }),
            msg.verifySubmit,
          )}
          <div class="links">
            ${this.secondFactor === 'email' ? this.actionLink(msg.resendCode, { action: 'resend-code' }) : nothing}
            ${this.actionLink(msg.back, { action: 'cancel' })}
          </div>
        `;
      case 'activate':
        return html`
          ${this.heading(msg.activateHeading)}
          <p>${msg.activateIntro}</p>
          ${this.form(
            (data) => ({ action: 'activate', code: data.code, email: data.email, password: data.password }),
            html`
              ${this.field('code', msg.activationCode, { autocomplete: 'off' })}
              ${this.field('email', msg.email, { type: 'email', autocomplete: 'username', inputmode: 'email' })}
              ${this.newPasswordFields(msg.password)}
            `,
            msg.activateSubmit,
          )}
          <div class="links">${this.link(msg.back, 'login')}</div>
        `;
      case 'enroll-choice':
        return html`
          ${this.heading(msg.enrollChoiceHeading)}
          <p>${msg.enrollChoiceIntro}</p>
          <ul class="options">
            ${this.enrollOptions.map((option) =>
              option === 'totp'
                ? this.option(msg.enrollTotpOption, msg.enrollTotpOptionHint, { action: 'enroll-totp' })
                : this.option(msg.enrollEmailOption, msg.enrollEmailOptionHint, { action: 'enroll-email' }),
            )}
          </ul>
          <div class="links">${this.actionLink(msg.back, { action: 'cancel' })}</div>
        `;
      case 'enroll-totp':
        return html`
          ${this.heading(msg.enrollTotpHeading)}
          <p>${msg.enrollTotpIntro}</p>
          ${
            this.totpEnrolment
              ? html`
                <img
                  class="qr-code"
                  part="qr-code"
                  alt=${msg.qrCodeAlt}
                  width="200"
                  height="200"
                  src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.totpEnrolment.qrCodeSvg)}`}
                />
                <p>${msg.manualSecret}</p>
                <p><code class="secret" part="secret">${groupsOfFour(this.totpEnrolment.secret)}</code></p>
              `
              : nothing
          }
          ${this.form((data) => ({ action: 'confirm-totp', code: data.code }), this.codeField(), msg.enrollSubmit)}
          <div class="links">${this.otherMethodLink()}</div>
        `;
      case 'recovery-codes':
        return html`
          ${this.heading(msg.recoveryCodesHeading)}
          <p>${msg.recoveryCodesIntro}</p>
          <ul class="recovery-codes" part="recovery-codes" aria-label=${msg.recoveryCodesHeading}>
            ${this.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}
          </ul>
          <button part="submit" type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new SignInRequestEvent({ action: 'codes-noted' }))}>
            ${msg.recoveryCodesNoted}
          </button>
        `;
      case 'enroll-email':
        return html`
          ${this.heading(msg.enrollEmailHeading)}
          <p>${msg.secondFactorEmail(this.sentTo)}</p>
          ${this.form((data) => ({ action: 'confirm-email', code: data.code }), this.codeField(), msg.enrollSubmit)}
          <div class="links">
            ${this.actionLink(msg.resendCode, { action: 'enroll-email' })} ${this.otherMethodLink()}
          </div>
        `;
      case 'reset-request':
        return html`
          ${this.heading(msg.resetRequestHeading)}
          <p>${msg.resetRequestIntro}</p>
          ${this.form(
            (data) => ({ action: 'request-reset', email: data.email }),
            this.field('email', msg.email, { type: 'email', autocomplete: 'username', inputmode: 'email' }),
            msg.resetRequestSubmit,
          )}
          <div class="links">${this.link(msg.back, 'login')}</div>
        `;
      case 'reset-sent':
        return html`
          ${this.heading(msg.resetSentHeading)}
          <p>${msg.resetSent}</p>
          <div class="links">${this.link(msg.back, 'login')}</div>
        `;
      case 'reset-complete':
        return html`
          ${this.heading(msg.resetCompleteHeading)}
          ${this.form(
            (data) => ({ action: 'complete-reset', password: data.password }),
            this.newPasswordFields(msg.newPassword),
            msg.resetCompleteSubmit,
          )}
          <div class="links">
            ${this.error?.code === 'invalid_reset_token' ? this.link(msg.requestNewLink, 'reset-request') : nothing}
            ${this.link(msg.back, 'login')}
          </div>
        `;
    }
  }

  private heading(text: string) {
    return html`
      <h2 id="heading" part="heading" tabindex="-1">${text}</h2>
      <div id="alert" class="alert" part="alert" role="alert" tabindex="-1">${this.errorMessage()}</div>
      ${this.notice ? html`<p class="confirmation" part="confirmation" role="status">${this.notice}</p>` : nothing}
    `;
  }

  private errorMessage(): string {
    return this.error ? errorText(this.msg, this.error) : '';
  }

  /**
   * A form that checks its fields are filled, then asks for `toRequest(values)`. Native inputs keep what
   * was typed across re-renders, so nothing is lost when the request fails.
   */
  private form(toRequest: (data: Record<string, string>) => SignInRequest, fields: TemplateResult, submitLabel: string) {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      if (this.busy) return;
      const form = event.currentTarget as HTMLFormElement;
      const data = Object.fromEntries(
        [...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value.trim() : '']),
      );
      const errors: Record<string, string> = {};
      for (const [name, value] of Object.entries(data)) if (!value) errors[name] = this.msg.required;
      if (!errors.passwordRepeat && 'passwordRepeat' in data && data.passwordRepeat !== data.password) {
        errors.passwordRepeat = this.msg.passwordsDiffer;
      }
      this.localErrors = errors;
      if (Object.keys(errors).length) {
        void this.updateComplete.then(() => this.focusFirstError());
        return;
      }
      this.dispatchEvent(new SignInRequestEvent(toRequest(data)));
    };
    return html`
      <form part="form" novalidate @submit=${submit}>
        ${fields}
        <button class="submit" part="submit" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.msg.busy : submitLabel}
        </button>
      </form>
    `;
  }

  private field(name: string, label: string, options: FieldOptions = {}) {
    const issue = this.error?.fields[name];
    const error = this.localErrors[name] ?? (issue && fieldErrorText(this.msg, issue));
    const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field" part="field">
        <label part="label" for=${name}>${label}</label>
        <input
          part="input"
          id=${name}
          name=${name}
          type=${options.type ?? 'text'}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
        />
        ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id="${name}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  private codeField() {
    return this.field('code', this.msg.code, { autocomplete: 'one-time-code', inputmode: 'numeric' });
  }

  private newPasswordFields(label: string) {
    return html`
      ${this.field('password', label, { type: 'password', autocomplete: 'new-password', hint: this.msg.passwordHint })}
      ${this.field('passwordRepeat', this.msg.passwordRepeat, { type: 'password', autocomplete: 'new-password' })}
    `;
  }

  /** A secondary action that only changes the step shown (no API call). */
  private link(label: string, step: SignInStep) {
    return html`<button class="link" part="link" type="button" @click=${() => this.show(step)}>${label}</button>`;
  }

  private actionLink(label: string, request: SignInRequest) {
    return html`
      <button class="link" part="link" type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new SignInRequestEvent(request))}>
        ${label}
      </button>
    `;
  }

  private otherMethodLink() {
    return this.enrollOptions.length > 1 ? this.link(this.msg.otherMethod, 'enroll-choice') : nothing;
  }

  private option(title: string, hint: string, request: SignInRequest) {
    return html`
      <li>
        <button class="option" part="option" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
          @click=${() => this.dispatchEvent(new SignInRequestEvent(request))}>
          <strong>${title}</strong>
          <span class="hint">${hint}</span>
        </button>
      </li>
    `;
  }

  /** Changes the step here, so the element also works on its own, and tells the connected layer. */
  private show(step: SignInStep): void {
    this.error = undefined;
    this.notice = undefined;
    this.step = step;
    this.dispatchEvent(new SignInRequestEvent({ action: 'show', step }));
  }

  private focusFirstError(): void {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('#alert'))?.focus();
  }
}

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`, easier to type into an app. */
function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

defineElement('mp-sign-in-flow', SignInFlow);

declare global {
  interface HTMLElementTagNameMap {
    'mp-sign-in-flow': SignInFlow;
  }
}
