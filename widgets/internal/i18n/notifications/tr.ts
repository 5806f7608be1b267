import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'E-posta bildirimleri',
  caseNew: 'Yeni',
  caseNewHidden: 'Son ziyaretinizden bu yana yenilikler',
};

export default notifications;
