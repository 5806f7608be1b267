import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'E-posta bildirimleri',
  notificationsIntro: 'Taleplerinizdeki hangi olaylar için e-posta almak istediğinizi seçin.',
  notificationChoices: {
    receipt: 'Talep bildirdiğimde alındı onayı',
    replies: 'Konut yönetimimin her yanıtı',
    statusChanges: 'Her durum değişikliği',
    appointments: 'Ustalarla randevular',
  },
  notificationsSave: 'Seçimi kaydet',
  notificationsSaved: 'Seçiminiz kaydedildi.',
  caseNew: 'Yeni',
  caseNewHidden: 'Son ziyaretinizden bu yana yenilikler',
};

export default notifications;
