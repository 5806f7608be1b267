/** Fired by `<mp-staff-case-detail>` when the clerk closes the certificate's preview with "Abbrechen": nothing is released. */
export class CaseCertificatePreviewCancelEvent extends CustomEvent<{ caseId: string }> {
  static readonly eventName = 'mp-case-certificate-preview-cancel';

  constructor(detail: { caseId: string }) {
    super(CaseCertificatePreviewCancelEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-certificate-preview-cancel': CaseCertificatePreviewCancelEvent;
  }
}
