import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Realtime } from '../realtime/realtime.ts';
import type { CaseBackend } from './case-backend.ts';
import { findCase, findResidentContact, type ResidentContact, type StaffCaseFilter } from './case-repository.ts';
import type { NewCase } from '../contract/cases.ts';
import type { CaseEventKind, CaseStatus } from '../contract/enums.ts';
import { caseNotFound, type CaseRecord } from './model.ts';
import { tellParticipantsOfStatusChange } from './incidents.ts';
import { countParticipants, listParticipants } from './incidents-repository.ts';
import { statusChangeMail } from './status-mail.ts';
import { attachStagedUploads, caseAttachments } from '../attachments/attachments.ts';
import { toResidentCase, toResidentMessages, toResidentTimeline, toStaffCase, toStaffDetail } from './views.ts';

export interface CaseDependencies {
  db: Database;
  backend: CaseBackend;
  realtime: Realtime;
  mailer: Mailer;
  logger: Logger;
}

/**
 * What residents and clerks do with cases. Each use case is one transaction through the CaseBackend;
 * realtime events and e-mails go out only after it committed.
 */
export function createCaseUseCases(deps: CaseDependencies) {
  const { db, backend, realtime } = deps;

  /** Pages are fetched one item longer than asked to know whether another page follows. */
  function page<T extends { id: string }>(rows: T[], limit: number) {
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /**
   * Tells the housing company's clerks about a resident's change. The resident's transaction cannot read
   * the clerks' names, so the staff view is read in the staff scope of the same housing company. The
   * change is committed by now: a failure here is logged, not reported to the resident.
   */
  async function notifyStaffOfResidentChange(
    tenantId: string,
    event: 'case:created' | 'case:updated',
    change: CaseEventKind,
    caseId: string,
  ) {
    try {
      const staffRecord = await withScope(db, { role: 'clerk', tenantId }, (tx) => findCase(tx, caseId));
      if (staffRecord) realtime.toStaff(tenantId, event, { change, case: toStaffCase(staffRecord) });
    } catch (err) {
      deps.logger.error({ err, caseId }, 'staff notification failed');
    }
  }

  function notifyResident(tenantId: string, change: CaseEventKind, record: CaseRecord) {
    realtime.toResident(tenantId, record.residentId, 'case:updated', { change, case: toResidentCase(record) });
  }

  async function mailStatusChange(contact: ResidentContact | undefined, record: CaseRecord, publicMessage?: string) {
    if (!contact?.email) {
      deps.logger.info({ caseId: record.id }, 'status mail skipped: resident has no e-mail address');
      return;
    }
    try {
      await deps.mailer.send(statusChangeMail(contact.email, contact, record, publicMessage));
    } catch (err) {
      deps.logger.error({ err, caseId: record.id }, 'status mail failed');
    }
  }

  return {
    catalogue: (ctx: TenantContext) => withTenant(db, ctx, (tx) => backend.catalogue(tx)),

    async fileCase(ctx: TenantContext, input: NewCase) {
      // Files named by attachmentIds move into the case in the same transaction: a refused one files nothing.
      const record = await withTenant(db, ctx, async (tx) => {
        const created = await backend.createCase(tx, ctx, input);
        return (await attachStagedUploads(tx, ctx, created, input.attachmentIds)) ? ((await findCase(tx, created.id)) ?? created) : created;
      });
      await notifyStaffOfResidentChange(ctx.tenantId, 'case:created', 'created', record.id);
      notifyResident(ctx.tenantId, 'created', record);
      return { case: toResidentCase(record) };
    },

    async listOwnCases(ctx: TenantContext, query: { limit: number; cursor?: string }) {
      const rows = await withTenant(db, ctx, (tx) => backend.listResidentCases(tx, ctx, { ...query, limit: query.limit + 1 }));
      const { items, nextCursor } = page(rows, query.limit);
      return { items: items.map(toResidentCase), nextCursor };
    },

    async ownCaseDetail(ctx: TenantContext, caseId: string) {
      return withTenant(db, ctx, async (tx) => {
        const record = await backend.findCase(tx, ctx, caseId);
        if (!record) throw caseNotFound();
        const { events, messages } = await backend.caseActivity(tx, ctx, caseId);
        return {
          case: toResidentCase(record),
          timeline: toResidentTimeline(events),
          messages: toResidentMessages(messages),
          attachments: await caseAttachments(tx, caseId),
        };
      });
    },

    /** Text, files or both; files only are logged as `attachments_added` and pushed as that change. */
    async postResidentMessage(ctx: TenantContext, caseId: string, message: { body?: string; attachmentIds: string[] }) {
      const record = await withTenant(db, ctx, async (tx) => {
        const current = message.body
          ? await backend.addMessage(tx, ctx, caseId, { body: message.body, internal: false })
          : await backend.findCase(tx, ctx, caseId);
        if (!current) throw caseNotFound();
        return (await attachStagedUploads(tx, ctx, current, message.attachmentIds)) ? ((await findCase(tx, caseId)) ?? current) : current;
      });
      const change = message.body ? 'resident_message' : 'attachments_added';
      await notifyStaffOfResidentChange(ctx.tenantId, 'case:updated', change, record.id);
      notifyResident(ctx.tenantId, change, record);
      return { case: toResidentCase(record) };
    },

    async openDamageReports(ctx: TenantContext, damageCategoryId: string) {
      const reports = await withTenant(db, ctx, (tx) => backend.openDamageReports(tx, damageCategoryId));
      return { items: reports.map((report) => ({ ...report, reportedAt: report.reportedAt.toISOString() })) };
    },

    async listCases(ctx: TenantContext, filter: StaffCaseFilter) {
      const rows = await withTenant(db, ctx, (tx) => backend.listStaffCases(tx, { ...filter, limit: filter.limit + 1 }));
      const { items, nextCursor } = page(rows, filter.limit);
      return { items: items.map((record) => toStaffCase(record)), nextCursor };
    },

    async caseDetail(ctx: TenantContext, caseId: string) {
      return withTenant(db, ctx, async (tx) => {
        const record = await backend.findCase(tx, ctx, caseId);
        if (!record) throw caseNotFound();
        const { events, messages } = await backend.caseActivity(tx, ctx, caseId);
        return {
          ...toStaffDetail(record, events, messages, await countParticipants(tx, caseId)),
          attachments: await caseAttachments(tx, caseId),
        };
      });
    },

    async changeStatus(ctx: TenantContext, caseId: string, status: CaseStatus, publicMessage?: string) {
      const { record, contact, participants } = await withTenant(db, ctx, async (tx) => {
        const record = await backend.changeStatus(tx, ctx, caseId, status, publicMessage);
        return { record, contact: await findResidentContact(tx, record.residentId), participants: await listParticipants(tx, caseId) };
      });
      realtime.toStaff(ctx.tenantId, 'case:updated', { change: 'status_changed', case: toStaffCase(record) });
      notifyResident(ctx.tenantId, 'status_changed', record);
      await mailStatusChange(contact, record, publicMessage);
      await tellParticipantsOfStatusChange(deps, ctx.tenantId, record, participants);
      return { case: toStaffCase(record) };
    },

    /**
     * A status change reported by the housing company's Vorgang API (verified webhook,
     * bff/case-backend-http/): `apply` runs in the company's staff scope without an account (logged as actor
     * system) and returns the changed case, or nothing when nothing changed. Staff, resident and the residents
     * who joined the incident get the same live updates and e-mails as for a clerk's change.
     */
    async applyExternalStatusChange(
      tenantId: string,
      apply: (tx: Queryable) => Promise<{ record: CaseRecord; publicMessage?: string } | undefined>,
    ) {
      const outcome = await withScope(db, { role: 'clerk', tenantId }, async (tx) => {
        const change = await apply(tx);
        if (!change) return undefined;
        const { residentId, id } = change.record;
        return { ...change, contact: await findResidentContact(tx, residentId), participants: await listParticipants(tx, id) };
      });
      if (!outcome) return undefined;
      realtime.toStaff(tenantId, 'case:updated', { change: 'status_changed', case: toStaffCase(outcome.record) });
      notifyResident(tenantId, 'status_changed', outcome.record);
      await mailStatusChange(outcome.contact, outcome.record, outcome.publicMessage);
      await tellParticipantsOfStatusChange(deps, tenantId, outcome.record, outcome.participants);
      return outcome.record;
    },

    async assign(ctx: TenantContext, caseId: string, assigneeId: string | null) {
      const record = await withTenant(db, ctx, (tx) => backend.assign(tx, ctx, caseId, assigneeId));
      realtime.toStaff(ctx.tenantId, 'case:updated', { change: 'assigned', case: toStaffCase(record) });
      return { case: toStaffCase(record) };
    },

    async reply(ctx: TenantContext, caseId: string, body: string) {
      const record = await withTenant(db, ctx, (tx) => backend.addMessage(tx, ctx, caseId, { body, internal: false }));
      realtime.toStaff(ctx.tenantId, 'case:updated', { change: 'public_reply', case: toStaffCase(record) });
      notifyResident(ctx.tenantId, 'public_reply', record);
      return { case: toStaffCase(record) };
    },

    async addInternalNote(ctx: TenantContext, caseId: string, body: string) {
      const record = await withTenant(db, ctx, (tx) => backend.addMessage(tx, ctx, caseId, { body, internal: true }));
      realtime.toStaff(ctx.tenantId, 'case:updated', { change: 'internal_note', case: toStaffCase(record) });
      return { case: toStaffCase(record) };
    },

    /**
     * A status change together with another capability's work on the case, in one transaction (e.g. the
     * Mieterbescheinigung: publish it, then close the case). `work` sees the case as it was and may refuse
     * by throwing; the change is then announced exactly like changeStatus (live, German status mail).
     */
    async changeStatusWith<T>(
      ctx: TenantContext,
      caseId: string,
      change: { status: CaseStatus; publicMessage?: string },
      work: (tx: Queryable, current: CaseRecord) => Promise<T>,
    ) {
      const { record, contact, result } = await withTenant(db, ctx, async (tx) => {
        const current = await backend.findCase(tx, ctx, caseId);
        if (!current) throw caseNotFound();
        const result = await work(tx, current);
        const record = await backend.changeStatus(tx, ctx, caseId, change.status, change.publicMessage);
        return { record, contact: await findResidentContact(tx, record.residentId), result };
      });
      realtime.toStaff(ctx.tenantId, 'case:updated', { change: 'status_changed', case: toStaffCase(record) });
      notifyResident(ctx.tenantId, 'status_changed', record);
      await mailStatusChange(contact, record, change.publicMessage);
      return { record, result };
    },
  };
}
