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
    owner_statement: 'Rozliczenie opłat wspólnoty',
    business_plan: 'Plan gospodarczy',
    meeting_minutes: 'Protokół zebrania właścicieli',
  },
  documentUnread: 'Nowy',
  documentUnreadHidden: 'nieprzeczytany',
  documentForCase: (caseNumber) => `do zgłoszenia ${caseNumber}`,
  documentPublished: (when) => `Udostępniono ${when}`,
  liveDocument: (title) => `Nowy dokument: ${title}.`,
};

export default documents;
