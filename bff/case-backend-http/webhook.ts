import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { findCase, insertCaseEvent, updateCaseStatus } from '../cases/case-repository.ts';
import { caseNotFound } from '../cases/model.ts';
import type { createCaseUseCases } from '../cases/use-cases.ts';
import { AppError, notFound } from '../errors.ts';
import { findTenantBySlug } from '../onboarding/onboarding.ts';
import { findConnection, recordWebhookReceipt } from './connection-repository.ts';
import { inboundCaseEvent } from '../contract/case-backend.ts';
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
 * the signature with its secret, never taken from the body. Each event id is processed once: the receipt
 * and the status change commit together, so a repeated event changes nothing and a failed one can be sent
 * again. The change goes through the case use cases (timeline entry by the system, live updates, e-mail).
 */
export async function receiveCaseBackendEvent(
  db: Database,
  cases: ReturnType<typeof createCaseUseCases>,
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

  let outcome: 'applied' | 'unchanged' | 'duplicate' = 'unchanged';
  await cases.applyExternalStatusChange(tenant.id, async (tx) => {
    if (!(await recordWebhookReceipt(tx, tenant.id, WEBHOOK_SOURCE, event.id))) {
      outcome = 'duplicate';
      return undefined;
    }
    const current = await findCase(tx, event.caseId);
    if (!current) throw caseNotFound();
    if (current.status === event.status) return undefined;
    // The Vorgang API is where the case is worked: its status wins, even where the board would not allow the step.
    if (!(await updateCaseStatus(tx, current.id, current.status, event.status))) {
      throw new AppError(409, 'case_changed', 'Der Vorgang wurde zwischenzeitlich geändert. Bitte senden Sie das Ereignis erneut.');
    }
    await insertCaseEvent(tx, {
      tenantId: tenant.id,
      caseId: current.id,
      residentId: current.residentId,
      actorAccountId: null,
      actorRole: 'system',
      kind: 'status_changed',
      public: true,
      data: { from: current.status, to: event.status, ...(event.message ? { message: event.message } : {}) },
    });
    outcome = 'applied';
    const record = await findCase(tx, current.id);
    return record && { record, publicMessage: event.message };
  });
  return { outcome };
}
