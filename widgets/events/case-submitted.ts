import type { ResidentCase as FiledCase } from '../../bff/contract/cases.ts';

/** Fired by `<damage-report-form>` and `<mp-case-request-form>` when the BFF has filed the case. */
export class CaseSubmittedEvent extends CustomEvent<{ case: FiledCase }> {
  static readonly eventName = 'mp-case-submitted';

  constructor(detail: { case: FiledCase }) {
    super(CaseSubmittedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-submitted': CaseSubmittedEvent;
  }
}
