export type SignInStep =
  | 'login'
  | 'second-factor'
  | 'activate'
  | 'enroll-choice'
  | 'enroll-totp'
  | 'enroll-email'
  | 'recovery-codes'
  | 'reset-request'
  | 'reset-sent'
  | 'reset-complete';

/** What a person asked the sign-in flow to do; the connected layer turns it into an API call. */
export type SignInRequest =
  | { action: 'login'; email: string; password: string }
  | { action: 'verify'; code: string }
  | { action: 'resend-code' }
  | { action: 'activate'; code: string; email: string; password: string }
  | { action: 'enroll-totp' }
  | { action: 'confirm-totp'; code: string }
  | { action: 'enroll-email' }
  | { action: 'confirm-email'; code: string }
  | { action: 'request-reset'; email: string }
  | { action: 'complete-reset'; password: string }
  /** Moved to another step without calling the API, e.g. "Passwort vergessen?". */
  | { action: 'show'; step: SignInStep }
  /** The person has noted the recovery codes shown after enrolling an authenticator app: go on into the portal. */
  | { action: 'codes-noted' }
  /** Leave a half-finished sign-in (second factor or enrolment) and start over. */
  | { action: 'cancel' };

/** Fired by `<mp-sign-in-flow>` when a form is submitted or an action button is pressed. */
export class SignInRequestEvent extends CustomEvent<SignInRequest> {
  static readonly eventName = 'mp-sign-in-request';

  constructor(detail: SignInRequest) {
    super(SignInRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-sign-in-request': SignInRequestEvent;
  }
}
