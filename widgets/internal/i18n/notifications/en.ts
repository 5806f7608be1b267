import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'E-mail notifications',
  caseNew: 'New',
  caseNewHidden: 'News since your last visit',
};

export default notifications;
