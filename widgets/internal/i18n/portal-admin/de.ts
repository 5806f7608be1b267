/**
 * What the admins' portal settings share (`<catalogue-settings>`, `<routing-settings>`, `<branding-settings>`, on
 * top of `AdminSettingsView`): an area of its own, loaded with the first of them, never with the residents' portal.
 */
const portalAdmin = {
  signInFirst: 'Bitte melden Sie sich als Administratorin oder Administrator Ihrer Hausverwaltung an.',
  adminsOnly:
    'Diese Einstellungen können nur Administratorinnen und Administratoren Ihrer Hausverwaltung sehen und ändern. Bitte wenden Sie sich an sie, wenn hier etwas geändert werden soll.',
  loadFailed: 'Die Einstellungen konnten nicht geladen werden.',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  cancel: 'Abbrechen',
  edit: 'Bearbeiten',
  remove: 'Entfernen',
  confirmRemove: 'Wirklich entfernen',
  unsaved: 'Sie haben Änderungen, die noch nicht gespeichert sind.',
  translations: 'Übersetzungen (optional; ohne Übersetzung erscheint die deutsche Bezeichnung)',
  languageNames: { en: 'Englisch', tr: 'Türkisch', pl: 'Polnisch', uk: 'Ukrainisch' },
};

export type PortalAdminMessages = typeof portalAdmin;
export default portalAdmin;
