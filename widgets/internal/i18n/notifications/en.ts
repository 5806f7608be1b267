import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'E-mail notifications',
  notificationsIntro: 'Choose which events of your requests you get an e-mail about.',
  notificationChoices: {
    receipt: 'Confirmation of receipt when I file a request',
    replies: 'Every reply of my housing company',
    statusChanges: 'Every status change',
    appointments: 'Appointments with contractors',
  },
  notificationsSave: 'Save choice',
  notificationsSaved: 'Your choice has been saved.',
  caseNew: 'New',
  caseNewHidden: 'News since your last visit',
};

export default notifications;
