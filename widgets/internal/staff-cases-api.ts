/** Typed client for the clerks' case board: the staff API of docs/cases.md, on top of `ApiClient`. */
import type { ApiClient } from './api-client.ts';
import type { CaseAttachment, CaseStatus, CaseType, DocumentCategory, Urgency } from './resident-cases-api.ts';

// The wire shapes residents and staff share are defined once, in the resident client.
export type { CaseAttachment, CaseStatus, CaseType, DocumentCategory, Urgency };
export type Priority = 'normal' | 'high' | 'critical';

export const caseTypes: readonly CaseType[] = ['contact', 'complaint', 'damage', 'document_request', 'letting'];
export const caseStatuses: readonly CaseStatus[] = ['eingegangen', 'in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'];
export const documentCategories: readonly DocumentCategory[] = ['letter', 'certificate', 'utility_statement', 'contract', 'other'];

/** The workflow of docs/cases.md ("States"): the board offers only these changes. */
export const statusTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  eingegangen: ['in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'],
  in_bearbeitung: ['beauftragt', 'erledigt', 'abgelehnt'],
  beauftragt: ['in_bearbeitung', 'erledigt', 'abgelehnt'],
  erledigt: [],
  abgelehnt: [],
};

/**
 * Whether "Bescheinigung erstellen und freigeben" applies: a document request for the Mieterbescheinigung.
 * The BFF knows the type by its key (`tenant_certificate`); the case view names only id and label so far,
 * so the default catalogue's label decides until the view carries the key.
 */
export function isTenantCertificateRequest(item: StaffCase): boolean {
  if (item.type !== 'document_request' || !item.documentType) return false;
  return item.documentType.key ? item.documentType.key === 'tenant_certificate' : item.documentType.label === 'Mieterbescheinigung';
}

export interface Labelled {
  id: string;
  label: string;
}

export interface StaffCase {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  description: string;
  status: CaseStatus;
  urgency: Urgency;
  damage: { location: Labelled; category: Labelled; kind: Labelled } | null;
  documentType: (Labelled & { key?: string }) | null;
  residentAvailability: string | null;
  accessConsent: boolean;
  createdAt: string;
  priority: Priority;
  deadlineAt: string;
  overdue: boolean;
  assignee: Labelled | null;
  resident: { id: string; name: string | null };
  building: { id: string; address: string | null };
  unitLabel: string | null;
  updatedAt: string;
  lastActivityAt: string;
}

export interface CaseEvent {
  id: string;
  /** created, routed, status_changed, assigned, public_reply, internal_note, resident_message, attachments_added, document_published … */
  kind: string;
  public: boolean;
  actor: 'resident' | 'staff' | 'system';
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface CaseMessage {
  id: string;
  author: 'resident' | 'staff';
  authorName: string | null;
  internal: boolean;
  body: string;
  createdAt: string;
}

export interface StaffCaseDetail {
  case: StaffCase;
  events: CaseEvent[];
  messages: CaseMessage[];
  /** Increment 2; absent on a BFF that does not have attachments yet. */
  attachments?: CaseAttachment[];
  /** The reporter plus every resident who joined this reported incident (increment 2). */
  affectedResidents?: number;
}

export interface StaffAccount {
  id: string;
  label: string;
  role: 'clerk' | 'admin';
}

export interface CaseFilters {
  types: CaseType[];
  statuses: CaseStatus[];
  /** `me`, `none`, a clerk's id, or `` for everyone. */
  assignee: string;
  /** A building id, or `` for all. */
  building: string;
  overdueOnly: boolean;
}

export const noFilters = (): CaseFilters => ({ types: [], statuses: [], assignee: '', building: '', overdueOnly: false });

export interface CasePage {
  items: StaffCase[];
  nextCursor: string | null;
}

/** The query string of `GET /api/staff/cases` for these filters (without empty ones). */
export function caseQuery(filters: CaseFilters, cursor?: string | null, limit = 20): string {
  const query = new URLSearchParams();
  if (filters.types.length) query.set('type', filters.types.join(','));
  if (filters.statuses.length) query.set('status', filters.statuses.join(','));
  if (filters.assignee) query.set('assignee', filters.assignee);
  if (filters.building) query.set('building', filters.building);
  if (filters.overdueOnly) query.set('overdue', 'true');
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** Soonest deadline first, as the BFF sorts; used when live updates change the list. */
export function byDeadline(a: StaffCase, b: StaffCase): number {
  return a.deadlineAt.localeCompare(b.deadlineAt) || a.id.localeCompare(b.id);
}

/**
 * Whether a case belongs on the board under these filters. `me` cannot be decided here (the session does
 * not carry the account id), so a case counts as matching and the next reload settles it.
 */
export function matchesFilters(item: StaffCase, filters: CaseFilters): boolean {
  if (filters.types.length && !filters.types.includes(item.type)) return false;
  if (filters.statuses.length && !filters.statuses.includes(item.status)) return false;
  if (filters.assignee === 'none' && item.assignee) return false;
  if (filters.assignee && filters.assignee !== 'none' && filters.assignee !== 'me' && item.assignee?.id !== filters.assignee) return false;
  if (filters.building && item.building.id !== filters.building) return false;
  if (filters.overdueOnly && !item.overdue) return false;
  return true;
}

const casePath = (id: string) => `/api/staff/cases/${encodeURIComponent(id)}`;

export class StaffCasesApi {
  constructor(readonly client: ApiClient) {}

  list(filters: CaseFilters, cursor?: string | null, limit?: number): Promise<CasePage> {
    return this.client.request('GET', `/api/staff/cases?${caseQuery(filters, cursor, limit)}`);
  }

  detail(id: string): Promise<StaffCaseDetail> {
    return this.client.request('GET', casePath(id));
  }

  async clerks(): Promise<StaffAccount[]> {
    return (await this.client.request<{ items: StaffAccount[] }>('GET', '/api/staff/clerks')).items;
  }

  changeStatus(id: string, status: CaseStatus, message?: string): Promise<{ case: StaffCase }> {
    return this.client.request('PATCH', `${casePath(id)}/status`, message ? { status, message } : { status });
  }

  assign(id: string, assigneeId: string | null): Promise<{ case: StaffCase }> {
    return this.client.request('PATCH', `${casePath(id)}/assignee`, { assigneeId });
  }

  reply(id: string, body: string): Promise<{ case: StaffCase }> {
    return this.client.request('POST', `${casePath(id)}/replies`, { body });
  }

  note(id: string, body: string): Promise<{ case: StaffCase }> {
    return this.client.request('POST', `${casePath(id)}/notes`, { body });
  }

  /** Uploads the file, then publishes it to the case resident's inbox ("Meine Dokumente"). */
  async publishDocument(
    id: string,
    input: { file: File; title: string; category: DocumentCategory },
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<{ case: StaffCase }> {
    const form = new FormData();
    form.append('file', input.file);
    const { upload } = await this.client.upload<{ upload: { id: string } }>('/api/uploads', form, options);
    return this.client.request('POST', `${casePath(id)}/documents`, { uploadId: upload.id, title: input.title, category: input.category });
  }

  /** Generates the Mieterbescheinigung, publishes it and closes the document request. */
  issueCertificate(id: string): Promise<{ case: StaffCase }> {
    return this.client.request('POST', `${casePath(id)}/certificate`, {});
  }

  attachmentUrl(caseId: string, attachmentId: string): string {
    return this.client.url(`${casePath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }
}
