import type { Queryable } from '../db/database.ts';

/** SQL of the demo seed (DEMO ONLY), run as an admin of the demo housing company. */

/** The known demo credentials, as if the person had activated and set up an authenticator app. */
export async function setDemoCredentials(
  tx: Queryable,
  accountId: string,
  credentials: { email: string; passwordHash: string; totpSecret: string },
): Promise<void> {
  await tx.query(
    `UPDATE accounts SET email = $2, password_hash = $3, second_factor = 'totp', totp_secret = $4,
            activated_at = coalesce(activated_at, now())
      WHERE id = $1`,
    [accountId, credentials.email, credentials.passwordHash, credentials.totpSecret],
  );
}

/** The demo staff's permissions as the demo defines them (the clerk holds the letting permission). */
export async function setDemoPermissions(tx: Queryable, accountId: string, permissions: string[]): Promise<void> {
  await tx.query(`UPDATE accounts SET permissions = $2 WHERE id = $1`, [accountId, permissions]);
}
