import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { withScope } from '../db/scope.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Language } from '../contract/enums.ts';
import { hashActivationCode } from '../onboarding/use-cases.ts';
import { findTenantBySlug, type Tenant } from '../tenants/use-cases.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';
import { newTotpSecret, totpQrCodeSvg, totpUri, verifyTotp } from './totp.ts';
import { pendingTotpSecretContext, totpSecretContext } from '../secrets/secret-box.ts';
import type { SessionAuth } from './session-data.ts';
import * as repo from './repository.ts';
import * as accountRepo from './account-repository.ts';
import { loginCodeMail, passwordResetMail } from './mails.ts';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';
import { RECOVERY_CODE_PATTERN } from '../contract/auth.ts';
import { accessEnded, accessHasEnded } from '../tenancies/move-out.ts';

/**
 * Sign-in use cases: activation with the letter's code, second-factor enrolment, login with password and
 * second factor, password reset and signing out everywhere. They know nothing of HTTP; the routes put the
 * returned `SessionAuth` into a freshly rotated session.
 */

export type Audience = 'resident' | 'staff';
export type EnrollOption = 'totp' | 'email';

const EMAIL_CODE_MINUTES = 10;
const MAX_CODE_FAILURES = 5;
const MAX_CODES_PER_SIGN_IN = 5;
const RESET_TOKEN_MINUTES = 60;
const MAX_RESETS_PER_HOUR = 5;

export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
const lockedMessage = (minutes: number) => `Zu viele Fehlversuche. Bitte versuchen Sie es in ${minutes} Minuten erneut.`;
const locked = (minutes: number) => new AppError(429, 'locked', lockedMessage(minutes));
const invalidActivationCode = () =>
  new AppError(400, 'invalid_activation_code', 'Der Aktivierungscode ist ungültig, abgelaufen oder bereits verwendet.');
const invalidResetToken = () =>
  new AppError(400, 'invalid_reset_token', 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.');
const emailTaken = () => new AppError(409, 'email_taken', 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.');
const tenantNotFound = (slug: string) => new AppError(404, 'tenant_not_found', `Hausverwaltung „${slug}“ nicht gefunden.`);

const invalidCode = (message: string) => new AppError(400, 'invalid_code', message);

/** An error after which the pending sign-in is over: the route removes it from the session. */
export class PendingSignInEnded extends AppError {}

export const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const emailCodeHash = (accountId: string, code: string) => sha256(`${accountId}:${code}`);

export function enrollOptions(role: SessionAuth['role']): EnrollOption[] {
  return role === 'resident' ? ['totp', 'email'] : ['totp'];
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

async function requireTenant(ctx: AppContext, slug: string): Promise<Tenant> {
  const tenant = await findTenantBySlug(ctx.db, slug);
  if (!tenant) throw tenantNotFound(slug);
  return tenant;
}

export async function publicTenant(ctx: AppContext, slug: string) {
  const tenant = await requireTenant(ctx, slug);
  return { slug: tenant.slug, name: tenant.name, theme: tenant.theme };
}

function sessionAuthFor(tenant: Pick<Tenant, 'id' | 'slug' | 'name'>, account: repo.AccountRow, stage: SessionAuth['stage']): SessionAuth {
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    accountId: account.id,
    role: account.role,
    ...(account.residentId ? { residentId: account.residentId } : {}),
    ...(account.movedOutOn ? { movedOutOn: account.movedOutOn } : {}),
    displayName: account.displayName,
    language: account.language,
    stage,
  };
}

/** Sign-in work runs in the `auth` scope of the housing company named by the form or the pending session. */
const auth =
  (ctx: AppContext, tenantId: string) =>
  <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    withScope(ctx.db, { role: 'auth', tenantId }, fn);

// ---------------------------------------------------------------------------------------------------
// Activation

export interface ActivationInput {
  tenant: string;
  code: string;
  email: string;
  password: string;
}

/** Redeems the letter's one-time code: sets e-mail and password; the account must then enrol a second factor. */
export async function activate(ctx: AppContext, input: ActivationInput): Promise<SessionAuth> {
  const tenant = await requireTenant(ctx, input.tenant);
  const email = input.email.trim().toLowerCase();
  const codeHash = hashActivationCode(input.code);
  const inTenant = auth(ctx, tenant.id);
  const account = await inTenant(async (tx) => {
    const accountId = await repo.findAccountByActivationCode(tx, tenant.id, codeHash);
    const account = accountId ? await repo.findAccountById(tx, tenant.id, accountId) : undefined;
    // An activated account is never activated again (a lost phone is an admin's re-admission, docs/sign-in.md).
    if (!account || account.active) throw invalidActivationCode();
    if (accessHasEnded(account.movedOutOn)) throw accessEnded(account.movedOutOn!);
    // Staff accounts are created with their e-mail address; the letter only works for that address.
    if (account.role !== 'resident' && account.email?.toLowerCase() !== email) throw invalidActivationCode();
    const other = await repo.findAccountByEmail(tx, tenant.id, email);
    if (other && other.id !== account.id) throw emailTaken();
    return account;
  });
  // Hashing is expensive, so it happens only for a valid code; the code is consumed atomically afterwards.
  const passwordHash = await hashPassword(input.password);
  await inTenant(async (tx) => {
    if ((await repo.consumeActivationCode(tx, tenant.id, codeHash)) !== account.id) throw invalidActivationCode();
    await repo.activateAccount(tx, tenant.id, account.id, email, passwordHash).catch((error: unknown) => {
      throw (error as { code?: string }).code === '23505' ? emailTaken() : error;
    });
  });
  // Whatever was signed in before the letter (a re-admitted account's old sessions) ends now.
  await withScope(ctx.db, { role: 'auth', tenantId: tenant.id, accountId: account.id }, (tx) =>
    repo.deleteSessionsOfAccount(tx, tenant.id, account.id),
  );
  ctx.realtime.endAccountSessions(tenant.id, account.id);
  ctx.logger.info({ tenant: tenant.slug, accountId: account.id }, 'account activated');
  return sessionAuthFor(tenant, account, 'enroll');
}

// ---------------------------------------------------------------------------------------------------
// Login (password step)

export interface LoginInput {
  tenant: string;
  email: string;
  password: string;
  audience: Audience;
}

/**
 * Checks the password under the per-address lockout. Unknown addresses, accounts of the other audience
 * and wrong passwords take the same path (an argon2 verification and a counted failure) and give the
 * same answer.
 */
export async function login(ctx: AppContext, input: LoginInput): Promise<SessionAuth> {
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = ctx.config;
  const tenant = await requireTenant(ctx, input.tenant);
  const addressHash = emailHash(input.email);
  const inTenant = auth(ctx, tenant.id);
  const { throttle, account } = await inTenant(async (tx) => ({
    throttle: await repo.countAttempt(tx, tenant.id, addressHash, maxFailures, lockMinutes),
    account: await repo.findAccountByEmail(tx, tenant.id, input.email),
  }));
  if (throttle.locked) {
    ctx.logger.warn({ tenant: tenant.slug }, 'sign-in refused: address locked');
    throw locked(lockMinutes);
  }
  const passwordOk = account?.passwordHash ? await verifyPassword(account.passwordHash, input.password) : await verifyDecoy(input.password);
  const audienceOk = account !== undefined && (input.audience === 'resident') === (account.role === 'resident');
  if (!account || !passwordOk || !audienceOk) {
    ctx.logger.info({ tenant: tenant.slug, failures: throttle.failures }, 'sign-in failed');
    throw invalidCredentials();
  }
  await inTenant((tx) => repo.releaseAttempt(tx, tenant.id, addressHash));
  // Only the right password learns of the move-out; anyone else gets the same answer as for a wrong one.
  if (accessHasEnded(account.movedOutOn)) {
    ctx.logger.info({ tenant: tenant.slug, accountId: account.id }, 'sign-in refused: moved out');
    throw accessEnded(account.movedOutOn!);
  }
  if (!account.secondFactor) return sessionAuthFor(tenant, account, 'enroll');
  const pending: SessionAuth = { ...sessionAuthFor(tenant, account, 'second_factor'), secondFactor: account.secondFactor };
  if (account.secondFactor === 'email') await mailLoginCode(ctx, pending, account);
  return pending;
}

// ---------------------------------------------------------------------------------------------------
// One-time codes by e-mail

async function mailLoginCode(ctx: AppContext, pending: SessionAuth, account: repo.AccountRow): Promise<string> {
  if (!account.email) throw new AppError(409, 'no_email', 'Für dieses Konto ist keine E-Mail-Adresse hinterlegt.');
  if ((pending.emailCodesSent ?? 0) >= MAX_CODES_PER_SIGN_IN) {
    throw new AppError(429, 'too_many_codes', 'Es wurden zu viele Codes angefordert. Bitte melden Sie sich erneut an.');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  pending.emailCodeHash = emailCodeHash(pending.accountId, code);
  pending.emailCodeExpiresAt = Date.now() + EMAIL_CODE_MINUTES * 60_000;
  pending.emailCodesSent = (pending.emailCodesSent ?? 0) + 1;
  await ctx.mailer.send(
    loginCodeMail(
      {
        to: account.email,
        displayName: account.displayName,
        tenantName: pending.tenantName,
        code,
        minutes: EMAIL_CODE_MINUTES,
      },
      account.language,
    ),
  );
  return maskEmail(account.email);
}

async function loadAccount(ctx: AppContext, pending: SessionAuth): Promise<repo.AccountRow> {
  const account = await auth(ctx, pending.tenantId)((tx) => repo.findAccountById(tx, pending.tenantId, pending.accountId));
  if (!account) throw new PendingSignInEnded(400, 'invalid_code', 'Das Konto ist nicht mehr verfügbar. Bitte melden Sie sich erneut an.');
  if (accessHasEnded(account.movedOutOn)) {
    const { status, code, message } = accessEnded(account.movedOutOn!);
    throw new PendingSignInEnded(status, code, message);
  }
  return account;
}

const throttleKey = (account: repo.AccountRow) => emailHash(account.email ?? account.id);

/**
 * Every code check counts as an attempt against the address's lockout before the code is compared
 * (a right code clears the count), so that many pending sign-ins guessing in parallel cannot outrun it.
 */
async function accountForCodeCheck(ctx: AppContext, pending: SessionAuth): Promise<repo.AccountRow> {
  const account = await loadAccount(ctx, pending);
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = ctx.config;
  const throttle = await auth(
    ctx,
    pending.tenantId,
  )((tx) => repo.countAttempt(tx, pending.tenantId, throttleKey(account), maxFailures, lockMinutes));
  if (throttle.locked) {
    ctx.logger.warn({ tenant: pending.tenantSlug, accountId: pending.accountId }, 'pending sign-in ended: address locked');
    throw new PendingSignInEnded(429, 'locked', lockedMessage(lockMinutes));
  }
  return account;
}

/** A wrong code counts against the pending sign-in; the fifth one ends it. */
function rejectCode(ctx: AppContext, pending: SessionAuth, message: string): never {
  pending.secondFactorFailures = (pending.secondFactorFailures ?? 0) + 1;
  if (pending.secondFactorFailures >= MAX_CODE_FAILURES) {
    ctx.logger.warn({ tenant: pending.tenantSlug, accountId: pending.accountId }, 'pending sign-in ended after wrong codes');
    throw new PendingSignInEnded(400, 'too_many_wrong_codes', 'Zu viele falsche Codes. Bitte melden Sie sich erneut an.');
  }
  throw invalidCode(message);
}

function checkEmailCode(ctx: AppContext, pending: SessionAuth, code: string): void {
  if (!pending.emailCodeHash || !pending.emailCodeExpiresAt) rejectCode(ctx, pending, 'Bitte fordern Sie zuerst einen Code an.');
  if (Date.now() > pending.emailCodeExpiresAt) rejectCode(ctx, pending, 'Der Code ist abgelaufen. Bitte fordern Sie einen neuen an.');
  const expected = Buffer.from(pending.emailCodeHash, 'hex');
  const presented = Buffer.from(emailCodeHash(pending.accountId, code), 'hex');
  if (!timingSafeEqual(expected, presented)) rejectCode(ctx, pending, 'Der Code ist falsch.');
  // Each mailed code works once.
  delete pending.emailCodeHash;
  delete pending.emailCodeExpiresAt;
}

/** The session after a completed sign-in: no pending secrets, counters or codes are carried over. */
function completed(pending: SessionAuth): SessionAuth {
  const { tenantId, tenantSlug, tenantName, accountId, role, residentId, movedOutOn, displayName } = pending;
  return {
    tenantId,
    tenantSlug,
    tenantName,
    accountId,
    role,
    ...(residentId ? { residentId } : {}),
    ...(movedOutOn ? { movedOutOn } : {}),
    displayName,
    stage: 'complete',
  };
}

async function finishSignIn(ctx: AppContext, pending: SessionAuth, account: repo.AccountRow): Promise<SessionAuth> {
  await auth(ctx, pending.tenantId)((tx) => repo.clearAttempts(tx, pending.tenantId, throttleKey(account)));
  ctx.logger.info({ tenant: pending.tenantSlug, accountId: pending.accountId }, 'signed in');
  return completed(pending);
}

/**
 * The account's language, set by the person: when they sign in on a page in another language than the
 * account had, or choose one (`PUT /api/account/language`). Their e-mails follow it from then on.
 */
export async function rememberLanguage(ctx: AppContext, auth: SessionAuth, language: Language): Promise<SessionAuth> {
  if (auth.language === language) return auth;
  await withScope(ctx.db, { role: auth.role, tenantId: auth.tenantId, accountId: auth.accountId, residentId: auth.residentId }, (tx) =>
    repo.setAccountLanguage(tx, auth.tenantId, auth.accountId, language),
  );
  return { ...auth, language };
}

// ---------------------------------------------------------------------------------------------------
// Second-factor enrolment (stage `enroll`)

export async function startTotpEnrolment(ctx: AppContext, pending: SessionAuth) {
  const account = await loadAccount(ctx, pending);
  const secret = newTotpSecret();
  // Sealed like the stored one: the session row is at rest in the database too.
  pending.pendingTotpSecret = ctx.secrets.seal(secret, pendingTotpSecretContext(pending.accountId));
  const otpauthUrl = totpUri(secret, account.email ?? account.displayName, `Mieterportal ${pending.tenantName}`);
  return { secret, otpauthUrl, qrCodeSvg: await totpQrCodeSvg(otpauthUrl) };
}

/** Confirms the new secret; the answer carries the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  pending: SessionAuth,
  code: string,
): Promise<{ auth: SessionAuth; recoveryCodes: string[] }> {
  const secret = openPendingSecret(ctx, pending);
  if (!secret) throw new AppError(409, 'enrolment_not_started', 'Bitte richten Sie zuerst die Authenticator-App ein.');
  const account = await accountForCodeCheck(ctx, pending);
  const step = await verifyTotp(secret, code);
  if (step === undefined) rejectCode(ctx, pending, 'Der Code ist falsch. Bitte prüfen Sie die Uhrzeit Ihres Geräts.');
  const recoveryCodes = await storeTotpFactor(ctx, pending, secret, step);
  return { auth: await finishSignIn(ctx, pending, account), recoveryCodes };
}

/** Stores a confirmed TOTP secret (the old one stops working) with a new set of recovery codes, in one transaction. */
export async function storeTotpFactor(
  ctx: AppContext,
  who: Pick<SessionAuth, 'tenantId' | 'accountId'>,
  secret: string,
  step: number,
): Promise<string[]> {
  const sealed = ctx.secrets.seal(secret, totpSecretContext(who.accountId));
  const recoveryCodes = newRecoveryCodes();
  await auth(
    ctx,
    who.tenantId,
  )(async (tx) => {
    await repo.enrollTotp(tx, who.tenantId, who.accountId, sealed, step);
    await accountRepo.replaceRecoveryCodes(
      tx,
      who.tenantId,
      who.accountId,
      recoveryCodes.map((code) => recoveryCodeHash(who.accountId, code)),
    );
  });
  return recoveryCodes;
}

/** The enrolment's new secret; none when it was sealed with a key this instance no longer has (enrol again). */
function openPendingSecret(ctx: AppContext, pending: SessionAuth): string | undefined {
  const value = pending.pendingTotpSecret;
  if (!value) return undefined;
  // A session from before secrets were sealed there holds it as it is.
  if (!ctx.secrets.isSealed(value)) return value;
  return ctx.secrets.canOpen(value) ? ctx.secrets.open(value, pendingTotpSecretContext(pending.accountId)) : undefined;
}

export async function startEmailEnrolment(ctx: AppContext, pending: SessionAuth): Promise<{ sentTo: string }> {
  if (pending.role !== 'resident') {
    throw new AppError(403, 'second_factor_not_allowed', 'Mitarbeitende müssen eine Authenticator-App verwenden.');
  }
  const account = await loadAccount(ctx, pending);
  return { sentTo: await mailLoginCode(ctx, pending, account) };
}

export async function confirmEmailEnrolment(ctx: AppContext, pending: SessionAuth, code: string): Promise<SessionAuth> {
  if (pending.role !== 'resident') {
    throw new AppError(403, 'second_factor_not_allowed', 'Mitarbeitende müssen eine Authenticator-App verwenden.');
  }
  const account = await accountForCodeCheck(ctx, pending);
  checkEmailCode(ctx, pending, code);
  await auth(ctx, pending.tenantId)((tx) => repo.enrollEmailFactor(tx, pending.tenantId, pending.accountId));
  return finishSignIn(ctx, pending, account);
}

// ---------------------------------------------------------------------------------------------------
// Second factor at login (stage `second_factor`)

export async function verifySecondFactor(ctx: AppContext, pending: SessionAuth, code: string): Promise<SessionAuth> {
  const account = await accountForCodeCheck(ctx, pending);
  if (pending.secondFactor === 'email') {
    checkEmailCode(ctx, pending, code);
    return finishSignIn(ctx, pending, account);
  }
  if (!account.totpSecret) throw new PendingSignInEnded(400, 'invalid_code', 'Bitte melden Sie sich erneut an.');
  if (RECOVERY_CODE_PATTERN.test(code)) {
    // Instead of a TOTP code (a lost phone): each recovery code works once.
    const used = await auth(
      ctx,
      pending.tenantId,
    )((tx) => accountRepo.consumeRecoveryCode(tx, pending.tenantId, pending.accountId, recoveryCodeHash(pending.accountId, code)));
    if (!used) rejectCode(ctx, pending, 'Der Wiederherstellungscode ist falsch oder wurde bereits verwendet.');
    ctx.logger.warn({ tenant: pending.tenantSlug, accountId: pending.accountId }, 'signed in with a recovery code');
    return finishSignIn(ctx, pending, account);
  }
  const totpSecret = ctx.secrets.open(account.totpSecret, totpSecretContext(account.id));
  const step = await verifyTotp(totpSecret, code, account.totpLastStep ?? undefined);
  const claimed =
    step !== undefined && (await auth(ctx, pending.tenantId)((tx) => repo.claimTotpStep(tx, pending.tenantId, pending.accountId, step)));
  if (!claimed) rejectCode(ctx, pending, 'Der Code ist falsch oder wurde bereits verwendet.');
  return finishSignIn(ctx, pending, account);
}

export async function resendCode(ctx: AppContext, pending: SessionAuth): Promise<{ sentTo: string }> {
  if (pending.secondFactor !== 'email') {
    throw new AppError(409, 'no_email_factor', 'Für diese Anmeldung wird kein Code per E-Mail verschickt.');
  }
  const account = await loadAccount(ctx, pending);
  return { sentTo: await mailLoginCode(ctx, pending, account) };
}

// ---------------------------------------------------------------------------------------------------
// Password reset

export interface ResetRequestInput {
  tenant: string;
  email: string;
  returnUrl?: string;
}

/** The reset link points at the widget's page when that page is on an origin the housing company registered. */
export function resetLink(
  ctx: AppContext,
  tenant: Pick<Tenant, 'allowedOrigins'>,
  returnUrl: string | undefined,
  token: string,
  parameter = 'mp-reset',
): string {
  const own = ctx.publicUrl().replace(/\/+$/, '');
  let target = new URL(`${own}/`);
  if (returnUrl) {
    try {
      const candidate = new URL(returnUrl);
      const allowed = new Set([...tenant.allowedOrigins, new URL(own).origin]);
      if ((candidate.protocol === 'https:' || candidate.protocol === 'http:') && allowed.has(candidate.origin)) target = candidate;
    } catch {
      // not a URL: fall back to the BFF's own page
    }
  }
  target.searchParams.set(parameter, token);
  return target.toString();
}

/** Always succeeds from the caller's view, so that it reveals nothing about which addresses exist. */
export async function requestPasswordReset(ctx: AppContext, input: ResetRequestInput): Promise<void> {
  const tenant = await findTenantBySlug(ctx.db, input.tenant);
  if (!tenant) return;
  const token = randomBytes(32).toString('base64url');
  const account = await auth(
    ctx,
    tenant.id,
  )(async (tx) => {
    const account = await repo.findAccountByEmail(tx, tenant.id, input.email);
    if (!account?.passwordHash || !account.email) return undefined;
    if ((await repo.countRecentResets(tx, tenant.id, account.id)) >= MAX_RESETS_PER_HOUR) return undefined;
    await repo.insertPasswordReset(tx, tenant.id, account.id, sha256(token), RESET_TOKEN_MINUTES);
    return account;
  });
  if (!account?.email) return;
  const mail = passwordResetMail(
    {
      to: account.email,
      displayName: account.displayName,
      tenantName: tenant.name,
      link: resetLink(ctx, tenant, input.returnUrl, token),
      minutes: RESET_TOKEN_MINUTES,
    },
    account.language,
  );
  // Not awaited: a slow mail server must not make known addresses answer slower than unknown ones.
  ctx.mailer.send(mail).catch((err: unknown) => ctx.logger.error({ err, tenant: tenant.slug }, 'password reset mail failed'));
}

export interface ResetCompletionInput {
  tenant: string;
  token: string;
  password: string;
}

/** Sets the new password and ends every session of the account; the lockout of its address is lifted. */
export async function completePasswordReset(ctx: AppContext, input: ResetCompletionInput): Promise<void> {
  const tenant = await findTenantBySlug(ctx.db, input.tenant);
  if (!tenant) throw invalidResetToken();
  const passwordHash = await hashPassword(input.password);
  const account = await auth(
    ctx,
    tenant.id,
  )(async (tx) => {
    const accountId = await repo.consumePasswordReset(tx, tenant.id, sha256(input.token));
    if (!accountId) throw invalidResetToken();
    await repo.setPassword(tx, tenant.id, accountId, passwordHash);
    const account = await repo.findAccountById(tx, tenant.id, accountId);
    if (account?.email) await repo.clearAttempts(tx, tenant.id, emailHash(account.email));
    return account;
  });
  if (!account) throw invalidResetToken();
  await endAllSessions(ctx, tenant.id, account.id);
  ctx.logger.info({ tenant: tenant.slug, accountId: account.id }, 'password reset completed');
}

// ---------------------------------------------------------------------------------------------------
// Sign-out

/** Ends every session of the account, and with them its open live-update sockets on every instance. */
export async function endAllSessions(ctx: AppContext, tenantId: string, accountId: string): Promise<number> {
  const ended = await withScope(ctx.db, { role: 'auth', tenantId, accountId }, (tx) =>
    repo.deleteSessionsOfAccount(tx, tenantId, accountId),
  );
  ctx.realtime.endAccountSessions(tenantId, accountId);
  return ended;
}
