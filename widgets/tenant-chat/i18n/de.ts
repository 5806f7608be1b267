import type { ChatStreamErrorCode } from '../../internal/chat-api.ts';
import type { ChatRefusalCode } from '../../internal/i18n/errors/de.ts';

/**
 * The texts of `<tenant-chat>` in German: its own area, bundled with the chat (not the portal's eager bundle),
 * and the shape every other language of the chat provides. Error codes come from the common `errors` area,
 * except `chatErrors`: the codes only the chat meets: a refusal of a message and the answer's own
 * codes (the `error` event of the stream).
 */
const chat = {
  chatHeading: 'Assistent',
  chatSignIn: 'Bitte melden Sie sich im Mieterportal an, um mit dem Assistenten zu schreiben.',
  chatLoading: 'Wird geladen …',
  chatLoadFailed: 'Der Assistent konnte nicht geladen werden.',
  chatRetry: 'Erneut versuchen',
  noticeHeading: 'Datenschutzhinweis zum Assistenten',
  noticeIntro: 'Bevor Sie dem Assistenten schreiben, lesen Sie bitte diesen Hinweis.',
  noticeAcknowledge: 'Verstanden',
  noticeAcknowledging: 'Wird gespeichert …',
  offlineAssistant: 'Offline-Assistent',
  offlineAssistantHint: 'Einfache Antworten ohne KI-Modell, aus Ihren Daten im Portal.',
  modelAssistant: (id: string) => `KI-Assistent (${id})`,
  emptyConversation:
    'Fragen Sie zum Beispiel: „Wann kommt meine Nebenkostenabrechnung?“, „Wie ist der Stand meiner Anliegen?“ oder melden Sie einen Schaden.',
  inputLabel: 'Ihre Nachricht',
  send: 'Senden',
  stop: 'Stopp',
  you: 'Sie',
  assistant: 'Assistent',
  thinking: 'Der Assistent schreibt …',
  answerStopped: 'Antwort gestoppt.',
  conversationLabel: 'Unterhaltung mit dem Assistenten',
  newConversation: 'Neue Unterhaltung',
  history: 'Frühere Unterhaltungen',
  historyEmpty: 'Sie haben noch keine Unterhaltungen.',
  backToChat: 'Zurück zur Unterhaltung',
  untitled: 'Unterhaltung ohne Titel',
  lastActivity: (when: string) => `zuletzt ${when}`,
  openConversation: (title: string) => `Unterhaltung „${title}“ öffnen`,
  exportAll: 'Alle Unterhaltungen herunterladen (JSON)',
  exported: 'Ihre Unterhaltungen wurden als JSON-Datei heruntergeladen.',
  deleteConversation: 'Diese Unterhaltung löschen',
  deleteAll: 'Alle Unterhaltungen löschen',
  deleteConfirmOne: 'Diese Unterhaltung mit allen Nachrichten endgültig löschen? Bereits gesendete Anliegen bleiben bestehen.',
  deleteConfirmAll: 'Alle Unterhaltungen mit allen Nachrichten endgültig löschen? Bereits gesendete Anliegen bleiben bestehen.',
  deleteConfirm: 'Endgültig löschen',
  cancel: 'Abbrechen',
  deletedOne: 'Die Unterhaltung wurde gelöscht.',
  deletedAll: (count: number) => (count === 1 ? 'Eine Unterhaltung wurde gelöscht.' : `${count} Unterhaltungen wurden gelöscht.`),
  draftDamageHeading: 'Entwurf: Schadensmeldung',
  draftCallbackHeading: 'Entwurf: Rückrufbitte',
  draftRequestHeading: 'Entwurf: Anfrage an Ihre Hausverwaltung',
  draftLocation: 'Schadensort',
  draftCategory: 'Schadenskategorie',
  draftKind: 'Schadensart',
  draftUrgency: 'Dringlichkeit',
  draftDescription: 'Beschreibung',
  draftTopic: 'Thema',
  draftTimes: 'Erreichbar',
  draftPhone: 'Telefon',
  draftQuestion: 'Ihre Frage',
  draftExcerpt: 'Aus dem Chat (geht mit der Anfrage mit)',
  urgencyLabels: { normal: 'Normal', urgent: 'Dringend', emergency: 'Notfall' } as Record<string, string>,
  draftPhotos: 'Fotos (optional)',
  sendDamage: 'Schadensmeldung absenden',
  sendCallback: 'Rückruf anfordern',
  sendRequest: 'Anfrage senden',
  draftSending: 'Wird gesendet …',
  draftUploadsPending: 'Bitte warten Sie, bis alle Fotos hochgeladen sind.',
  draftSent: (caseNumber: string) => `Gesendet als Anliegen ${caseNumber}.`,
  informed: (handledBy: 'clerk' | 'office', caretakerArea: string | null) => {
    const who = handledBy === 'clerk' ? 'Die zuständige Sachbearbeitung' : 'Das Team Ihrer Hausverwaltung';
    return caretakerArea ? `${who} und der Hausmeister-Bereich „${caretakerArea}“ sind informiert.` : `${who} ist informiert.`;
  },
  firstLookBy: (when: string) => `Ihre Hausverwaltung sieht es sich bis ${when} an.`,
  documentsHeading: 'Dokumente',
  download: (title: string) => `${title} herunterladen`,
  chatErrors: {
    chat_notice_required: 'Bitte lesen und bestätigen Sie zuerst den Datenschutzhinweis des Assistenten.',
    chat_busy: 'Der Assistent antwortet noch. Bitte warten Sie die Antwort ab oder stoppen Sie sie.',
    model_overloaded: 'Der Assistent ist gerade überlastet. Bitte versuchen Sie es in einer Minute noch einmal.',
    model_rate_limited: 'Der Assistent bekommt gerade zu viele Anfragen. Bitte versuchen Sie es in einer Minute noch einmal.',
    model_unavailable: 'Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    model_misconfigured:
      'Der Assistent ist gerade nicht verfügbar. Ihre Hausverwaltung ist informiert; bitte nutzen Sie so lange das Anfrageformular.',
    tool_call_limit: 'Diese Frage war für den Assistenten zu umfangreich. Bitte stellen Sie sie in kleineren Schritten.',
    turn_token_limit: 'Die Antwort wurde gekürzt, weil sie zu lang wurde. Fragen Sie gern genauer nach.',
    chat_budget_exhausted:
      'Der Assistent ist in diesem Monat nicht mehr verfügbar. Bitte nutzen Sie das Anfrageformular oder rufen Sie uns an.',
    internal_error: 'Beim Antworten ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
  } satisfies Record<ChatStreamErrorCode | ChatRefusalCode, string>,
};

export type ChatMessages = typeof chat;
export default chat;
