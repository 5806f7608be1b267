/** Typed client for an invited person's viewing booking through a signed link (docs/leads.md, "Viewings and signed links"). */
import type { ApiClient } from './api-client.ts';
import type { BookViewingInput, PublicViewingSlot, ViewingBookingState } from '../../bff/contract/viewings.ts';

export type { PublicViewingSlot, ViewingBookingState };

export class ViewingBookingApi {
  constructor(
    readonly client: ApiClient,
    /** The token of the signed link, sent as `X-Link-Token` (never in the address: it would end up in logs). */
    private readonly token: string,
  ) {}

  private get headers() {
    return { 'x-link-token': this.token };
  }

  state(): Promise<ViewingBookingState> {
    return this.client.request('GET', '/api/viewing-booking', undefined, { headers: this.headers });
  }

  /** Books the slot or moves the booking there; `waitlist`: join its waitlist when it is full. */
  book(input: BookViewingInput): Promise<ViewingBookingState> {
    return this.client.request('PUT', '/api/viewing-booking/booking', input, { headers: this.headers });
  }

  cancel(): Promise<ViewingBookingState> {
    return this.client.request('DELETE', '/api/viewing-booking/booking', undefined, { headers: this.headers });
  }

  /** The booked viewing as an iCalendar file. */
  calendar(): Promise<string> {
    return this.client.text('/api/viewing-booking/booking.ics', this.headers);
  }
}
