/** Typed client for the admins' catalogue editor (docs/portal-admin.md, "Catalogue"). */
import type { ApiClient } from './api-client.ts';
import type { AdminCatalogue, CatalogueEntryChange, CatalogueEntryInput, CatalogueLevel } from '../../bff/contract/index.ts';

export type { AdminCatalogue, CatalogueEntryChange, CatalogueEntryInput, CatalogueLevel };

export class CatalogueAdminApi {
  constructor(readonly client: ApiClient) {}

  catalogue(): Promise<AdminCatalogue> {
    return this.client.request('GET', '/api/staff/admin/catalogue');
  }

  add(level: CatalogueLevel, entry: CatalogueEntryInput): Promise<AdminCatalogue> {
    return this.client.request('POST', `/api/staff/admin/catalogue/${level}`, entry);
  }

  change(level: CatalogueLevel, id: string, change: CatalogueEntryChange): Promise<AdminCatalogue> {
    return this.client.request('PATCH', `/api/staff/admin/catalogue/${level}/${encodeURIComponent(id)}`, change);
  }

  remove(level: CatalogueLevel, id: string): Promise<AdminCatalogue> {
    return this.client.request('DELETE', `/api/staff/admin/catalogue/${level}/${encodeURIComponent(id)}`);
  }
}
