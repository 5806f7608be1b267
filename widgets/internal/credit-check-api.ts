/** Typed clients of the credit check (docs/leads.md, "Bonitätsprüfung"): the person's consent page and the clerk's part. */
import type { ApiClient } from './api-client.ts';
import type { CreditCheckConsentInput, CreditCheckConsentPage, LeadCreditCheck } from '../../bff/contract/credit-checks.ts';
import type { CreditCheckClass } from '../../bff/contract/enums.ts';

export type { CreditCheckClass, CreditCheckConsentInput, CreditCheckConsentPage, LeadCreditCheck };

/** The person's side, through the signed link (`X-Link-Token`, never in the address). */
export class CreditCheckConsentApi {
  constructor(
    readonly client: ApiClient,
    private readonly token: string,
  ) {}

  private get headers() {
    return { 'x-link-token': this.token };
  }

  page(): Promise<CreditCheckConsentPage> {
    return this.client.request('GET', '/api/credit-check-consent', undefined, { headers: this.headers });
  }

  give(input: CreditCheckConsentInput): Promise<CreditCheckConsentPage> {
    return this.client.request('POST', '/api/credit-check-consent', input, { headers: this.headers });
  }

  withdraw(): Promise<CreditCheckConsentPage> {
    return this.client.request('DELETE', '/api/credit-check-consent', undefined, { headers: this.headers });
  }
}

/** The clerk's side for one lead. */
export class LeadCreditCheckApi {
  constructor(readonly client: ApiClient) {}

  state(leadId: string): Promise<LeadCreditCheck> {
    return this.client.request('GET', `/api/staff/leads/${encodeURIComponent(leadId)}/credit-check`);
  }

  requestConsent(leadId: string): Promise<{ linkId: string; url: string; expiresAt: string; sentTo: string }> {
    return this.client.request('POST', `/api/staff/leads/${encodeURIComponent(leadId)}/credit-check/consent-request`, {});
  }

  run(leadId: string): Promise<LeadCreditCheck> {
    return this.client.request('POST', `/api/staff/leads/${encodeURIComponent(leadId)}/credit-check`, {});
  }
}
