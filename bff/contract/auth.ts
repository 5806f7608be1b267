import { z } from 'zod';
import { slug, slugParams } from './common.ts';
import { ACCOUNT_ROLES, LANGUAGES, SECOND_FACTORS, SESSION_STATES, SIGN_IN_AUDIENCES } from './enums.ts';
import { operation } from './operation.ts';

/** Sign-in for residents and staff (docs/sign-in.md): activation, second factor, login, reset, sign-out. */

const tag = 'auth';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse ein.').max(254, 'Die E-Mail-Adresse ist zu lang.'));
export const password = z
  .string()
  .min(10, 'Das Passwort muss mindestens 10 Zeichen lang sein.')
  .max(200, 'Das Passwort darf höchstens 200 Zeichen lang sein.');
/** Only the length is checked at login: the policy may have changed since the password was set. */
export const loginPassword = z.string().min(1, 'Bitte geben Sie Ihr Passwort ein.').max(200, 'Das Passwort ist zu lang.');
const oneTimeCode = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Bitte geben Sie den 6-stelligen Code ein.'));

export const activateInput = z.object({
  tenant: slug,
  code: z.string().trim().min(1, 'Bitte geben Sie den Aktivierungscode ein.').max(64, 'Der Aktivierungscode ist zu lang.'),
  email,
  password,
});
export const loginInput = z.object({ tenant: slug, email, password: loginPassword, audience: z.enum(SIGN_IN_AUDIENCES) });
export const codeInput = z.object({ code: oneTimeCode });
/** A recovery code as shown at enrolment (`ABCD-EFGH-JKLM-NPQR`); case, spaces and dashes do not matter. */
export const RECOVERY_CODE_PATTERN = /^[A-Z2-7]{16}$/;
/** At the second-factor step: the 6-digit code, or one of the recovery codes instead of a TOTP code. */
export const verifyInput = z.object({
  code: z
    .string()
    .max(64, 'Der Code ist zu lang.')
    .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
    .pipe(
      z.string().refine((value) => /^\d{6}$/.test(value) || RECOVERY_CODE_PATTERN.test(value), {
        error: 'Bitte geben Sie den 6-stelligen Code oder einen Wiederherstellungscode ein.',
      }),
    ),
});
export const resetRequestInput = z.object({ tenant: slug, email, returnUrl: z.string().max(2000).optional() });
export const resetCompleteInput = z.object({ tenant: slug, token: z.string().min(1).max(200), password });

export const sessionUser = z
  .object({
    role: z.enum(ACCOUNT_ROLES),
    displayName: z.string(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    /** The account's language (absent: German): its e-mails and the BFF's texts for it follow it. */
    language: z.enum(LANGUAGES).optional(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.output<typeof sessionUser>;
const enrollOptions = z.array(z.enum(SECOND_FACTORS));
const state = z.enum(SESSION_STATES);

/** `GET /api/session`: where the sign-in stands, with the CSRF token for state-changing requests. */
export const sessionResponse = z
  .object({
    csrfToken: z.string(),
    state,
    user: sessionUser.optional(),
    secondFactor: z.enum(SECOND_FACTORS).optional(),
    enrollOptions: enrollOptions.optional(),
  })
  .meta({ id: 'Session' });
export type Session = z.output<typeof sessionResponse>;

/** Every answer that rotates the session carries the new CSRF token (the old one died with the old session). */
export const signInStepResponse = z
  .object({
    state,
    user: sessionUser,
    secondFactor: z.enum(SECOND_FACTORS).optional(),
    enrollOptions: enrollOptions.optional(),
    csrfToken: z.string(),
    /** After a TOTP enrolment: the recovery codes, shown this once (only their hashes are kept). */
    recoveryCodes: z.array(z.string()).optional(),
  })
  .meta({ id: 'SignInStep' });

export const publicTenant = z
  .object({ slug: z.string(), name: z.string(), theme: z.record(z.string(), z.string()) })
  .meta({ id: 'PublicTenant' });
export type PublicTenant = z.output<typeof publicTenant>;

export const totpEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeSvg: z.string() }).meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.output<typeof totpEnrolment>;

export const authOperations = {
  session: operation({
    operationId: 'session',
    method: 'get',
    path: '/session',
    summary: 'Sitzungsstatus und CSRF-Token',
    tag,
    access: 'public',
    response: sessionResponse,
  }),
  publicTenant: operation({
    operationId: 'publicTenant',
    method: 'get',
    path: '/tenants/:slug',
    summary: 'Name und Theme einer Hausverwaltung (öffentlich)',
    tag,
    access: 'public',
    params: slugParams,
    response: publicTenant,
  }),
  activate: operation({
    operationId: 'activate',
    method: 'post',
    path: '/auth/activate',
    summary: 'Konto mit dem Code aus dem Brief aktivieren',
    tag,
    access: 'public',
    body: activateInput,
    response: signInStepResponse,
  }),
  login: operation({
    operationId: 'login',
    method: 'post',
    path: '/auth/login',
    summary: 'Anmeldung mit E-Mail und Passwort',
    tag,
    access: 'public',
    body: loginInput,
    response: signInStepResponse,
  }),
  enrollTotp: operation({
    operationId: 'enrollTotp',
    method: 'post',
    path: '/auth/enroll/totp',
    summary: 'Authenticator-App einrichten: Geheimnis und QR-Code',
    tag,
    access: 'public',
    response: totpEnrolment,
  }),
  confirmTotp: operation({
    operationId: 'confirmTotp',
    method: 'post',
    path: '/auth/enroll/totp/confirm',
    summary: 'Authenticator-App bestätigen',
    tag,
    access: 'public',
    body: codeInput,
    response: signInStepResponse,
  }),
  enrollEmail: operation({
    operationId: 'enrollEmail',
    method: 'post',
    path: '/auth/enroll/email',
    summary: 'Code per E-Mail als zweiten Faktor einrichten (nur Mieter)',
    tag,
    access: 'public',
    response: z.object({ state: z.literal('enroll'), sentTo: z.string() }),
  }),
  confirmEmail: operation({
    operationId: 'confirmEmail',
    method: 'post',
    path: '/auth/enroll/email/confirm',
    summary: 'Code per E-Mail bestätigen',
    tag,
    access: 'public',
    body: codeInput,
    response: signInStepResponse,
  }),
  verify: operation({
    operationId: 'verify',
    method: 'post',
    path: '/auth/verify',
    summary: 'Zweiten Faktor bei der Anmeldung prüfen (TOTP-, E-Mail- oder Wiederherstellungscode)',
    tag,
    access: 'public',
    body: verifyInput,
    response: signInStepResponse,
  }),
  resendCode: operation({
    operationId: 'resendCode',
    method: 'post',
    path: '/auth/resend-code',
    summary: 'Anmeldecode erneut per E-Mail senden',
    tag,
    access: 'public',
    response: z.object({ sentTo: z.string() }),
  }),
  requestPasswordReset: operation({
    operationId: 'requestPasswordReset',
    method: 'post',
    path: '/auth/password-reset',
    summary: 'Link zum Zurücksetzen des Passworts anfordern',
    tag,
    access: 'public',
    body: resetRequestInput,
    status: 202,
  }),
  completePasswordReset: operation({
    operationId: 'completePasswordReset',
    method: 'post',
    path: '/auth/password-reset/complete',
    summary: 'Neues Passwort mit dem Link aus der E-Mail setzen',
    tag,
    access: 'public',
    body: resetCompleteInput,
  }),
  logout: operation({ operationId: 'logout', method: 'post', path: '/auth/logout', summary: 'Abmelden', tag, access: 'public' }),
  setLanguage: operation({
    operationId: 'setLanguage',
    method: 'put',
    path: '/account/language',
    summary: 'Sprache des eigenen Kontos wählen (E-Mails und Texte folgen ihr)',
    tag,
    access: 'session',
    body: z.object({ language: z.enum(LANGUAGES, { error: 'Bitte wählen Sie de, en, tr, pl oder uk.' }) }),
    response: z.object({ user: sessionUser }),
  }),
  logoutEverywhere: operation({
    operationId: 'logoutEverywhere',
    method: 'post',
    path: '/auth/logout-everywhere',
    summary: 'Auf allen Geräten abmelden',
    tag,
    access: 'session',
  }),
};
