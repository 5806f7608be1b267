/** Fired by `<mp-account-bar>` when the person wants to sign out here or on all devices. */
export class SignOutRequestEvent extends CustomEvent<{ everywhere: boolean }> {
  static readonly eventName = 'mp-sign-out-request';

  constructor(detail: { everywhere: boolean }) {
    super(SignOutRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-sign-out-request': SignOutRequestEvent;
  }
}
