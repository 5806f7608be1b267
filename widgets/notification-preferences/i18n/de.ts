/** "E-Mail-Benachrichtigungen" as `<mp-notification-preferences>` shows it (its heading is the portal's, it names the fold). */
const preferences = {
  intro: 'Wählen Sie, zu welchen Ereignissen Ihrer Anliegen Sie eine E-Mail erhalten.',
  choices: {
    receipt: 'Eingangsbestätigung, wenn ich ein Anliegen melde',
    replies: 'Jede Antwort meiner Hausverwaltung',
    statusChanges: 'Jede Statusänderung',
    appointments: 'Termine mit Handwerkern',
  },
  save: 'Auswahl speichern',
  saved: 'Ihre Auswahl ist gespeichert.',
};

export type PreferenceMessages = typeof preferences;
export default preferences;
