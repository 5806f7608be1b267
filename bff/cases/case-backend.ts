import type { Queryable } from '../db/database.ts';
import type { TenantContext } from '../db/scope.ts';
import type { StaffCaseFilter } from './case-repository.ts';
import type { CaseStatus } from '../contract/enums.ts';
import type { NewCase } from '../contract/cases.ts';
import type { CaseCatalogue, CaseEvent, CaseMessage, CaseRecord, OpenDamageReport } from './model.ts';

/**
 * Port to where cases are worked ("Vorgangsbearbeitung"). Every method runs inside the caller's
 * transaction (already scoped to the session's housing company and user), so an adapter can add its
 * own rows atomically — the http adapter's outbox entry is stored together with the case or it is not
 * stored at all. The use cases own the transaction and the side effects (realtime, e-mail).
 *
 * - embedded: cases are routed, numbered and worked in the product's own database;
 * - http (next increment): keeps the resident-facing copy here and forwards each change to the housing
 *   company's Vorgang API through an outbox.
 */
export interface CaseBackend {
  catalogue(tx: Queryable): Promise<CaseCatalogue>;
  /** Files a case for the acting resident: number, routing, deadline and the first activity-log entry. */
  createCase(tx: Queryable, actor: TenantContext, input: NewCase): Promise<CaseRecord>;
  listResidentCases(tx: Queryable, actor: TenantContext, page: { limit: number; cursor?: string }): Promise<CaseRecord[]>;
  listStaffCases(tx: Queryable, filter: StaffCaseFilter): Promise<CaseRecord[]>;
  /** A case the actor may see (a resident only their own), otherwise undefined. */
  findCase(tx: Queryable, actor: TenantContext, caseId: string): Promise<CaseRecord | undefined>;
  /** Activity log and messages; a resident gets the public ones only. */
  caseActivity(tx: Queryable, actor: TenantContext, caseId: string): Promise<{ events: CaseEvent[]; messages: CaseMessage[] }>;
  changeStatus(tx: Queryable, actor: TenantContext, caseId: string, status: CaseStatus, publicMessage?: string): Promise<CaseRecord>;
  assign(tx: Queryable, actor: TenantContext, caseId: string, assigneeId: string | null): Promise<CaseRecord>;
  /** A public message (resident or staff) or, for staff, an internal note. */
  addMessage(tx: Queryable, actor: TenantContext, caseId: string, message: { body: string; internal: boolean }): Promise<CaseRecord>;
  openDamageReports(tx: Queryable, damageCategoryId: string): Promise<OpenDamageReport[]>;
  /** Logs a document the housing company published on the case (public timeline event `document_published`). */
  recordDocumentPublished(
    tx: Queryable,
    actor: TenantContext,
    caseId: string,
    document: { id: string; title: string },
  ): Promise<CaseRecord>;
}
