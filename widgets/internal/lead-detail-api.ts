/**
 * Typed client for a lead's detail (`<lead-detail>`): the lifecycle's actions of docs/leads.md beyond the board's
 * moves — mail thread, contact channels, viewings and invitations, self-disclosure, rejection message, legal hold,
 * the § 21 AGG export and the manual assignment to a listing — on top of `ApiClient`. Its own module, so the
 * board's first chunk does not carry it.
 */
import type { ApiClient } from './api-client.ts';
import type { BodyOf, LeadCard, LeadDetail, LeadLifecycle, Listing, operations, ResponseOf } from '../../bff/contract/index.ts';
import type { ContactChannel, ContactVerification, IncomeBand } from '../../bff/contract/enums.ts';

export type { ContactChannel, IncomeBand, LeadCard, LeadDetail, LeadLifecycle, Listing };
export type LeadMessage = ResponseOf<typeof operations.sendLeadMessage>;
export type LeadThread = ResponseOf<typeof operations.listLeadMessages>;
export type LeadViewing = ResponseOf<typeof operations.planLeadViewing>;
export type NewLeadViewing = BodyOf<typeof operations.planLeadViewing>;
export type ViewingInvitation = ResponseOf<typeof operations.inviteLeadToViewing>;
export type SelfDisclosure = ResponseOf<typeof operations.leadSelfDisclosure>;
export type SelfDisclosureInput = BodyOf<typeof operations.recordLeadSelfDisclosure>;
export type RejectionMessage = ResponseOf<typeof operations.releaseLeadRejection>;
export type LegalHold = ResponseOf<typeof operations.setLeadLegalHold>['legalHold'];
export type LeadDecisionExport = ResponseOf<typeof operations.exportLeadDecisions>;
export type LeadAccessEntry = ResponseOf<typeof operations.leadAccessLog>['items'][number];

const leadPath = (id: string) => `/api/staff/leads/${encodeURIComponent(id)}`;

export class LeadDetailApi {
  constructor(readonly client: ApiClient) {}

  detail(id: string): Promise<LeadDetail> {
    return this.client.request('GET', leadPath(id));
  }

  async accessLog(id: string): Promise<LeadAccessEntry[]> {
    return (await this.client.request<{ items: LeadAccessEntry[] }>('GET', `${leadPath(id)}/access-log`)).items;
  }

  lifecycle(id: string): Promise<LeadLifecycle> {
    return this.client.request('GET', `${leadPath(id)}/lifecycle`);
  }

  messages(id: string): Promise<LeadThread> {
    return this.client.request('GET', `${leadPath(id)}/messages`);
  }

  /** Creates a message: one Idempotency-Key per send, so a repeat after a lost answer mails once. */
  sendMessage(id: string, message: { subject?: string; body: string }): Promise<LeadMessage> {
    return this.client.request('POST', `${leadPath(id)}/messages`, message, { idempotent: true });
  }

  verifyContact(id: string, channel: ContactChannel, how: ContactVerification): Promise<LeadLifecycle> {
    return this.client.request('POST', `${leadPath(id)}/contact-verifications`, { channel, how });
  }

  /** Creates a viewing (idempotent like every creating request). */
  planViewing(id: string, viewing: NewLeadViewing): Promise<LeadViewing> {
    return this.client.request('POST', `${leadPath(id)}/viewings`, viewing, { idempotent: true });
  }

  inviteToViewing(id: string, validDays?: number): Promise<ViewingInvitation> {
    return this.client.request('POST', `${leadPath(id)}/viewing-invitation`, validDays === undefined ? {} : { validDays });
  }

  selfDisclosure(id: string): Promise<SelfDisclosure> {
    return this.client.request('GET', `${leadPath(id)}/self-disclosure`);
  }

  recordSelfDisclosure(id: string, input: SelfDisclosureInput): Promise<SelfDisclosure> {
    return this.client.request('PUT', `${leadPath(id)}/self-disclosure`, input);
  }

  editRejection(id: string, change: { subject?: string; body?: string }): Promise<RejectionMessage> {
    return this.client.request('PUT', `${leadPath(id)}/rejection-message`, change);
  }

  releaseRejection(id: string, change: { subject?: string; body?: string }): Promise<RejectionMessage> {
    return this.client.request('POST', `${leadPath(id)}/rejection-message/release`, change);
  }

  async setLegalHold(id: string, hold: { hold: true; reason: string } | { hold: false }): Promise<LegalHold> {
    return (await this.client.request<{ legalHold: LegalHold }>('PUT', `${leadPath(id)}/legal-hold`, hold)).legalHold;
  }

  exportDecisions(id: string): Promise<LeadDecisionExport> {
    return this.client.request('GET', `${leadPath(id)}/decision-export`);
  }

  assignListing(id: string, listingId: string, version: number): Promise<LeadCard> {
    return this.client.request('PUT', `${leadPath(id)}/listing`, { listingId, version });
  }

  /** The active listings a lead can be assigned to (the first 100, newest first). */
  async activeListings(): Promise<Listing[]> {
    return (await this.client.request<{ items: Listing[] }>('GET', '/api/staff/listings?status=aktiv&limit=100')).items;
  }
}
