import type { CasePublishInput, PublishInput, TenantCertificateRelease } from '../contract/documents.ts';
import { isClosedStatus, TENANT_CERTIFICATE_KEY } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { fetchPage } from '../db/pagination.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { caseNotFound, type CaseRecord } from '../cases/model.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import { toStaffCase } from '../cases/views.ts';
import type { UploadUseCases } from '../uploads/use-cases.ts';
import { certificateDigest, certificateSummary } from './certificate.ts';
import { certificateFileName, renderTenantCertificate, type CertificateInput } from './pdf.ts';
import {
  audienceExists,
  countUnread,
  findResidentDocument,
  findResidentDocumentFile,
  findStaffDocument,
  findTenancyFacts,
  insertDocument,
  listDocumentReaders,
  listResidentDocuments,
  listStaffDocuments,
  recordRead,
  type NewDocumentRow,
  type StaffDocumentFilter,
} from './document-repository.ts';
import { documentNotFound, type StaffDocument } from './model.ts';
import { toResidentDocument, toStaffDocument } from './views.ts';

export interface DocumentDependencies {
  db: Database;
  /** Work on a case (its activity log, its status) goes through the case use cases and their port. */
  cases: CaseUseCases;
  uploads: Pick<UploadUseCases, 'take'>;
  realtime: Realtime;
}

export const CERTIFICATE_PUBLIC_MESSAGE = 'Ihre Mieterbescheinigung liegt unter „Meine Dokumente“ bereit.';

/**
 * "Meine Dokumente": residents read what the housing company published to them, their unit or their
 * building; clerks publish (an uploaded file, or the generated Mieterbescheinigung). One transaction per
 * use case; live updates only after it committed.
 */
export function createDocumentUseCases(deps: DocumentDependencies) {
  const { db, cases, realtime } = deps;

  function requireResident(ctx: TenantContext): string {
    if (ctx.role !== 'resident' || !ctx.residentId) throw documentNotFound();
    return ctx.residentId;
  }

  /** A document on a case goes to the case's resident; a letting case has none (its applicant lives elsewhere). */
  function requireCaseResident(record: CaseRecord): string {
    if (!record.residentId) {
      throw new AppError(
        409,
        'case_without_resident',
        'Dieser Vorgang gehört keiner Mieterin und keinem Mieter; Dokumente gehen nur an Mieter.',
      );
    }
    return record.residentId;
  }

  /** What the certificate of this case would state if issued at `issuedAt`; refuses anything but an open certificate request. */
  async function certificateInput(tx: Queryable, current: CaseRecord, issuedAt: Date): Promise<CertificateInput & { residentId: string }> {
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
    const residentId = requireCaseResident(current);
    const facts = await findTenancyFacts(tx, residentId);
    if (!facts) throw caseNotFound();
    return { facts, caseNumber: current.caseNumber, issuedAt, residentId };
  }

  /** Inserts the document and reads back the staff view and the residents it reaches, in the caller's transaction. */
  async function publish(tx: Queryable, row: NewDocumentRow) {
    const id = await insertDocument(tx, row);
    const document = (await findStaffDocument(tx, id))!;
    return { document, recipients: await listDocumentReaders(tx, id) };
  }

  /** `document:published` to every resident the document reaches, as each of them sees it (unread). */
  function announce(tenantId: string, document: StaffDocument, recipients: string[]) {
    const view = toResidentDocument({ ...document, readAt: null });
    for (const residentId of recipients) realtime.toResident(tenantId, residentId, 'document:published', { document: view });
  }

  return {
    async listOwn(ctx: TenantContext, query: { limit: number; cursor?: string }) {
      const residentId = requireResident(ctx);
      return withTenant(db, ctx, async (tx) => {
        const page = await fetchPage(query.limit, (limit) => listResidentDocuments(tx, residentId, { ...query, limit }));
        return { items: page.items.map(toResidentDocument), nextCursor: page.nextCursor, unreadCount: await countUnread(tx, residentId) };
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
      const page = await withTenant(db, ctx, (tx) => fetchPage(filter.limit, (limit) => listStaffDocuments(tx, { ...filter, limit })));
      return { items: page.items.map(toStaffDocument), nextCursor: page.nextCursor };
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
        const [file] = await deps.uploads.take(tx, ctx, [input.uploadId]);
        return publish(tx, {
          tenantId: ctx.tenantId,
          title: input.title,
          category: input.category,
          ...file,
          audience: input.audience,
          audienceId: input.audienceId,
          readers: input.readers,
          caseId: null,
          publishedBy: ctx.accountId,
        });
      });
      announce(ctx.tenantId, document, recipients);
      return { document: toStaffDocument(document) };
    },

    /** A document for the case's resident, shown in the case's public timeline. The case stays as it is. */
    async publishToCase(ctx: TenantContext, caseId: string, input: CasePublishInput) {
      const { record, published } = await cases.publishOnCase(ctx, caseId, async (tx, current) => {
        const residentId = requireCaseResident(current);
        const [file] = await deps.uploads.take(tx, ctx, [input.uploadId]);
        return publish(tx, {
          tenantId: ctx.tenantId,
          title: input.title,
          category: input.category,
          ...file,
          audience: 'resident',
          audienceId: residentId,
          readers: 'all',
          caseId,
          publishedBy: ctx.accountId,
        });
      });
      announce(ctx.tenantId, published.document, published.recipients);
      return { case: toStaffCase(record, ctx.language), document: toStaffDocument(published.document) };
    },

    /**
     * The Mieterbescheinigung exactly as releasing it now would issue it, with the digest of its data; nothing
     * is stored, published or changed. Refused like the release for anything but an open certificate request.
     */
    async previewTenantCertificate(ctx: TenantContext, caseId: string) {
      const input = await cases.readCase(ctx, caseId, (tx, current) => certificateInput(tx, current, new Date()));
      return {
        digest: certificateDigest(input),
        certificate: certificateSummary(input),
        fileName: certificateFileName(input.caseNumber),
        pdf: (await renderTenantCertificate(input)).toString('base64'),
      };
    },

    /**
     * The Mieterbescheinigung for an open request of one, once the clerk confirmed its preview (`digest`):
     * generated from the resident's tenancy, published to the resident and the case closed as `erledigt` with a
     * public message — all or nothing. Data changed since the preview: 409 `certificate_changed`, nothing issued.
     */
    async issueTenantCertificate(ctx: TenantContext, caseId: string, release: TenantCertificateRelease) {
      const confirmed = release.digest;
      if (!confirmed) {
        throw new AppError(
          422,
          'certificate_preview_required',
          'Bitte sehen Sie sich zuerst die Vorschau der Mieterbescheinigung an und geben Sie sie dann frei.',
        );
      }
      const { record, result } = await cases.changeStatusWith(
        ctx,
        caseId,
        { status: 'erledigt', publicMessage: CERTIFICATE_PUBLIC_MESSAGE },
        async (tx, current) => {
          const input = await certificateInput(tx, current, new Date());
          if (certificateDigest(input) !== confirmed) {
            throw new AppError(
              409,
              'certificate_changed',
              'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.',
            );
          }
          const published = await publish(tx, {
            tenantId: ctx.tenantId,
            title: 'Mieterbescheinigung',
            category: 'certificate',
            fileName: certificateFileName(current.caseNumber),
            contentType: 'application/pdf',
            content: await renderTenantCertificate(input),
            audience: 'resident',
            audienceId: input.residentId,
            readers: 'all',
            caseId,
            publishedBy: ctx.accountId,
          });
          await cases.recordDocumentPublished(tx, ctx, caseId, published.document);
          return published;
        },
      );
      announce(ctx.tenantId, result.document, result.recipients);
      return { case: toStaffCase(record, ctx.language), document: toStaffDocument(result.document) };
    },
  };
}
