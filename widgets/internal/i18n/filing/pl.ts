import { pluralOf } from '../plural.ts';
import type { FilingMessages } from './de.ts';

const plural = pluralOf('pl');

const filing: FilingMessages = {
  damageFormHeading: 'Zgłoszenie szkody',
  damageFormIntro: 'Prosimy opisać, co jest uszkodzone. Odezwiemy się z informacją o kolejnym kroku.',
  signInToReport: 'Prosimy najpierw zalogować się w portalu najemcy. Następnie można tutaj wysłać zgłoszenie.',
  catalogueError: 'Nie udało się załadować list wyboru.',
  catalogueRetry: 'Spróbuj ponownie',
  damageLocation: 'Miejsce szkody',
  damageCategory: 'Kategoria szkody',
  damageKind: 'Rodzaj szkody',
  choosePlaceholder: 'Prosimy wybrać',
  chooseLocationFirst: 'Najpierw należy wybrać miejsce szkody',
  chooseCategoryFirst: 'Najpierw należy wybrać kategorię szkody',
  chooseLocationError: 'Prosimy wybrać miejsce szkody.',
  chooseCategoryError: 'Prosimy wybrać kategorię szkody.',
  chooseKindError: 'Prosimy wybrać rodzaj szkody.',
  urgency: 'Pilność',
  urgencyHints: {
    normal: 'W ciągu najbliższych dni',
    urgent: 'Znaczne utrudnienie, prosimy o szybką reakcję',
    emergency: 'Zagrożenie dla ludzi lub budynku',
  },
  emergencyHint:
    'Sytuacja awaryjna: w razie zagrożenia dla ludzi lub budynku – np. pęknięcia rury, zapachu gazu lub braku prądu w całym budynku – prosimy dodatkowo natychmiast zadzwonić do pogotowia technicznego administracji. W razie zapachu gazu, pożaru lub osób rannych prosimy dzwonić pod numer 112.',
  emergencyWithoutSignIn:
    'Sytuacja awaryjna? W razie zagrożenia dla ludzi lub budynku – np. pęknięcia rury, zapachu gazu lub braku prądu w całym budynku – prosimy natychmiast zadzwonić do pogotowia technicznego administracji; logowanie nie jest do tego potrzebne. W razie zapachu gazu, pożaru lub osób rannych prosimy dzwonić pod numer 112.',
  emergencyNumbersLabel: 'Numery alarmowe administracji',
  description: 'Opis',
  damageDescriptionHint: 'Co się stało, od kiedy, gdzie dokładnie? Maksymalnie 5000 znaków.',
  descriptionError: 'Prosimy opisać sprawę.',
  availability: 'Kiedy można się skontaktować? (opcjonalnie)',
  availabilityHint: 'Na przykład „w dni robocze od 16:00” lub numer telefonu.',
  accessConsent: 'Fachowcy mogą wejść do mieszkania także pod moją nieobecność (razem z dozorcą).',
  alreadyReportedHeading: 'Już zgłoszone?',
  alreadyReportedIntro: (count) =>
    plural(count, {
      one: 'W budynku zgłoszono już taką szkodę. Jeśli to ta sama, można dołączyć do zgłoszenia zamiast zgłaszać ją ponownie.',
      few: `W budynku zgłoszono już ${count} takie szkody. Jeśli jedna z nich jest tą samą, można do niej dołączyć zamiast zgłaszać ją ponownie.`,
      many: `W budynku zgłoszono już ${count} takich szkód. Jeśli jedna z nich jest tą samą, można do niej dołączyć zamiast zgłaszać ją ponownie.`,
      other: `W budynku zgłoszono już takie szkody (${count}). Jeśli jedna z nich jest tą samą, można do niej dołączyć zamiast zgłaszać ją ponownie.`,
    }),
  alreadyReportedNone: 'W budynku nie zgłoszono jeszcze takiej szkody.',
  alreadyReportedError: 'Nie udało się sprawdzić, czy szkoda została już zgłoszona. Mimo to można ją zgłosić.',
  reportedAt: (when) => `zgłoszono ${when}`,
  joinIncident: 'Mnie też to dotyczy',
  joinIncidentLabel: (kind, caseNumber) => `Mnie też to dotyczy: ${kind}, sprawa ${caseNumber}`,
  joinedIncident: 'Dołączono do zgłoszenia; informacje o postępach będą przesyłane. Osobne zgłoszenie nie jest potrzebne.',
  joinUnavailable: 'Dołączenie jest w tej chwili niemożliwe. Prosimy zgłosić szkodę samodzielnie.',
  submitDamage: 'Zgłoś szkodę',
  submitting: 'Wysyłanie …',
  receiptHeading: 'Dziękujemy, zgłoszenie zostało przyjęte',
  receiptCaseNumber: 'Numer sprawy',
  receiptReceivedAt: 'Data przyjęcia',
  receiptStatus: 'Status',
  receiptType: 'Rodzaj',
  receiptSubject: 'Temat',
  receiptAttachments: 'Załączniki',
  receiptAttachmentCount: (count) =>
    count === 0 ? 'brak' : `${count} ${plural(count, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })}`,
  receiptNote: 'Prosimy zanotować numer sprawy. Stan sprawy można w każdej chwili sprawdzić w zakładce „Moje zgłoszenia”.',
  reportAnother: 'Wyślij kolejne zgłoszenie',
  requestFormHeading: 'Wyślij zgłoszenie',
  requestType: 'Rodzaj zgłoszenia',
  requestTypeHints: {
    contact: 'Pytania i wszystko, co nie pasuje gdzie indziej',
    complaint: 'Hałas, czystość, regulamin domu i podobne sprawy',
    document_request: 'Zaświadczenia i kopie dokumentów',
  },
  subject: 'Temat',
  subjectError: 'Prosimy podać temat.',
  complaintUrgency: 'Jak pilna jest sprawa?',
  documentType: 'Potrzebny dokument',
  documentTypeError: 'Prosimy wybrać dokument.',
  documentNote: 'Uwagi (opcjonalnie)',
  documentNoteHint: 'Na przykład, do czego potrzebny jest dokument.',
  requestDescriptionHint: 'Maksymalnie 5000 znaków.',
  submitRequest: 'Wyślij zgłoszenie',
};

export default filing;
