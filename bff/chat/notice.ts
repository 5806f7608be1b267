import { createHash } from 'node:crypto';
import type { Language } from '../contract/enums.ts';
import type { ChatModel } from './model.ts';

/**
 * The Art. 13 DSGVO notice shown before the first message. Its version is derived from its text, so any
 * change of what it says (another model provider, another company name) asks every resident again.
 */
export interface ChatNoticeText {
  version: string;
  text: string;
}

function germanNotice(companyName: string, model: ChatModel): string {
  const inference = model.offline
    ? 'Die Antworten erzeugt ein Offline-Assistent auf dem Server des Mieterportals; Ihre Nachrichten gehen an keinen externen Anbieter.'
    : `Ihre Nachrichten und die für die Antwort nötigen Daten werden zur Beantwortung an das Sprachmodell „${model.id}“ übermittelt, das im Auftrag von ${companyName} arbeitet (Auftragsverarbeitung, Art. 28 DSGVO). Wo es betrieben wird, steht im Verzeichnis der Unterauftragsverarbeiter von ${companyName}.`;
  return [
    `Verantwortlich für die Verarbeitung ist ${companyName}. Das Mieterportal wird im Auftrag von ${companyName} technisch betrieben.`,
    `Zweck: Der Assistent beantwortet Ihre Fragen zu Ihrem Mietverhältnis, Ihren Anliegen und Dokumenten und bereitet Schadensmeldungen und Rückrufbitten vor (Art. 6 Abs. 1 lit. b DSGVO). Er antwortet ausschließlich aus den Daten, die ${companyName} über Sie gespeichert hat; er sieht keine Daten anderer Mieterinnen und Mieter.`,
    inference,
    'Der Assistent trifft keine Entscheidungen über Sie (keine automatisierte Entscheidung im Sinne von Art. 22 DSGVO). Eine Meldung wird erst angelegt, wenn Sie sie selbst absenden.',
    'Speicherdauer: Ihre Unterhaltungen werden höchstens 90 Tage nach der letzten Nachricht gelöscht. Was Sie als Meldung absenden, bleibt beim Vorgang.',
    `Ihre Rechte: Sie können Ihre Unterhaltungen jederzeit exportieren (Auskunft, Art. 15 DSGVO) und löschen (Art. 17 DSGVO), außerdem Berichtigung, Einschränkung und Widerspruch verlangen und sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Ihre Ansprechperson ist der Datenschutz von ${companyName}.`,
  ].join('\n\n');
}

function englishNotice(companyName: string, model: ChatModel): string {
  const inference = model.offline
    ? 'Answers come from an offline assistant on the resident portal’s server; your messages go to no external provider.'
    : `Your messages and the data needed to answer them are sent to the language model "${model.id}", which works on behalf of ${companyName} (processing on behalf, Art. 28 GDPR). Where it runs is listed in ${companyName}’s register of sub-processors.`;
  return [
    `The controller is ${companyName}. The resident portal is operated technically on behalf of ${companyName}.`,
    `Purpose: the assistant answers your questions about your tenancy, your requests and documents and prepares damage reports and callback requests (Art. 6(1)(b) GDPR). It answers only from the data ${companyName} holds about you; it sees no other resident’s data.`,
    inference,
    'The assistant makes no decisions about you (no automated decision within Art. 22 GDPR). A report is only filed when you send it yourself.',
    'Storage: your conversations are deleted at the latest 90 days after their last message. What you send as a report stays with the case.',
    `Your rights: you can export (access, Art. 15 GDPR) and delete (Art. 17 GDPR) your conversations at any time, ask for rectification, restriction and object, and complain to a data protection authority. Your contact is ${companyName}’s data protection officer.`,
  ].join('\n\n');
}

/** The notice in the resident's language (German, else English); the version is that of the German text, which is binding. */
export function chatNotice(companyName: string, model: ChatModel, language: Language): ChatNoticeText {
  const german = germanNotice(companyName, model);
  const version = `1.${createHash('sha256').update(german).digest('hex').slice(0, 8)}`;
  return { version, text: language === 'de' ? german : englishNotice(companyName, model) };
}
