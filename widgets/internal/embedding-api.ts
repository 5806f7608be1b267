/** Typed client for the admins' embed origins and colours (docs/portal-admin.md, "Einbindung und Farben"). */
import type { ApiClient } from './api-client.ts';
import type { BodyOf, operations, ResponseOf } from '../../bff/contract/index.ts';

export type Embedding = ResponseOf<typeof operations.embedding>;
export type EmbeddingChange = BodyOf<typeof operations.changeEmbedding>;

export class EmbeddingApi {
  constructor(readonly client: ApiClient) {}

  read(): Promise<Embedding> {
    return this.client.request('GET', '/api/staff/admin/embedding');
  }

  change(change: EmbeddingChange): Promise<Embedding> {
    return this.client.request('PUT', '/api/staff/admin/embedding', change);
  }
}
