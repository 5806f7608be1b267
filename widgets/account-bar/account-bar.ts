import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import type { Session } from '../internal/api-client.ts';
import { sessionContext } from '../internal/session-context.ts';
import { SignOutRequestEvent } from '../events/sign-out-request.ts';
import { AccountSettingsRequestEvent } from '../events/account-settings-request.ts';
import { accountBarStyles } from './account-bar.styles.ts';

/**
 * Shows who is signed in and offers to sign out, here or on all devices. Reads the person from the
 * session context of the portal it sits in.
 *
 * @tagname mp-account-bar
 * @summary The signed-in person's name and the sign-out buttons.
 *
 * @slot - Extra account actions after the sign-out buttons.
 *
 * @event {SignOutRequestEvent} mp-sign-out-request - A sign-out button was pressed; `detail.everywhere` for all devices.
 * @event {AccountSettingsRequestEvent} mp-account-settings-request - "Konto verwalten" was pressed; `detail.open` says whether to open or close them.
 *
 * @csspart name - The "Angemeldet als …" text.
 * @csspart actions - The group of buttons.
 * @csspart button - Each sign-out button.
 * @csspart account-settings - The "Konto verwalten" button (`aria-expanded` while the settings are open).
 *
 * @cssproperty --mp-color-primary - Button text and border.
 * @cssproperty --mp-color-border - The line under the bar.
 * @cssproperty --mp-radius - Corner radius of the buttons.
 */
export class AccountBar extends PortalElement {
  static override styles = [PortalElement.styles, accountBarStyles];

  /** A sign-out is under way. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The account settings are open (the portal shows `<account-settings>`). */
  @property({ type: Boolean, attribute: 'settings-open', reflect: true }) settingsOpen = false;

  /** The session, provided by the enclosing portal (or set directly). */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: Session;

  override render() {
    const name = this.session?.user?.displayName ?? '';
    return html`
      <div class="bar">
        <p class="name" part="name">${this.msg.signedInAs(name)}</p>
        <div class="actions" part="actions" role="group" aria-label=${this.msg.accountActions}>
          ${this.button(this.msg.logout, false)} ${this.button(this.msg.logoutEverywhere, true)}
          <button part="button account-settings" type="button" aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new AccountSettingsRequestEvent({ open: !this.settingsOpen }))}>
            ${this.settingsOpen ? this.msg.accountSettingsClose : this.msg.accountSettingsOpen}
          </button>
          <slot></slot>
        </div>
      </div>
    `;
  }

  private button(label: string, everywhere: boolean) {
    return html`
      <button part="button" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new SignOutRequestEvent({ everywhere }))}>
        ${label}
      </button>
    `;
  }
}

defineElement('mp-account-bar', AccountBar);

declare global {
  interface HTMLElementTagNameMap {
    'mp-account-bar': AccountBar;
  }
}
