import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import type { Realtime } from '../realtime/realtime.ts';
import type { CaseBackend } from '../cases/case-backend.ts';
import { caseNotFound, type CaseRecord } from '../cases/model.ts';
import type { createCaseUseCases } from '../cases/use-cases.ts';
import { toResidentCase, toStaffCase } from '../cases/views.ts';
import { certificateFileName, renderTenantCertificate } from './pdf.ts';
import {
  audienceExists,
  countUnread,
  findResidentDocument,
  findResidentDocumentFile,
  findStaffDocument,
  findTenancyFacts,
  insertDocument,
  listAudienceResidents,
  listResidentDocuments,
  listStaffDocuments,
  recordRead,
  type NewDocumentRow,
  type StaffDocumentFilter,
} from './document-repository.ts';
import type { CasePublishInput, PublishInput } from '../contract/documents.ts';
import { isClosedStatus, TENANT_CERTIFICATE_KEY } from '../contract/enums.ts';
import { documentNotFound, type StaffDocument } from './model.ts';
import { toResidentDocument, toStaffDocument } from './views.ts';

/** A staged upload taken in the caller's transaction (`takeStagedUpload` of bff/attachments/). */
export type TakeUpload = (
  tx: Queryable,
  actor: Pick<TenantContext, 'accountId'>,
  uploadId: string,
) => Promise<{ fileName: string; contentType: string; content: Buffer }>;

export interface DocumentDependencies {
  db: Database;
  backend: CaseBackend;
  cases: ReturnType<typeof createCaseUseCases>;
  takeUpload: TakeUpload;
  realtime: Realtime;
  logger: Logger;
}

export const CERTIFICATE_PUBLIC_MESSAGE = 'Ihre Mieterbescheinigung liegt unter „Meine Dokumente“ bereit.';

/**
 * "Meine Dokumente": residents read what the housing company published to them, their unit or their
 * building; clerks publish (an uploaded file, or the generated Mieterbescheinigung). One transaction per
 * use case; live updates only after it committed.
 */
export function createDocumentUseCases(deps: DocumentDependencies) {
  const { db, backend, realtime } = deps;

  function requireResident(ctx: TenantContext): string {
    if (ctx.role !== 'resident' || !ctx.residentId) throw documentNotFound();
    return ctx.residentId;
  }

  /** Inserts the document and reads back the staff view and the residents it reaches, in the caller's transaction. */
  async function publish(tx: Queryable, row: NewDocumentRow) {
    const id = await insertDocument(tx, row);
    const document = (await findStaffDocument(tx, id))!;
    return { document, recipients: await listAudienceResidents(tx, row.audience, row.audienceId) };
  }

  /** `document:published` to every resident the document reaches, as each of them sees it (unread). */
  function announce(tenantId: string, document: StaffDocument, recipients: string[]) {
    const view = toResidentDocument({ ...document, readAt: null });
    for (const residentId of recipients) realtime.toResident(tenantId, residentId, 'document:published', { document: view });
  }

  function announceCaseChange(tenantId: string, change: 'document_published' | 'status_changed', record: CaseRecord) {
    realtime.toStaff(tenantId, 'case:updated', { change, case: toStaffCase(record) });
    realtime.toResident(tenantId, record.residentId, 'case:updated', { change, case: toResidentCase(record) });
  }

  async function requireCase(tx: Queryable, ctx: TenantContext, caseId: string): Promise<CaseRecord> {
    const record = await backend.findCase(tx, ctx, caseId);
    if (!record) throw caseNotFound();
    return record;
  }

  return {
    async listOwn(ctx: TenantContext, query: { limit: number; cursor?: string }) {
      const residentId = requireResident(ctx);
      return withTenant(db, ctx, async (tx) => {
        const rows = await listResidentDocuments(tx, residentId, { ...query, limit: query.limit + 1 });
        const items = rows.slice(0, query.limit);
        return {
          items: items.map(toResidentDocument),
          nextCursor: rows.length > query.limit ? items[items.length - 1].id : null,
          unreadCount: await countUnread(tx, residentId),
        };
      });
    },

    async unreadCount(ctx: TenantContext) {
      const residentId = requireResident(ctx);
      return { unreadCount: await withTenant(db, ctx, (tx) => countUnread(tx, residentId)) };
    },

    /** The file; opening it is the read receipt (the first time counts). */
    async download(ctx: TenantContext, documentId: string) {
      const residentId = requireResident(ctx);
      return withTenant(db, ctx, async (tx) => {
        const file = await findResidentDocumentFile(tx, residentId, documentId);
        if (!file) throw documentNotFound();
        await recordRead(tx, ctx.tenantId, residentId, documentId);
        return file;
      });
    },

    async markRead(ctx: TenantContext, documentId: string) {
      const residentId = requireResident(ctx);
      await withTenant(db, ctx, async (tx) => {
        if (!(await findResidentDocument(tx, residentId, documentId))) throw documentNotFound();
        await recordRead(tx, ctx.tenantId, residentId, documentId);
      });
    },

    async listForStaff(ctx: TenantContext, filter: StaffDocumentFilter) {
      const rows = await withTenant(db, ctx, (tx) => listStaffDocuments(tx, { ...filter, limit: filter.limit + 1 }));
      const items = rows.slice(0, filter.limit);
      return { items: items.map(toStaffDocument), nextCursor: rows.length > filter.limit ? items[items.length - 1].id : null };
    },

    async publishUpload(ctx: TenantContext, input: PublishInput) {
      const { document, recipients } = await withTenant(db, ctx, async (tx) => {
        if (!(await audienceExists(tx, input.audience, input.audienceId))) {
          throw new AppError(
            400,
            'unknown_audience',
            'Die gewählte Mieterin, Wohnung oder das Gebäude gibt es bei dieser Hausverwaltung nicht.',
          );
        }
        const file = await deps.takeUpload(tx, ctx, input.uploadId);
        return publish(tx, {
          tenantId: ctx.tenantId,
          title: input.title,
          category: input.category,
          ...file,
          audience: input.audience,
          audienceId: input.audienceId,
          caseId: null,
          publishedBy: ctx.accountId,
        });
      });
      announce(ctx.tenantId, document, recipients);
      return { document: toStaffDocument(document) };
    },

    /** A document for the case's resident, shown in the case's public timeline. The case stays as it is. */
    async publishToCase(ctx: TenantContext, caseId: string, input: CasePublishInput) {
      const { record, document, recipients } = await withTenant(db, ctx, async (tx) => {
        const current = await requireCase(tx, ctx, caseId);
        const file = await deps.takeUpload(tx, ctx, input.uploadId);
        const published = await publish(tx, {
          tenantId: ctx.tenantId,
          title: input.title,
          category: input.category,
          ...file,
          audience: 'resident',
          audienceId: current.residentId,
          caseId,
          publishedBy: ctx.accountId,
        });
        const record = await backend.recordDocumentPublished(tx, ctx, caseId, { id: published.document.id, title: input.title });
        return { record, ...published };
      });
      announceCaseChange(ctx.tenantId, 'document_published', record);
      announce(ctx.tenantId, document, recipients);
      return { case: toStaffCase(record), document: toStaffDocument(document) };
    },

    /**
     * The Mieterbescheinigung for an open request of one: generated from the resident's tenancy, published
     * to the resident and the case closed as `erledigt` with a public message — all or nothing.
     */
    async issueTenantCertificate(ctx: TenantContext, caseId: string) {
      const { record, result } = await deps.cases.changeStatusWith(
        ctx,
        caseId,
        { status: 'erledigt', publicMessage: CERTIFICATE_PUBLIC_MESSAGE },
        async (tx, current) => {
          if (current.type !== 'document_request' || current.documentType?.key !== TENANT_CERTIFICATE_KEY) {
            throw new AppError(409, 'not_a_certificate_request', 'Dieser Vorgang ist keine Anforderung einer Mieterbescheinigung.');
          }
          if (isClosedStatus(current.status)) {
            throw new AppError(
              409,
              'case_closed',
              'Dieser Vorgang ist bereits abgeschlossen; die Mieterbescheinigung wird nicht erneut erstellt.',
            );
          }
          const facts = await findTenancyFacts(tx, current.residentId);
          if (!facts) throw caseNotFound();
          const content = await renderTenantCertificate({ facts, caseNumber: current.caseNumber, issuedAt: new Date() });
          const published = await publish(tx, {
            tenantId: ctx.tenantId,
            title: 'Mieterbescheinigung',
            category: 'certificate',
            fileName: certificateFileName(current.caseNumber),
            contentType: 'application/pdf',
            content,
            audience: 'resident',
            audienceId: current.residentId,
            caseId,
            publishedBy: ctx.accountId,
          });
          await backend.recordDocumentPublished(tx, ctx, caseId, { id: published.document.id, title: published.document.title });
          return published;
        },
      );
      announce(ctx.tenantId, result.document, result.recipients);
      return { case: toStaffCase(record), document: toStaffDocument(result.document) };
    },
  };
}
