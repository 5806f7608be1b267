import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { z } from 'zod';
import type { caseAttachment } from '../contract/attachments.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { insertCaseEvent } from '../cases/case-repository.ts';
import type { CaseRecord } from '../cases/model.ts';
import { isClosedStatus, UPLOAD_LIMITS } from '../contract/enums.ts';

type CaseAttachmentView = z.output<typeof caseAttachment>;
import {
  countCaseAttachments,
  findAttachmentFile,
  insertCaseAttachment,
  listCaseAttachments,
  lockCaseAttachments,
  type AttachmentFile,
  type CaseAttachment,
} from './attachment-repository.ts';
import { takeStagedUpload } from './uploads.ts';
import { forwardAttachments } from '../case-backend-http/http-case-backend.ts';
import type { ForwardedAttachment } from '../case-backend-http/wire.ts';

/**
 * Case attachments: staged uploads move into a case inside the filing's or the message's transaction,
 * so a refused request leaves the case untouched and the uploads staged for another try.
 */

const MAX_ATTACHMENTS_PER_CASE = UPLOAD_LIMITS.maxFilesPerCase;

const toView = (attachment: CaseAttachment): CaseAttachmentView => ({
  id: attachment.id,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  size: attachment.size,
  createdAt: attachment.createdAt.toISOString(),
  uploadedBy: attachment.uploadedBy,
});

/** The attachments of a case for its details (resident or staff: row-level security has limited the case). */
export async function caseAttachments(tx: Queryable, caseId: string): Promise<CaseAttachmentView[]> {
  return (await listCaseAttachments(tx, caseId)).map(toView);
}

/**
 * Moves the actor's staged uploads into the case and logs one public `attachments_added` event
 * (`{ count }`), and for a company connected to its Vorgang API one outbox entry with the files
 * (docs/case-backend-http.md). Returns false when there was nothing to attach. Throws, and so files nothing:
 * `400 unknown_upload`, `400 too_many_attachments`, `409 case_closed` (a resident on a closed case).
 */
export async function attachStagedUploads(tx: Queryable, actor: TenantContext, record: CaseRecord, uploadIds: string[]): Promise<boolean> {
  if (!uploadIds.length) return false;
  const role = actor.role === 'resident' ? 'resident' : 'staff';
  if (role === 'resident' && isClosedStatus(record.status)) {
    throw new AppError(409, 'case_closed', 'Dieser Vorgang ist abgeschlossen. Bitte erstellen Sie bei Bedarf ein neues Anliegen.');
  }
  await lockCaseAttachments(tx, record.id);
  const present = await countCaseAttachments(tx, record.id);
  if (present + uploadIds.length > MAX_ATTACHMENTS_PER_CASE) {
    const room = Math.max(0, MAX_ATTACHMENTS_PER_CASE - present);
    throw new AppError(
      400,
      'too_many_attachments',
      `Ein Anliegen kann höchstens ${MAX_ATTACHMENTS_PER_CASE} Dateien haben. ${room === 0 ? 'Es können keine weiteren Dateien angehängt werden.' : `Sie können noch ${room} anhängen.`}`,
    );
  }
  const attached: ForwardedAttachment[] = [];
  for (const uploadId of uploadIds) {
    const file = await takeStagedUpload(tx, actor, uploadId);
    const id = await insertCaseAttachment(tx, {
      tenantId: actor.tenantId,
      caseId: record.id,
      residentId: record.residentId,
      accountId: actor.accountId,
      role,
      fileName: file.fileName,
      contentType: file.contentType,
      content: file.content,
    });
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    attached.push({ id, fileName: file.fileName, contentType: file.contentType, size: file.content.length, sha256, uploadedBy: role });
  }
  await insertCaseEvent(tx, {
    tenantId: actor.tenantId,
    caseId: record.id,
    residentId: record.residentId,
    actorAccountId: actor.accountId,
    actorRole: role,
    kind: 'attachments_added',
    public: true,
    data: { count: uploadIds.length },
  });
  // A company connected to its Vorgang API gets the files too (same transaction, after the case's earlier entries).
  await forwardAttachments(tx, actor, record, attached);
  return true;
}

export function createAttachmentUseCases(db: Database) {
  return {
    /** One attachment of a case the actor may see (a resident only their own cases); 404 otherwise. */
    async download(ctx: TenantContext, caseId: string, attachmentId: string): Promise<AttachmentFile> {
      let residentId: string | undefined;
      if (ctx.role === 'resident') {
        if (!ctx.residentId) throw forbidden();
        residentId = ctx.residentId;
      }
      const file = await withTenant(db, ctx, (tx) => findAttachmentFile(tx, caseId, attachmentId, residentId));
      if (!file) throw notFound('Datei nicht gefunden.');
      return file;
    },
  };
}

/**
 * Sends a stored file as a download: never rendered inline by the browser, never sniffed into another
 * type, not cached, no active content even if opened directly. Case attachments and documents alike. The name goes in RFC 5987 form (UTF-8) plus an ASCII fallback.
 */
export function sendAttachment(res: Response, file: Pick<AttachmentFile, 'fileName' | 'content'> & { contentType: string }): void {
  const fallback = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.content.length));
  res.setHeader('Content-Disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.content);
}
