import { formatDateTime, formatFileSize } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { CommonMessages } from './de.ts';

const plural = pluralOf('pl');

const common: CommonMessages = {
  loading: 'Ładowanie …',
  busy: 'Wysyłanie …',
  unexpectedError: 'Niestety coś poszło nie tak. Prosimy spróbować ponownie później.',
  networkError: 'Serwer jest w tej chwili niedostępny. Prosimy sprawdzić połączenie z internetem.',
  liveInterrupted: 'Połączenie przerwane – trwa przywracanie',
  fieldErrorsSummary: (count) =>
    plural(count, {
      one: 'Prosimy poprawić zaznaczone pole.',
      few: `Prosimy poprawić ${count} zaznaczone pola.`,
      many: `Prosimy poprawić ${count} zaznaczonych pól.`,
      other: `Prosimy poprawić zaznaczone pola (${count}).`,
    }),
  required: 'Prosimy wypełnić to pole.',
  tooLong: (max) => `Prosimy wpisać maksymalnie ${max} ${plural(max, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}.`,
  retry: 'Spróbuj ponownie',
  loadMore: 'Załaduj więcej',
  caseTypeLabels: {
    contact: 'Zapytanie ogólne',
    complaint: 'Zgłoszenie/skarga',
    damage: 'Zgłoszenie szkody',
    document_request: 'Wniosek o dokument',
    letting: 'Wynajem',
  },
  caseStatusLabels: {
    eingegangen: 'Przyjęte',
    in_bearbeitung: 'W realizacji',
    beauftragt: 'Zlecone',
    erledigt: 'Zakończone',
    abgelehnt: 'Odrzucone',
  },
  urgencyLabels: { normal: 'Normalna', urgent: 'Pilna', emergency: 'Sytuacja awaryjna' },
  fileSize: (bytes) => formatFileSize('pl-PL', bytes),
  dateTime: (iso) => formatDateTime('pl-PL', iso),
  caseNumber: (caseNumber) => `Nr ${caseNumber}`,
  onDate: (date) => `dnia ${date}`,
};

export default common;
