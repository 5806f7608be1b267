import type { SessionUser } from '../../bff/contract/auth.ts';

/** Fired by a portal when the person has completed sign-in (password and second factor). */
export class SignedInEvent extends CustomEvent<{ user: SessionUser }> {
  static readonly eventName = 'mp-signed-in';

  constructor(detail: { user: SessionUser }) {
    super(SignedInEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-signed-in': SignedInEvent;
  }
}
