import type { Queryable } from '../db/database.ts';
import type { TenantContext } from '../db/scope.ts';
import { AppError, forbidden } from '../errors.ts';
import type { CaseBackend } from './case-backend.ts';
import {
  countCaseAttachments,
  findAttachmentFile,
  insertCaseAttachment,
  listCaseAttachments,
  lockCaseAttachments,
  type CaseAttachment,
} from './attachment-repository.ts';
import { findDamageSelection, findDocumentType, loadCatalogue } from './catalogue-repository.ts';
import {
  findCase,
  findResidentHome,
  findUnitWithBuilding,
  insertCase,
  transactionTime,
  appendCaseEvent,
  insertCaseMessage,
  isStaffAccount,
  listCaseEvents,
  listCaseMessages,
  listResidentCases,
  listStaffCases,
  nextCaseNumber,
  openDamageReportsInMyBuilding,
  updateCaseAssignee,
  updateCaseStatus,
  type NewCaseRow,
} from './case-repository.ts';
import { findRoutedAssignee } from './routing-repository.ts';
import { caseDeadline } from './deadlines.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { caseNotFound, PRIORITY_BY_URGENCY, STATUS_LABELS, type CaseRecord } from './model.ts';
import type { NewCase } from '../contract/cases.ts';
import { isClosedStatus, STATUS_TRANSITIONS, UPLOAD_LIMITS } from '../contract/enums.ts';

const MAX_FILES_PER_CASE = UPLOAD_LIMITS.maxFilesPerCase;
const caseClosed = () =>
  new AppError(409, 'case_closed', 'Dieser Vorgang ist abgeschlossen. Bitte erstellen Sie bei Bedarf ein neues Anliegen.');

const isStaff = (actor: TenantContext) => actor.role === 'clerk' || actor.role === 'admin';
const actorRole = (actor: TenantContext) => (isStaff(actor) ? 'staff' : 'resident');

/** Cases routed, numbered and worked in the product's own database. */
export function createEmbeddedCaseBackend(): CaseBackend {
  async function requireCase(tx: Queryable, actor: TenantContext, caseId: string): Promise<CaseRecord> {
    const record = await findCase(tx, caseId, isStaff(actor) ? undefined : requireResident(actor));
    if (!record) throw caseNotFound();
    return record;
  }

  async function reload(tx: Queryable, caseId: string): Promise<CaseRecord> {
    const record = await findCase(tx, caseId);
    if (!record) throw caseNotFound();
    return record;
  }

  /** Numbers, routes and stores a new case, and logs it as created (and routed) by the actor. */
  async function fileCase(
    tx: Queryable,
    actor: TenantContext,
    filing: Pick<NewCaseRow, 'type' | 'source' | 'residentId' | 'applicant' | 'unitId' | 'buildingId'> & { details: CaseDetails },
  ): Promise<CaseRecord> {
    const { details, ...identity } = filing;
    const assigneeId = (await findRoutedAssignee(tx, filing.type, details.damageCategoryId)) ?? null;
    const caseNumber = await nextCaseNumber(tx, actor.tenantId);
    const deadlineAt = caseDeadline(await transactionTime(tx), filing.type, details.urgency, await readCompanySettings(tx));
    const caseId = await insertCase(tx, {
      tenantId: actor.tenantId,
      caseNumber,
      ...identity,
      ...details,
      priority: PRIORITY_BY_URGENCY[details.urgency],
      deadlineAt,
      assigneeId,
    });
    const event = { tenantId: actor.tenantId, caseId, residentId: filing.residentId };
    await appendCaseEvent(tx, {
      ...event,
      actorAccountId: actor.accountId,
      actorRole: actorRole(actor),
      kind: 'created',
      public: true,
      data: { caseNumber, source: filing.source },
    });
    if (assigneeId) {
      await appendCaseEvent(tx, {
        ...event,
        actorAccountId: null,
        actorRole: 'system',
        kind: 'routed',
        public: false,
        data: { assigneeId },
      });
    }
    return reload(tx, caseId);
  }

  return {
    catalogue: (tx) => loadCatalogue(tx),

    async createCase(tx, actor, input) {
      if (input.type === 'letting') {
        requireStaff(actor);
        const unit = await findUnitWithBuilding(tx, input.unitId);
        if (!unit) throw new AppError(400, 'unknown_unit', 'Diese Wohneinheit gibt es bei dieser Hausverwaltung nicht.');
        return fileCase(tx, actor, {
          ...unit,
          type: 'letting',
          source: input.source,
          residentId: null,
          applicant: input.applicant,
          details: { ...NO_DETAILS, title: input.title, description: input.description, urgency: 'normal' },
        });
      }
      const residentId = requireResident(actor);
      const home = await findResidentHome(tx, residentId);
      if (!home) throw caseNotFound();
      const details = await caseDetails(tx, input);
      return fileCase(tx, actor, { ...home, type: input.type, source: input.source, residentId, applicant: null, details });
    },

    listResidentCases: (tx, actor, page) => listResidentCases(tx, requireResident(actor), page),

    listStaffCases: (tx, filter) => listStaffCases(tx, filter),

    async findCase(tx, actor, caseId) {
      return findCase(tx, caseId, isStaff(actor) ? undefined : requireResident(actor));
    },

    async caseActivity(tx, actor, caseId) {
      const publicOnly = !isStaff(actor);
      return {
        events: await listCaseEvents(tx, caseId, publicOnly),
        messages: await listCaseMessages(tx, caseId, publicOnly),
        attachments: await listCaseAttachments(tx, caseId),
      };
    },

    attachmentFile: (tx, actor, caseId, attachmentId) =>
      findAttachmentFile(tx, caseId, attachmentId, isStaff(actor) ? undefined : requireResident(actor)),

    async changeStatus(tx, actor, caseId, status, publicMessage) {
      requireStaff(actor);
      const current = await requireCase(tx, actor, caseId);
      if (!STATUS_TRANSITIONS[current.status].includes(status)) {
        throw new AppError(
          409,
          'invalid_status_transition',
          `Der Status kann nicht von „${STATUS_LABELS.de[current.status]}“ auf „${STATUS_LABELS.de[status]}“ geändert werden.`,
        );
      }
      if (!(await updateCaseStatus(tx, caseId, current.status, status))) {
        throw new AppError(409, 'case_changed', 'Der Vorgang wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu.');
      }
      await appendCaseEvent(tx, {
        tenantId: actor.tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: actor.accountId,
        actorRole: 'staff',
        kind: 'status_changed',
        public: true,
        data: { from: current.status, to: status },
      });
      if (publicMessage) await writeMessage(tx, actor, current, { body: publicMessage, internal: false });
      return reload(tx, caseId);
    },

    async applyExternalStatus(tx, tenantId, caseId, change) {
      const current = await findCase(tx, caseId);
      if (!current) throw caseNotFound();
      if (current.status === change.status) return undefined;
      if (!(await updateCaseStatus(tx, caseId, current.status, change.status))) {
        throw new AppError(409, 'case_changed', 'Der Vorgang wurde zwischenzeitlich geändert. Bitte senden Sie das Ereignis erneut.');
      }
      await appendCaseEvent(tx, {
        tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: null,
        actorRole: 'system',
        kind: 'status_changed',
        public: true,
        data: { from: current.status, to: change.status, ...(change.message ? { message: change.message } : {}) },
      });
      return reload(tx, caseId);
    },

    async attachFiles(tx, actor, caseId, files) {
      const current = await requireCase(tx, actor, caseId);
      const role = actorRole(actor);
      if (role === 'resident' && isClosedStatus(current.status)) throw caseClosed();
      // Serialised per case, so concurrent messages cannot pass the per-case limit together.
      await lockCaseAttachments(tx, caseId);
      const present = await countCaseAttachments(tx, caseId);
      if (present + files.length > MAX_FILES_PER_CASE) {
        const room = Math.max(0, MAX_FILES_PER_CASE - present);
        throw new AppError(
          400,
          'too_many_attachments',
          `Ein Anliegen kann höchstens ${MAX_FILES_PER_CASE} Dateien haben. ${room === 0 ? 'Es können keine weiteren Dateien angehängt werden.' : `Sie können noch ${room} anhängen.`}`,
        );
      }
      const attached: CaseAttachment[] = [];
      for (const file of files) {
        const { id, createdAt } = await insertCaseAttachment(tx, {
          tenantId: actor.tenantId,
          caseId,
          residentId: current.residentId,
          accountId: actor.accountId,
          role,
          ...file,
        });
        attached.push({
          id,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.content.length,
          uploadedBy: role,
          createdAt,
        });
      }
      await appendCaseEvent(tx, {
        tenantId: actor.tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: actor.accountId,
        actorRole: role,
        kind: 'attachments_added',
        public: true,
        data: { count: files.length },
      });
      return { record: await reload(tx, caseId), attached };
    },

    async assign(tx, actor, caseId, assigneeId) {
      requireStaff(actor);
      const current = await requireCase(tx, actor, caseId);
      if (assigneeId && !(await isStaffAccount(tx, assigneeId))) {
        throw new AppError(400, 'unknown_assignee', 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.');
      }
      const previousId = current.assignee?.id ?? null;
      if (previousId === assigneeId) return current;
      await updateCaseAssignee(tx, caseId, assigneeId);
      await appendCaseEvent(tx, {
        tenantId: actor.tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: actor.accountId,
        actorRole: 'staff',
        kind: 'assigned',
        public: false,
        data: { from: previousId, to: assigneeId },
      });
      return reload(tx, caseId);
    },

    async addMessage(tx, actor, caseId, message) {
      if (message.internal) requireStaff(actor);
      const current = await requireCase(tx, actor, caseId);
      if (!isStaff(actor) && isClosedStatus(current.status)) throw caseClosed();
      await writeMessage(tx, actor, current, message);
      return reload(tx, caseId);
    },

    openDamageReports: (tx, damageCategoryId) => openDamageReportsInMyBuilding(tx, damageCategoryId),

    async recordDocumentPublished(tx, actor, caseId, document) {
      requireStaff(actor);
      const current = await requireCase(tx, actor, caseId);
      await appendCaseEvent(tx, {
        tenantId: actor.tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: actor.accountId,
        actorRole: 'staff',
        kind: 'document_published',
        public: true,
        data: { documentId: document.id, title: document.title },
      });
      return reload(tx, caseId);
    },

    async recordWorkOrder(tx, tenantId, caseId, entry) {
      const current = await findCase(tx, caseId);
      if (!current) throw caseNotFound();
      const residentSees = entry.action === 'accepted' || entry.action === 'done';
      await appendCaseEvent(tx, {
        tenantId,
        caseId,
        residentId: current.residentId,
        actorAccountId: entry.actorAccountId,
        actorRole: entry.actorAccountId ? 'staff' : 'system',
        kind: 'work_order',
        public: residentSees,
        // What the resident may read: who comes and when; notes stay with staff.
        data: {
          action: entry.action,
          workOrderId: entry.workOrderId,
          contractor: entry.contractor.name,
          trade: entry.contractor.trade,
          ...(entry.appointmentAt ? { appointmentAt: entry.appointmentAt.toISOString() } : {}),
          ...(entry.note && !residentSees ? { note: entry.note } : {}),
        },
      });
      return reload(tx, caseId);
    },
  };
}

async function writeMessage(tx: Queryable, actor: TenantContext, record: CaseRecord, message: { body: string; internal: boolean }) {
  const role = actorRole(actor);
  const messageId = await insertCaseMessage(tx, {
    tenantId: actor.tenantId,
    caseId: record.id,
    residentId: record.residentId,
    authorAccountId: actor.accountId,
    authorRole: role,
    internal: message.internal,
    body: message.body,
  });
  await appendCaseEvent(tx, {
    tenantId: actor.tenantId,
    caseId: record.id,
    residentId: record.residentId,
    actorAccountId: actor.accountId,
    actorRole: role,
    kind: message.internal ? 'internal_note' : role === 'staff' ? 'public_reply' : 'resident_message',
    public: !message.internal,
    data: { messageId },
  });
}

type CaseDetails = Pick<
  NewCaseRow,
  | 'title'
  | 'description'
  | 'damageLocationId'
  | 'damageCategoryId'
  | 'damageKindId'
  | 'documentTypeId'
  | 'urgency'
  | 'residentAvailability'
  | 'accessConsent'
>;

/** The stored fields of a new case; catalogue choices must exist in the housing company's catalogue. */
const NO_DETAILS = {
  damageLocationId: null,
  damageCategoryId: null,
  damageKindId: null,
  documentTypeId: null,
  residentAvailability: null,
  accessConsent: false,
} as const;

async function caseDetails(tx: Queryable, input: NewCase): Promise<CaseDetails> {
  const none = NO_DETAILS;
  switch (input.type) {
    case 'contact':
      return { ...none, title: input.title, description: input.description, urgency: 'normal' };
    case 'complaint':
      return { ...none, title: input.title, description: input.description, urgency: input.urgency };
    case 'damage': {
      const selection = await findDamageSelection(tx, {
        locationId: input.damageLocationId,
        categoryId: input.damageCategoryId,
        kindId: input.damageKindId,
      });
      if (!selection) {
        throw new AppError(
          400,
          'unknown_damage_selection',
          'Bitte wählen Sie Schadensort, Schadenskategorie und Schadensart aus dem Katalog.',
        );
      }
      return {
        ...none,
        title: input.title ?? `${selection.kind.label} – ${selection.location.label}`,
        description: input.description,
        damageLocationId: selection.location.id,
        damageCategoryId: selection.category.id,
        damageKindId: selection.kind.id,
        urgency: input.urgency,
        residentAvailability: input.residentAvailability || null,
        accessConsent: input.accessConsent,
      };
    }
    case 'document_request': {
      const documentType = await findDocumentType(tx, input.documentTypeId);
      if (!documentType) throw new AppError(400, 'unknown_document_type', 'Bitte wählen Sie ein Dokument aus dem Katalog.');
      return { ...none, title: documentType.label, description: input.description, documentTypeId: documentType.id, urgency: 'normal' };
    }
  }
}

function requireResident(actor: TenantContext): string {
  if (actor.role !== 'resident' || !actor.residentId) throw forbidden('Diese Funktion steht nur Mieterinnen und Mietern zur Verfügung.');
  return actor.residentId;
}

function requireStaff(actor: TenantContext): void {
  if (!isStaff(actor)) throw forbidden();
}
