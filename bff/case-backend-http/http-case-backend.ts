import { createHash, randomUUID } from 'node:crypto';
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
  workOrderRequest,
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
 * changes made in the staff board, and files attached to the case (`case.attachments_added`, after the
 * case's earlier entries, so the Vorgang API always knows the case first), and contractor orders with every
 * answer of the contractor (`case.work_order`). Assignments stay local (they
 * name our clerks); a status the Vorgang API itself reported is not sent back to it.
 */
export function createHttpCaseBackend(embedded: CaseBackend): CaseBackend {
  async function forward(
    tx: Queryable,
    actor: Pick<TenantContext, 'tenantId'>,
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

    async attachFiles(...args: Parameters<CaseBackend['attachFiles']>) {
      const [tx, actor, , files] = args;
      const outcome = await embedded.attachFiles(...args);
      // The bytes are not in the entry: the Vorgang API fetches each file from the signed download route.
      if (await isConnected(tx)) {
        const forwarded: ForwardedAttachment[] = outcome.attached.map((attachment, index) => ({
          id: attachment.id,
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          size: attachment.size,
          sha256: createHash('sha256').update(files[index].content).digest('hex'),
          uploadedBy: attachment.uploadedBy,
        }));
        await forward(tx, actor, outcome.record, attachmentsAddedRequest(outcome.record, forwarded));
      }
      return outcome;
    },

    async changeStatus(...args: Parameters<CaseBackend['changeStatus']>) {
      const [tx, actor, caseId, , publicMessage] = args;
      const before = await embedded.findCase(tx, actor, caseId);
      const record = await embedded.changeStatus(...args);
      if (before && (await isConnected(tx))) await forward(tx, actor, record, statusChangedRequest(record, before.status, publicMessage));
      return record;
    },

    async recordWorkOrder(...args: Parameters<CaseBackend['recordWorkOrder']>) {
      const [tx, tenantId, , entry] = args;
      const record = await embedded.recordWorkOrder(...args);
      if (await isConnected(tx)) await forward(tx, { tenantId }, record, workOrderRequest(record, entry, record.lastActivityAt));
      return record;
    },
  };
}
