import type { DocumentCategory } from '../../bff/contract/enums.ts';

/** Fired by `<mp-staff-case-detail>` to upload a file and publish it to the case resident's "Meine Dokumente". */
export class CaseDocumentPublishRequestEvent extends CustomEvent<{
  caseId: string;
  file: File;
  title: string;
  category: DocumentCategory;
}> {
  static readonly eventName = 'mp-case-document-publish-request';

  constructor(detail: { caseId: string; file: File; title: string; category: DocumentCategory }) {
    super(CaseDocumentPublishRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-case-document-publish-request': CaseDocumentPublishRequestEvent;
  }
}
