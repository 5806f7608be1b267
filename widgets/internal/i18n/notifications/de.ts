/**
 * The resident's notifications: the heading of the e-mail choice (the portal's fold; the form's own texts come with
 * `<mp-notification-preferences>`) and the "Neu" mark in "Meine Anliegen".
 */
const notifications = {
  notificationsHeading: 'E-Mail-Benachrichtigungen',
  /** The mark of a case with news since the resident last opened it. */
  caseNew: 'Neu',
  caseNewHidden: 'Neuigkeiten seit Ihrem letzten Besuch',
};

export type NotificationMessages = typeof notifications;
export default notifications;
