import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { errorText, intlLocale } from '../internal/localize.ts';
import { CreditCheckConsentApi, type CreditCheckConsentPage } from '../internal/credit-check-api.ts';
import { consentTexts } from './consent-texts.ts';
import { signedLinkPageStyles } from '../internal/signed-link-page.styles.ts';
import { creditCheckConsentStyles } from './credit-check-consent.styles.ts';
import '../internal/staff-errors.ts';

/** The codes that mean the link itself no longer works: nothing to offer, only what to do. */
const LINK_CODES = new Set(['link_missing', 'link_invalid', 'link_wrong_purpose', 'link_expired', 'link_revoked', 'link_used']);

function tokenFromLocation(): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token') ?? undefined;
}

type Field = 'street' | 'postalCode' | 'city' | 'agree';

/**
 * The public page a person reaches through the signed link of the consent mail (`/bonitaet#token=…`): no account. It
 * says who asks, for which flat, which bureau receives which data and what comes back (a class and a reference only),
 * that consenting is voluntary and revocable (Art. 6, 7 DSGVO); the person enters their address (and, if they like,
 * their date of birth) and consents, declines, or later withdraws. A link that no longer works says so in words.
 *
 * @tagname credit-check-consent
 * @summary Consent to a lead's credit check through a signed link.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading.
 * @csspart about - Who receives which data, and what is kept.
 * @csspart form - The form with the person's details and the consent box.
 * @csspart give - The consent button.
 * @csspart decline - The decline button.
 * @csspart withdraw - The withdraw button.
 * @csspart status - The polite status line (what just happened).
 * @csspart alert - An error.
 *
 * @cssproperty --mp-color-primary - Buttons.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Card background.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - The status line.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CreditCheckConsent extends PortalElement {
  static override styles = [PortalElement.styles, signedLinkPageStyles, creditCheckConsentStyles];

  /** The signed link's token; by default read from the page's address (`#token=…`). */
  @property() token?: string;
  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;
  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  @state() private view?: CreditCheckConsentPage;
  @state() private loadState: 'loading' | 'loaded' | 'failed' = 'loading';
  @state() private linkError = '';
  @state() private failure = '';
  @state() private announcement = '';
  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};

  private readonly consentTexts = new AreaTexts(this, consentTexts);
  private api_?: CreditCheckConsentApi;

  private get words() {
    return this.consentTexts.texts;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.consentTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private consentApi(): CreditCheckConsentApi {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    const token = this.token ?? tokenFromLocation() ?? '';
    if (!this.api_ || this.api_.client !== client) this.api_ = new CreditCheckConsentApi(client, token);
    return this.api_;
  }

  private fail(error: unknown): void {
    if (error instanceof ApiError && LINK_CODES.has(error.code)) {
      this.linkError = errorText(this.msg, error);
      return;
    }
    this.failure = errorText(this.msg, error);
  }

  /** Loads (again) what the link shows. */
  async load(): Promise<void> {
    this.loadState = 'loading';
    this.failure = '';
    try {
      this.view = await this.consentApi().page();
      this.loadState = 'loaded';
    } catch (error) {
      this.fail(error);
      this.loadState = 'failed';
    }
  }

  private async act(action: () => Promise<CreditCheckConsentPage>, done: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    try {
      this.view = await action();
      this.announcement = done;
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const t = this.words;
    const errors: Partial<Record<Field, string>> = {};
    for (const field of ['street', 'postalCode', 'city'] as const) if (!value(field)) errors[field] = t.required;
    if (value('postalCode') && !/^\d{5}$/.test(value('postalCode'))) errors.postalCode = t.postalCodeInvalid;
    if (!(form.elements.namedItem('agree') as HTMLInputElement).checked) errors.agree = t.mustAgree;
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.act(
      () =>
        this.consentApi().give({
          consent: true,
          birthDate: value('birthDate') || null,
          address: { street: value('street'), postalCode: value('postalCode'), city: value('city') },
        }),
      t.givenNow,
    );
  }

  private withdraw(): Promise<void> {
    return this.act(() => this.consentApi().withdraw(), this.words.revokedNow);
  }

  private when(iso: string): string {
    return new Date(iso).toLocaleString(intlLocale(this.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  }

  override render(): TemplateResult {
    const t = this.words;
    return html`<section part="base" class="base" aria-busy=${this.loadState === 'loading' || this.busy ? 'true' : 'false'}>
      <h2 part="heading">${t.heading}</h2>
      ${this.renderBody()}
      <p part="status" class="status" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody(): TemplateResult {
    const t = this.words;
    if (this.linkError) {
      return html`<div part="alert" role="alert"><strong>${t.linkProblem}</strong><p>${this.linkError}</p></div>`;
    }
    if (this.loadState === 'loading' && !this.view) return html`<p class="muted">${t.loading}</p>`;
    if (!this.view) {
      return html`<div part="alert" role="alert"><p>${this.failure}</p></div>
        <div class="actions"><button type="button" @click=${() => this.load()}>${t.retry}</button></div>`;
    }
    const view = this.view;
    const { address } = view.listing;
    return html`
      <p>${t.greeting(view.person.name)} ${t.intro(view.company.name, view.listing.title)}</p>
      <p class="muted">${t.listingLabel}: ${view.listing.title}, ${address.street}, ${address.postalCode} ${address.city}</p>
      <div part="about" class="card">
        <h3>${t.whoHeading}</h3>
        <p><strong>${t.recipient(view.bureau.name)}</strong></p>
        <p>${t.transmittedLabel}</p>
        <ul>
          ${view.transmitted.map((item) => html`<li>${t.transmitted[item]}</li>`)}
        </ul>
        <p>${t.keptLabel(view.company.name)}</p>
        <p>${t.voluntary}</p>
      </div>
      ${this.failure ? html`<div part="alert" role="alert"><p>${this.failure}</p></div>` : nothing}
      ${view.status === 'requested' ? this.renderForm(view) : view.status === 'given' ? this.renderGiven(view) : this.renderRevoked()}
      ${view.status === 'revoked' ? nothing : html`<p class="muted">${t.linkValidUntil(this.when(view.linkExpiresAt))}</p>`}
    `;
  }

  private input(name: Exclude<Field, 'agree'>, label: string, extra: { autocomplete: string; inputmode?: string }): TemplateResult {
    const error = this.errors[name];
    return html`<label>
      ${label}
      <input
        name=${name}
        autocomplete=${extra.autocomplete}
        inputmode=${extra.inputmode ?? 'text'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
        required
      />
      ${error ? html`<span id=${`${name}-error`} class="field-error">${error}</span>` : nothing}
    </label>`;
  }

  private renderForm(view: CreditCheckConsentPage): TemplateResult {
    const t = this.words;
    return html`<form part="form" class="card" novalidate @submit=${(event: SubmitEvent) => this.submit(event)}>
      <h3>${t.formHeading}</h3>
      ${this.input('street', t.street, { autocomplete: 'street-address' })}
      <div class="row">
        ${this.input('postalCode', t.postalCode, { autocomplete: 'postal-code', inputmode: 'numeric' })}
        ${this.input('city', t.city, { autocomplete: 'address-level2' })}
      </div>
      <label>${t.birthDate}<input name="birthDate" type="date" autocomplete="bday" /></label>
      <label class="agree">
        <input
          name="agree"
          type="checkbox"
          aria-invalid=${this.errors.agree ? 'true' : 'false'}
          aria-describedby=${this.errors.agree ? 'agree-error' : nothing}
        />
        <span>${t.agree(view.bureau.name, view.company.name)}</span>
      </label>
      ${this.errors.agree ? html`<span id="agree-error" class="field-error">${this.errors.agree}</span>` : nothing}
      <div class="actions">
        <button type="submit" part="give" ?disabled=${this.busy}>${t.give}</button>
        <button type="button" part="decline" class="secondary" ?disabled=${this.busy} @click=${() => this.withdraw()}>${t.decline}</button>
      </div>
    </form>`;
  }

  private renderGiven(view: CreditCheckConsentPage): TemplateResult {
    const t = this.words;
    return html`<div class="card">
      <h3>${t.givenHeading}</h3>
      ${view.givenAt ? html`<p>${t.givenAt(this.when(view.givenAt))}</p>` : nothing}
      ${view.checked ? html`<p>${t.checkedNote}</p>` : nothing}
      <div class="actions">
        <button type="button" part="withdraw" class="secondary" ?disabled=${this.busy} @click=${() => this.withdraw()}>${t.withdraw}</button>
      </div>
    </div>`;
  }

  private renderRevoked(): TemplateResult {
    const t = this.words;
    return html`<div class="card">
      <h3>${t.revokedHeading}</h3>
      <p>${t.revoked}</p>
    </div>`;
  }
}

defineElement('credit-check-consent', CreditCheckConsent);

declare global {
  interface HTMLElementTagNameMap {
    'credit-check-consent': CreditCheckConsent;
  }
}
