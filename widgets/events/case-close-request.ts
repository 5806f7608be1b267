/** Fired by `<mp-staff-case-detail>` when the clerk leaves the open case ("Zurück zur Liste", Escape). */
export class CaseCloseRequestEvent extends CustomEvent<{ caseId: string }> {
  static readonly eventName = 'mp-case-close-request';

  constructor(detail: { caseId: string }) {
    super(CaseCloseRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-close-request': CaseCloseRequestEvent;
  }
}
