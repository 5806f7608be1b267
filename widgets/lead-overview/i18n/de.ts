import type { LeadColumn, LeadSource } from '../../../bff/contract/enums.ts';

/**
 * The texts of `<lead-overview>` in German: an area of its own, in the element's chunk (loaded when "Übersicht" is
 * first opened in the staff portal). General texts (errors, "Wird geladen …", "Erneut versuchen") come from the
 * common areas of localize.ts.
 */
const overview = {
  heading: 'Tagesübersicht',
  intro: 'Wie viele Interessenten in welcher Phase sind und wie lange schon, je Inserat und je Quelle. Nur Zahlen, keine Namen.',
  signInFirst: 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter Ihrer Hausverwaltung an, um die Übersicht zu sehen.',
  staffOnly: 'Die Übersicht können nur Mitarbeitende der Hausverwaltung sehen.',
  loadFailed: 'Die Übersicht konnte nicht geladen werden.',
  reload: 'Neu laden',
  reloading: 'Wird neu geladen …',
  asOf: (when: string) => `Stand: ${when}`,
  total: (count: number) => (count === 1 ? '1 Interessent insgesamt' : `${count} Interessenten insgesamt`),
  last24Hours: (newLeads: number, moves: number) =>
    `Letzte 24 Stunden: ${newLeads === 1 ? '1 neuer Interessent' : `${newLeads} neue Interessenten`}, ${moves === 1 ? '1 Verschiebung' : `${moves} Verschiebungen`}.`,
  empty: 'Noch keine Interessenten. Sobald Anfragen der Portale eingehen, zeigt die Übersicht sie hier.',
  stagesHeading: 'Je Phase',
  stage: 'Phase',
  count: 'Anzahl',
  share: 'Anteil',
  medianInStage: 'Verweildauer (Median)',
  longestInStage: 'Längste Verweildauer',
  listingsHeading: 'Je Inserat',
  listing: 'Inserat',
  unassigned: 'Nicht zugeordnet (ohne Inserat)',
  listingLet: 'vermietet',
  listingTotal: 'Gesamt',
  inProgress: 'Noch offen',
  noListings: 'Noch keinem Inserat sind Interessenten zugeordnet.',
  sourcesHeading: 'Je Quelle',
  source: 'Quelle',
  noSources: 'Noch keine Quellen.',
  none: '–',
  hours: (hours: number) => (hours <= 1 ? 'unter 1 Stunde' : `${hours} Stunden`),
  days: (days: string, one: boolean) => (one ? `${days} Tag` : `${days} Tage`),
  columnLabels: {
    nicht_zugeordnet: 'Nicht zugeordnet',
    offen: 'Offen',
    kontaktiert: 'Kontaktiert',
    besichtigt: 'Besichtigt',
    akzeptiert: 'Akzeptiert',
    abgelehnt: 'Abgelehnt',
  } as Record<LeadColumn, string>,
  sourceLabels: {
    immoscout24: 'ImmoScout24',
    immowelt: 'Immowelt',
    webhook: 'Webhook',
    email: 'E-Mail',
    'openimmo-ftp': 'OpenImmo (Ordner)',
    upload: 'Hochgeladen',
    manuell: 'Manuell',
  } as Record<LeadSource, string>,
};

export type OverviewMessages = typeof overview;
export default overview;
