import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'Сповіщення електронною поштою',
  notificationsIntro: 'Виберіть, про які події у ваших зверненнях ви отримуватимете лист.',
  notificationChoices: {
    receipt: 'Підтвердження отримання, коли я подаю звернення',
    replies: 'Кожна відповідь керуючої компанії',
    statusChanges: 'Кожна зміна статусу',
    appointments: 'Зустрічі з майстрами',
  },
  notificationsSave: 'Зберегти вибір',
  notificationsSaved: 'Ваш вибір збережено.',
  caseNew: 'Нове',
  caseNewHidden: 'Новини з часу вашого останнього візиту',
};

export default notifications;
