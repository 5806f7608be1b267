import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import type { ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { errorText, intlLocale } from '../internal/localize.ts';
import { LeadCreditCheckApi, type LeadCreditCheck } from '../internal/credit-check-api.ts';
import { creditCheckTexts } from './credit-check-texts.ts';
import type { CreditCheckMessages } from './i18n/de.ts';
import { leadCreditCheckStyles } from './lead-credit-check.styles.ts';
import '../internal/staff-errors.ts';

/**
 * The credit check of one lead, for the lead detail (docs/leads.md, "Bonitätsprüfung"): where the person's consent
 * stands, "Einwilligung anfragen" (mails the signed link), "Bonität prüfen" (enabled only with a given, unused consent
 * and from `besichtigt` on), and the result as a class badge with the bureau's reference. Self-contained: it loads and
 * acts through the staff API itself.
 *
 * @tagname lead-credit-check
 * @summary A lead's credit check: consent, check, result class.
 *
 * @csspart base - The outer section.
 * @csspart consent - The consent line.
 * @csspart result - The result line.
 * @csspart badge - The class badge.
 * @csspart request - The "Einwilligung anfragen" button.
 * @csspart check - The "Bonität prüfen" button.
 * @csspart status - The polite status line.
 * @csspart alert - An error.
 *
 * @cssproperty --mp-color-primary - Buttons.
 * @cssproperty --mp-color-success - "unbedenklich" and the status line.
 * @cssproperty --mp-color-error - "kritisch" and errors.
 * @cssproperty --mp-color-muted - Hints and "mit Auflagen".
 */
export class LeadCreditCheckElement extends PortalElement {
  static override styles = [PortalElement.styles, leadCreditCheckStyles];

  /** The lead whose credit check is shown. */
  @property({ attribute: 'lead-id' }) leadId?: string;
  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;
  /** The API to talk to (the staff portal's signed-in client; a fake in stories and tests). */
  @property({ attribute: false }) client?: ApiClient;

  @state() private view?: LeadCreditCheck;
  @state() private failure = '';
  @state() private announcement = '';
  @state() private busy = false;

  private readonly creditTexts = new AreaTexts(this, creditCheckTexts);

  private get words() {
    return this.creditTexts.texts;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.creditTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  private creditApi(): LeadCreditCheckApi {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return new LeadCreditCheckApi(client);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('leadId') || changed.has('client')) && this.leadId) void this.load();
  }

  /** The element's own refusals in its texts, every other error as the portals word it. */
  private errorWords(error: unknown): string {
    const code = (error as { code?: string }).code as keyof CreditCheckMessages['errors'] | undefined;
    return (code && this.words.errors[code]) || errorText(this.msg, error);
  }

  /** Loads (again) the lead's credit check. */
  async load(): Promise<void> {
    if (!this.leadId) return;
    this.failure = '';
    try {
      this.view = await this.creditApi().state(this.leadId);
    } catch (error) {
      this.failure = this.errorWords(error);
    }
  }

  private async act(action: () => Promise<string>): Promise<void> {
    if (this.busy || !this.leadId) return;
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    try {
      this.announcement = await action();
    } catch (error) {
      this.failure = this.errorWords(error);
    } finally {
      this.busy = false;
    }
  }

  private requestConsent(): Promise<void> {
    return this.act(async () => {
      const sent = await this.creditApi().requestConsent(this.leadId!);
      this.view = await this.creditApi().state(this.leadId!);
      return this.words.requested(sent.sentTo);
    });
  }

  private runCheck(): Promise<void> {
    return this.act(async () => {
      this.view = await this.creditApi().run(this.leadId!);
      return this.words.checked;
    });
  }

  private when(iso: string): string {
    return new Date(iso).toLocaleString(intlLocale(this.locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  }

  private consentLine(view: LeadCreditCheck): string {
    const states = this.words.consentStates;
    const { consent } = view;
    switch (consent.status) {
      case 'requested':
        return states.requested(this.when(consent.requestedAt!));
      case 'given':
        return states.given(this.when(consent.givenAt!)) + (consent.usedAt ? ` · ${this.words.used}` : '');
      case 'revoked':
        return states.revoked(this.when(consent.revokedAt!));
      default:
        return states.none;
    }
  }

  override render(): TemplateResult {
    const t = this.words;
    const view = this.view;
    return html`<section part="base" class="base" aria-busy=${this.busy ? 'true' : 'false'}>
      <h3>${t.heading}</h3>
      ${view ? this.renderState(view) : this.failure ? nothing : html`<p class="muted">${t.loading}</p>`}
      ${
        this.failure
          ? html`<p part="alert" role="alert">${this.failure}</p>
              ${view ? nothing : html`<div class="actions"><button type="button" class="secondary" @click=${() => this.load()}>${t.retry}</button></div>`}`
          : nothing
      }
      <p part="status" class="status" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderState(view: LeadCreditCheck): TemplateResult {
    const t = this.words;
    const result = view.result;
    return html`
      <p class="muted">${t.bureau(view.bureau)}</p>
      <p part="consent"><strong>${t.consent}:</strong> ${this.consentLine(view)}</p>
      <p part="result">
        <strong>${t.result}:</strong>
        ${
          result
            ? html`<span part="badge" class="badge ${result.class}">${t.classes[result.class]}</span>
                <span class="muted">${t.reference(result.reference)}, ${t.checkedAt(this.when(result.checkedAt), result.checkedBy)}</span>`
            : html`<span class="muted">${t.noResult}</span>`
        }
      </p>
      <div class="actions">
        <button type="button" part="request" class="secondary" ?disabled=${this.busy || !view.canRequestConsent} @click=${() => this.requestConsent()}>
          ${t.requestConsent}
        </button>
        <button type="button" part="check" ?disabled=${this.busy || !view.canCheck} @click=${() => this.runCheck()}>${t.runCheck}</button>
      </div>
      ${!view.canCheck && !view.canRequestConsent && !result ? html`<p class="muted">${t.stageHint}</p>` : nothing}
    `;
  }
}

defineElement('lead-credit-check', LeadCreditCheckElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-credit-check': LeadCreditCheckElement;
  }
}
