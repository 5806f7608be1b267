import type { ChatToolResult } from '../tool-contract.ts';

/**
 * Everything the offline assistant says, one set per language it understands (German, English), and the short
 * notice for the portal's other languages. The wording stays close to the facts the tools answered: dates,
 * status labels and next steps are the tools', never invented here.
 */
type Cases = ChatToolResult<'getAnfrageStatus'>['cases'];
type Context = ChatToolResult<'getTenantContext'>;
type Documents = ChatToolResult<'getDokumente'>['documents'];
type DamageField = 'location' | 'category' | 'kind' | 'urgency' | 'description';

export interface OfflineTexts {
  utilityStatementDue(dueBy: string, period: { start: string; end: string } | null): string;
  utilityStatementUnknown: string;
  noCases: string;
  caseNotFound(caseNumber: string): string;
  cases(cases: Cases): string;
  officeHours(context: Context): string;
  emergency(context: Context): string;
  documents(documents: Documents): string;
  damageQuestion(field: DamageField, options: string[]): string;
  damageDraftReady: string;
  callbackTimesQuestion: string;
  callbackDraftReady: string;
  /** The offer of a general request; a "ja" to the answer that holds it drafts one (requestAnfrage). */
  requestOffer: string;
  requestDraftReady: string;
  toolFailed: string;
  cannotAnswer: string;
}

const OFFER_DE = 'Gern mache ich aus Ihrer Frage eine allgemeine Anfrage an Ihre Hausverwaltung – antworten Sie dazu einfach mit „Ja“.';
const OFFER_EN = 'I can turn your question into a general request to your housing company – just answer "yes".';

const list = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
const germanDate = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('.');
const englishDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

export const offlineTexts: Record<'de' | 'en', OfflineTexts> = {
  de: {
    utilityStatementDue: (dueBy, period) =>
      `Ihre Nebenkostenabrechnung${period ? ` für den Zeitraum ${germanDate(period.start)} bis ${germanDate(period.end)}` : ''} muss Ihnen spätestens am ${germanDate(dueBy)} vorliegen (§ 556 Abs. 3 BGB: zwölf Monate nach Ende des Abrechnungszeitraums).`,
    utilityStatementUnknown: `Das weiß ich leider nicht: Zu Ihrem Mietverhältnis liegen mir keine Angaben zum Abrechnungszeitraum vor. ${OFFER_DE}`,
    noCases: 'Ich finde keine offenen oder kürzlichen Anliegen von Ihnen.',
    caseNotFound: (caseNumber) => `Ein Anliegen mit der Nummer ${caseNumber} finde ich unter Ihren Anliegen nicht.`,
    cases: (cases) =>
      cases
        .slice(0, 3)
        .map(
          (each) =>
            `Ihr Anliegen ${each.caseNumber} „${each.title}“ hat den Status „${each.statusLabel}“. Nächster Schritt: ${each.nextStep}`,
        )
        .join('\n'),
    officeHours: (context) =>
      [
        `Die Sprechzeiten von ${context.companyName}: ${context.officeHours}.`,
        context.contactPhone ? `Telefon: ${context.contactPhone}.` : '',
        context.contactEmail ? `E-Mail: ${context.contactEmail}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    emergency: (context) =>
      context.emergencyNumbers.length > 0
        ? `Im Notfall erreichen Sie: ${context.emergencyNumbers.map((number) => `${number.label}: ${number.phone}`).join('; ')}. Bei Gefahr für Leib und Leben rufen Sie 112.`
        : `Mir liegen keine Notrufnummern von ${context.companyName} vor. Bei Gefahr für Leib und Leben rufen Sie 112.${context.contactPhone ? ` Ihre Hausverwaltung erreichen Sie unter ${context.contactPhone}.` : ''}`,
    documents: (documents) =>
      documents.length > 0
        ? `Diese Dokumente liegen für Sie bereit: ${documents
            .slice(0, 5)
            .map((document) => `„${document.title}“ (${germanDate(document.publishedAt)})`)
            .join(', ')}.`
        : 'Ich finde keine Dokumente für Sie.',
    damageQuestion: (field, options) => {
      const choice = options.length > 0 ? ` Zur Auswahl: ${list(options, 'oder')}.` : '';
      switch (field) {
        case 'location':
          return `Wo ist der Schaden?${choice}`;
        case 'category':
          return `Welcher Bereich ist betroffen?${choice}`;
        case 'kind':
          return `Was genau ist kaputt?${choice}`;
        case 'urgency':
          return 'Wie dringend ist es: normal, dringend oder ein Notfall?';
        case 'description':
          return 'Beschreiben Sie den Schaden bitte kurz in eigenen Worten.';
      }
    },
    damageDraftReady:
      'Bitte prüfen Sie den Entwurf Ihrer Schadensmeldung und senden Sie ihn mit „Schadensmeldung absenden“ ab. Fotos können Sie vorher anhängen.',
    callbackTimesQuestion: 'Wann können wir Sie am besten erreichen (Tage und Uhrzeiten)?',
    callbackDraftReady: 'Bitte prüfen Sie den Entwurf Ihrer Rückrufbitte und senden Sie ihn ab; Ihre Hausverwaltung ruft Sie dann zurück.',
    requestOffer: OFFER_DE,
    requestDraftReady:
      'Ich habe Ihre Anfrage vorbereitet: Ihre Frage und der Auszug aus unserem Gespräch stehen im Entwurf. Bitte prüfen Sie ihn und senden Sie ihn mit „Anfrage senden“ ab; erst dann geht er an Ihre Hausverwaltung.',
    toolFailed: `Das hat leider nicht geklappt. ${OFFER_DE}`,
    cannotAnswer: `Das kann ich leider nicht beantworten. ${OFFER_DE} Ich bin der Offline-Assistent und verstehe Fragen zu Nebenkostenabrechnung, Ihren Anliegen, Schadensmeldungen, Sprechzeiten, Notfällen, Dokumenten und Rückrufen.`,
  },
  en: {
    utilityStatementDue: (dueBy, period) =>
      `Your utility statement${period ? ` for the period ${englishDate(period.start)} to ${englishDate(period.end)}` : ''} must reach you by ${englishDate(dueBy)} at the latest (§ 556 (3) BGB: twelve months after the end of the billing period).`,
    utilityStatementUnknown: `I'm afraid I don't know: I have no billing period for your tenancy. ${OFFER_EN}`,
    noCases: "I can't find any open or recent requests of yours.",
    caseNotFound: (caseNumber) => `I can't find a request with the number ${caseNumber} among yours.`,
    cases: (cases) =>
      cases
        .slice(0, 3)
        .map((each) => `Your request ${each.caseNumber} "${each.title}" has the status "${each.statusLabel}". Next step: ${each.nextStep}`)
        .join('\n'),
    officeHours: (context) =>
      [
        `Office hours of ${context.companyName}: ${context.officeHours}.`,
        context.contactPhone ? `Phone: ${context.contactPhone}.` : '',
        context.contactEmail ? `E-mail: ${context.contactEmail}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    emergency: (context) =>
      context.emergencyNumbers.length > 0
        ? `In an emergency, call: ${context.emergencyNumbers.map((number) => `${number.label}: ${number.phone}`).join('; ')}. If lives are in danger, call 112.`
        : `I have no emergency numbers of ${context.companyName}. If lives are in danger, call 112.${context.contactPhone ? ` Your housing company: ${context.contactPhone}.` : ''}`,
    documents: (documents) =>
      documents.length > 0
        ? `These documents are ready for you: ${documents
            .slice(0, 5)
            .map((document) => `"${document.title}" (${englishDate(document.publishedAt)})`)
            .join(', ')}.`
        : "I can't find any documents for you.",
    damageQuestion: (field, options) => {
      const choice = options.length > 0 ? ` Options: ${list(options, 'or')}.` : '';
      switch (field) {
        case 'location':
          return `Where is the damage?${choice}`;
        case 'category':
          return `Which area is affected?${choice}`;
        case 'kind':
          return `What exactly is broken?${choice}`;
        case 'urgency':
          return 'How urgent is it: normal, urgent or an emergency?';
        case 'description':
          return 'Please describe the damage briefly in your own words.';
      }
    },
    damageDraftReady: 'Please check the draft of your damage report and send it with "Send damage report". You can attach photos first.',
    callbackTimesQuestion: 'When can we best reach you (days and times)?',
    callbackDraftReady: 'Please check the draft of your callback request and send it; your housing company will then call you back.',
    requestOffer: OFFER_EN,
    requestDraftReady:
      'I have prepared your request: your question and the excerpt of our conversation are in the draft. Please check it and send it with "Send request"; only then does it go to your housing company.',
    toolFailed: `That didn't work, I'm afraid. ${OFFER_EN}`,
    cannotAnswer: `I'm afraid I can't answer that. ${OFFER_EN} I am the offline assistant and understand questions about utility statements, your requests, damage reports, office hours, emergencies, documents and callbacks.`,
  },
};

/** The portal's other languages: the offline assistant understands only German and English, and says so. */
export const otherLanguageNotice: Record<'tr' | 'pl' | 'uk', string> = {
  tr: 'Çevrimdışı asistan yalnızca Almanca ve İngilizce anlıyor. Sorunuzu istek formu ile konut şirketinize iletebilirsiniz.',
  pl: 'Asystent offline rozumie tylko język niemiecki i angielski. Możesz przesłać swoje pytanie do zarządcy przez formularz zgłoszenia.',
  uk: 'Офлайн-асистент розуміє лише німецьку та англійську мови. Ви можете надіслати своє запитання керуючій компанії через форму звернення.',
};
