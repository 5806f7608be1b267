import { inboundCaseEvent } from '../contract/case-backend.ts';
import { storableInput } from '../contract/common.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { AttachmentFile } from '../cases/attachment-repository.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import { findTenantBySlug } from '../tenants/use-cases.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { openConnection } from './connection-secrets.ts';
import { findCompanyAttachment, findConnection, recordWebhookReceipt } from './connection-repository.ts';
import { attachmentDownloadPath, checkDownloadSignature, checkWebhookSignature, WEBHOOK_SOURCE, type SignatureProblem } from './wire.ts';

/**
 * What a housing company's Vorgang API does to the BFF: send events about its cases and fetch the files
 * of a case. Both name the company in the URL and prove it with a signature made with its webhook secret.
 */

const SIGNATURE_ERRORS: Record<SignatureProblem, AppError> = {
  missing: new AppError(401, 'signature_missing', 'Signatur oder Zeitstempel fehlt.'),
  stale: new AppError(401, 'signature_expired', 'Der Zeitstempel liegt mehr als 5 Minuten zurück oder in der Zukunft.'),
  mismatch: new AppError(401, 'signature_invalid', 'Die Signatur ist ungültig.'),
};

/** The company of the URL with its connection; 404 when it has no Vorgang API connected. */
async function connectedTenant(db: Database, secrets: SecretBox, tenantSlug: string) {
  const tenant = await findTenantBySlug(db, tenantSlug);
  const stored = tenant && (await withScope(db, { role: 'system', tenantId: tenant.id }, (tx) => findConnection(tx)));
  if (!tenant || !stored) throw notFound('Für diese Hausverwaltung ist keine Vorgangs-API angebunden.');
  return { tenant, connection: openConnection(secrets, tenant.id, stored) };
}

export interface WebhookRequest {
  tenantSlug: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
}

/**
 * An event from a housing company's Vorgang API. The company comes from the endpoint and is proven by
 * the signature with its secret, never taken from the body, which is read only after the signature
 * held. Each event id is processed once: the receipt and the status change commit together, so a
 * repeated event changes nothing and a failed one can be sent again. The change goes through the case
 * use cases and their port like a clerk's (timeline entry by the system, live updates, e-mails).
 */
export async function receiveCaseBackendEvent(
  db: Database,
  secrets: SecretBox,
  cases: CaseUseCases,
  request: WebhookRequest,
): Promise<{ outcome: 'applied' | 'unchanged' | 'duplicate' }> {
  const { tenant, connection } = await connectedTenant(db, secrets, request.tenantSlug);
  if (!request.rawBody)
    throw new AppError(415, 'json_expected', 'Bitte senden Sie das Ereignis als JSON (Content-Type: application/json).');
  const problem = checkWebhookSignature(connection.webhookSecret, request, request.rawBody);
  if (problem) throw SIGNATURE_ERRORS[problem];
  // A text PostgreSQL cannot store is a 400 like any invalid field: a 5xx would make the sender retry forever.
  const event = storableInput.pipe(inboundCaseEvent).parse(JSON.parse(request.rawBody.toString('utf8')));
  const outcome = await cases.applyExternalStatusChange(tenant.id, event, (tx) =>
    recordWebhookReceipt(tx, tenant.id, WEBHOOK_SOURCE, event.id),
  );
  return { outcome };
}

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
export async function attachmentForVorgangApi(db: Database, secrets: SecretBox, request: DownloadRequest): Promise<AttachmentFile> {
  const { tenant, connection } = await connectedTenant(db, secrets, request.tenantSlug);
  const path = attachmentDownloadPath(request.tenantSlug, request.attachmentId);
  const problem = checkDownloadSignature(connection.webhookSecret, request, request.method, path);
  if (problem) throw SIGNATURE_ERRORS[problem];
  const file = await withScope(db, { role: 'clerk', tenantId: tenant.id }, (tx) => findCompanyAttachment(tx, request.attachmentId));
  if (!file) throw notFound('Datei nicht gefunden.');
  return file;
}
