/** What a signed-in resident reads and writes of their own cases and documents (docs/cases.md). */
import type { ApiClient } from './api-client.ts';

import type {
  CaseAttachment,
  JoinedIncident,
  ResidentCase,
  ResidentCaseDetail,
  ResidentDocument,
  ResidentEventMap,
} from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the elements use.
export type { CaseStatus, CaseType, DocumentCategory, Urgency } from '../../bff/contract/enums.ts';
export { isClosedStatus } from '../../bff/contract/enums.ts';
export type { CaseAttachment, JoinedIncident, ResidentCase, ResidentDocument };
export type CaseDetail = ResidentCaseDetail;
export type TimelineEvent = ResidentCaseDetail['timeline'][number];
export type CaseMessage = ResidentCaseDetail['messages'][number];

export interface Labelled {
  id: string;
  label: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Live payloads to the resident room. */
export type CaseUpdatedPayload = ResidentEventMap['case:updated'];
export type DocumentPublishedPayload = ResidentEventMap['document:published'];
export type IncidentUpdatedPayload = ResidentEventMap['incident:updated'];

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
    const answer = await this.client.request<{ case: ResidentCase }>('POST', `/api/cases/${segment(id)}/messages`, input, {
      idempotent: true,
    });
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
