/** Fired by a paginated list ("Weitere laden") when the next page is wanted. */
export class LoadMoreRequestEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'mp-load-more-request';

  constructor() {
    super(LoadMoreRequestEvent.eventName, { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-load-more-request': LoadMoreRequestEvent;
  }
}
