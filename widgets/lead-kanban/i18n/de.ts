import type { LeadColumn, LeadSource } from '../../internal/lead-board-api.ts';
import type { HouseholdType, LeadEventKind } from '../../../bff/contract/enums.ts';

/**
 * The texts of `<lead-kanban>` in German: an area of its own, bundled with the staff portal's chunk (its
 * navigation names "Vermietung") and never with the residents' portal; the shape English provides too.
 * General texts (errors, "Wird geladen …") come from the common areas of localize.ts.
 */
const kanban = {
  /** The staff portal's navigation entry and the board's heading. */
  leadsHeading: 'Vermietung',
  columnLabels: {
    offen: 'Offen',
    kontaktiert: 'Kontaktiert',
    besichtigt: 'Besichtigt',
    akzeptiert: 'Akzeptiert',
    abgelehnt: 'Abgelehnt',
    nicht_zugeordnet: 'Nicht zugeordnet',
  } satisfies Record<LeadColumn, string>,
  sourceLabels: {
    immoscout24: 'ImmoScout24',
    immowelt: 'Immowelt',
    webhook: 'Webhook',
    email: 'E-Mail',
    'openimmo-ftp': 'OpenImmo (Ordner)',
    upload: 'Hochgeladen',
    manuell: 'Manuell',
  } satisfies Record<LeadSource, string>,
  householdLabels: { single: 'allein', couple: 'Paar', family: 'Familie', shared: 'WG' } satisfies Record<HouseholdType, string>,
  eventLabels: {
    created: 'Eingegangen',
    status_changed: 'Verschoben',
    owner_changed: 'Zuständigkeit geändert',
    listing_assigned: 'Inserat zugeordnet',
    anonymised: 'Anonymisiert',
  } satisfies Record<LeadEventKind, string>,

  filters: 'Filter der Interessenten',
  search: 'Suche',
  searchHint: 'Name, E-Mail oder Telefon – über alle Inserate',
  searchTooShort: 'Bitte mindestens 2 Zeichen eingeben.',
  filterListing: 'Inserat',
  allListings: 'Alle Inserate',
  noListing: 'Ohne Inserat',
  filterSource: 'Quelle',
  allSources: 'Alle Quellen',
  filterOwner: 'Zuständig',
  ownerAll: 'Alle',
  ownerMe: 'Ich',
  ownerNone: 'Niemand',
  resetFilters: 'Filter zurücksetzen',

  columnHeading: (label: string, count: number) => `${label} (${count})`,
  columnList: (label: string) => `Interessenten: ${label}`,
  columnEmpty: 'Keine Interessenten.',
  columnShown: (shown: number, total: number) => `${shown} von ${total} angezeigt`,
  loadMore: 'Mehr laden',
  loadingBoard: 'Interessenten werden geladen …',
  boardEmpty: 'Noch keine Interessenten. Neue Anfragen der Portale erscheinen hier sofort.',
  boardEmptyFiltered: 'Keine Interessenten für diese Filter.',
  signInFirst: 'Bitte melden Sie sich als Sachbearbeiterin oder Sachbearbeiter an, um die Interessenten zu sehen.',
  forbidden: 'Die Interessenten sehen nur Mitarbeiterinnen und Mitarbeiter der Hausverwaltung.',
  loadFailed: 'Die Interessenten konnten nicht geladen werden.',

  duplicate: 'Dublette',
  duplicateHint: 'Gleiche E-Mail-Adresse oder Telefonnummer wie ein anderer Interessent dieses Inserats',
  selfDisclosureOffered: 'Selbstauskunft angeboten',
  selfDisclosureHint:
    'Das Portal hat Selbstauskunftsdaten mitgeschickt; sie wurden nicht gespeichert und dürfen erst ab „Besichtigt“ erhoben werden.',
  noOwner: 'Niemand zuständig',
  since: (when: string) => `seit ${when}`,
  newLead: 'Neu',
  newLeadArrived: (name: string) => `Neuer Interessent: ${name}`,
  movedLive: (name: string, column: string) => `${name} ist jetzt in „${column}“.`,

  moveTo: 'Verschieben nach …',
  moveMenu: (name: string) => `${name} verschieben nach`,
  moveCancel: 'Abbrechen',
  rejectReason: 'Grund der Ablehnung',
  rejectReasonHint: 'Ein sachlicher Grund (z. B. „Unterlagen unvollständig“) – nie ein Merkmal nach § 19 AGG.',
  rejectConfirm: 'Ablehnen',
  rejectReasonMissing: 'Bitte einen Grund angeben.',
  moving: (name: string, column: string) => `${name} wird nach „${column}“ verschoben …`,
  moved: (name: string, column: string) => `${name} ist jetzt in „${column}“.`,
  conflict: (name: string) =>
    `${name} wurde inzwischen von jemand anderem verschoben. Die Karte zeigt jetzt den aktuellen Stand – bitte entscheiden Sie erneut.`,
  moveFailed: (name: string) => `${name} konnte nicht verschoben werden:`,
  dismiss: 'Schließen',
  dragHint: 'Karten mit der Maus ziehen oder mit „Verschieben nach …“ per Tastatur verschieben.',
  dropHere: (label: string) => `Hier ablegen: ${label}`,

  detailHeading: (name: string) => name,
  detailClose: 'Zurück zum Board',
  detailLoading: 'Der Interessent wird geladen …',
  detailFailed: 'Der Interessent konnte nicht geladen werden.',
  fieldListing: 'Inserat',
  fieldStatus: 'Spalte',
  fieldSource: 'Quelle',
  fieldEmail: 'E-Mail',
  fieldPhone: 'Telefon',
  fieldAddress: 'Anschrift',
  fieldMoveIn: 'Gewünschter Einzug',
  fieldHousehold: 'Haushalt',
  householdOf: (size: number | null, type: string | null) => [size ? `${size} Personen` : '', type ?? ''].filter(Boolean).join(', ') || '–',
  fieldPets: 'Haustiere',
  petsYes: 'ja',
  petsNo: 'nein',
  fieldOwner: 'Zuständig',
  fieldCommission: 'Provision',
  fieldReceived: 'Eingegangen',
  fieldMessage: 'Nachricht',
  contactHidden: 'Telefon und Anschrift sehen nur Mitarbeitende mit dem Recht „Vermietung“.',
  contactLogged: 'Jeder Blick auf Telefon und Anschrift wird protokolliert.',
  none: '–',
  duplicatesHeading: 'Mögliche Dubletten',
  matchedBy: (fields: string[]) =>
    `gleiche ${fields.map((field) => (field === 'phone' ? 'Telefonnummer' : 'E-Mail-Adresse')).join(' und ')}`,
  eventsHeading: 'Verlauf',
  eventBy: (name: string | null) => (name ? `von ${name}` : 'vom System'),
  eventMove: (from: string, to: string) => `${from} → ${to}`,
  accessLogHeading: 'Zugriffsprotokoll',
  accessLogEmpty: 'Noch niemand hat Telefon oder Anschrift gesehen.',
  accessEntry: (who: string, fields: string[], via: string) =>
    `${who} sah ${fields.map((field) => (field === 'phone' ? 'Telefon' : 'Anschrift')).join(' und ')} (${via === 'search' ? 'Suche' : 'Ansicht'})`,
};

export type KanbanMessages = typeof kanban;
export default kanban;
