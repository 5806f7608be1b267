/** Typed client for the clerks' lead board (`<lead-kanban>`): the staff API of docs/leads.md, on top of `ApiClient`. */
import { ApiError, type ApiClient } from './api-client.ts';
import type {
  BodyOf,
  LeadCard,
  LeadDetail,
  LeadLifecycle,
  Listing,
  operations,
  ResponseOf,
  StaffAccount,
} from '../../bff/contract/index.ts';
import type {
  ContactChannel,
  ContactVerification,
  LeadColumn,
  LeadRejectionReason,
  LeadSource,
  LeadStatus,
} from '../../bff/contract/enums.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the board uses.
export type {
  ContactChannel,
  LeadCard,
  LeadColumn,
  LeadDetail,
  LeadLifecycle,
  LeadRejectionReason,
  LeadSource,
  LeadStatus,
  Listing,
  StaffAccount,
};
export type LeadEvent = LeadDetail['events'][number];
export type LeadPage = ResponseOf<typeof operations.listLeads>;
export type LeadCounts = ResponseOf<typeof operations.leadColumnCounts>['columns'];
export type LeadAccessEntry = ResponseOf<typeof operations.leadAccessLog>['items'][number];

/** The board's columns in the order a clerk reads them: the pipeline first, then the side columns. */
export const boardColumns: readonly LeadColumn[] = ['offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt', 'nicht_zugeordnet'];

export interface LeadFilters {
  /** A listing id, `none` (no listing), or `` for all. */
  listing: string;
  /** One source, or `` for all. */
  source: LeadSource | '';
  /** `me`, `none`, an account id, or `` for everyone. */
  owner: string;
  /** Name, e-mail address or (with the letting permission) telephone number, across listings; at least 2 characters. */
  q: string;
}

export const noLeadFilters = (): LeadFilters => ({ listing: '', source: '', owner: '', q: '' });

/** Cards per page of a column: enough to fill a tall screen, small enough for a quick first paint. */
export const LEAD_PAGE_SIZE = 30;

function filterQuery(filters: LeadFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.listing) query.set('listing', filters.listing);
  if (filters.source) query.set('source', filters.source);
  if (filters.owner) query.set('owner', filters.owner);
  const q = filters.q.trim();
  if (q.length >= 2) query.set('q', q);
  return query;
}

/** The query of `GET /api/staff/leads` for one column and these filters (without empty ones). */
export function leadQuery(column: LeadColumn, filters: LeadFilters, cursor?: string | null, limit = LEAD_PAGE_SIZE): string {
  const query = filterQuery(filters);
  query.set('column', column);
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** Newest first, as the BFF sorts a column. */
export function newestFirst(a: LeadCard, b: LeadCard): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * Whether a card belongs on the board under these filters. `me` and the search cannot be decided here in full
 * (the session does not carry the account id; the search also matches telephone numbers), so such a card
 * counts as matching and the next reload settles it.
 */
export function matchesLeadFilters(card: LeadCard, filters: LeadFilters): boolean {
  if (filters.listing === 'none' && card.listing) return false;
  if (filters.listing && filters.listing !== 'none' && card.listing?.id !== filters.listing) return false;
  if (filters.source && card.source !== filters.source) return false;
  if (filters.owner === 'none' && card.owner) return false;
  if (filters.owner && filters.owner !== 'none' && filters.owner !== 'me' && card.owner?.id !== filters.owner) return false;
  const q = filters.q.trim().toLowerCase();
  if (q.length >= 2 && !/\d/.test(q) && ![card.name, card.email ?? ''].some((value) => value.toLowerCase().includes(q))) return false;
  return true;
}

/**
 * A move as `POST /api/staff/leads/:id/move` takes it (docs/leads.md, "Lifecycle"): the target status, the card's
 * `version` the clerk saw (a mismatch is `409 lead_conflict`: another clerk moved it first) and what the target
 * needs — `contactMessage` for kontaktiert, `reasonCode` or `reasonText` for abgelehnt.
 */
export type LeadMove = BodyOf<typeof operations.moveLead>;
export type MoveTarget = LeadMove['to'];

/**
 * The moves the lifecycle allows (the contract's `LEAD_TRANSITIONS`, spelled out: the contract's enums live in the
 * chunk every portal loads, which would export one name more for this staff-only board; a test holds them equal).
 */
export const leadTransitions: Record<LeadStatus, readonly MoveTarget[]> = {
  offen: ['kontaktiert', 'abgelehnt'],
  kontaktiert: ['besichtigt', 'abgelehnt'],
  besichtigt: ['akzeptiert', 'abgelehnt'],
  akzeptiert: [],
  abgelehnt: ['kontaktiert'],
};

/** Another clerk changed the card since this board read it (`409 lead_conflict`): their change stands. */
export function isLeadConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'lead_conflict';
}

const leadPath = (id: string) => `/api/staff/leads/${encodeURIComponent(id)}`;

export class LeadBoardApi {
  constructor(readonly client: ApiClient) {}

  column(column: LeadColumn, filters: LeadFilters, cursor?: string | null, limit?: number): Promise<LeadPage> {
    return this.client.request('GET', `/api/staff/leads?${leadQuery(column, filters, cursor, limit)}`);
  }

  async counts(filters: LeadFilters): Promise<LeadCounts> {
    const query = filterQuery(filters).toString();
    const answer = await this.client.request<{ columns: LeadCounts }>('GET', `/api/staff/leads/counts${query ? `?${query}` : ''}`);
    return answer.columns;
  }

  detail(id: string): Promise<LeadDetail> {
    return this.client.request('GET', leadPath(id));
  }

  async accessLog(id: string): Promise<LeadAccessEntry[]> {
    return (await this.client.request<{ items: LeadAccessEntry[] }>('GET', `${leadPath(id)}/access-log`)).items;
  }

  /** The active listings for the filter (the first 100, newest first). */
  async listings(): Promise<Listing[]> {
    return (await this.client.request<{ items: Listing[] }>('GET', '/api/staff/listings?limit=100')).items;
  }

  async staff(): Promise<StaffAccount[]> {
    return (await this.client.request<{ items: StaffAccount[] }>('GET', '/api/staff/clerks')).items;
  }

  /** Moves a card; the answer is the card as it is now (its new status, column, owner and version). */
  async move(id: string, move: LeadMove): Promise<LeadCard> {
    return (await this.client.request<ResponseOf<typeof operations.moveLead>>('POST', `${leadPath(id)}/move`, move)).lead;
  }

  /** Notes a contact channel as verified (the clerk reached the person on it, or the person answered from it); its version goes up. */
  verifyContact(id: string, channel: ContactChannel, how: ContactVerification): Promise<LeadLifecycle> {
    return this.client.request('POST', `${leadPath(id)}/contact-verifications`, { channel, how });
  }
}
