import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { withScope, type Scope } from '../db/scope.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { findTenantBySlug } from '../tenants/use-cases.ts';
import { pendingTotpSecretContext, totpSecretContext } from '../secrets/secret-box.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newTotpSecret, totpQrCodeSvg, totpUri, verifyTotp } from './totp.ts';
import type { SessionAuth } from './session-data.ts';
import * as repo from './repository.ts';
import * as accountRepo from './account-repository.ts';
import { emailChangedMail, emailConfirmationMail, passwordChangedMail } from './account-mails.ts';
import { emailHash, maskEmail, resetLink, storeTotpFactor } from './use-cases.ts';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';

/**
 * Account self-service of a signed-in person (docs/sign-in.md, "Self-service"): own sessions, password,
 * second factor and recovery codes, e-mail address. Every check of the current password counts against the
 * address's sign-in lockout, exactly like a login.
 */

const EMAIL_CHANGE_MINUTES = 60;

const wrongPassword = () => new AppError(400, 'wrong_password', 'Das aktuelle Passwort ist falsch.');
const noTotpFactor = () =>
  new AppError(409, 'no_totp_factor', 'Für Ihr Konto ist keine Authenticator-App eingerichtet. Bitte richten Sie zuerst eine ein.');
const invalidEmailChangeToken = () =>
  new AppError(
    400,
    'invalid_email_change_token',
    'Der Bestätigungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte ändern Sie die Adresse erneut.',
  );
const emailTaken = () => new AppError(409, 'email_taken', 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.');

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The person's own scope: RLS shows them their own sessions, codes and account row only. */
const own = (auth: SessionAuth): Scope => ({
  role: auth.role,
  tenantId: auth.tenantId,
  accountId: auth.accountId,
  residentId: auth.residentId,
});
const inOwnScope = <T>(ctx: AppContext, auth: SessionAuth, fn: (tx: Queryable) => Promise<T>) => withScope(ctx.db, own(auth), fn);
const inSignInScope = <T>(ctx: AppContext, tenantId: string, fn: (tx: Queryable) => Promise<T>) =>
  withScope(ctx.db, { role: 'auth', tenantId }, fn);

async function loadOwnAccount(ctx: AppContext, auth: SessionAuth): Promise<repo.AccountRow> {
  const account = await inOwnScope(ctx, auth, (tx) => repo.findAccountById(tx, auth.tenantId, auth.accountId));
  if (!account) throw new AppError(401, 'unauthenticated', 'Bitte melden Sie sich erneut an.');
  return account;
}

/** Checks the current password under the address's lockout (a right one takes its attempt back). */
async function confirmPassword(ctx: AppContext, auth: SessionAuth, password: string): Promise<repo.AccountRow> {
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = ctx.config;
  const account = await loadOwnAccount(ctx, auth);
  const key = emailHash(account.email ?? account.id);
  const throttle = await inSignInScope(ctx, auth.tenantId, (tx) => repo.countAttempt(tx, auth.tenantId, key, maxFailures, lockMinutes));
  if (throttle.locked) throw new AppError(429, 'locked', `Zu viele Fehlversuche. Bitte versuchen Sie es in ${lockMinutes} Minuten erneut.`);
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    ctx.logger.info({ tenant: auth.tenantSlug, accountId: auth.accountId }, 'self-service: wrong current password');
    throw wrongPassword();
  }
  await inSignInScope(ctx, auth.tenantId, (tx) => repo.releaseAttempt(tx, auth.tenantId, key));
  return account;
}

// ---------------------------------------------------------------------------------------------------
// Overview and sessions

export async function overview(ctx: AppContext, auth: SessionAuth) {
  return inOwnScope(ctx, auth, async (tx) => {
    const account = await repo.findAccountById(tx, auth.tenantId, auth.accountId);
    return {
      email: account?.email ?? null,
      secondFactor: account?.secondFactor ?? null,
      recoveryCodesLeft: account?.secondFactor === 'totp' ? await accountRepo.countRecoveryCodesLeft(tx, auth.tenantId, auth.accountId) : 0,
      pendingEmail: (await accountRepo.pendingEmailChange(tx, auth.tenantId, auth.accountId)) ?? null,
    };
  });
}

/** "Firefox unter Windows": enough to recognise one's own devices, nothing to fingerprint with. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unbekanntes Gerät';
  const browser = (
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/SamsungBrowser\//, 'Samsung Internet'],
      [/Chrome\/|Chromium\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = (
    [
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Android/, 'Android'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} unter ${system}`;
  return browser ?? system ?? 'Unbekannter Browser';
}

export async function listSessions(ctx: AppContext, auth: SessionAuth, currentKey: string) {
  const rows = await inOwnScope(ctx, auth, (tx) => accountRepo.listSessions(tx, auth.tenantId, auth.accountId));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    device: describeDevice(row.userAgent),
    current: row.sessionKey === currentKey,
  }));
}

/** Ends one of the person's sessions and its live-update sockets; returns whether it was the current one. */
export async function endSession(ctx: AppContext, auth: SessionAuth, id: string, currentKey: string): Promise<{ current: boolean }> {
  const key = await inOwnScope(ctx, auth, (tx) => accountRepo.deleteSession(tx, auth.tenantId, auth.accountId, id));
  if (!key) throw new AppError(404, 'not_found', 'Diese Sitzung gibt es nicht (mehr).');
  ctx.realtime.endSessionByKey(key);
  return { current: key === currentKey };
}

export async function endOtherSessions(ctx: AppContext, auth: SessionAuth, currentKey: string): Promise<number> {
  const keys = await inOwnScope(ctx, auth, (tx) => accountRepo.deleteOtherSessions(tx, auth.tenantId, auth.accountId, currentKey));
  for (const key of keys) ctx.realtime.endSessionByKey(key);
  return keys.length;
}

// ---------------------------------------------------------------------------------------------------
// Password

/** A new password (the activation's rules); the other sessions end and the account's address gets a notice. */
export async function changePassword(ctx: AppContext, auth: SessionAuth, input: { current: string; new: string }, currentKey: string) {
  const account = await confirmPassword(ctx, auth, input.current);
  const passwordHash = await hashPassword(input.new);
  const ended = await inOwnScope(ctx, auth, async (tx) => {
    await repo.setPassword(tx, auth.tenantId, auth.accountId, passwordHash);
    if (account.email) {
      const mail = passwordChangedMail(
        { to: account.email, displayName: account.displayName, tenantName: auth.tenantName },
        account.language,
      );
      await queueMail(tx, auth.tenantId, mail);
    }
    return accountRepo.deleteOtherSessions(tx, auth.tenantId, auth.accountId, currentKey);
  });
  for (const key of ended) ctx.realtime.endSessionByKey(key);
  ctx.logger.info({ tenant: auth.tenantSlug, accountId: auth.accountId, sessionsEnded: ended.length }, 'password changed');
}

// ---------------------------------------------------------------------------------------------------
// Second factor and recovery codes

/** New recovery codes for a TOTP account, after the current password or a code of the app. */
export async function regenerateRecoveryCodes(ctx: AppContext, auth: SessionAuth, input: { password?: string; code?: string }) {
  const account = await loadOwnAccount(ctx, auth);
  if (account.secondFactor !== 'totp' || !account.totpSecret) throw noTotpFactor();
  if (input.password !== undefined) await confirmPassword(ctx, auth, input.password);
  else await confirmOwnTotp(ctx, auth, account, input.code ?? '');
  const recoveryCodes = newRecoveryCodes();
  await inOwnScope(ctx, auth, (tx) =>
    accountRepo.replaceRecoveryCodes(
      tx,
      auth.tenantId,
      auth.accountId,
      recoveryCodes.map((code) => recoveryCodeHash(auth.accountId, code)),
    ),
  );
  return { recoveryCodes };
}

/** A TOTP code of the current app, once per period and under the lockout, as at sign-in. */
async function confirmOwnTotp(ctx: AppContext, auth: SessionAuth, account: repo.AccountRow, code: string): Promise<void> {
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = ctx.config;
  const key = emailHash(account.email ?? account.id);
  const throttle = await inSignInScope(ctx, auth.tenantId, (tx) => repo.countAttempt(tx, auth.tenantId, key, maxFailures, lockMinutes));
  if (throttle.locked) throw new AppError(429, 'locked', `Zu viele Fehlversuche. Bitte versuchen Sie es in ${lockMinutes} Minuten erneut.`);
  const secret = ctx.secrets.open(account.totpSecret!, totpSecretContext(account.id));
  const step = await verifyTotp(secret, code, account.totpLastStep ?? undefined);
  const claimed =
    step !== undefined && (await inSignInScope(ctx, auth.tenantId, (tx) => repo.claimTotpStep(tx, auth.tenantId, auth.accountId, step)));
  if (!claimed) throw new AppError(400, 'invalid_code', 'Der Code ist falsch oder wurde bereits verwendet.');
  await inSignInScope(ctx, auth.tenantId, (tx) => repo.releaseAttempt(tx, auth.tenantId, key));
}

/** Starts a new authenticator app while signed in (after the password); the old one works until confirmation. */
export async function startTotpReenrolment(ctx: AppContext, auth: SessionAuth, password: string) {
  const account = await confirmPassword(ctx, auth, password);
  const secret = newTotpSecret();
  auth.pendingTotpSecret = ctx.secrets.seal(secret, pendingTotpSecretContext(auth.accountId));
  auth.secondFactorFailures = 0;
  const otpauthUrl = totpUri(secret, account.email ?? account.displayName, `Mieterportal ${auth.tenantName}`);
  return { secret, otpauthUrl, qrCodeSvg: await totpQrCodeSvg(otpauthUrl) };
}

/** A code of the new app replaces the old secret (and the recovery codes); for residents it also switches from e-mail codes. */
export async function confirmTotpReenrolment(ctx: AppContext, auth: SessionAuth, code: string) {
  const sealed = auth.pendingTotpSecret;
  if (!sealed || !ctx.secrets.canOpen(sealed)) {
    throw new AppError(409, 'enrolment_not_started', 'Bitte richten Sie zuerst die neue Authenticator-App ein.');
  }
  const secret = ctx.secrets.open(sealed, pendingTotpSecretContext(auth.accountId));
  const step = await verifyTotp(secret, code);
  if (step === undefined) {
    auth.secondFactorFailures = (auth.secondFactorFailures ?? 0) + 1;
    // Five wrong codes end this enrolment (not the session): start again with the password.
    if (auth.secondFactorFailures >= 5) delete auth.pendingTotpSecret;
    throw new AppError(400, 'invalid_code', 'Der Code ist falsch. Bitte prüfen Sie die Uhrzeit Ihres Geräts.');
  }
  const recoveryCodes = await storeTotpFactor(ctx, auth, secret, step);
  delete auth.pendingTotpSecret;
  delete auth.secondFactorFailures;
  ctx.logger.info({ tenant: auth.tenantSlug, accountId: auth.accountId }, 'second factor re-enrolled');
  return { recoveryCodes };
}

// ---------------------------------------------------------------------------------------------------
// E-mail address

/** Mails a single-use link to the new address; the address changes only when it is opened. */
export async function requestEmailChange(ctx: AppContext, auth: SessionAuth, input: { new: string; password: string; returnUrl?: string }) {
  const account = await confirmPassword(ctx, auth, input.password);
  if (account.email?.toLowerCase() === input.new) {
    throw new AppError(400, 'validation_failed', 'Das ist bereits Ihre E-Mail-Adresse.', {
      fields: [{ path: 'new', code: 'custom', message: 'Das ist bereits Ihre E-Mail-Adresse.' }],
    });
  }
  const tenant = await findTenantBySlug(ctx.db, auth.tenantSlug);
  const token = randomBytes(32).toString('base64url');
  await inSignInScope(ctx, auth.tenantId, async (tx) => {
    const other = await repo.findAccountByEmail(tx, auth.tenantId, input.new);
    if (other && other.id !== auth.accountId) throw emailTaken();
    await accountRepo.insertEmailChange(tx, {
      tenantId: auth.tenantId,
      accountId: auth.accountId,
      newEmail: input.new,
      tokenHash: sha256(token),
      minutes: EMAIL_CHANGE_MINUTES,
    });
    const link = resetLink(ctx, { allowedOrigins: tenant?.allowedOrigins ?? [] }, input.returnUrl, token, 'mp-email-change');
    const mail = emailConfirmationMail(
      { to: input.new, displayName: account.displayName, tenantName: auth.tenantName, link, minutes: EMAIL_CHANGE_MINUTES },
      account.language,
    );
    await queueMail(tx, auth.tenantId, mail);
  });
  return { sentTo: maskEmail(input.new) };
}

/** Opens the link: the new address counts from now on, the old one gets a notice. Works with or without a session. */
export async function confirmEmailChange(ctx: AppContext, input: { tenant: string; token: string }): Promise<void> {
  const tenant = await findTenantBySlug(ctx.db, input.tenant);
  if (!tenant) throw invalidEmailChangeToken();
  await inSignInScope(ctx, tenant.id, async (tx) => {
    const change = await accountRepo.consumeEmailChange(tx, tenant.id, sha256(input.token));
    if (!change) throw invalidEmailChangeToken();
    const account = await repo.findAccountById(tx, tenant.id, change.accountId);
    if (!account) throw invalidEmailChangeToken();
    const other = await repo.findAccountByEmail(tx, tenant.id, change.newEmail);
    if (other && other.id !== account.id) throw emailTaken();
    await accountRepo.setEmail(tx, tenant.id, account.id, change.newEmail);
    if (account.email) {
      await repo.clearAttempts(tx, tenant.id, emailHash(account.email));
      const notice = emailChangedMail(
        { to: account.email, displayName: account.displayName, tenantName: tenant.name, newAddress: change.newEmail },
        account.language,
      );
      await queueMail(tx, tenant.id, notice);
    }
    ctx.logger.info({ tenant: tenant.slug, accountId: account.id }, 'e-mail address changed');
  });
}
