/** Fired by `<mp-account-bar>` when the person wants to open (or close) their account settings. */
export class AccountSettingsRequestEvent extends CustomEvent<{ open: boolean }> {
  static readonly eventName = 'mp-account-settings-request';

  constructor(detail: { open: boolean }) {
    super(AccountSettingsRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-account-settings-request': AccountSettingsRequestEvent;
  }
}
