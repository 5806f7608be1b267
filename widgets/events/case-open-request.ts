/**
 * Fired when a case should be opened: by `<mp-case-list>` when the resident opens one of their cases, and by
 * `<mp-staff-case-detail>` when the clerk asks to load a case again after it failed to load.
 */
export class CaseOpenRequestEvent extends CustomEvent<{ caseId: string }> {
  static readonly eventName = 'mp-case-open-request';

  constructor(detail: { caseId: string }) {
    super(CaseOpenRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-open-request': CaseOpenRequestEvent;
  }
}
