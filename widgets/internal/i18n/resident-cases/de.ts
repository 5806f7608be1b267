import type { ResidentCaseType } from '../../../../bff/contract/enums.ts';
import { formatDateTime } from '../format.ts';
import { pluralOf } from '../plural.ts';

const plural = pluralOf('de');

/** The resident area of `<tenant-portal>`: case list and detail, new request, joined incidents, live notices. */
const residentCases = {
  portalLabel: (tenantName: string) => `Mieterportal ${tenantName}`.trim(),
  assistantHeading: 'Assistent',
  portalSections: 'Bereiche',
  myCasesHeading: 'Meine Anliegen',
  casesSummary: (count: number) =>
    count === 0
      ? 'Sie haben noch keine Anliegen.'
      : plural(count, { one: 'Sie haben ein Anliegen.', other: `Sie haben ${count} Anliegen.` }),
  newCaseHeading: 'Neues Anliegen',
  unreadHidden: (unread: number) => `, ${unread} ungelesen`,
  casesLoadFailed: 'Ihre Anliegen konnten nicht geladen werden.',
  caseListLabel: 'Ihre Anliegen, zuletzt aktive zuerst',
  lastActivity: (when: string) => `Letzte Aktivität ${when}`,
  backToCases: 'Zurück zu Meine Anliegen',
  caseHeading: (caseNumber: string, title: string) => `Anliegen ${caseNumber}: ${title}`,
  caseLoadFailed: 'Das Anliegen konnte nicht geladen werden.',
  caseDescription: 'Ihre Beschreibung',
  damagePlace: (location: string, category: string, kind: string) => `${location} · ${category} · ${kind}`,
  timelineHeading: 'Verlauf',
  timelineCreated: 'Anliegen eingegangen',
  timelineStatus: (status: string) => `Status: ${status}`,
  timelineReply: 'Antwort Ihrer Hausverwaltung',
  timelineResidentMessage: 'Ihre Nachricht',
  timelineAttachments: (count: number) =>
    plural(count, { one: 'Sie haben eine Datei angehängt', other: `Sie haben ${count} Dateien angehängt` }),
  timelineDocument: (title: string) => `Dokument bereitgestellt: ${title}`,
  /** A contractor's answer the resident sees: the appointment, or the work reported done. */
  timelineWorkOrder: (done: boolean, contractor: string, when: string | null) =>
    done ? `${contractor} hat die Arbeit als erledigt gemeldet` : `Handwerkertermin am ${when ?? '–'} (${contractor})`,
  messagesHeading: 'Nachrichten',
  noMessages: 'Noch keine Nachrichten.',
  messageFromResident: 'Sie',
  messageFromStaff: 'Ihre Hausverwaltung',
  attachmentsHeading: 'Anhänge',
  attachmentFrom: (uploadedBy: 'resident' | 'staff'): string => (uploadedBy === 'resident' ? 'von Ihnen' : 'von Ihrer Hausverwaltung'),
  addMessageHeading: 'Nachricht oder Dateien hinzufügen',
  messageLabel: 'Ihre Nachricht',
  sendMessage: 'Senden',
  messageSent: 'Ihre Nachricht wurde gesendet.',
  messageEmpty: 'Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.',
  caseClosedNotice: (status: 'erledigt' | 'abgelehnt'): string =>
    status === 'erledigt'
      ? 'Dieses Anliegen ist erledigt, daher können Sie nichts mehr hinzufügen. Für etwas Neues melden Sie bitte ein neues Anliegen.'
      : 'Dieses Anliegen wurde abgelehnt, daher können Sie nichts mehr hinzufügen. Die Begründung finden Sie in den Nachrichten. Für etwas Neues melden Sie bitte ein neues Anliegen.',
  newCaseIntro: 'Worum geht es?',
  newCaseTypeHints: {
    damage: 'Etwas ist kaputt oder funktioniert nicht.',
    complaint: 'Lärm, Verschmutzung oder Ärger im Haus.',
    contact: 'Eine Frage oder ein Anliegen an Ihre Hausverwaltung.',
    document_request: 'Eine Bescheinigung oder ein Dokument anfordern.',
  } satisfies Record<ResidentCaseType, string>,
  chooseOtherType: 'Andere Art wählen',
  caseFiled: (caseNumber: string, receivedAt: string) =>
    `Ihr Anliegen ${caseNumber} ist eingegangen am ${formatDateTime('de-DE', receivedAt)} Uhr.`,
  joinedHeading: 'Mitgemeldete Schäden',
  joinedIntro: 'Schäden im Haus, die Sie mitgemeldet haben. Hier sehen Sie den Stand.',
  joinedReported: (when: string) => `Gemeldet ${when}`,
  liveCaseStatus: (caseNumber: string, status: string) => `Anliegen ${caseNumber}: Status jetzt „${status}“.`,
  liveCaseReply: (caseNumber: string) => `Neue Antwort zu Anliegen ${caseNumber}.`,
  liveCaseChanged: (caseNumber: string) => `Anliegen ${caseNumber} wurde aktualisiert.`,
  liveIncident: (caseNumber: string, status: string) => `Mitgemeldeter Schaden ${caseNumber}: Status jetzt „${status}“.`,
};

export type ResidentCaseMessages = typeof residentCases;
export default residentCases;
