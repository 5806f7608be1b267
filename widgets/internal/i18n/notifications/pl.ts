import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'Powiadomienia e-mail',
  caseNew: 'Nowe',
  caseNewHidden: 'Nowości od ostatniej wizyty',
};

export default notifications;
