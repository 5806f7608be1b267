/** Fired by `<mp-staff-case-detail>` to send a public reply, which the resident sees and is told about. */
export class CaseReplyRequestEvent extends CustomEvent<{ caseId: string; body: string }> {
  static readonly eventName = 'mp-case-reply-request';

  constructor(detail: { caseId: string; body: string }) {
    super(CaseReplyRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-reply-request': CaseReplyRequestEvent;
  }
}
