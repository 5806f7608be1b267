import type { DocumentMessages } from './de.ts';

const documents: DocumentMessages = {
  myDocumentsHeading: 'My documents',
  documentsEmpty: 'You have no documents yet.',
  documentsLoadFailed: 'Your documents could not be loaded.',
  documentListLabel: 'Your documents, newest first',
  documentCategoryLabels: {
    letter: 'Letter',
    utility_statement: 'Service charge statement',
    certificate: 'Certificate',
    contract: 'Contract',
    other: 'Other',
    owner_statement: "Owners' service charge statement",
    business_plan: 'Budget plan',
    meeting_minutes: "Minutes of the owners' meeting",
  },
  documentUnread: 'New',
  documentUnreadHidden: 'unread',
  documentForCase: (caseNumber) => `for request ${caseNumber}`,
  documentPublished: (when) => `Provided ${when}`,
  liveDocument: (title) => `New document: ${title}.`,
};

export default documents;
