/** Fired by `<mp-case-detail>` when the resident sends a message and/or files (upload ids) to an open case. */
export class CaseMessageRequestEvent extends CustomEvent<{ caseId: string; body?: string; attachmentIds?: string[] }> {
  static readonly eventName = 'mp-case-message-request';

  constructor(detail: { caseId: string; body?: string; attachmentIds?: string[] }) {
    super(CaseMessageRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-message-request': CaseMessageRequestEvent;
  }
}
