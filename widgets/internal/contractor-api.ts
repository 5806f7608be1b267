/** Typed clients of contractor orders (docs/contractors.md): the contractor's answer page and the clerk's part of a case. */
import type { ApiClient } from './api-client.ts';
import type { Contractor, ContractorAnswerInput, ContractorOrderView, WorkOrder } from '../../bff/contract/contractors.ts';

export type { Contractor, ContractorAnswerInput, ContractorOrderView, WorkOrder };

/** The contractor's side, through the signed link (`X-Link-Token`, never in the address). */
export class ContractorAnswerApi {
  constructor(
    readonly client: ApiClient,
    private readonly token: string,
  ) {}

  private get headers() {
    return { 'x-link-token': this.token };
  }

  order(): Promise<ContractorOrderView> {
    return this.client.request('GET', '/api/contractor-answer', undefined, { headers: this.headers });
  }

  answer(input: ContractorAnswerInput): Promise<ContractorOrderView> {
    return this.client.request('POST', '/api/contractor-answer', input, { headers: this.headers });
  }
}

/** The clerk's side: the company's contractors and a case's orders. */
export class WorkOrderApi {
  constructor(readonly client: ApiClient) {}

  contractors(): Promise<{ items: Contractor[] }> {
    return this.client.request('GET', '/api/staff/contractors');
  }

  orders(caseId: string): Promise<{ items: WorkOrder[] }> {
    return this.client.request('GET', `/api/staff/cases/${encodeURIComponent(caseId)}/work-orders`);
  }

  commission(
    caseId: string,
    input: { contractorId: string; note: string },
  ): Promise<{ workOrder: WorkOrder; url: string; sentTo: string }> {
    return this.client.request('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/work-orders`, input);
  }
}
