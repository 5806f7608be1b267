import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement } from '../internal/portal-element.ts';
import { errorText } from '../internal/localize.ts';
import { ApiClient, type Audience, type TenantInfo } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import type { SignInRequestEvent } from '../events/sign-in-request.ts';
import type { SignOutRequestEvent } from '../events/sign-out-request.ts';
import type { AccountSettingsRequestEvent } from '../events/account-settings-request.ts';
import { SignInController } from './sign-in-controller.ts';
import { signInPortalStyles } from './sign-in-portal.styles.ts';
import './sign-in-flow.ts';
import '../account-bar/account-bar.ts';

/**
 * What `<tenant-portal>` and `<staff-portal>` share: the session, the sign-in flow until the person is
 * signed in, then the account bar above the portal's own content.
 */
export abstract class SignInPortal extends PortalElement {
  static override styles = [PortalElement.styles, signInPortalStyles];

  /** The housing company's slug, e.g. `wohnbau-nord`. */
  @property({ reflect: true }) tenant = '';

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. Nested elements get the same client. */
  @property({ attribute: false }) client?: ApiClient;

  /**
   * Keep the open view in the page URL (`mp-…` query parameters), so Back, reload and links land on it.
   * Only one element per page can; set it on the portal of the page's main content.
   */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /** @internal Which people sign in here. */
  abstract readonly audience: Audience;

  protected readonly signIn = new SignInController(this);

  /** The housing company's name and theme from `GET /api/tenants/:slug`. */
  private tenantInfo?: TenantInfo;

  private signedInShown?: boolean;

  /** The account settings are open above the portal's content (their code is imported the first time). */
  @state() private accountSettingsOpen = false;

  /** @internal The client of the portal and everything in it (`client`, else the one for `api`), speaking the portal's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.tenant && !this.tenantInfo) void this.loadTenant();
  }

  /**
   * Applies the theme the housing company registered as `:host` defaults: its own page CSS on the element
   * still wins. Without it (unknown slug, BFF unreachable) the built-in defaults apply, and the sign-in
   * shows the real error from the session request.
   */
  private async loadTenant(): Promise<void> {
    try {
      this.tenantInfo = await this.apiClient.tenant(this.tenant);
    } catch {
      return;
    }
    const declarations = Object.entries(this.tenantInfo.theme ?? {})
      .filter(([name, value]) => /^--mp-[a-z0-9-]+$/.test(name) && !/[;{}<>\\]/.test(value))
      .map(([name, value]) => `${name}: ${value};`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host { ${declarations.join(' ')} }`);
    this.shadowRoot!.adoptedStyleSheets = [...this.shadowRoot!.adoptedStyleSheets, sheet];
    this.requestUpdate();
  }

  /** The content for a signed-in person, below the account bar; its first `h2` gets focus on sign-in. */
  protected abstract renderSignedIn(): TemplateResult;

  /** Accessible name of the portal region. */
  protected abstract label(tenantName: string): string;

  /** After sign-in or sign-out the focused button is gone: focus moves to the heading of what replaced it. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const session = this.signIn.session;
    if (!session) return;
    const signedIn = session.state === 'signed_in';
    const switched = this.signedInShown !== undefined && this.signedInShown !== signedIn;
    this.signedInShown = signedIn;
    if (!switched) return;
    if (signedIn) {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      return;
    }
    const flow = this.renderRoot.querySelector('mp-sign-in-flow');
    void flow?.updateComplete.then(() => flow.focusHeading());
  }

  override render() {
    const session = this.signIn.session;
    const tenantName = this.tenantInfo?.name ?? session?.user?.tenant.name ?? '';
    return html`
      <div class="portal" part="portal" role="region" aria-label=${this.label(tenantName)}>
        ${
          !session
            ? html`<p part="loading" role="status">${this.msg.loading}</p>`
            : session.state === 'signed_in'
              ? this.renderSignedInView()
              : this.renderSignIn()
        }
      </div>
    `;
  }

  private renderSignIn() {
    const signIn = this.signIn;
    return html`
      <mp-sign-in-flow
        part="sign-in"
        exportparts="heading, alert, confirmation, form, field, label, input, field-error, submit, link, option, qr-code, secret, recovery-codes"
        lang=${this.locale}
        audience=${this.audience}
        .step=${signIn.step}
        .busy=${signIn.busy}
        .error=${signIn.error}
        .notice=${signIn.notice?.(this.msg)}
        .secondFactor=${signIn.session?.secondFactor ?? 'totp'}
        .enrollOptions=${signIn.session?.enrollOptions ?? ['totp']}
        .totpEnrolment=${signIn.totpEnrolment}
        .recoveryCodes=${signIn.recoveryCodes}
        .sentTo=${signIn.sentTo}
        @mp-sign-in-request=${(event: SignInRequestEvent) => signIn.handle(event.detail)}
      >
        <slot name="header" slot="header"></slot>
      </mp-sign-in-flow>
    `;
  }

  private renderSignedInView() {
    const error = this.signIn.error;
    return html`
      <mp-account-bar
        part="account-bar"
        lang=${this.locale}
        .busy=${this.signIn.busy}
        ?settings-open=${this.accountSettingsOpen}
        @mp-sign-out-request=${(event: SignOutRequestEvent) => this.signOut(event.detail.everywhere)}
        @mp-account-settings-request=${(event: AccountSettingsRequestEvent) => this.toggleAccountSettings(event.detail.open)}
      ></mp-account-bar>
      <div class="alert" part="alert" role="alert">${error ? errorText(this.msg, error) : nothing}</div>
      ${
        this.accountSettingsOpen
          ? html`<account-settings part="account-settings" lang=${this.locale} ?resident=${this.signIn.session?.user?.role === 'resident'}
              .client=${this.apiClient}></account-settings>`
          : this.renderSignedIn()
      }
    `;
  }

  private signOut(everywhere: boolean) {
    this.accountSettingsOpen = false;
    return this.signIn.signOut(everywhere);
  }

  /** Opens the account settings in place of the portal's content, importing `<account-settings>` on first use. */
  private async toggleAccountSettings(open: boolean): Promise<void> {
    if (open) await import('../account-settings/account-settings.ts');
    this.accountSettingsOpen = open;
  }
}
