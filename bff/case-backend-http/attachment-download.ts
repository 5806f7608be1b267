import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { AttachmentFile } from '../cases/attachment-repository.ts';
import { notFound } from '../errors.ts';
import { findTenantBySlug } from '../tenants/use-cases.ts';
import { findCompanyAttachment, findConnection } from './connection-repository.ts';
import { SIGNATURE_ERRORS } from './webhook.ts';
import { attachmentDownloadPath, checkDownloadSignature } from './wire.ts';

export interface DownloadRequest {
  tenantSlug: string;
  attachmentId: string;
  method: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * A file of a case, fetched by the housing company's Vorgang API after a `case.attachments_added` entry.
 * The company is the one of the URL, proven by a signature with its webhook secret over method, path and
 * timestamp (5-minute window, constant-time compare). The file is read in that company's staff scope without
 * an account, so row-level security shows only its own cases' files: any other id is 404 like an unknown one.
 */
export async function attachmentForVorgangApi(db: Database, request: DownloadRequest): Promise<AttachmentFile> {
  const tenant = await findTenantBySlug(db, request.tenantSlug);
  const connection = tenant && (await withScope(db, { role: 'system', tenantId: tenant.id }, (tx) => findConnection(tx)));
  if (!tenant || !connection) throw notFound('Für diese Hausverwaltung ist keine Vorgangs-API angebunden.');
  const path = attachmentDownloadPath(request.tenantSlug, request.attachmentId);
  const problem = checkDownloadSignature(connection.webhookSecret, request, request.method, path);
  if (problem) throw SIGNATURE_ERRORS[problem];
  const file = await withScope(db, { role: 'clerk', tenantId: tenant.id }, (tx) => findCompanyAttachment(tx, request.attachmentId));
  if (!file) throw notFound('Datei nicht gefunden.');
  return file;
}
