/** Typed client for "Meine Daten" (Art. 15 / 17 DSGVO) and the admins' erasure requests (docs/data-subject-rights.md). */
import type { ApiClient } from './api-client.ts';
import type { AdminErasureRequest, ErasureRequest, PrivacyOverview, ResponseOf, operations } from '../../bff/contract/index.ts';

export type { AdminErasureRequest, ErasureRequest, PrivacyOverview };
export type { RetainedItem } from '../../bff/contract/index.ts';

export class PrivacyApi {
  constructor(readonly client: ApiClient) {}

  overview(): Promise<PrivacyOverview> {
    return this.client.request('GET', '/api/account/privacy');
  }

  /** Where the browser downloads the export (the session cookie goes with it). */
  exportUrl(format: 'json' | 'pdf'): string {
    return this.client.url(format === 'pdf' ? '/api/account/privacy/export.pdf' : '/api/account/privacy/export');
  }

  requestErasure(): Promise<ErasureRequest> {
    return this.client.request('POST', '/api/account/privacy/erasure-request', { confirm: true });
  }

  async listRequests(): Promise<AdminErasureRequest[]> {
    return (await this.client.request<ResponseOf<typeof operations.listErasureRequests>>('GET', '/api/privacy/erasure-requests')).requests;
  }

  complete(id: string): Promise<AdminErasureRequest> {
    return this.client.request('POST', `/api/privacy/erasure-requests/${encodeURIComponent(id)}/complete`);
  }
}
