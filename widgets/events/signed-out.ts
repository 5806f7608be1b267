/** Fired by a portal after sign-out; `everywhere` when all sessions of the account were ended. */
export class SignedOutEvent extends CustomEvent<{ everywhere: boolean }> {
  static readonly eventName = 'mp-signed-out';

  constructor(detail: { everywhere: boolean }) {
    super(SignedOutEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-signed-out': SignedOutEvent;
  }
}
