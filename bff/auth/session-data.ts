import type { Language } from '../contract/enums.ts';
import 'express-session';

/** What a session knows about its user. `stage` is `complete` only after the second factor. */
export interface SessionAuth {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  accountId: string;
  role: 'resident' | 'clerk' | 'admin';
  residentId?: string;
  /** A resident's move-out day (`YYYY-MM-DD`, from the ERP): the session ends when that day is over. */
  movedOutOn?: string;
  displayName: string;
  /** The account's language (e-mails, texts); German for sessions from before languages were stored. */
  language?: Language;
  stage: 'second_factor' | 'enroll' | 'complete';
  /** The factor a pending sign-in (stage `second_factor`) must present. */
  secondFactor?: 'totp' | 'email';
  /** Hash of an e-mailed one-time code while the second factor is pending. */
  emailCodeHash?: string;
  emailCodeExpiresAt?: number;
  /** How many codes this pending sign-in has mailed (bounded, so the address cannot be flooded). */
  emailCodesSent?: number;
  /** TOTP secret offered during enrolment (sealed, bff/secrets/), stored on the account only once confirmed. */
  pendingTotpSecret?: string;
  secondFactorFailures?: number;
}

declare module 'express-session' {
  interface SessionData {
    auth?: SessionAuth;
    /** Epoch ms of sign-in; enforces the absolute timeout regardless of activity. */
    signedInAt?: number;
    /** The browser that signed in (its User-Agent header), so that the list of sessions can name it. */
    userAgent?: string;
  }
}
