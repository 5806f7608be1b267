/** Fired by `<mp-staff-case-detail>` to assign the case to a clerk (`assigneeId`), or to nobody (`null`). */
export class CaseAssignRequestEvent extends CustomEvent<{ caseId: string; assigneeId: string | null }> {
  static readonly eventName = 'mp-case-assign-request';

  constructor(detail: { caseId: string; assigneeId: string | null }) {
    super(CaseAssignRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-assign-request': CaseAssignRequestEvent;
  }
}
