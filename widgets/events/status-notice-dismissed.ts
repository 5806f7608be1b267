/** Fired by `<mp-status-notice>` when the resident closes the notice. */
export class StatusNoticeDismissedEvent extends Event {
  static readonly eventName = 'mp-status-notice-dismissed';

  constructor() {
    super(StatusNoticeDismissedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-status-notice-dismissed': StatusNoticeDismissedEvent;
  }
}
