/**
 * Typed client for the clerks' listings (Inserate), their viewing slots and the lettings' daily overview
 * (`<listing-editor>`, `<lead-overview>`): the staff API of docs/leads.md, on top of `ApiClient`.
 */
import type { ApiClient } from './api-client.ts';
import type { BodyOf, LeadOverview, Listing, ListingUnit, operations, ViewingSlot } from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the elements use.
export type { LeadOverview, Listing, ListingUnit, ViewingSlot };
export type ListingInput = BodyOf<typeof operations.createListing>;
export type ListingChange = BodyOf<typeof operations.updateListing>;
export type ViewingSlotInput = BodyOf<typeof operations.createViewingSlot>;

/** Listings per page of the list: a company rarely has more on offer at once. */
export const LISTING_PAGE_SIZE = 50;

const listingPath = (id: string) => `/api/staff/listings/${encodeURIComponent(id)}`;

export class ListingsApi {
  constructor(readonly client: ApiClient) {}

  /** The company's listings, newest first, one page. */
  listings(cursor?: string | null): Promise<{ items: Listing[]; nextCursor: string | null }> {
    const query = new URLSearchParams({ limit: String(LISTING_PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    return this.client.request('GET', `/api/staff/listings?${query}`);
  }

  /** The company's units for the form's choice. */
  async units(): Promise<ListingUnit[]> {
    return (await this.client.request<{ items: ListingUnit[] }>('GET', '/api/staff/units')).items;
  }

  /** Creates a listing (safe to repeat: one Idempotency-Key per call). */
  create(input: ListingInput): Promise<Listing> {
    return this.client.request('POST', '/api/staff/listings', input, { idempotent: true });
  }

  /** Changes the named fields; `portalIds` replaces the whole list. */
  update(id: string, change: ListingChange): Promise<Listing> {
    return this.client.request('PATCH', listingPath(id), change);
  }

  async slots(listingId: string): Promise<ViewingSlot[]> {
    return (await this.client.request<{ items: ViewingSlot[] }>('GET', `${listingPath(listingId)}/viewing-slots`)).items;
  }

  offerSlot(listingId: string, input: ViewingSlotInput): Promise<ViewingSlot> {
    return this.client.request('POST', `${listingPath(listingId)}/viewing-slots`, input);
  }

  /** Withdraws a slot; one with bookings or a waitlist is refused (`viewing_slot_has_bookings`). */
  async cancelSlot(slotId: string): Promise<void> {
    await this.client.request('DELETE', `/api/staff/viewing-slots/${encodeURIComponent(slotId)}`);
  }

  overview(): Promise<LeadOverview> {
    return this.client.request('GET', '/api/staff/leads/overview');
  }
}
