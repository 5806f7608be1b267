import type { Language } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/**
 * SQL of the sign-in capability. Every function runs inside a scope opened by the caller
 * (`auth` before a session exists, the signed-in user's scope afterwards); RLS does the tenant filtering,
 * the explicit `tenant_id` conditions are a second line of defence.
 */

export type AccountRole = 'resident' | 'clerk' | 'admin';
export type SecondFactor = 'totp' | 'email';

export interface AccountRow {
  id: string;
  tenantId: string;
  role: AccountRole;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  secondFactor: SecondFactor | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  residentId: string | null;
  language: Language;
  /** Activated with a letter's code (until an admin re-admits the account). */
  active: boolean;
  /** A resident's move-out day (`YYYY-MM-DD`): access ends with it. */
  movedOutOn: string | null;
}

const accountColumns = `a.id, a.tenant_id AS "tenantId", a.role, a.display_name AS "displayName", a.email,
  a.password_hash AS "passwordHash", a.second_factor AS "secondFactor", a.totp_secret AS "totpSecret",
  a.totp_last_step::float8 AS "totpLastStep", r.id AS "residentId", a.language,
  a.activated_at IS NOT NULL AS active, to_char(r.moved_out_on, 'YYYY-MM-DD') AS "movedOutOn"`;

export async function findAccountByEmail(tx: Queryable, tenantId: string, email: string): Promise<AccountRow | undefined> {
  const { rows } = await tx.query<AccountRow>(
    `SELECT ${accountColumns} FROM accounts a LEFT JOIN residents r ON r.account_id = a.id
      WHERE a.tenant_id = $1 AND lower(a.email) = lower($2)`,
    [tenantId, email],
  );
  return rows[0];
}

export async function findAccountById(tx: Queryable, tenantId: string, accountId: string): Promise<AccountRow | undefined> {
  const { rows } = await tx.query<AccountRow>(
    `SELECT ${accountColumns} FROM accounts a LEFT JOIN residents r ON r.account_id = a.id
      WHERE a.tenant_id = $1 AND a.id = $2`,
    [tenantId, accountId],
  );
  return rows[0];
}

export async function findAccountByActivationCode(tx: Queryable, tenantId: string, codeHash: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ account_id: string }>(
    `SELECT account_id FROM activation_codes
      WHERE tenant_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > now()`,
    [tenantId, codeHash],
  );
  return rows[0]?.account_id;
}

/** Marks a valid, unused activation code as used and returns its account; undefined when none matched. */
export async function consumeActivationCode(tx: Queryable, tenantId: string, codeHash: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ account_id: string }>(
    `UPDATE activation_codes SET used_at = now()
      WHERE tenant_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING account_id`,
    [tenantId, codeHash],
  );
  return rows[0]?.account_id;
}

/** Activation sets e-mail and password; a new letter exists only for an account that is not activated. */
export async function activateAccount(tx: Queryable, tenantId: string, accountId: string, email: string, passwordHash: string) {
  await tx.query(
    `UPDATE accounts SET email = $3, password_hash = $4, activated_at = now(),
            second_factor = NULL, totp_secret = NULL, totp_last_step = NULL
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, accountId, email, passwordHash],
  );
}

export async function setPassword(tx: Queryable, tenantId: string, accountId: string, passwordHash: string) {
  await tx.query(`UPDATE accounts SET password_hash = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, accountId, passwordHash]);
}

export async function enrollTotp(tx: Queryable, tenantId: string, accountId: string, secret: string, step: number) {
  await tx.query(`UPDATE accounts SET second_factor = 'totp', totp_secret = $3, totp_last_step = $4 WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    accountId,
    secret,
    step,
  ]);
}

export async function enrollEmailFactor(tx: Queryable, tenantId: string, accountId: string) {
  await tx.query(
    `UPDATE accounts SET second_factor = 'email', totp_secret = NULL, totp_last_step = NULL WHERE tenant_id = $1 AND id = $2`,
    [tenantId, accountId],
  );
}

/**
 * Records a used TOTP step only if it is later than the last one: of two requests with the same code,
 * exactly one wins, even when they arrive at once.
 */
export async function claimTotpStep(tx: Queryable, tenantId: string, accountId: string, step: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE accounts SET totp_last_step = $3
      WHERE tenant_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)`,
    [tenantId, accountId, step],
  );
  return rowCount === 1;
}

export interface ThrottleState {
  failures: number;
  locked: boolean;
}

/**
 * Counts one attempt for an e-mail address before its password is checked, so that parallel guesses
 * cannot overtake the lockout. More than `maxFailures` counted attempts lock the address for
 * `lockMinutes`; a lapsed lock or a quiet period as long as the lock starts afresh.
 */
export async function countAttempt(
  tx: Queryable,
  tenantId: string,
  emailHash: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<ThrottleState> {
  const { rows } = await tx.query<{ failures: number; locked: boolean }>(
    `INSERT INTO login_throttle AS t (tenant_id, email_hash, failures, updated_at)
     VALUES ($1, $2, 1, now())
     ON CONFLICT (tenant_id, email_hash) DO UPDATE SET
       failures = CASE
         WHEN t.locked_until > now() THEN t.failures
         WHEN t.locked_until IS NOT NULL OR t.updated_at < now() - make_interval(mins => $4) THEN 1
         ELSE t.failures + 1 END,
       locked_until = CASE
         WHEN t.locked_until > now() THEN t.locked_until
         WHEN t.locked_until IS NULL AND t.updated_at >= now() - make_interval(mins => $4) AND t.failures + 1 > $3
           THEN now() + make_interval(mins => $4)
         ELSE NULL END,
       updated_at = CASE WHEN t.locked_until > now() THEN t.updated_at ELSE now() END
     RETURNING failures, coalesce(locked_until > now(), false) AS locked`,
    [tenantId, emailHash, maxFailures, lockMinutes],
  );
  return rows[0];
}

/** Takes back the attempt counted by `countAttempt` once the password proved right. */
export async function releaseAttempt(tx: Queryable, tenantId: string, emailHash: string) {
  await tx.query(
    `UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE tenant_id = $1 AND email_hash = $2 AND locked_until IS NULL`,
    [tenantId, emailHash],
  );
}

export async function clearAttempts(tx: Queryable, tenantId: string, emailHash: string) {
  await tx.query(`DELETE FROM login_throttle WHERE tenant_id = $1 AND email_hash = $2`, [tenantId, emailHash]);
}

export async function countRecentResets(tx: Queryable, tenantId: string, accountId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM password_resets
      WHERE tenant_id = $1 AND account_id = $2 AND created_at > now() - interval '1 hour'`,
    [tenantId, accountId],
  );
  return rows[0].count;
}

/** Stores a new reset token (hash only); earlier unused tokens of the account stop working. */
export async function insertPasswordReset(tx: Queryable, tenantId: string, accountId: string, tokenHash: string, minutes: number) {
  await tx.query(`UPDATE password_resets SET used_at = now() WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL`, [
    tenantId,
    accountId,
  ]);
  await tx.query(
    `INSERT INTO password_resets (tenant_id, account_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [tenantId, accountId, tokenHash, minutes],
  );
}

/** Marks a valid, unused reset token as used and returns its account; undefined when none matched. */
export async function consumePasswordReset(tx: Queryable, tenantId: string, tokenHash: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ account_id: string }>(
    `UPDATE password_resets SET used_at = now()
      WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING account_id`,
    [tenantId, tokenHash],
  );
  return rows[0]?.account_id;
}

/** Ends every session of an account (needs a scope whose tenant and account are that account's). */
export async function deleteSessionsOfAccount(tx: Queryable, tenantId: string, accountId: string): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId]);
  return rowCount;
}

/** The language the account's e-mails and texts use. */
export async function setAccountLanguage(tx: Queryable, tenantId: string, accountId: string, language: Language): Promise<void> {
  await tx.query(`UPDATE accounts SET language = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, accountId, language]);
}
