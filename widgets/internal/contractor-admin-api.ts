/** Typed client for managing the housing company's contractors (docs/contractors.md; docs/portal-admin.md, "Handwerker"). */
import type { ApiClient } from './api-client.ts';
import type { BodyOf, operations, ResponseOf } from '../../bff/contract/index.ts';

export type Contractor = ResponseOf<typeof operations.createContractor>;
export type ContractorList = ResponseOf<typeof operations.listContractors>;
export type NewContractor = BodyOf<typeof operations.createContractor>;
export type ContractorChange = BodyOf<typeof operations.updateContractor>;

export class ContractorAdminApi {
  constructor(readonly client: ApiClient) {}

  list(): Promise<ContractorList> {
    return this.client.request('GET', '/api/staff/contractors');
  }

  create(contractor: NewContractor): Promise<Contractor> {
    return this.client.request('POST', '/api/staff/contractors', contractor);
  }

  /** Changes some fields; `{ active: false }` deactivates (orders keep naming the contractor, none can be given). */
  change(id: string, change: ContractorChange): Promise<Contractor> {
    return this.client.request('PATCH', `/api/staff/contractors/${encodeURIComponent(id)}`, change);
  }
}
