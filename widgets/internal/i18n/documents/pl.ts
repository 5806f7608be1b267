import type { DocumentMessages } from './de.ts';

const documents: DocumentMessages = {
  myDocumentsHeading: 'Moje dokumenty',
  documentsEmpty: 'Nie ma jeszcze żadnych dokumentów.',
  documentsLoadFailed: 'Nie udało się załadować dokumentów.',
  documentListLabel: 'Dokumenty, od najnowszych',
  documentCategoryLabels: {
    letter: 'Pismo',
    utility_statement: 'Rozliczenie kosztów eksploatacyjnych',
    certificate: 'Zaświadczenie',
    contract: 'Umowa',
    other: 'Inne',
  },
  documentUnread: 'Nowy',
  documentUnreadHidden: 'nieprzeczytany',
  documentForCase: (caseNumber) => `do zgłoszenia ${caseNumber}`,
  documentPublished: (when) => `Udostępniono ${when}`,
  liveDocument: (title) => `Nowy dokument: ${title}.`,
};

export default documents;
