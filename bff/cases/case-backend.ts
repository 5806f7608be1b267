import type { NewCase } from '../contract/cases.ts';
import type { CaseSource, CaseStatus } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';
import type { TenantContext } from '../db/scope.ts';
import type { AttachmentFile, CaseAttachment } from './attachment-repository.ts';
import type { StaffCaseFilter } from './case-repository.ts';
import type { Applicant, CaseCatalogue, CaseEvent, CaseMessage, CaseRecord, OpenDamageReport } from './model.ts';

/**
 * Port to where cases are worked ("Vorgangsbearbeitung"), and the one door into the case core: every
 * write to a case — filing, status, assignment, messages, files, documents, an external status — goes
 * through it. Every method runs inside the caller's transaction (already scoped to the session's housing
 * company and user), so an adapter can add its own rows atomically: the http adapter's outbox entry is
 * stored together with the change or not at all. The use cases own the transaction and what follows
 * the commit (bff/cases/announcements.ts). Composed once, in bff/server.ts.
 *
 * - embedded: cases are routed, numbered and worked in the product's own database;
 * - http (bff/case-backend-http/): the embedded adapter plus, for a housing company connected to its own
 *   Vorgang API, every change forwarded there through the outbox.
 */
export interface CaseBackend {
  catalogue(tx: Queryable): Promise<CaseCatalogue>;
  /**
   * Files a case — a resident's request (the acting resident's), or a letting case for an applicant (a
   * clerk accepting a rental lead) — with its number, routing, deadline and first activity-log entry.
   */
  createCase(tx: Queryable, actor: TenantContext, input: CaseFiling | LettingCaseFiling): Promise<CaseRecord>;
  listResidentCases(tx: Queryable, actor: TenantContext, page: { limit: number; cursor?: string }): Promise<CaseRecord[]>;
  listStaffCases(tx: Queryable, filter: StaffCaseFilter): Promise<CaseRecord[]>;
  /** A case the actor may see (a resident only their own), otherwise undefined. */
  findCase(tx: Queryable, actor: TenantContext, caseId: string): Promise<CaseRecord | undefined>;
  /** Activity log, messages and files; a resident gets the public ones only. */
  caseActivity(
    tx: Queryable,
    actor: TenantContext,
    caseId: string,
  ): Promise<{ events: CaseEvent[]; messages: CaseMessage[]; attachments: CaseAttachment[] }>;
  /** The bytes of one file of a case the actor may see. */
  attachmentFile(tx: Queryable, actor: TenantContext, caseId: string, attachmentId: string): Promise<AttachmentFile | undefined>;
  /** A clerk's status change along the allowed transitions, with an optional public message. */
  changeStatus(tx: Queryable, actor: TenantContext, caseId: string, status: CaseStatus, publicMessage?: string): Promise<CaseRecord>;
  /**
   * A status the housing company's Vorgang API reports (logged as actor system; its status wins, even where
   * the board would not allow the step). Nothing when the case already has it.
   */
  applyExternalStatus(
    tx: Queryable,
    tenantId: string,
    caseId: string,
    change: { status: CaseStatus; message?: string },
  ): Promise<CaseRecord | undefined>;
  assign(tx: Queryable, actor: TenantContext, caseId: string, assigneeId: string | null): Promise<CaseRecord>;
  /** A public message (resident or staff) or, for staff, an internal note. */
  addMessage(tx: Queryable, actor: TenantContext, caseId: string, message: { body: string; internal: boolean }): Promise<CaseRecord>;
  /** Files (taken from the actor's staged uploads) become the case's, in this order; one `attachments_added` entry. */
  attachFiles(
    tx: Queryable,
    actor: TenantContext,
    caseId: string,
    files: NewCaseFile[],
  ): Promise<{ record: CaseRecord; attached: CaseAttachment[] }>;
  openDamageReports(tx: Queryable, damageCategoryId: string): Promise<OpenDamageReport[]>;
  /** Logs a document the housing company published on the case (public timeline event `document_published`). */
  recordDocumentPublished(
    tx: Queryable,
    actor: TenantContext,
    caseId: string,
    document: { id: string; title: string },
  ): Promise<CaseRecord>;
  /**
   * Logs a step of a contractor's work order on the case (public timeline event `work_order` for an accepted
   * appointment and for the work reported done). `actorAccountId`: the clerk who ordered; null when the contractor
   * answered through their link (actor system, in the company's staff scope).
   */
  recordWorkOrder(tx: Queryable, tenantId: string, caseId: string, entry: WorkOrderEntry): Promise<CaseRecord>;
}

/** One step of a work order as the case's activity log and the Vorgang API get it. */
export interface WorkOrderEntry {
  workOrderId: string;
  action: 'ordered' | 'accepted' | 'declined' | 'done';
  contractor: { name: string; trade: string };
  actorAccountId: string | null;
  appointmentAt?: Date;
  /** The clerk's note (ordered), the reason (declined) or the note on the work (done): staff only. */
  note?: string;
}

/** What a resident's case is filed with: the request, and where it came from. */
export type CaseFiling = NewCase & { source: CaseSource };

/** The letting case of an accepted rental lead: for the unit being let, with the applicant instead of a resident. */
export interface LettingCaseFiling {
  type: 'letting';
  source: CaseSource;
  unitId: string;
  applicant: Applicant;
  title: string;
  description: string;
}

/** A file to attach: checked and cleaned on upload (bff/uploads/). */
export interface NewCaseFile {
  fileName: string;
  contentType: CaseAttachment['contentType'];
  content: Buffer;
}
