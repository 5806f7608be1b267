import type { CaseStatus } from '../../bff/contract/enums.ts';

/** Fired by `<mp-staff-case-detail>` to change the status of the case, with an optional public message to the resident. */
export class CaseStatusChangeRequestEvent extends CustomEvent<{ caseId: string; status: CaseStatus; message?: string }> {
  static readonly eventName = 'mp-case-status-change-request';

  constructor(detail: { caseId: string; status: CaseStatus; message?: string }) {
    super(CaseStatusChangeRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-status-change-request': CaseStatusChangeRequestEvent;
  }
}
