import type { NewCase } from '../contract/cases.ts';
import type { CaseSource, CaseStatus } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { fetchPage } from '../db/pagination.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import type { UploadUseCases } from '../uploads/use-cases.ts';
import { queueStatusMails, type CaseAnnouncer } from './announcements.ts';
import { queueReceiptMail, queueReplyMail } from './resident-notifications.ts';
import type { ClerkNotifier } from './clerk-notifications.ts';
import type { CaseBackend, LettingCaseFiling } from './case-backend.ts';
import { recordCaseViewed, type StaffCaseFilter } from './case-repository.ts';
import { listStaffAccounts } from './clerk-repository.ts';
import { countParticipants } from './incident-repository.ts';
import { notFound } from '../errors.ts';
import { caseNotFound, type CaseRecord } from './model.ts';
import {
  toAttachmentView,
  toCatalogueView,
  toOpenDamageReportView,
  toResidentCase,
  toResidentMessages,
  toResidentTimeline,
  toStaffCase,
  toStaffDetail,
} from './views.ts';

export interface CaseDependencies {
  db: Database;
  /** The one door: every write to a case goes through it. */
  backend: CaseBackend;
  announcer: CaseAnnouncer;
  /** Staged uploads a filing or a message takes. */
  uploads: Pick<UploadUseCases, 'take'>;
  /** Tells a case's clerk about an assignment or a resident's message (e-mail and board). */
  clerks?: ClerkNotifier;
}

/**
 * What residents and clerks do with cases. Each use case is one transaction through the CaseBackend port;
 * status mails are queued in it, live events follow the commit (bff/cases/announcements.ts).
 */
export function createCaseUseCases(deps: CaseDependencies) {
  const { db, backend, announcer } = deps;

  async function requireCase(tx: Queryable, ctx: TenantContext, caseId: string): Promise<CaseRecord> {
    const record = await backend.findCase(tx, ctx, caseId);
    if (!record) throw caseNotFound();
    return record;
  }

  /**
   * A status change together with another capability's work on the case, in one transaction (e.g. the
   * Mieterbescheinigung: publish it, then close the case). `work` sees the case as it was and may refuse
   * by throwing; the change is then announced like every status change (live, e-mails through the outbox).
   */
  async function changeStatusWith<T>(
    ctx: TenantContext,
    caseId: string,
    change: { status: CaseStatus; publicMessage?: string },
    work: (tx: Queryable, current: CaseRecord) => Promise<T>,
  ) {
    const { record, participants, result } = await withTenant(db, ctx, async (tx) => {
      const result = await work(tx, await requireCase(tx, ctx, caseId));
      const record = await backend.changeStatus(tx, ctx, caseId, change.status, change.publicMessage);
      return { record, result, participants: await queueStatusMails(tx, ctx.tenantId, record, change.publicMessage) };
    });
    await announcer.announce(ctx.tenantId, { kind: 'status_changed', record, participants });
    return { record, result };
  }

  async function fileRoutedCase(ctx: TenantContext, input: NewCase, source: CaseSource) {
    // Files named by attachmentIds move into the case in the same transaction: a refused one files nothing.
    const record = await withTenant(db, ctx, async (tx) => {
      const files = await deps.uploads.take(tx, ctx, input.attachmentIds);
      const created = await backend.createCase(tx, ctx, { ...input, source });
      await queueReceiptMail(tx, ctx.tenantId, created);
      return files.length ? (await backend.attachFiles(tx, ctx, created.id, files)).record : created;
    });
    await announcer.announce(ctx.tenantId, { kind: 'created', record, byResident: true });
    await deps.clerks?.notify(ctx.tenantId, { reason: 'assigned', record });
    return { case: toResidentCase(record, ctx.language), routedToClerk: record.assignee !== null };
  }

  return {
    catalogue: async (ctx: TenantContext) => toCatalogueView(await withTenant(db, ctx, (tx) => backend.catalogue(tx)), ctx.language),

    /** `source`: where the filing came from — the portal's form, or the chat filing for the resident. */
    async fileCase(ctx: TenantContext, input: NewCase, source: CaseSource = 'portal') {
      return { case: (await fileRoutedCase(ctx, input, source)).case };
    },

    /** As `fileCase`, and whether a routing rule gave it a responsible clerk (the chat's confirmation says who handles it). */
    fileRoutedCase,

    /**
     * The letting case of an accepted rental lead, filed by the clerk who accepted it: for the unit being
     * let, with the applicant instead of a resident, so only staff ever see it.
     */
    async fileLettingCase(ctx: TenantContext, filing: Omit<LettingCaseFiling, 'type'>) {
      const record = await withTenant(db, ctx, (tx) => backend.createCase(tx, ctx, { ...filing, type: 'letting' }));
      await announcer.announce(ctx.tenantId, { kind: 'created', record });
      return { case: toStaffCase(record) };
    },

    async listOwnCases(ctx: TenantContext, query: { limit: number; cursor?: string }) {
      const page = await withTenant(db, ctx, (tx) =>
        fetchPage(query.limit, (limit) => backend.listResidentCases(tx, ctx, { ...query, limit })),
      );
      return { items: page.items.map((record) => toResidentCase(record, ctx.language)), nextCursor: page.nextCursor };
    },

    /** Opening the case marks what happened until now as seen ("Meine Anliegen" shows news since then). */
    async ownCaseDetail(ctx: TenantContext, caseId: string) {
      return withTenant(db, ctx, async (tx) => {
        const record = await requireCase(tx, ctx, caseId);
        if (ctx.role === 'resident' && ctx.residentId === record.residentId)
          await recordCaseViewed(tx, { tenantId: ctx.tenantId, residentId: ctx.residentId, caseId });
        const { events, messages, attachments } = await backend.caseActivity(tx, ctx, caseId);
        return {
          case: toResidentCase(record, ctx.language),
          timeline: toResidentTimeline(events),
          messages: toResidentMessages(messages),
          attachments: attachments.map(toAttachmentView),
        };
      });
    },

    /** Text, files or both; files only are logged as `attachments_added` and pushed as that change. */
    async postResidentMessage(ctx: TenantContext, caseId: string, message: { body?: string; attachmentIds: string[] }) {
      const record = await withTenant(db, ctx, async (tx) => {
        const files = await deps.uploads.take(tx, ctx, message.attachmentIds);
        const current = message.body
          ? await backend.addMessage(tx, ctx, caseId, { body: message.body, internal: false })
          : await requireCase(tx, ctx, caseId);
        return files.length ? (await backend.attachFiles(tx, ctx, caseId, files)).record : current;
      });
      await announcer.announce(ctx.tenantId, { kind: message.body ? 'resident_message' : 'attachments_added', record, byResident: true });
      await deps.clerks?.notify(ctx.tenantId, { reason: 'resident_message', record });
      return { case: toResidentCase(record, ctx.language) };
    },

    async attachmentFile(ctx: TenantContext, caseId: string, attachmentId: string) {
      const file = await withTenant(db, ctx, (tx) => backend.attachmentFile(tx, ctx, caseId, attachmentId));
      if (!file) throw notFound('Datei nicht gefunden.');
      return file;
    },

    async openDamageReports(ctx: TenantContext, damageCategoryId: string) {
      const reports = await withTenant(db, ctx, (tx) => backend.openDamageReports(tx, damageCategoryId));
      return { items: reports.map((report) => toOpenDamageReportView(report, ctx.language)) };
    },

    async listCases(ctx: TenantContext, filter: StaffCaseFilter) {
      const page = await withTenant(db, ctx, (tx) => fetchPage(filter.limit, (limit) => backend.listStaffCases(tx, { ...filter, limit })));
      return { items: page.items.map((record) => toStaffCase(record, ctx.language)), nextCursor: page.nextCursor };
    },

    async caseDetail(ctx: TenantContext, caseId: string) {
      return withTenant(db, ctx, async (tx) => {
        const record = await requireCase(tx, ctx, caseId);
        const { events, messages, attachments } = await backend.caseActivity(tx, ctx, caseId);
        return {
          ...toStaffDetail(record, events, messages, await countParticipants(tx, caseId), ctx.language),
          attachments: attachments.map(toAttachmentView),
        };
      });
    },

    listClerks: async (ctx: TenantContext) => ({ items: await withTenant(db, ctx, (tx) => listStaffAccounts(tx)) }),

    async changeStatus(ctx: TenantContext, caseId: string, status: CaseStatus, publicMessage?: string) {
      const { record } = await changeStatusWith(ctx, caseId, { status, publicMessage }, async () => undefined);
      return { case: toStaffCase(record, ctx.language) };
    },

    changeStatusWith,

    /**
     * A status change reported by the housing company's Vorgang API (verified webhook,
     * bff/case-backend-http/): in the company's staff scope without an account (actor system). `once` runs
     * first in the same transaction and returns false for an event seen before: then nothing changes.
     */
    async applyExternalStatusChange(
      tenantId: string,
      change: { caseId: string; status: CaseStatus; message?: string },
      once: (tx: Queryable) => Promise<boolean>,
    ): Promise<'applied' | 'unchanged' | 'duplicate'> {
      const outcome = await withScope(db, { role: 'clerk', tenantId }, async (tx) => {
        if (!(await once(tx))) return 'duplicate' as const;
        const record = await backend.applyExternalStatus(tx, tenantId, change.caseId, change);
        return record ? { record, participants: await queueStatusMails(tx, tenantId, record, change.message) } : ('unchanged' as const);
      });
      if (typeof outcome === 'string') return outcome;
      await announcer.announce(tenantId, { kind: 'status_changed', ...outcome });
      return 'applied';
    },

    async assign(ctx: TenantContext, caseId: string, assigneeId: string | null) {
      const before = await withTenant(db, ctx, (tx) => requireCase(tx, ctx, caseId));
      const record = await withTenant(db, ctx, (tx) => backend.assign(tx, ctx, caseId, assigneeId));
      await announcer.announce(ctx.tenantId, { kind: 'assigned', record });
      if (before.assignee?.id !== record.assignee?.id)
        await deps.clerks?.notify(ctx.tenantId, { reason: 'assigned', record, actorAccountId: ctx.accountId });
      return { case: toStaffCase(record, ctx.language) };
    },

    async reply(ctx: TenantContext, caseId: string, body: string) {
      const record = await withTenant(db, ctx, async (tx) => {
        const replied = await backend.addMessage(tx, ctx, caseId, { body, internal: false });
        await queueReplyMail(tx, ctx.tenantId, replied, body);
        return replied;
      });
      await announcer.announce(ctx.tenantId, { kind: 'public_reply', record });
      return { case: toStaffCase(record, ctx.language) };
    },

    async addInternalNote(ctx: TenantContext, caseId: string, body: string) {
      const record = await withTenant(db, ctx, (tx) => backend.addMessage(tx, ctx, caseId, { body, internal: true }));
      await announcer.announce(ctx.tenantId, { kind: 'internal_note', record });
      return { case: toStaffCase(record, ctx.language) };
    },

    /**
     * A document published on a case, in the caller's work: `publish` stores it (documents capability) and
     * the case's activity log records it through the port, in one transaction; then announced.
     */
    async publishOnCase<T extends { document: { id: string; title: string } }>(
      ctx: TenantContext,
      caseId: string,
      publish: (tx: Queryable, current: CaseRecord) => Promise<T>,
    ) {
      const { record, published } = await withTenant(db, ctx, async (tx) => {
        const published = await publish(tx, await requireCase(tx, ctx, caseId));
        return { published, record: await backend.recordDocumentPublished(tx, ctx, caseId, published.document) };
      });
      await announcer.announce(ctx.tenantId, { kind: 'document_published', record });
      return { record, published };
    },

    /** Another capability's read of one case as the clerk may see it (RLS-scoped; unknown or foreign: 404), writing nothing. */
    readCase: <T>(ctx: TenantContext, caseId: string, read: (tx: Queryable, current: CaseRecord) => Promise<T>) =>
      withTenant(db, ctx, async (tx) => read(tx, await requireCase(tx, ctx, caseId))),

    /** For `changeStatusWith`'s work: the document's entry in the case's activity log, through the port. */
    recordDocumentPublished: (tx: Queryable, ctx: TenantContext, caseId: string, document: { id: string; title: string }) =>
      backend.recordDocumentPublished(tx, ctx, caseId, document),
  };
}

export type CaseUseCases = ReturnType<typeof createCaseUseCases>;
