import type { DocumentMessages } from './de.ts';

const documents: DocumentMessages = {
  myDocumentsHeading: 'Мої документи',
  documentsEmpty: 'У Вас ще немає документів.',
  documentsLoadFailed: 'Не вдалося завантажити Ваші документи.',
  documentListLabel: 'Ваші документи, спочатку найновіші',
  documentCategoryLabels: {
    letter: 'Лист',
    utility_statement: 'Розрахунок експлуатаційних витрат',
    certificate: 'Довідка',
    contract: 'Договір',
    other: 'Інше',
    owner_statement: 'Розрахунок внесків власника',
    business_plan: 'Господарський план',
    meeting_minutes: 'Протокол зборів власників',
  },
  documentUnread: 'Новий',
  documentUnreadHidden: 'непрочитаний',
  documentForCase: (caseNumber) => `до звернення ${caseNumber}`,
  documentPublished: (when) => `Надано ${when}`,
  liveDocument: (title) => `Новий документ: ${title}.`,
};

export default documents;
