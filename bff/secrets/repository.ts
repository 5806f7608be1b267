import type { Queryable } from '../db/database.ts';

/**
 * SQL of the start-up step that encrypts stored secrets (bff/secrets/use-cases.ts). TOTP secrets are read
 * and written in the housing company's sign-in scope, Vorgang API credentials and lead webhook secrets in its
 * admin scope.
 */

export async function listTotpSecrets(tx: Queryable): Promise<{ accountId: string; value: string }[]> {
  const { rows } = await tx.query<{ accountId: string; value: string }>(
    `SELECT id AS "accountId", totp_secret AS value FROM accounts WHERE tenant_id = app_tenant() AND totp_secret IS NOT NULL`,
  );
  return rows;
}

export async function replaceTotpSecret(tx: Queryable, accountId: string, before: string, after: string): Promise<void> {
  await tx.query(`UPDATE accounts SET totp_secret = $3 WHERE tenant_id = app_tenant() AND id = $1 AND totp_secret = $2`, [
    accountId,
    before,
    after,
  ]);
}

export async function findConnectionSecrets(tx: Queryable): Promise<{ apiToken: string; webhookSecret: string } | undefined> {
  const { rows } = await tx.query<{ apiToken: string; webhookSecret: string }>(
    `SELECT api_token AS "apiToken", webhook_secret AS "webhookSecret" FROM case_backend_connections WHERE tenant_id = app_tenant()`,
  );
  return rows[0];
}

export async function replaceConnectionSecrets(tx: Queryable, secrets: { apiToken: string; webhookSecret: string }): Promise<void> {
  await tx.query(`UPDATE case_backend_connections SET api_token = $1, webhook_secret = $2 WHERE tenant_id = app_tenant()`, [
    secrets.apiToken,
    secrets.webhookSecret,
  ]);
}

export async function listLeadWebhookSecrets(tx: Queryable): Promise<{ id: string; value: string }[]> {
  const { rows } = await tx.query<{ id: string; value: string }>(
    `SELECT id, secret AS value FROM lead_webhook_secrets WHERE tenant_id = app_tenant()`,
  );
  return rows;
}

export async function replaceLeadWebhookSecret(tx: Queryable, id: string, before: string, after: string): Promise<void> {
  await tx.query(`UPDATE lead_webhook_secrets SET secret = $3 WHERE tenant_id = app_tenant() AND id = $1 AND secret = $2`, [
    id,
    before,
    after,
  ]);
}
