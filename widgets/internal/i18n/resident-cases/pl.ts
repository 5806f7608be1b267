import { formatDateTime } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { ResidentCaseMessages } from './de.ts';

const plural = pluralOf('pl');

const residentCases: ResidentCaseMessages = {
  portalLabel: (tenantName) => `Portal najemcy ${tenantName}`.trim(),
  assistantHeading: 'Asystent',
  portalSections: 'Sekcje',
  myCasesHeading: 'Moje zgłoszenia',
  casesSummary: (count) =>
    count === 0
      ? 'Nie ma jeszcze żadnych zgłoszeń.'
      : plural(count, {
          one: 'Jedno zgłoszenie.',
          few: `${count} zgłoszenia.`,
          many: `${count} zgłoszeń.`,
          other: `Zgłoszenia: ${count}.`,
        }),
  newCaseHeading: 'Nowe zgłoszenie',
  unreadHidden: (unread) => `, nieprzeczytane: ${unread}`,
  casesLoadFailed: 'Nie udało się załadować zgłoszeń.',
  caseListLabel: 'Zgłoszenia, od ostatnio aktywnych',
  lastActivity: (when) => `Ostatnia aktywność ${when}`,
  backToCases: 'Powrót do moich zgłoszeń',
  caseHeading: (caseNumber, title) => `Zgłoszenie ${caseNumber}: ${title}`,
  caseLoadFailed: 'Nie udało się załadować zgłoszenia.',
  caseDescription: 'Opis zgłoszenia',
  damagePlace: (location, category, kind) => `${location} · ${category} · ${kind}`,
  timelineHeading: 'Historia',
  timelineCreated: 'Zgłoszenie przyjęte',
  timelineStatus: (status) => `Status: ${status}`,
  timelineReply: 'Odpowiedź administracji',
  timelineResidentMessage: 'Wysłana wiadomość',
  timelineAttachments: (count) =>
    plural(count, {
      one: 'Dołączono plik',
      few: `Dołączono ${count} pliki`,
      many: `Dołączono ${count} plików`,
      other: `Dołączono pliki (${count})`,
    }),
  timelineDocument: (title) => `Udostępniono dokument: ${title}`,
  timelineWorkOrder: (done, contractor, when) =>
    done ? `${contractor} zgłosił zakończenie prac` : `Wizyta fachowca: ${when ?? '–'} (${contractor})`,
  messagesHeading: 'Wiadomości',
  noMessages: 'Brak wiadomości.',
  messageFromResident: 'Ja',
  messageFromStaff: 'Administracja',
  attachmentsHeading: 'Załączniki',
  attachmentFrom: (uploadedBy) => (uploadedBy === 'resident' ? 'ode mnie' : 'od administracji'),
  addMessageHeading: 'Dodaj wiadomość lub pliki',
  messageLabel: 'Wiadomość',
  sendMessage: 'Wyślij',
  messageSent: 'Wiadomość została wysłana.',
  messageEmpty: 'Prosimy napisać wiadomość lub dołączyć plik.',
  caseClosedNotice: (status) =>
    status === 'erledigt'
      ? 'To zgłoszenie zostało zakończone, więc nie można już nic dodać. W nowej sprawie prosimy złożyć nowe zgłoszenie.'
      : 'To zgłoszenie zostało odrzucone, więc nie można już nic dodać. Uzasadnienie znajduje się w wiadomościach. W nowej sprawie prosimy złożyć nowe zgłoszenie.',
  newCaseIntro: 'Czego dotyczy sprawa?',
  newCaseTypeHints: {
    damage: 'Coś jest zepsute lub nie działa.',
    complaint: 'Hałas, zanieczyszczenie lub kłopoty w budynku.',
    contact: 'Pytanie lub sprawa do administracji.',
    document_request: 'Wniosek o zaświadczenie lub dokument.',
  },
  chooseOtherType: 'Wybierz inny rodzaj',
  caseFiled: (caseNumber, receivedAt) => `Zgłoszenie ${caseNumber} zostało przyjęte ${formatDateTime('pl-PL', receivedAt)}.`,
  joinedHeading: 'Współzgłoszone szkody',
  joinedIntro: 'Szkody w budynku, do których zgłoszeń dołączono. Tutaj widać ich stan.',
  joinedReported: (when) => `Zgłoszono ${when}`,
  liveCaseStatus: (caseNumber, status) => `Zgłoszenie ${caseNumber}: status to teraz „${status}”.`,
  liveCaseReply: (caseNumber) => `Nowa odpowiedź w zgłoszeniu ${caseNumber}.`,
  liveCaseChanged: (caseNumber) => `Zgłoszenie ${caseNumber} zostało zaktualizowane.`,
  liveIncident: (caseNumber, status) => `Współzgłoszona szkoda ${caseNumber}: status to teraz „${status}”.`,
};

export default residentCases;
