import type { NotificationMessages } from './de.ts';

const notifications: NotificationMessages = {
  notificationsHeading: 'Powiadomienia e-mail',
  notificationsIntro: 'Proszę wybrać, o których zdarzeniach w zgłoszeniach chcą Państwo otrzymywać e-mail.',
  notificationChoices: {
    receipt: 'Potwierdzenie otrzymania zgłoszenia',
    replies: 'Każda odpowiedź administracji',
    statusChanges: 'Każda zmiana statusu',
    appointments: 'Terminy z wykonawcami',
  },
  notificationsSave: 'Zapisz wybór',
  notificationsSaved: 'Wybór został zapisany.',
  caseNew: 'Nowe',
  caseNewHidden: 'Nowości od ostatniej wizyty',
};

export default notifications;
