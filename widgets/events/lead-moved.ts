import type { LeadCard } from '../../bff/contract/leads.ts';

/** Fired by `<lead-kanban>` when the BFF has moved a card (by drag and drop or "Verschieben nach …"). */
export class LeadMovedEvent extends CustomEvent<{ lead: LeadCard }> {
  static readonly eventName = 'mp-lead-moved';

  constructor(detail: { lead: LeadCard }) {
    super(LeadMovedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-lead-moved': LeadMovedEvent;
  }
}
