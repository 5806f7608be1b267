import type { Language } from '../contract/enums.ts';
import type { Mail } from '../mail/mailer.ts';
import { closing, type MailRecipient } from './case-mails.ts';
import type { CaseRecord } from './model.ts';

/**
 * The resident's notification e-mails beside the status mail (case-mails.ts): the receipt on filing and each
 * public reply of the housing company, in the recipient's language (German by default), plain text, with the
 * link into the case on the company's portal page when the settings name it.
 */

interface ReceiptText {
  subject: string;
  greeting: string;
  received: string;
  at: string;
  next: string;
  portal: string;
  regards: string;
}

const receiptTexts: Record<Language, (nr: string, title: string, name: string) => ReceiptText> = {
  de: (nr, title, name) => ({
    subject: `Eingangsbestätigung: Ihr Anliegen ${nr}`,
    greeting: `Guten Tag ${name},`,
    received: `vielen Dank, Ihr Anliegen „${title}“ ist bei uns eingegangen. Ihre Vorgangsnummer: ${nr}.`,
    at: 'Eingegangen am',
    next: 'Wie es weitergeht: Ihre Hausverwaltung prüft das Anliegen und meldet sich, sobald sich etwas ändert – jede Antwort und jede Statusänderung erhalten Sie auch per E-Mail.',
    portal: 'Ihr Anliegen und alle Nachrichten finden Sie jederzeit im Mieterportal.',
    regards: 'Mit freundlichen Grüßen',
  }),
  en: (nr, title, name) => ({
    subject: `Confirmation of receipt: your request ${nr}`,
    greeting: `Hello ${name},`,
    received: `thank you, we have received your request “${title}”. Your case number: ${nr}.`,
    at: 'Received on',
    next: 'What happens next: your housing company reviews the request and gets back to you as soon as anything changes – you also receive every reply and every status change by e-mail.',
    portal: 'You can see your request and all messages in the tenant portal at any time.',
    regards: 'Kind regards',
  }),
  tr: (nr, title, name) => ({
    subject: `Alındı onayı: talebiniz ${nr}`,
    greeting: `Merhaba ${name},`,
    received: `teşekkür ederiz, „${title}“ talebiniz bize ulaştı. Dosya numaranız: ${nr}.`,
    at: 'Alınma zamanı',
    next: 'Sonraki adımlar: konut yönetiminiz talebi inceler ve bir değişiklik olduğunda size döner – her yanıtı ve her durum değişikliğini e-posta ile de alırsınız.',
    portal: 'Talebinizi ve tüm mesajları her zaman kiracı portalında bulabilirsiniz.',
    regards: 'Saygılarımızla',
  }),
  pl: (nr, title, name) => ({
    subject: `Potwierdzenie otrzymania: zgłoszenie ${nr}`,
    greeting: `Dzień dobry ${name},`,
    received: `dziękujemy, otrzymaliśmy zgłoszenie „${title}”. Numer sprawy: ${nr}.`,
    at: 'Otrzymano',
    next: 'Co dalej: administracja sprawdzi zgłoszenie i odezwie się, gdy tylko coś się zmieni – każdą odpowiedź i każdą zmianę statusu otrzymają Państwo także e-mailem.',
    portal: 'Zgłoszenie i wszystkie wiadomości znajdą Państwo w każdej chwili w portalu najemcy.',
    regards: 'Z poważaniem',
  }),
  uk: (nr, title, name) => ({
    subject: `Підтвердження отримання: ваше звернення ${nr}`,
    greeting: `Доброго дня, ${name}!`,
    received: `Дякуємо, ваше звернення «${title}» отримано. Номер справи: ${nr}.`,
    at: 'Отримано',
    next: 'Що далі: керуюча компанія розгляне звернення і повідомить вас, щойно щось зміниться – кожну відповідь і кожну зміну статусу ви також отримаєте електронною поштою.',
    portal: 'Своє звернення і всі повідомлення ви завжди знайдете на порталі орендаря.',
    regards: 'З повагою',
  }),
};

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', uk: 'uk-UA' };

/** The filing time as the recipient reads it, in the housing company's time zone. */
export function mailTime(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(at);
}

/** The receipt a resident gets when a case of theirs is filed (portal form or chat): number, time, what happens next. */
export function receiptMail(to: MailRecipient, record: CaseRecord, link?: string): Mail {
  const t = receiptTexts[to.language](record.caseNumber, record.title, to.name);
  const lines = [
    t.greeting,
    '',
    t.received,
    `${t.at}: ${mailTime(record.createdAt, to.language)}`,
    '',
    t.next,
    '',
    t.portal,
    ...(link ? [link] : []),
    '',
    ...closing(t.regards, to),
  ];
  return { to: to.email, subject: t.subject, text: lines.join('\n') };
}

interface ReplyText {
  subject: string;
  greeting: string;
  replied: string;
  answer: string;
  regards: string;
}

const replyTexts: Record<Language, (nr: string, title: string, name: string) => ReplyText> = {
  de: (nr, title, name) => ({
    subject: `Neue Nachricht zu Ihrem Anliegen ${nr}`,
    greeting: `Guten Tag ${name},`,
    replied: `Ihre Hausverwaltung hat Ihnen zu Ihrem Anliegen „${title}“ (Vorgangsnummer ${nr}) geschrieben:`,
    answer: 'Antworten können Sie direkt im Mieterportal',
    regards: 'Mit freundlichen Grüßen',
  }),
  en: (nr, title, name) => ({
    subject: `New message about your request ${nr}`,
    greeting: `Hello ${name},`,
    replied: `your housing company has written to you about your request “${title}” (case number ${nr}):`,
    answer: 'You can answer directly in the tenant portal',
    regards: 'Kind regards',
  }),
  tr: (nr, title, name) => ({
    subject: `Talebiniz ${nr} hakkında yeni mesaj`,
    greeting: `Merhaba ${name},`,
    replied: `konut yönetiminiz „${title}“ talebiniz (dosya numarası ${nr}) hakkında size yazdı:`,
    answer: 'Doğrudan kiracı portalında yanıtlayabilirsiniz',
    regards: 'Saygılarımızla',
  }),
  pl: (nr, title, name) => ({
    subject: `Nowa wiadomość w sprawie zgłoszenia ${nr}`,
    greeting: `Dzień dobry ${name},`,
    replied: `administracja napisała do Państwa w sprawie zgłoszenia „${title}” (numer sprawy ${nr}):`,
    answer: 'Odpowiedzieć można bezpośrednio w portalu najemcy',
    regards: 'Z poważaniem',
  }),
  uk: (nr, title, name) => ({
    subject: `Нове повідомлення щодо вашого звернення ${nr}`,
    greeting: `Доброго дня, ${name}!`,
    replied: `Керуюча компанія написала вам щодо звернення «${title}» (номер справи ${nr}):`,
    answer: 'Відповісти можна безпосередньо на порталі орендаря',
    regards: 'З повагою',
  }),
};

/** The e-mail a resident gets for each public reply of the housing company on their case, with the reply's text. */
export function replyMail(to: MailRecipient, record: CaseRecord, body: string, link?: string): Mail {
  const t = replyTexts[to.language](record.caseNumber, record.title, to.name);
  const lines = [
    t.greeting,
    '',
    t.replied,
    '',
    body,
    '',
    link ? `${t.answer}:` : `${t.answer}.`,
    ...(link ? [link] : []),
    '',
    ...closing(t.regards, to),
  ];
  return { to: to.email, subject: t.subject, text: lines.join('\n') };
}
