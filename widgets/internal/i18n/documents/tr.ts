import type { DocumentMessages } from './de.ts';

const documents: DocumentMessages = {
  myDocumentsHeading: 'Belgelerim',
  documentsEmpty: 'Henüz belgeniz yok.',
  documentsLoadFailed: 'Belgeleriniz yüklenemedi.',
  documentListLabel: 'Belgeleriniz, en yenisi en üstte',
  documentCategoryLabels: {
    letter: 'Yazı',
    utility_statement: 'Yan gider hesap dökümü',
    certificate: 'Onay belgesi',
    contract: 'Sözleşme',
    other: 'Diğer',
    owner_statement: 'Aidat hesap dökümü',
    business_plan: 'Bütçe planı',
    meeting_minutes: 'Kat malikleri toplantı tutanağı',
  },
  documentUnread: 'Yeni',
  documentUnreadHidden: 'okunmamış',
  documentForCase: (caseNumber) => `${caseNumber} numaralı talep için`,
  documentPublished: (when) => `${when} paylaşıldı`,
  liveDocument: (title) => `Yeni belge: ${title}.`,
};

export default documents;
