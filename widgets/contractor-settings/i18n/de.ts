/** The texts of `<contractor-settings>` in German (its own area; English on first use). */
const contractors = {
  heading: 'Handwerker',
  intro:
    'Die Handwerksbetriebe, die Ihre Sachbearbeitung aus einer Schadensmeldung beauftragen kann. Der Auftrag geht per E-Mail an die hier eingetragene Adresse. Deaktivierte Handwerker bleiben in ihren bisherigen Aufträgen genannt, werden aber nicht mehr angeboten.',
  signInFirst: 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter Ihrer Hausverwaltung an.',
  staffOnly:
    'Die Handwerker können nur die Mitarbeiterinnen und Mitarbeiter Ihrer Hausverwaltung (Sachbearbeitung und Administration) sehen und pflegen.',
  listHeading: 'Ihre Handwerker',
  empty: 'Noch keine Handwerker eingetragen. Legen Sie den ersten mit „Handwerker hinzufügen“ an.',
  count: (count: number) => (count === 1 ? '1 Handwerker' : `${count} Handwerker`),
  trade: 'Gewerk',
  email: 'E-Mail',
  phone: 'Telefon',
  buildings: 'Betreute Gebäude',
  allBuildings: 'Alle Gebäude',
  someBuildings: (count: number) => (count === 1 ? '1 bestimmtes Gebäude' : `${count} bestimmte Gebäude`),
  active: 'Aktiv',
  inactive: 'Deaktiviert',
  add: 'Handwerker hinzufügen',
  edit: (name: string) => `${name} bearbeiten`,
  deactivate: 'Deaktivieren',
  reactivate: 'Reaktivieren',
  deactivateLabel: (name: string) => `${name} deaktivieren`,
  reactivateLabel: (name: string) => `${name} reaktivieren`,
  newHeading: 'Neuer Handwerker',
  editHeading: (name: string) => `${name} bearbeiten`,
  nameLabel: 'Name des Betriebs',
  tradeLabel: 'Gewerk',
  tradeHint: 'z. B. Sanitär, Elektro, Heizung, Schlüsseldienst',
  emailLabel: 'E-Mail-Adresse für Aufträge',
  phoneLabel: 'Telefon (optional)',
  buildingsHint: (served: string) =>
    `Betreute Gebäude: ${served}. Ein neuer Handwerker betreut alle Gebäude; die Auswahl einzelner Gebäude ist hier noch nicht möglich.`,
  create: 'Handwerker anlegen',
  saveChanges: 'Änderungen speichern',
  created: (name: string) => `${name} ist angelegt.`,
  saved: (name: string) => `Die Änderungen an ${name} sind gespeichert.`,
  deactivated: (name: string) => `${name} ist deaktiviert und wird nicht mehr zur Beauftragung angeboten.`,
  reactivated: (name: string) => `${name} ist wieder aktiv.`,
  nothingToSave: 'Es gibt keine Änderungen zu speichern.',
  invalidEmail: 'Bitte eine gültige E-Mail-Adresse angeben.',
};

export type ContractorMessages = typeof contractors;
export default contractors;
