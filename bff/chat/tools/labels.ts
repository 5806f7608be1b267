import type { Language } from '../../contract/enums.ts';
import type { CaseStatus } from '../../contract/enums.ts';
import type { ChatToolName } from '../tool-contract.ts';

/** The typing state while a tool runs, in the resident's language (the widget shows and announces it). */
export const TOOL_LABELS: Record<ChatToolName, Record<Language, string>> = {
  getTenantContext: {
    de: 'Ich sehe bei Ihrer Hausverwaltung nach …',
    en: 'Looking up your housing company’s details …',
    tr: 'Yönetim şirketinizin bilgilerine bakıyorum …',
    pl: 'Sprawdzam dane Państwa zarządcy …',
    uk: 'Переглядаю дані вашої керуючої компанії …',
  },
  getMieterInfo: {
    de: 'Ich sehe in Ihrem Mietverhältnis nach …',
    en: 'Looking at your tenancy …',
    tr: 'Kira sözleşmenize bakıyorum …',
    pl: 'Sprawdzam Państwa umowę najmu …',
    uk: 'Переглядаю ваш договір оренди …',
  },
  getAnfrageStatus: {
    de: 'Ich sehe in Ihren Anliegen nach …',
    en: 'Looking at your requests …',
    tr: 'Taleplerinize bakıyorum …',
    pl: 'Sprawdzam Państwa zgłoszenia …',
    uk: 'Переглядаю ваші звернення …',
  },
  getDokumente: {
    de: 'Ich sehe in Ihren Dokumenten nach …',
    en: 'Looking at your documents …',
    tr: 'Belgelerinize bakıyorum …',
    pl: 'Sprawdzam Państwa dokumenty …',
    uk: 'Переглядаю ваші документи …',
  },
  createSchadensmeldung: {
    de: 'Ich bereite Ihre Schadensmeldung vor …',
    en: 'Preparing your damage report …',
    tr: 'Hasar bildiriminizi hazırlıyorum …',
    pl: 'Przygotowuję zgłoszenie szkody …',
    uk: 'Готую ваше повідомлення про пошкодження …',
  },
  requestRueckruf: {
    de: 'Ich bereite Ihre Rückrufbitte vor …',
    en: 'Preparing your callback request …',
    tr: 'Geri arama talebinizi hazırlıyorum …',
    pl: 'Przygotowuję prośbę o oddzwonienie …',
    uk: 'Готую ваш запит на зворотний дзвінок …',
  },
  requestAnfrage: {
    de: 'Ich bereite Ihre Anfrage vor …',
    en: 'Preparing your request …',
    tr: 'Talebinizi hazırlıyorum …',
    pl: 'Przygotowuję Państwa zapytanie …',
    uk: 'Готую ваше звернення …',
  },
};

/**
 * What happens next with a case, as residents may know it: from its status only — never an internal note,
 * the priority, the internal deadline or who works it. German and English; the model words it in the
 * resident's language.
 */
export const NEXT_STEPS: Record<'de' | 'en', Record<CaseStatus, string>> = {
  de: {
    eingegangen: 'Ihre Hausverwaltung hat das Anliegen erhalten und sieht es sich als Nächstes an.',
    in_bearbeitung: 'Ihre Hausverwaltung bearbeitet das Anliegen; Sie erhalten eine Nachricht, sobald es Neues gibt.',
    beauftragt: 'Ein Handwerksbetrieb ist beauftragt und meldet sich bei Ihnen wegen eines Termins.',
    erledigt: 'Das Anliegen ist erledigt. Wenn etwas offen ist, können Sie eine neue Anfrage stellen.',
    abgelehnt: 'Das Anliegen wurde abgelehnt; die Begründung steht in den Nachrichten. Fragen beantwortet Ihre Hausverwaltung.',
  },
  en: {
    eingegangen: 'Your housing company has received the request and will look at it next.',
    in_bearbeitung: 'Your housing company is working on the request; you will get a message when there is news.',
    beauftragt: 'A contractor has been commissioned and will contact you about an appointment.',
    erledigt: 'The request is done. If something is still open, you can make a new request.',
    abgelehnt: 'The request was declined; the reason is in the messages. Your housing company answers questions.',
  },
};
