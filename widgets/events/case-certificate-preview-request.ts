/** Fired by `<mp-staff-case-detail>` to show the Mieterbescheinigung of a document request as it would be issued. */
export class CaseCertificatePreviewRequestEvent extends CustomEvent<{ caseId: string }> {
  static readonly eventName = 'mp-case-certificate-preview-request';

  constructor(detail: { caseId: string }) {
    super(CaseCertificatePreviewRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-certificate-preview-request': CaseCertificatePreviewRequestEvent;
  }
}
