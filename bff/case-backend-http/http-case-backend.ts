import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { TenantContext } from '../db/scope.ts';
import type { CaseBackend } from '../cases/case-backend.ts';
import { listCaseMessages } from '../cases/case-repository.ts';
import type { CaseRecord } from '../cases/model.ts';
import { insertOutboxEntry } from '../outbox/outbox-repository.ts';
import { findCaseReferences, isConnected } from './connection-repository.ts';
import {
  attachmentsAddedRequest,
  CASE_BACKEND_TOPIC,
  caseCreatedRequest,
  caseMessageRequest,
  statusChangedRequest,
  type ForwardedAttachment,
  type OutboundRequest,
} from './wire.ts';

const isStaff = (actor: TenantContext) => actor.role === 'clerk' || actor.role === 'admin';

/**
 * The http CaseBackend: the resident-facing copy stays in our database (the embedded adapter does all of
 * the work and the reading), and for a housing company with a connection to its Vorgang API every change
 * is also written to the outbox — in the same transaction, so the change and its delivery are stored
 * together or not at all. The outbox worker delivers (bff/case-backend-http/delivery.ts). A company
 * without a connection gets exactly the embedded behaviour, so one backend serves all companies.
 *
 * Forwarded: the new case (idempotency key = case id), public messages and internal notes, status
 * changes made in the staff board, and files attached to the case (forwardAttachments, called by
 * bff/attachments/attachments.ts). Assignments stay local (they name our clerks).
 */
export function createHttpCaseBackend(embedded: CaseBackend): CaseBackend {
  async function forward(
    tx: Queryable,
    actor: TenantContext,
    record: CaseRecord,
    request: OutboundRequest,
    idempotencyKey: string = randomUUID(),
  ) {
    await insertOutboxEntry(tx, {
      tenantId: actor.tenantId,
      topic: CASE_BACKEND_TOPIC,
      orderingKey: record.id,
      idempotencyKey,
      payload: request,
    });
  }

  return {
    ...embedded,

    async createCase(...args: Parameters<CaseBackend['createCase']>) {
      const [tx, actor] = args;
      const record = await embedded.createCase(...args);
      if (await isConnected(tx))
        await forward(tx, actor, record, caseCreatedRequest(record, await findCaseReferences(tx, record.id)), record.id);
      return record;
    },

    async addMessage(...args: Parameters<CaseBackend['addMessage']>) {
      const [tx, actor, caseId] = args;
      const record = await embedded.addMessage(...args);
      if (await isConnected(tx)) {
        // The message just written is the case's latest the actor can see (created_at is the statement's clock).
        const messages = await listCaseMessages(tx, caseId, !isStaff(actor));
        const message = messages[messages.length - 1];
        if (message) await forward(tx, actor, record, caseMessageRequest(record, message));
      }
      return record;
    },

    async changeStatus(...args: Parameters<CaseBackend['changeStatus']>) {
      const [tx, actor, caseId, , publicMessage] = args;
      const before = await embedded.findCase(tx, actor, caseId);
      const record = await embedded.changeStatus(...args);
      if (before && (await isConnected(tx))) await forward(tx, actor, record, statusChangedRequest(record, before.status, publicMessage));
      return record;
    },
  };
}

/**
 * Files just attached to a case (a new case's photos, or files a resident added later): one
 * `case.attachments_added` entry per batch, written in the transaction that attached them, when the
 * company is connected. It follows the case's earlier entries (`case.created`, a message sent with the
 * files), so the Vorgang API always knows the case first. The bytes are not in the entry: the Vorgang API
 * fetches each file from the signed download route (bff/case-backend-http/routes.ts).
 */
export async function forwardAttachments(
  tx: Queryable,
  actor: TenantContext,
  record: CaseRecord,
  attachments: ForwardedAttachment[],
): Promise<void> {
  if (!attachments.length || !(await isConnected(tx))) return;
  await insertOutboxEntry(tx, {
    tenantId: actor.tenantId,
    topic: CASE_BACKEND_TOPIC,
    orderingKey: record.id,
    idempotencyKey: randomUUID(),
    payload: attachmentsAddedRequest(record, attachments),
  });
}
