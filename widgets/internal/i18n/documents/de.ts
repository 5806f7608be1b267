import type { DocumentCategory } from '../../../../bff/contract/enums.ts';

/** The resident's document inbox ("Meine Dokumente"). */
const documents = {
  myDocumentsHeading: 'Meine Dokumente',
  documentsEmpty: 'Sie haben noch keine Dokumente.',
  documentsLoadFailed: 'Ihre Dokumente konnten nicht geladen werden.',
  documentListLabel: 'Ihre Dokumente, neueste zuerst',
  documentCategoryLabels: {
    letter: 'Schreiben',
    utility_statement: 'Betriebskostenabrechnung',
    certificate: 'Bescheinigung',
    contract: 'Vertrag',
    other: 'Sonstiges',
    owner_statement: 'Hausgeldabrechnung',
    business_plan: 'Wirtschaftsplan',
    meeting_minutes: 'Protokoll der Eigentümerversammlung',
  } satisfies Record<DocumentCategory, string>,
  documentUnread: 'Neu',
  documentUnreadHidden: 'ungelesen',
  documentForCase: (caseNumber: string) => `zu Anliegen ${caseNumber}`,
  documentPublished: (when: string) => `Bereitgestellt ${when}`,
  liveDocument: (title: string) => `Neues Dokument: ${title}.`,
};

export type DocumentMessages = typeof documents;
export default documents;
