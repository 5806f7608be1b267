import { formatDateTime } from '../format.ts';
import type { ResidentCaseMessages } from './de.ts';

const residentCases: ResidentCaseMessages = {
  portalLabel: (tenantName) => `Kiracı portalı ${tenantName}`.trim(),
  assistantHeading: 'Asistan',
  portalSections: 'Bölümler',
  myCasesHeading: 'Taleplerim',
  casesSummary: (count) => (count === 0 ? 'Henüz bir talebiniz yok.' : count === 1 ? 'Bir talebiniz var.' : `${count} talebiniz var.`),
  newCaseHeading: 'Yeni talep',
  unreadHidden: (unread) => `, ${unread} okunmamış`,
  casesLoadFailed: 'Talepleriniz yüklenemedi.',
  caseListLabel: 'Talepleriniz, en son hareket gören en üstte',
  lastActivity: (when) => `Son etkinlik ${when}`,
  backToCases: 'Taleplerime geri dön',
  caseHeading: (caseNumber, title) => `Talep ${caseNumber}: ${title}`,
  caseLoadFailed: 'Talep yüklenemedi.',
  caseDescription: 'Açıklamanız',
  damagePlace: (location, category, kind) => `${location} · ${category} · ${kind}`,
  timelineHeading: 'Geçmiş',
  timelineCreated: 'Talep alındı',
  timelineStatus: (status) => `Durum: ${status}`,
  timelineReply: 'Yönetim şirketinizin yanıtı',
  timelineResidentMessage: 'Mesajınız',
  timelineAttachments: (count) => (count === 1 ? 'Bir dosya eklediniz' : `${count} dosya eklediniz`),
  timelineDocument: (title) => `Belge paylaşıldı: ${title}`,
  timelineWorkOrder: (done, contractor, when) =>
    done ? `${contractor} işin tamamlandığını bildirdi` : `Usta randevusu: ${when ?? '–'} (${contractor})`,
  messagesHeading: 'Mesajlar',
  noMessages: 'Henüz mesaj yok.',
  messageFromResident: 'Siz',
  messageFromStaff: 'Yönetim şirketiniz',
  attachmentsHeading: 'Ekler',
  attachmentFrom: (uploadedBy) => (uploadedBy === 'resident' ? 'sizden' : 'yönetim şirketinizden'),
  addMessageHeading: 'Mesaj veya dosya ekleyin',
  messageLabel: 'Mesajınız',
  sendMessage: 'Gönder',
  messageSent: 'Mesajınız gönderildi.',
  messageEmpty: 'Lütfen bir mesaj yazın veya bir dosya ekleyin.',
  caseClosedNotice: (status) =>
    status === 'erledigt'
      ? 'Bu talep tamamlandı; bu nedenle artık bir şey ekleyemezsiniz. Yeni bir konu için lütfen yeni bir talep oluşturun.'
      : 'Bu talep reddedildi; bu nedenle artık bir şey ekleyemezsiniz. Gerekçeyi mesajlarda bulabilirsiniz. Yeni bir konu için lütfen yeni bir talep oluşturun.',
  newCaseIntro: 'Konu nedir?',
  newCaseTypeHints: {
    damage: 'Bir şey bozuk veya çalışmıyor.',
    complaint: 'Binada gürültü, kirlilik veya rahatsızlık.',
    contact: 'Yönetim şirketinize bir soru veya talep.',
    document_request: 'Bir onay belgesi veya doküman isteyin.',
  },
  chooseOtherType: 'Başka bir tür seç',
  caseFiled: (caseNumber, receivedAt) => `${caseNumber} numaralı talebiniz ${formatDateTime('tr-TR', receivedAt)} tarihinde alındı.`,
  joinedHeading: 'Birlikte bildirdiğim hasarlar',
  joinedIntro: 'Binada sizin de bildirdiğiniz hasarlar. Durumlarını burada görebilirsiniz.',
  joinedReported: (when) => `${when} bildirildi`,
  liveCaseStatus: (caseNumber, status) => `Talep ${caseNumber}: durum artık “${status}”.`,
  liveCaseReply: (caseNumber) => `${caseNumber} numaralı talebe yeni yanıt.`,
  liveCaseChanged: (caseNumber) => `${caseNumber} numaralı talep güncellendi.`,
  liveIncident: (caseNumber, status) => `Birlikte bildirdiğiniz hasar ${caseNumber}: durum artık “${status}”.`,
};

export default residentCases;
