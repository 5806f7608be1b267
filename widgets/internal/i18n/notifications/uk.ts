import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'Сповіщення електронною поштою',
  caseNew: 'Нове',
  caseNewHidden: 'Новини з часу вашого останнього візиту',
};

export default notifications;
