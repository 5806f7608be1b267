/** What a signed-in resident reads and writes of their own cases and documents (docs/cases.md). */
import type { ApiClient } from './api-client.ts';

export type CaseType = 'contact' | 'complaint' | 'damage' | 'document_request' | 'letting';
export type CaseStatus = 'eingegangen' | 'in_bearbeitung' | 'beauftragt' | 'erledigt' | 'abgelehnt';
export type Urgency = 'normal' | 'urgent' | 'emergency';
export type DocumentCategory = 'letter' | 'utility_statement' | 'certificate' | 'contract' | 'other';

export interface Labelled {
  id: string;
  label: string;
}

/** A case as its resident sees it (`GET /api/cases`, `GET /api/cases/:id`). */
export interface ResidentCase {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  description: string;
  status: CaseStatus;
  urgency: Urgency;
  damage: { location: Labelled; category: Labelled; kind: Labelled } | null;
  documentType: Labelled | null;
  residentAvailability: string | null;
  accessConsent: boolean;
  createdAt: string;
  lastActivityAt: string;
}

export interface TimelineEvent {
  id: string;
  kind: 'created' | 'status_changed' | 'public_reply' | 'resident_message' | 'attachments_added' | 'document_published';
  actor: 'resident' | 'staff' | 'system';
  data: Record<string, unknown>;
  createdAt: string;
}

export interface CaseMessage {
  id: string;
  author: 'resident' | 'staff';
  body: string;
  createdAt: string;
}

export interface CaseAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  uploadedBy: 'resident' | 'staff';
}

export interface CaseDetail {
  case: ResidentCase;
  timeline: TimelineEvent[];
  messages: CaseMessage[];
  attachments: CaseAttachment[];
}

export interface ResidentDocument {
  id: string;
  title: string;
  category: DocumentCategory;
  fileName: string;
  contentType: string;
  size: number;
  publishedAt: string;
  readAt: string | null;
  caseNumber: string | null;
}

/** A damage reported by a neighbour that this resident joined: status only, never the reporter's text. */
export interface JoinedIncident {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: CaseStatus;
  reportedAt: string;
  joinedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Live payloads to the resident room. */
export interface CaseUpdatedPayload {
  change: string;
  case: ResidentCase;
}
export interface DocumentPublishedPayload {
  document: ResidentDocument;
}
export interface IncidentUpdatedPayload {
  incident: JoinedIncident;
}

/** `erledigt` and `abgelehnt` are final: nothing can be added to such a case. */
export function isClosedStatus(status: CaseStatus): boolean {
  return status === 'erledigt' || status === 'abgelehnt';
}

function pageQuery(cursor: string | null | undefined, limit?: number): string {
  const query = new URLSearchParams();
  if (limit) query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const segment = encodeURIComponent;

/** The resident's side of the case API, on the shared `ApiClient` (session cookie, CSRF token, errors). */
export class ResidentCasesApi {
  constructor(readonly client: ApiClient) {}

  cases(cursor?: string | null, limit?: number): Promise<Page<ResidentCase>> {
    return this.client.request('GET', `/api/cases${pageQuery(cursor, limit)}`);
  }

  async caseDetail(id: string): Promise<CaseDetail> {
    const detail = await this.client.request<Partial<CaseDetail> & Pick<CaseDetail, 'case'>>('GET', `/api/cases/${segment(id)}`);
    return { timeline: [], messages: [], attachments: [], ...detail };
  }

  async addMessage(id: string, input: { body?: string; attachmentIds?: string[] }): Promise<ResidentCase> {
    const answer = await this.client.request<{ case: ResidentCase }>('POST', `/api/cases/${segment(id)}/messages`, input);
    return answer.case;
  }

  attachmentUrl(caseId: string, attachmentId: string): string {
    return this.client.url(`/api/cases/${segment(caseId)}/attachments/${segment(attachmentId)}`);
  }

  documents(cursor?: string | null, limit?: number): Promise<Page<ResidentDocument> & { unreadCount: number }> {
    return this.client.request('GET', `/api/documents${pageQuery(cursor, limit)}`);
  }

  async unreadCount(): Promise<number> {
    return (await this.client.request<{ unreadCount: number }>('GET', '/api/documents/unread-count')).unreadCount;
  }

  async markRead(id: string): Promise<void> {
    await this.client.request('POST', `/api/documents/${segment(id)}/read`, {});
  }

  documentUrl(id: string): string {
    return this.client.url(`/api/documents/${segment(id)}/file`);
  }

  async joinedIncidents(): Promise<JoinedIncident[]> {
    return (await this.client.request<{ items: JoinedIncident[] }>('GET', '/api/cases/joined')).items;
  }
}
