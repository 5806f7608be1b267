import type { PreferenceMessages } from './de.ts';

const preferences: PreferenceMessages = {
  intro: 'Taleplerinizdeki hangi olaylar için e-posta almak istediğinizi seçin.',
  choices: {
    receipt: 'Talep bildirdiğimde alındı onayı',
    replies: 'Konut yönetimimin her yanıtı',
    statusChanges: 'Her durum değişikliği',
    appointments: 'Ustalarla randevular',
  },
  save: 'Seçimi kaydet',
  saved: 'Seçiminiz kaydedildi.',
};

export default preferences;
