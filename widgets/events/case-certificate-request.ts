/** Fired by `<mp-staff-case-detail>` to create the Mieterbescheinigung of a document request, publish it and close the case. */
export class CaseCertificateRequestEvent extends CustomEvent<{ caseId: string }> {
  static readonly eventName = 'mp-case-certificate-request';

  constructor(detail: { caseId: string }) {
    super(CaseCertificateRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-certificate-request': CaseCertificateRequestEvent;
  }
}
