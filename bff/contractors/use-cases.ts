import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ContractorAnswerInput, ContractorInput, ContractorOrderView, WorkOrder } from '../contract/contractors.ts';
import { isClosedStatus } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { applyScope, withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { queueStatusMails, type CaseAnnouncer, type CaseChange } from '../cases/announcements.ts';
import type { CaseBackend, WorkOrderEntry } from '../cases/case-backend.ts';
import { caseNotFound, type CaseRecord } from '../cases/model.ts';
import { renderWorkOrder } from '../documents/pdf.ts';
import { linkInvalid, linkRevoked, type OpenedLink, type SignedLinks } from '../signed-links/signed-links.ts';
import * as repository from './repository.ts';
import { appointmentText, workOrderMail } from './work-order-mail.ts';

/**
 * Contractor orders from a damage case (docs/contractors.md). A clerk orders a contractor of the company: in one
 * transaction the order is stored, the case becomes `beauftragt` (with a public message, the status mails), its log
 * names the contractor, and the order goes out by e-mail (PDF attached, signed link `contractor-answer` whose subject
 * is the order) through the outbox. The contractor answers through the link without an account; the answer is
 * applied in the company's staff scope as actor system (the scope switches inside the link's transaction), logged,
 * forwarded to a connected Vorgang API through the CaseBackend port, and announced: an appointment reaches the
 * resident live and by e-mail; a job reported done shows to the clerks, who close the case.
 */

const PURPOSE = 'contractor-answer';
const LINK_VALID_MS = 30 * 86_400_000;
/** At most this many photos of the case are printed in the order. */
const MAX_PHOTOS = 6;

const contractorNotFound = () => notFound('Diesen Handwerker gibt es nicht.');
const notADamageCase = () => new AppError(409, 'not_a_damage_case', 'Handwerker werden nur für Schadensmeldungen beauftragt.');
const caseClosed = () => new AppError(409, 'case_closed', 'Dieser Vorgang ist abgeschlossen; dafür wird kein Handwerker mehr beauftragt.');
const workOrderOpen = () =>
  new AppError(
    409,
    'work_order_open',
    'Für diesen Vorgang ist schon ein Handwerker beauftragt, der noch nicht abgesagt oder fertig gemeldet hat.',
  );
const contractorUnavailable = () =>
  new AppError(409, 'contractor_unavailable', 'Dieser Handwerker ist deaktiviert oder betreut das Gebäude des Vorgangs nicht.');
const workOrderAnswered = () =>
  new AppError(
    409,
    'work_order_answered',
    'Dieser Auftrag ist bereits abgesagt oder als erledigt gemeldet; diese Antwort passt nicht mehr.',
  );
const unknownBuildings = (ids: string[]) =>
  new AppError(400, 'unknown_building', 'Diese Gebäude gibt es bei Ihrer Hausverwaltung nicht.', { buildingIds: ids });
const pastAppointment = () =>
  new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
    fields: [{ path: 'appointmentAt', code: 'custom', message: 'Der Termin muss in der Zukunft liegen.' }],
  });

const iso = (date: Date | null) => date && date.toISOString();

function toWorkOrder(row: repository.WorkOrderRow): WorkOrder {
  return {
    id: row.id,
    caseId: row.caseId,
    contractor: { id: row.contractorId, name: row.contractorName, trade: row.contractorTrade },
    status: row.status,
    note: row.note,
    appointmentAt: iso(row.appointmentAt),
    answerNote: row.answerNote,
    orderedAt: row.createdAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    linkExpiresAt: row.linkExpiresAt.toISOString(),
  };
}

const damageOf = (record: CaseRecord) =>
  [record.damageLocation?.label, record.damageCategory?.label, record.damageKind?.label].filter(Boolean).join(' · ') || null;

export function createContractorUseCases(deps: {
  db: Database;
  backend: CaseBackend;
  announcer: CaseAnnouncer;
  links: SignedLinks;
  clock: Clock;
  publicUrl: () => string;
  logger: Logger;
}) {
  const { db, backend, announcer, clock } = deps;
  const answerUrl = (token: string) => `${deps.publicUrl().replace(/\/+$/, '')}/auftrag#token=${token}`;

  async function requireBuildings(tx: Queryable, ids: string[]) {
    const unknown = await repository.unknownBuildings(tx, ids);
    if (unknown.length) throw unknownBuildings(unknown);
  }

  /** JPEG and PNG files of the case, oldest first: what the PDF can show. */
  async function photosOf(tx: Queryable, ctx: TenantContext, caseId: string): Promise<Buffer[]> {
    const { attachments } = await backend.caseActivity(tx, ctx, caseId);
    const photos: Buffer[] = [];
    for (const attachment of attachments) {
      if (photos.length >= MAX_PHOTOS) break;
      if (attachment.contentType !== 'image/jpeg' && attachment.contentType !== 'image/png') continue;
      const file = await backend.attachmentFile(tx, ctx, caseId, attachment.id);
      if (file) photos.push(file.content);
    }
    return photos;
  }

  function orderView(companyName: string, order: repository.WorkOrderRow, record: CaseRecord): ContractorOrderView {
    return {
      company: { name: companyName },
      contractor: { name: order.contractorName },
      caseNumber: record.caseNumber,
      location: { address: record.buildingAddress, unit: record.unitLabel },
      damage: damageOf(record),
      title: record.title,
      description: record.description,
      residentAvailability: record.residentAvailability,
      accessConsent: record.accessConsent,
      note: order.note,
      status: order.status,
      appointmentAt: iso(order.appointmentAt),
      answerNote: order.answerNote,
      linkExpiresAt: order.linkExpiresAt.toISOString(),
    };
  }

  /**
   * Opens the contractor's link and, in its transaction, switches to the company's staff scope (no account: the
   * contractor acts as the system). The order must be the link's, and its case open; a closed case voids the link.
   */
  function openOrder<T>(
    token: string | undefined,
    fn: (tx: Queryable, link: OpenedLink, order: repository.WorkOrderRow, record: CaseRecord) => Promise<T>,
  ) {
    return deps.links.open(token, PURPOSE, async (tx, link) => {
      await applyScope(tx, { role: 'clerk', tenantId: link.tenantId });
      const order = await repository.lockWorkOrder(tx, link.subjectId);
      if (!order) throw linkInvalid();
      if (order.signedLinkId !== link.linkId) throw linkRevoked();
      // The company's staff view of the case, read without an account (the contractor has none).
      const current = await backend.findCase(tx, { tenantId: link.tenantId, accountId: '', role: 'clerk' }, order.caseId);
      if (!current || isClosedStatus(current.status)) throw linkRevoked();
      return fn(tx, link, order, current);
    });
  }

  return {
    // Staff ----------------------------------------------------------------------------------------------

    listContractors: async (ctx: TenantContext) => ({ items: await withTenant(db, ctx, (tx) => repository.listContractors(tx)) }),

    createContractor: (ctx: TenantContext, input: ContractorInput & { buildingIds: string[]; active: boolean }) =>
      withTenant(db, ctx, async (tx) => {
        await requireBuildings(tx, input.buildingIds);
        return repository.insertContractor(tx, ctx.tenantId, { ...input, phone: input.phone || null });
      }),

    updateContractor: (ctx: TenantContext, id: string, patch: Partial<ContractorInput>) =>
      withTenant(db, ctx, async (tx) => {
        const current = await repository.findContractor(tx, id);
        if (!current) throw contractorNotFound();
        if (patch.buildingIds) await requireBuildings(tx, patch.buildingIds);
        const { id: _id, ...rest } = current;
        const phone = patch.phone === undefined ? current.phone : patch.phone || null;
        return repository.updateContractor(tx, id, { ...rest, ...patch, phone, buildingIds: patch.buildingIds ?? current.buildingIds });
      }),

    listWorkOrders: (ctx: TenantContext, caseId: string) =>
      withTenant(db, ctx, async (tx) => {
        if (!(await backend.findCase(tx, ctx, caseId))) throw caseNotFound();
        return { items: (await repository.listWorkOrders(tx, caseId)).map(toWorkOrder) };
      }),

    /** Orders a contractor from a damage case: order, status `beauftragt`, log entry and mail in one transaction. */
    async commission(ctx: TenantContext, caseId: string, input: { contractorId: string; note: string }) {
      const issuedAt = clock.now();
      const outcome = await withTenant(db, ctx, async (tx) => {
        const current = await backend.findCase(tx, ctx, caseId);
        if (!current) throw caseNotFound();
        if (current.type !== 'damage') throw notADamageCase();
        if (isClosedStatus(current.status)) throw caseClosed();
        const contractor = await repository.findContractor(tx, input.contractorId);
        if (!contractor) throw contractorNotFound();
        if (!contractor.active || (contractor.buildingIds.length > 0 && !contractor.buildingIds.includes(current.buildingId))) {
          throw contractorUnavailable();
        }
        if (await repository.hasOpenWorkOrder(tx, caseId)) throw workOrderOpen();

        const workOrderId = randomUUID();
        const issued = await deps.links.issue(tx, {
          tenantId: ctx.tenantId,
          purpose: PURPOSE,
          subjectId: workOrderId,
          validForMs: LINK_VALID_MS,
          createdBy: ctx.accountId,
        });
        await repository.insertWorkOrder(tx, {
          tenantId: ctx.tenantId,
          id: workOrderId,
          caseId,
          contractorId: contractor.id,
          signedLinkId: issued.linkId,
          note: input.note,
          orderedBy: ctx.accountId,
        });
        // A case already `beauftragt` (an earlier contractor declined) keeps its status; the log names the new one.
        const changesStatus = current.status !== 'beauftragt';
        const publicMessage = `Wir haben einen Handwerksbetrieb (${contractor.trade}) beauftragt. Er meldet sich bei Ihnen mit einem Termin.`;
        if (changesStatus) await backend.changeStatus(tx, ctx, caseId, 'beauftragt', publicMessage);
        const entry: WorkOrderEntry = {
          workOrderId,
          action: 'ordered',
          contractor: { name: contractor.name, trade: contractor.trade },
          actorAccountId: ctx.accountId,
          ...(input.note ? { note: input.note } : {}),
        };
        const record = await backend.recordWorkOrder(tx, ctx.tenantId, caseId, entry);
        const participants = changesStatus ? await queueStatusMails(tx, ctx.tenantId, record, publicMessage) : [];
        const companyName = await repository.companyName(tx, ctx.tenantId);
        const pdf = await renderWorkOrder({
          issuer: companyName,
          contractorName: contractor.name,
          caseNumber: record.caseNumber,
          address: record.buildingAddress,
          unit: record.unitLabel,
          damage: damageOf(record),
          title: record.title,
          description: record.description,
          residentAvailability: record.residentAvailability,
          accessConsent: record.accessConsent,
          note: input.note,
          issuedAt,
          answerUntil: issued.expiresAt,
          photos: await photosOf(tx, ctx, caseId),
        });
        const url = answerUrl(issued.token);
        await queueMail(
          tx,
          ctx.tenantId,
          workOrderMail({
            to: contractor.email,
            contractorName: contractor.name,
            companyName,
            caseNumber: record.caseNumber,
            address: record.buildingAddress,
            link: url,
            expiresAt: issued.expiresAt,
            pdf,
          }),
        );
        const [order] = (await repository.listWorkOrders(tx, caseId)).filter((row) => row.id === workOrderId);
        const change: CaseChange = changesStatus ? { kind: 'status_changed', record, participants } : { kind: 'work_order', record };
        return { change, created: { workOrder: toWorkOrder(order), url, sentTo: contractor.email } };
      });
      await announcer.announce(ctx.tenantId, outcome.change);
      return outcome.created;
    },

    // The contractor, through the signed link --------------------------------------------------------------

    view: (token: string | undefined) =>
      openOrder(token, async (tx, link, order, record) => orderView(await repository.companyName(tx, link.tenantId), order, record)),

    /** Accept with an appointment (again: a new appointment), decline with a reason, or report the work done. */
    async answer(token: string | undefined, input: ContractorAnswerInput) {
      const outcome = await openOrder(token, async (tx, link, order, current) => {
        if (order.status === 'declined' || order.status === 'done') throw workOrderAnswered();
        const contractor = { name: order.contractorName, trade: order.contractorTrade };
        let entry: WorkOrderEntry;
        if (input.answer === 'accept') {
          const appointmentAt = new Date(input.appointmentAt);
          if (appointmentAt <= clock.now()) throw pastAppointment();
          await repository.answerWorkOrder(tx, order.id, { status: 'accepted', appointmentAt, answerNote: null });
          entry = { workOrderId: order.id, action: 'accepted', contractor, actorAccountId: null, appointmentAt };
        } else if (input.answer === 'decline') {
          await repository.answerWorkOrder(tx, order.id, { status: 'declined', appointmentAt: null, answerNote: input.reason });
          entry = { workOrderId: order.id, action: 'declined', contractor, actorAccountId: null, note: input.reason };
        } else {
          await repository.answerWorkOrder(tx, order.id, { status: 'done', appointmentAt: null, answerNote: input.note });
          entry = { workOrderId: order.id, action: 'done', contractor, actorAccountId: null, note: input.note };
        }
        const record = await backend.recordWorkOrder(tx, link.tenantId, current.id, entry);
        if (entry.appointmentAt) {
          // The resident learns the appointment by the status mail path (the case stays `beauftragt`).
          await queueStatusMails(
            tx,
            link.tenantId,
            record,
            `Handwerkertermin am ${appointmentText(entry.appointmentAt)} (${contractor.name}).`,
          );
        }
        const answered = (await repository.lockWorkOrder(tx, order.id))!;
        return { record, view: orderView(await repository.companyName(tx, link.tenantId), answered, record), tenantId: link.tenantId };
      });
      await announcer.announce(outcome.tenantId, { kind: 'work_order', record: outcome.record });
      return outcome.view;
    },
  };
}

export type ContractorUseCases = ReturnType<typeof createContractorUseCases>;
