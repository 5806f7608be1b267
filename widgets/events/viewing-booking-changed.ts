import type { ViewingBookingState } from '../../bff/contract/viewings.ts';

/** Fired by `<viewing-booking>` after the person booked, moved, joined a waitlist or cancelled (`booking` null). */
export class ViewingBookingChangedEvent extends CustomEvent<{ booking: ViewingBookingState['booking'] }> {
  static readonly eventName = 'mp-viewing-booking-changed';

  constructor(detail: { booking: ViewingBookingState['booking'] }) {
    super(ViewingBookingChangedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-viewing-booking-changed': ViewingBookingChangedEvent;
  }
}
