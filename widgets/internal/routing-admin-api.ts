/** Typed client for the admins' routing rules (docs/cases.md, "Routing"; docs/portal-admin.md). */
import type { ApiClient } from './api-client.ts';
import type { AdminCatalogue, BodyOf, operations, ResponseOf } from '../../bff/contract/index.ts';

export type RoutingRules = ResponseOf<typeof operations.listRoutingRules>;
export type RoutingRule = RoutingRules['items'][number];
export type RoutingRuleInput = BodyOf<typeof operations.setRoutingRule>;
export type StaffAccounts = ResponseOf<typeof operations.listClerks>;

export class RoutingAdminApi {
  constructor(readonly client: ApiClient) {}

  rules(): Promise<RoutingRules> {
    return this.client.request('GET', '/api/staff/case-routing-rules');
  }

  clerks(): Promise<StaffAccounts> {
    return this.client.request('GET', '/api/staff/clerks');
  }

  /** The damage categories a rule may name. */
  catalogue(): Promise<AdminCatalogue> {
    return this.client.request('GET', '/api/staff/admin/catalogue');
  }

  set(rule: RoutingRuleInput): Promise<{ id: string }> {
    return this.client.request('PUT', '/api/staff/case-routing-rules', rule);
  }

  remove(id: string): Promise<void> {
    return this.client.request('DELETE', `/api/staff/case-routing-rules/${encodeURIComponent(id)}`);
  }
}
