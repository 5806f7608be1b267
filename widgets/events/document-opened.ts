/** Fired by `<mp-document-inbox>` when the resident opens (downloads) a document, so it can be marked read. */
export class DocumentOpenedEvent extends CustomEvent<{ documentId: string }> {
  static readonly eventName = 'mp-document-opened';

  constructor(detail: { documentId: string }) {
    super(DocumentOpenedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-document-opened': DocumentOpenedEvent;
  }
}
