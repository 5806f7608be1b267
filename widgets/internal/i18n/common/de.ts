import type { CaseStatus, CaseType, Urgency } from '../../../../bff/contract/enums.ts';
import { formatDateTime, formatFileSize } from '../format.ts';
import { pluralOf } from '../plural.ts';

const plural = pluralOf('de');

/** What every element says: progress, general errors, case types and statuses, dates and file sizes. */
const common = {
  loading: 'Wird geladen …',
  busy: 'Wird gesendet …',
  unexpectedError: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.',
  networkError: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
  /** Live updates are cut off (e.g. the server restarts); shown until they are back. */
  liveInterrupted: 'Verbindung unterbrochen – wird wiederhergestellt',
  fieldErrorsSummary: (count: number) =>
    plural(count, {
      one: 'Bitte korrigieren Sie die markierte Angabe.',
      other: `Bitte korrigieren Sie die ${count} markierten Angaben.`,
    }),
  required: 'Bitte füllen Sie dieses Feld aus.',
  tooLong: (max: number) => `Bitte höchstens ${max} Zeichen.`,
  retry: 'Erneut versuchen',
  loadMore: 'Weitere laden',
  caseTypeLabels: {
    contact: 'Allgemeine Kontaktanfrage',
    complaint: 'Meldung/Beschwerde',
    damage: 'Schadensmeldung',
    document_request: 'Dokumentenanforderung',
    letting: 'Vermietung',
  } satisfies Record<CaseType, string>,
  caseStatusLabels: {
    eingegangen: 'Eingegangen',
    in_bearbeitung: 'In Bearbeitung',
    beauftragt: 'Beauftragt',
    erledigt: 'Erledigt',
    abgelehnt: 'Abgelehnt',
  } satisfies Record<CaseStatus, string>,
  urgencyLabels: { normal: 'Normal', urgent: 'Dringend', emergency: 'Notfall' } satisfies Record<Urgency, string>,
  fileSize: (bytes: number) => formatFileSize('de-DE', bytes),
  dateTime: (iso: string) => `${formatDateTime('de-DE', iso)} Uhr`,
  caseNumber: (caseNumber: string) => `Nr. ${caseNumber}`,
  onDate: (date: string) => `am ${date}`,
};

export type CommonMessages = typeof common;
export default common;
