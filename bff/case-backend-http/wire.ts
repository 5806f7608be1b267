import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WorkOrderEntry } from '../cases/case-backend.ts';
import type { CaseMessage, CaseRecord } from '../cases/model.ts';
import type { CaseStatus } from '../contract/enums.ts';
import type { CaseReferences } from './connection-repository.ts';

/**
 * The wire contract with a housing company's Vorgang API (docs/case-backend-http.md): the requests the
 * outbox delivers and the signed status events that come back. Shared by the adapter, the webhook and the
 * loopback fake server of the tests, so the three cannot drift apart.
 */

/** Outbox topic of the case backend. */
export const CASE_BACKEND_TOPIC = 'case-backend';
/** Source name of inbound events in webhook_receipts. */
export const WEBHOOK_SOURCE = 'case-backend';

export const TIMESTAMP_HEADER = 'x-vorgang-timestamp';
export const SIGNATURE_HEADER = 'x-vorgang-signature';
/** Events signed longer ago (or further ahead) than this are refused, so a captured request cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 300;

/** What the outbox stores and the worker sends: POST {baseUrl}{path} with this JSON body. */
export interface OutboundRequest {
  method: 'POST';
  path: string;
  body: OutboundBody;
}

export type OutboundBody =
  | { event: 'case.created'; caseId: string; caseNumber: string; case: ReturnType<typeof caseSnapshot> }
  | {
      event: 'case.message';
      caseId: string;
      caseNumber: string;
      message: { id: string; author: 'resident' | 'staff'; internal: boolean; body: string; createdAt: string };
    }
  | {
      event: 'case.status_changed';
      caseId: string;
      caseNumber: string;
      from: CaseStatus;
      to: CaseStatus;
      message: string | null;
      changedAt: string;
    }
  | { event: 'case.attachments_added'; caseId: string; caseNumber: string; attachments: ForwardedAttachment[] }
  | {
      event: 'case.work_order';
      caseId: string;
      caseNumber: string;
      workOrderId: string;
      action: WorkOrderEntry['action'];
      contractor: { name: string; trade: string };
      appointmentAt: string | null;
      note: string | null;
      at: string;
    };

/** One file of a `case.attachments_added` entry as stored; the worker adds `downloadUrl` when it sends it. */
export interface ForwardedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes the download answers with. */
  sha256: string;
  uploadedBy: 'resident' | 'staff';
  downloadUrl?: string;
}

function caseSnapshot(record: CaseRecord, refs: CaseReferences | undefined) {
  return {
    id: record.id,
    caseNumber: record.caseNumber,
    type: record.type,
    title: record.title,
    description: record.description,
    status: record.status,
    urgency: record.urgency,
    priority: record.priority,
    source: record.source,
    createdAt: record.createdAt.toISOString(),
    deadlineAt: record.deadlineAt.toISOString(),
    damage:
      record.damageLocation && record.damageCategory && record.damageKind
        ? { location: record.damageLocation, category: record.damageCategory, kind: record.damageKind }
        : null,
    documentType: record.documentType,
    residentAvailability: record.residentAvailability,
    accessConsent: record.accessConsent,
    // A letting case has an applicant instead of a resident.
    resident: record.residentId ? { id: record.residentId, externalRef: refs?.residentRef ?? null, name: record.residentName } : null,
    applicant: record.applicant,
    building: { id: record.buildingId, externalRef: refs?.buildingRef ?? null, address: record.buildingAddress },
    unit: { externalRef: refs?.unitRef ?? null, label: record.unitLabel },
  };
}

export function caseCreatedRequest(record: CaseRecord, refs: CaseReferences | undefined): OutboundRequest {
  return {
    method: 'POST',
    path: '/cases',
    body: { event: 'case.created', caseId: record.id, caseNumber: record.caseNumber, case: caseSnapshot(record, refs) },
  };
}

export function caseMessageRequest(record: CaseRecord, message: CaseMessage): OutboundRequest {
  return {
    method: 'POST',
    path: `/cases/${record.id}/messages`,
    body: {
      event: 'case.message',
      caseId: record.id,
      caseNumber: record.caseNumber,
      message: {
        id: message.id,
        author: message.authorRole,
        internal: message.internal,
        body: message.body,
        createdAt: message.createdAt.toISOString(),
      },
    },
  };
}

export function statusChangedRequest(record: CaseRecord, from: CaseStatus, message: string | undefined): OutboundRequest {
  return {
    method: 'POST',
    path: `/cases/${record.id}/status`,
    body: {
      event: 'case.status_changed',
      caseId: record.id,
      caseNumber: record.caseNumber,
      from,
      to: record.status,
      message: message ?? null,
      changedAt: record.updatedAt.toISOString(),
    },
  };
}

export function attachmentsAddedRequest(record: CaseRecord, attachments: ForwardedAttachment[]): OutboundRequest {
  return {
    method: 'POST',
    path: `/cases/${record.id}/attachments`,
    body: { event: 'case.attachments_added', caseId: record.id, caseNumber: record.caseNumber, attachments },
  };
}

/** A contractor ordered from the case, or their answer (accepted with an appointment, declined, done). */
export function workOrderRequest(record: CaseRecord, entry: WorkOrderEntry, at: Date): OutboundRequest {
  return {
    method: 'POST',
    path: `/cases/${record.id}/work-orders`,
    body: {
      event: 'case.work_order',
      caseId: record.id,
      caseNumber: record.caseNumber,
      workOrderId: entry.workOrderId,
      action: entry.action,
      contractor: entry.contractor,
      appointmentAt: entry.appointmentAt?.toISOString() ?? null,
      note: entry.note || null,
      at: at.toISOString(),
    },
  };
}

/** Path (below the BFF's public URL) from which the Vorgang API fetches an attachment's bytes. */
export function attachmentDownloadPath(tenantSlug: string, attachmentId: string): string {
  return `/api/integrations/case-backend/${tenantSlug}/attachments/${attachmentId}`;
}

/**
 * The body as sent: a `case.attachments_added` entry gets each file's `downloadUrl` from the BFF's public
 * URL at the time of sending (the outbox stores the files without it); every other body is sent as stored.
 */
export function bodyToSend(body: OutboundBody, publicUrl: string, tenantSlug: string): OutboundBody {
  if (body.event !== 'case.attachments_added') return body;
  const base = publicUrl.replace(/\/+$/, '');
  return {
    ...body,
    attachments: body.attachments.map((file) => ({ ...file, downloadUrl: base + attachmentDownloadPath(tenantSlug, file.id) })),
  };
}

/**
 * Signature of a download request of the Vorgang API: the webhook's scheme (same headers, secret and
 * 5-minute window) over `{timestamp}.{METHOD} {path}` instead of the body, e.g. `1795234567.GET /api/…`.
 */
export function signDownload(secret: string, timestamp: string, method: string, path: string): string {
  return signWebhook(secret, timestamp, `${method.toUpperCase()} ${path}`);
}

export function checkDownloadSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  method: string,
  path: string,
  nowMs = Date.now(),
): SignatureProblem | undefined {
  return checkWebhookSignature(secret, headers, Buffer.from(`${method.toUpperCase()} ${path}`), nowMs);
}

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the company's webhook secret. */
export function signWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Checks the timestamp window, then the signature in constant time; undefined when valid. */
export function checkWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: Buffer,
  nowMs = Date.now(),
): SignatureProblem | undefined {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return 'stale';
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const presented = Buffer.from(signature);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return 'mismatch';
  return undefined;
}
