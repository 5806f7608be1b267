import type { LeadCard } from '../../bff/contract/leads.ts';

/**
 * Fired by `<lead-detail>` when it has read the lead or one of its actions changed it (a verified contact channel,
 * a planned viewing, an assignment to a listing): `detail.lead` is the card as it is now, so a board can show it.
 */
export class LeadUpdatedEvent extends CustomEvent<{ lead: LeadCard }> {
  static readonly eventName = 'mp-lead-updated';

  constructor(detail: { lead: LeadCard }) {
    super(LeadUpdatedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-lead-updated': LeadUpdatedEvent;
  }
}
