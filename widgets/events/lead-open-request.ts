/** Fired by `<lead-detail>` when the clerk asks to open another lead (a possible duplicate): `detail.id` is its id. */
export class LeadOpenRequestEvent extends CustomEvent<{ id: string }> {
  static readonly eventName = 'mp-lead-open-request';

  constructor(detail: { id: string }) {
    super(LeadOpenRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-lead-open-request': LeadOpenRequestEvent;
  }
}
