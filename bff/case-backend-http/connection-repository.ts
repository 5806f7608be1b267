import type { Queryable } from '../db/database.ts';
import type { AttachmentFile } from '../cases/attachment-repository.ts';

/** Connections to the housing companies' Vorgang APIs and the case data the wire contract adds (the only SQL here). */

export interface CaseBackendConnection {
  baseUrl: string;
  apiToken: string;
  webhookSecret: string;
}

/** Any user's transaction: does the company forward cases? (Reads no credential.) */
export async function isConnected(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ connected: boolean }>(`SELECT case_backend_connected() AS connected`);
  return rows[0].connected;
}

/** The scope's company's connection (system scope or the company's admin). */
export async function findConnection(tx: Queryable): Promise<CaseBackendConnection | undefined> {
  const { rows } = await tx.query<CaseBackendConnection>(
    `SELECT base_url AS "baseUrl", api_token AS "apiToken", webhook_secret AS "webhookSecret" FROM case_backend_connections`,
  );
  return rows[0];
}

export async function saveConnection(tx: Queryable, tenantId: string, connection: CaseBackendConnection): Promise<void> {
  await tx.query(
    `INSERT INTO case_backend_connections (tenant_id, base_url, api_token, webhook_secret) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET base_url = EXCLUDED.base_url, api_token = EXCLUDED.api_token,
                                           webhook_secret = EXCLUDED.webhook_secret, updated_at = now()`,
    [tenantId, connection.baseUrl, connection.apiToken, connection.webhookSecret],
  );
}

export async function deleteConnection(tx: Queryable): Promise<boolean> {
  const { rowCount } = await tx.query(`DELETE FROM case_backend_connections`);
  return rowCount > 0;
}

export interface CaseReferences {
  /** Null for a letting case (no resident). */
  residentRef: string | null;
  unitRef: string;
  buildingRef: string;
}

/** The ERP numbers of a case's resident, unit and building, by which the Vorgang API knows them. */
export async function findCaseReferences(tx: Queryable, caseId: string): Promise<CaseReferences | undefined> {
  const { rows } = await tx.query<CaseReferences>(
    `SELECT r.external_ref AS "residentRef", u.external_ref AS "unitRef", b.external_ref AS "buildingRef"
       FROM cases c
       LEFT JOIN residents r ON r.tenant_id = c.tenant_id AND r.id = c.resident_id
       JOIN units u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
       JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
      WHERE c.id = $1`,
    [caseId],
  );
  return rows[0];
}

/** Stores an inbound event's id; false when it was processed before. */
export async function recordWebhookReceipt(tx: Queryable, tenantId: string, source: string, eventId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO webhook_receipts (tenant_id, source, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [tenantId, source, eventId],
  );
  return rowCount > 0;
}

/** The slug of the scope's housing company (part of the download URLs sent to its Vorgang API). */
export async function findScopeTenantSlug(tx: Queryable): Promise<string | undefined> {
  const { rows } = await tx.query<{ slug: string }>(`SELECT slug FROM tenants WHERE id = app_tenant()`);
  return rows[0]?.slug;
}

/** One attachment of any case of the scope's housing company (staff scope: row-level security limits it to that company). */
export async function findCompanyAttachment(tx: Queryable, attachmentId: string): Promise<AttachmentFile | undefined> {
  const { rows } = await tx.query<AttachmentFile>(
    `SELECT file_name AS "fileName", content_type AS "contentType", content FROM case_attachments WHERE id = $1 AND tenant_id = app_tenant()`,
    [attachmentId],
  );
  const row = rows[0];
  return row && { ...row, content: Buffer.from(row.content) };
}
