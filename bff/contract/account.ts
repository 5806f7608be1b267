import { z } from 'zod';
import { idParams, slug, timestamp } from './common.ts';
import { SECOND_FACTORS } from './enums.ts';
import { loginPassword, password, totpEnrolment } from './auth.ts';
import { operation } from './operation.ts';

/**
 * Account self-service of a signed-in resident or staff member (docs/sign-in.md, "Self-service"): sessions,
 * password, second factor and recovery codes, e-mail address.
 */

const tag = 'account';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse ein.').max(254, 'Die E-Mail-Adresse ist zu lang.'));
const sixDigits = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Bitte geben Sie den 6-stelligen Code ein.'));

export const accountSession = z
  .object({
    id: z.uuid(),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    /** A short name of the browser and system, e.g. "Firefox unter Windows"; "Unbekanntes Gerät" without one. */
    device: z.string(),
    /** The session this request came with. */
    current: z.boolean(),
  })
  .meta({ id: 'AccountSession' });
export type AccountSession = z.output<typeof accountSession>;

export const accountOverview = z
  .object({
    email: z.string().nullable(),
    secondFactor: z.enum(SECOND_FACTORS).nullable(),
    /** Unused recovery codes (TOTP accounts). */
    recoveryCodesLeft: z.number().int(),
    /** A new address waiting for its confirmation link, if any. */
    pendingEmail: z.string().nullable(),
  })
  .meta({ id: 'AccountOverview' });
export type AccountOverview = z.output<typeof accountOverview>;

export const changePasswordInput = z.object({ current: loginPassword, new: password });
/** Either the current password or a code of the authenticator app proves it is the person. */
export const recoveryCodesInput = z
  .object({ password: loginPassword.optional(), code: sixDigits.optional() })
  .refine((value) => value.password !== undefined || value.code !== undefined, {
    error: 'Bitte geben Sie Ihr Passwort oder einen Code Ihrer Authenticator-App ein.',
    path: ['password'],
  });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export const emailChangeInput = z.object({ new: email, password: loginPassword, returnUrl: z.string().max(2000).optional() });
export const emailChangeConfirmInput = z.object({ tenant: slug, token: z.string().min(1).max(200) });

export const accountOperations = {
  accountOverview: operation({
    operationId: 'accountOverview',
    method: 'get',
    path: '/account',
    summary: 'Eigenes Konto: E-Mail-Adresse, zweiter Faktor, verbleibende Wiederherstellungscodes',
    tag,
    access: 'session',
    response: accountOverview,
  }),
  listAccountSessions: operation({
    operationId: 'listAccountSessions',
    method: 'get',
    path: '/account/sessions',
    summary: 'Eigene angemeldete Sitzungen',
    tag,
    access: 'session',
    response: z.object({ sessions: z.array(accountSession) }),
  }),
  endAccountSession: operation({
    operationId: 'endAccountSession',
    method: 'delete',
    path: '/account/sessions/:id',
    summary: 'Eine eigene Sitzung beenden',
    tag,
    access: 'session',
    params: idParams,
  }),
  endOtherAccountSessions: operation({
    operationId: 'endOtherAccountSessions',
    method: 'delete',
    path: '/account/sessions',
    summary: 'Alle anderen eigenen Sitzungen beenden',
    tag,
    access: 'session',
    response: z.object({ ended: z.number().int() }),
  }),
  changePassword: operation({
    operationId: 'changePassword',
    method: 'post',
    path: '/account/password',
    summary: 'Passwort ändern (beendet die anderen Sitzungen)',
    tag,
    access: 'session',
    body: changePasswordInput,
  }),
  regenerateRecoveryCodes: operation({
    operationId: 'regenerateRecoveryCodes',
    method: 'post',
    path: '/account/recovery-codes',
    summary: 'Neue Wiederherstellungscodes (die alten werden ungültig)',
    tag,
    access: 'session',
    body: recoveryCodesInput,
    response: recoveryCodesResponse,
  }),
  startTotpReenrolment: operation({
    operationId: 'startTotpReenrolment',
    method: 'post',
    path: '/account/second-factor/totp',
    summary: 'Authenticator-App neu einrichten: neues Geheimnis und QR-Code',
    tag,
    access: 'session',
    body: z.object({ password: loginPassword }),
    response: totpEnrolment,
  }),
  confirmTotpReenrolment: operation({
    operationId: 'confirmTotpReenrolment',
    method: 'post',
    path: '/account/second-factor/totp/confirm',
    summary: 'Neue Authenticator-App bestätigen (das alte Geheimnis wird ungültig)',
    tag,
    access: 'session',
    body: z.object({ code: sixDigits }),
    response: recoveryCodesResponse,
  }),
  requestEmailChange: operation({
    operationId: 'requestEmailChange',
    method: 'post',
    path: '/account/email',
    summary: 'E-Mail-Adresse ändern: Bestätigungslink an die neue Adresse',
    tag,
    access: 'session',
    body: emailChangeInput,
    response: z.object({ sentTo: z.string() }),
    status: 202,
  }),
  confirmEmailChange: operation({
    operationId: 'confirmEmailChange',
    method: 'post',
    path: '/account/email/confirm',
    summary: 'Neue E-Mail-Adresse mit dem Link aus der E-Mail bestätigen',
    tag,
    access: 'public',
    body: emailChangeConfirmInput,
  }),
};
