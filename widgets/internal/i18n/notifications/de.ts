/** The resident's notifications: the e-mail choice and the "Neu" mark in "Meine Anliegen". */
const notifications = {
  notificationsHeading: 'E-Mail-Benachrichtigungen',
  notificationsIntro: 'Wählen Sie, zu welchen Ereignissen Ihrer Anliegen Sie eine E-Mail erhalten.',
  notificationChoices: {
    receipt: 'Eingangsbestätigung, wenn ich ein Anliegen melde',
    replies: 'Jede Antwort meiner Hausverwaltung',
    statusChanges: 'Jede Statusänderung',
    appointments: 'Termine mit Handwerkern',
  },
  notificationsSave: 'Auswahl speichern',
  notificationsSaved: 'Ihre Auswahl ist gespeichert.',
  /** The mark of a case with news since the resident last opened it. */
  caseNew: 'Neu',
  caseNewHidden: 'Neuigkeiten seit Ihrem letzten Besuch',
};

export type NotificationMessages = typeof notifications;
export default notifications;
