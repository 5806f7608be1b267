/** Typed client for the clerks' case board: the staff API of docs/cases.md, on top of `ApiClient`. */
import type { ApiClient } from './api-client.ts';
import type {
  CaseAttachment,
  StaffAccount,
  StaffCase,
  StaffCaseDetail,
  TenantCertificatePreview,
  TenantCertificateSummary,
} from '../../bff/contract/index.ts';
import {
  CASE_STATUSES,
  CASE_TYPES,
  DOCUMENT_CATEGORIES,
  STATUS_TRANSITIONS,
  TENANT_CERTIFICATE_KEY,
  type CaseStatus,
  type CaseType,
  type DocumentCategory,
  type Priority,
  type Urgency,
} from '../../bff/contract/enums.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the board uses.
export type {
  CaseAttachment,
  CaseStatus,
  CaseType,
  DocumentCategory,
  Priority,
  StaffAccount,
  StaffCase,
  StaffCaseDetail,
  TenantCertificatePreview,
  TenantCertificateSummary,
  Urgency,
};

/** A certificate preview as the case detail shows it: the PDF as an object URL the board made from the BFF's answer. */
export interface CertificatePreview {
  caseId: string;
  digest: string;
  certificate: TenantCertificateSummary;
  fileName: string;
  /** `blob:` URL of the PDF; the board revokes it when the preview closes. */
  pdfUrl: string;
}
export type CaseEvent = StaffCaseDetail['events'][number];
export type CaseMessage = StaffCaseDetail['messages'][number];

export const caseTypes = CASE_TYPES;
export const caseStatuses = CASE_STATUSES;
export const documentCategories = DOCUMENT_CATEGORIES;
/** The workflow of docs/cases.md ("States"): the board offers only these changes. */
export const statusTransitions = STATUS_TRANSITIONS;

/** Whether "Bescheinigung erstellen und freigeben" applies: a document request for the Mieterbescheinigung. */
export function isTenantCertificateRequest(item: StaffCase): boolean {
  return item.type === 'document_request' && item.documentType?.key === TENANT_CERTIFICATE_KEY;
}

export interface Labelled {
  id: string;
  label: string;
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

/** The query string of `GET /api/staff/case-export`: the list's filters without paging, and the format. */
export function exportQuery(filters: CaseFilters, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams(caseQuery(filters));
  query.delete('limit');
  query.set('format', format);
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
    return this.client.request('POST', `${casePath(id)}/replies`, { body }, { idempotent: true });
  }

  note(id: string, body: string): Promise<{ case: StaffCase }> {
    return this.client.request('POST', `${casePath(id)}/notes`, { body }, { idempotent: true });
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
    return this.client.request(
      'POST',
      `${casePath(id)}/documents`,
      { uploadId: upload.id, title: input.title, category: input.category },
      { idempotent: true },
    );
  }

  /** The Mieterbescheinigung as releasing it now would issue it (PDF, what it states, digest); nothing is published. */
  previewCertificate(id: string): Promise<TenantCertificatePreview> {
    return this.client.request('GET', `${casePath(id)}/certificate/preview`);
  }

  /** Releases the previewed Mieterbescheinigung (its `digest`): publishes it and closes the document request. */
  issueCertificate(id: string, digest: string): Promise<{ case: StaffCase }> {
    return this.client.request('POST', `${casePath(id)}/certificate`, { digest }, { idempotent: true });
  }

  /** Where the filtered list downloads as a file (a link: the session cookie goes with it). */
  exportUrl(filters: CaseFilters, format: 'csv' | 'xlsx'): string {
    return this.client.url(`/api/staff/case-export?${exportQuery(filters, format)}`);
  }

  attachmentUrl(caseId: string, attachmentId: string): string {
    return this.client.url(`${casePath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }
}
