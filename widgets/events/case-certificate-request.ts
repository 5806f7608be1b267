/**
 * Fired by `<mp-staff-case-detail>` when the clerk releases the previewed Mieterbescheinigung: create it, publish it
 * and close the case. `digest` is the preview's: the BFF refuses the release when the data changed since.
 */
export class CaseCertificateRequestEvent extends CustomEvent<{ caseId: string; digest: string }> {
  static readonly eventName = 'mp-case-certificate-request';

  constructor(detail: { caseId: string; digest: string }) {
    super(CaseCertificateRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-certificate-request': CaseCertificateRequestEvent;
  }
}
