/** Fired by `<mp-staff-case-detail>` to save an internal note, which the resident never sees. */
export class CaseNoteRequestEvent extends CustomEvent<{ caseId: string; body: string }> {
  static readonly eventName = 'mp-case-note-request';

  constructor(detail: { caseId: string; body: string }) {
    super(CaseNoteRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-note-request': CaseNoteRequestEvent;
  }
}
