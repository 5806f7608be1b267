import type { PreferenceMessages } from './de.ts';

const preferences: PreferenceMessages = {
  intro: 'Виберіть, про які події у ваших зверненнях ви отримуватимете лист.',
  choices: {
    receipt: 'Підтвердження отримання, коли я подаю звернення',
    replies: 'Кожна відповідь керуючої компанії',
    statusChanges: 'Кожна зміна статусу',
    appointments: 'Зустрічі з майстрами',
  },
  save: 'Зберегти вибір',
  saved: 'Ваш вибір збережено.',
};

export default preferences;
