import { formatDateTime, formatFileSize } from '../format.ts';
import type { CommonMessages } from './de.ts';

/** Turkish nouns stay singular after a number (3 dosya), so no text here needs plural forms. */
const common: CommonMessages = {
  loading: 'Yükleniyor …',
  busy: 'Gönderiliyor …',
  unexpectedError: 'Maalesef bir sorun oluştu. Lütfen daha sonra tekrar deneyin.',
  networkError: 'Sunucuya şu anda ulaşılamıyor. Lütfen bağlantınızı kontrol edin.',
  liveInterrupted: 'Bağlantı kesildi – yeniden kuruluyor',
  fieldErrorsSummary: (count) => (count === 1 ? 'Lütfen işaretli alanı düzeltin.' : `Lütfen işaretli ${count} alanı düzeltin.`),
  required: 'Lütfen bu alanı doldurun.',
  tooLong: (max) => `Lütfen en fazla ${max} karakter kullanın.`,
  retry: 'Tekrar dene',
  loadMore: 'Daha fazla yükle',
  caseTypeLabels: {
    contact: 'Genel talep',
    complaint: 'Bildirim/Şikâyet',
    damage: 'Hasar bildirimi',
    document_request: 'Belge talebi',
    letting: 'Kiralama',
  },
  caseStatusLabels: {
    eingegangen: 'Alındı',
    in_bearbeitung: 'İşleniyor',
    beauftragt: 'Görevlendirildi',
    erledigt: 'Tamamlandı',
    abgelehnt: 'Reddedildi',
  },
  urgencyLabels: { normal: 'Normal', urgent: 'Acil', emergency: 'Acil durum' },
  fileSize: (bytes) => formatFileSize('tr-TR', bytes),
  dateTime: (iso) => formatDateTime('tr-TR', iso),
  caseNumber: (caseNumber) => `No. ${caseNumber}`,
  onDate: (date) => `${date} tarihinde`,
};

export default common;
