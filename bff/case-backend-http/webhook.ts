import { inboundCaseEvent } from '../contract/case-backend.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import { findTenantBySlug } from '../tenants/use-cases.ts';
import { findConnection, recordWebhookReceipt } from './connection-repository.ts';
import { checkWebhookSignature, WEBHOOK_SOURCE, type SignatureProblem } from './wire.ts';

export const SIGNATURE_ERRORS: Record<SignatureProblem, AppError> = {
  missing: new AppError(401, 'signature_missing', 'Signatur oder Zeitstempel fehlt.'),
  stale: new AppError(401, 'signature_expired', 'Der Zeitstempel liegt mehr als 5 Minuten zurück oder in der Zukunft.'),
  mismatch: new AppError(401, 'signature_invalid', 'Die Signatur ist ungültig.'),
};

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
  cases: CaseUseCases,
  request: WebhookRequest,
): Promise<{ outcome: 'applied' | 'unchanged' | 'duplicate' }> {
  const tenant = await findTenantBySlug(db, request.tenantSlug);
  const connection = tenant && (await withScope(db, { role: 'system', tenantId: tenant.id }, (tx) => findConnection(tx)));
  if (!tenant || !connection) throw notFound('Für diese Hausverwaltung ist keine Vorgangs-API angebunden.');
  if (!request.rawBody)
    throw new AppError(415, 'json_expected', 'Bitte senden Sie das Ereignis als JSON (Content-Type: application/json).');
  const problem = checkWebhookSignature(connection.webhookSecret, request, request.rawBody);
  if (problem) throw SIGNATURE_ERRORS[problem];
  const event = inboundCaseEvent.parse(JSON.parse(request.rawBody.toString('utf8')));
  const outcome = await cases.applyExternalStatusChange(tenant.id, event, (tx) =>
    recordWebhookReceipt(tx, tenant.id, WEBHOOK_SOURCE, event.id),
  );
  return { outcome };
}
