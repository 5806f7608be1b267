import type { Language } from '../contract/enums.ts';
import type { CompanySettings } from '../contract/settings.ts';
import type { Mail } from '../mail/mailer.ts';
import { STATUS_LABELS, type CaseRecord } from './model.ts';
import { labelIn } from './views.ts';

/**
 * The e-mails about a case, in the language of the account they go to (German by default). Plain text.
 * Catalogue labels (damage kind and location) are the housing company's own words, in the recipient's
 * language where the company's catalogue has a translation.
 */

export interface MailRecipient {
  email: string;
  name: string;
  tenantName: string;
  language: Language;
  /** The company's closing from its settings, under the greeting in place of its name; shown as written, in any language. */
  signature?: string;
}

/** The end of a resident's mail: the greeting in their language, then the company's signature or else its name. */
export function closing(regards: string, to: MailRecipient): string[] {
  return [regards, ...(to.signature ? to.signature.split('\n') : [to.tenantName])];
}

/**
 * A resident's mail as the housing company set it up (docs/settings.md, "E-Mails an Bewohner"): its sender
 * name beside the platform's address, its reply-to address; without these settings the mail is as it was.
 */
export function fromCompany(mail: Mail, settings: CompanySettings): Mail {
  return {
    ...mail,
    ...(settings.residentMailSenderName ? { senderName: settings.residentMailSenderName } : {}),
    ...(settings.residentMailReplyTo ? { replyTo: settings.residentMailReplyTo } : {}),
  };
}

/** The recipient with the company's signature, when it set one. */
export function signedBy(to: MailRecipient, settings: CompanySettings): MailRecipient {
  return settings.residentMailSignature ? { ...to, signature: settings.residentMailSignature } : to;
}

interface StatusText {
  subject: string;
  greeting: string;
  changed: string;
  message: string;
  portal: string;
  regards: string;
}

const statusTexts: Record<Language, (nr: string, title: string, status: string, name: string) => StatusText> = {
  de: (nr, title, status, name) => ({
    subject: `Ihr Anliegen ${nr}: ${status}`,
    greeting: `Guten Tag ${name},`,
    changed: `der Status Ihres Anliegens „${title}“ (Vorgangsnummer ${nr}) hat sich geändert: ${status}.`,
    message: 'Nachricht Ihrer Hausverwaltung:',
    portal: 'Den aktuellen Stand und alle Nachrichten finden Sie jederzeit im Mieterportal.',
    regards: 'Mit freundlichen Grüßen',
  }),
  en: (nr, title, status, name) => ({
    subject: `Your request ${nr}: ${status}`,
    greeting: `Hello ${name},`,
    changed: `the status of your request “${title}” (case number ${nr}) has changed: ${status}.`,
    message: 'Message from your housing company:',
    portal: 'You can see the current state and all messages in the tenant portal at any time.',
    regards: 'Kind regards',
  }),
  tr: (nr, title, status, name) => ({
    subject: `Talebiniz ${nr}: ${status}`,
    greeting: `Merhaba ${name},`,
    changed: `„${title}“ talebinizin (dosya numarası ${nr}) durumu değişti: ${status}.`,
    message: 'Konut yönetiminizin mesajı:',
    portal: 'Güncel durumu ve tüm mesajları her zaman kiracı portalında bulabilirsiniz.',
    regards: 'Saygılarımızla',
  }),
  pl: (nr, title, status, name) => ({
    subject: `Zgłoszenie ${nr}: ${status}`,
    greeting: `Dzień dobry ${name},`,
    changed: `status zgłoszenia „${title}” (numer sprawy ${nr}) zmienił się: ${status}.`,
    message: 'Wiadomość od administracji:',
    portal: 'Aktualny stan i wszystkie wiadomości znajdą Państwo w każdej chwili w portalu najemcy.',
    regards: 'Z poważaniem',
  }),
  uk: (nr, title, status, name) => ({
    subject: `Ваше звернення ${nr}: ${status}`,
    greeting: `Доброго дня, ${name}!`,
    changed: `Статус вашого звернення «${title}» (номер справи ${nr}) змінився: ${status}.`,
    message: 'Повідомлення від вашої керуючої компанії:',
    portal: 'Актуальний стан і всі повідомлення ви завжди знайдете на порталі орендаря.',
    regards: 'З повагою',
  }),
};

/**
 * The address of a case on the housing company's portal page: `?mp-case=<id>` (`&` when the page has a
 * query already), before a `#fragment`; `<tenant-portal url-state>` opens the case from it, after sign-in.
 */
export function caseLink(portalPageUrl: string, caseId: string): string {
  const url = new URL(portalPageUrl);
  const parameter = `mp-case=${encodeURIComponent(caseId)}`;
  url.search = url.search.length > 1 ? `${url.search}&${parameter}` : `?${parameter}`;
  return url.toString();
}

/** The e-mail a resident gets when the status of their case changes; `link` (the case in the portal) when known. */
export function statusChangeMail(to: MailRecipient, record: CaseRecord, publicMessage?: string, link?: string): Mail {
  const status = STATUS_LABELS[to.language][record.status];
  const t = statusTexts[to.language](record.caseNumber, record.title, status, to.name);
  const lines = [
    t.greeting,
    '',
    t.changed,
    ...(publicMessage ? ['', t.message, publicMessage] : []),
    '',
    t.portal,
    ...(link ? [link] : []),
    '',
    ...closing(t.regards, to),
  ];
  return { to: to.email, subject: t.subject, text: lines.join('\n') };
}

interface IncidentText {
  subject: string;
  greeting: string;
  changed: string;
  portal: string;
  regards: string;
}

const incidentTexts: Record<Language, (nr: string, damage: string, status: string, name: string) => IncidentText> = {
  de: (nr, damage, status, name) => ({
    subject: `Schadensmeldung ${nr}: ${status}`,
    greeting: `Guten Tag ${name},`,
    changed: `der Status der Schadensmeldung ${nr}${damage}, von der Sie ebenfalls betroffen sind, hat sich geändert: ${status}.`,
    portal: 'Den aktuellen Stand finden Sie jederzeit im Mieterportal.',
    regards: 'Mit freundlichen Grüßen',
  }),
  en: (nr, damage, status, name) => ({
    subject: `Damage report ${nr}: ${status}`,
    greeting: `Hello ${name},`,
    changed: `the status of damage report ${nr}${damage}, which affects you too, has changed: ${status}.`,
    portal: 'You can see the current state in the tenant portal at any time.',
    regards: 'Kind regards',
  }),
  tr: (nr, damage, status, name) => ({
    subject: `Hasar bildirimi ${nr}: ${status}`,
    greeting: `Merhaba ${name},`,
    changed: `Sizi de etkileyen ${nr} numaralı hasar bildiriminin${damage} durumu değişti: ${status}.`,
    portal: 'Güncel durumu her zaman kiracı portalında bulabilirsiniz.',
    regards: 'Saygılarımızla',
  }),
  pl: (nr, damage, status, name) => ({
    subject: `Zgłoszenie szkody ${nr}: ${status}`,
    greeting: `Dzień dobry ${name},`,
    changed: `status zgłoszenia szkody ${nr}${damage}, która dotyczy również Państwa, zmienił się: ${status}.`,
    portal: 'Aktualny stan znajdą Państwo w każdej chwili w portalu najemcy.',
    regards: 'Z poważaniem',
  }),
  uk: (nr, damage, status, name) => ({
    subject: `Повідомлення про пошкодження ${nr}: ${status}`,
    greeting: `Доброго дня, ${name}!`,
    changed: `Статус повідомлення про пошкодження ${nr}${damage}, яке стосується і вас, змінився: ${status}.`,
    portal: 'Актуальний стан ви завжди знайдете на порталі орендаря.',
    regards: 'З повагою',
  }),
};

/**
 * The e-mail a resident gets who joined a damage report of someone else: the status only — no title,
 * description or message of the reporter's case.
 */
export function incidentStatusMail(to: MailRecipient, record: CaseRecord): Mail {
  const status = STATUS_LABELS[to.language][record.status];
  const translations = record.labelTranslations;
  const damage = [
    record.damageKind && labelIn(to.language, record.damageKind.label, translations.damageKind),
    record.damageLocation && labelIn(to.language, record.damageLocation.label, translations.damageLocation),
  ]
    .filter(Boolean)
    .join(' – ');
  const t = incidentTexts[to.language](record.caseNumber, damage ? ` (${damage})` : '', status, to.name);
  const lines = [t.greeting, '', t.changed, '', t.portal, '', ...closing(t.regards, to)];
  return { to: to.email, subject: t.subject, text: lines.join('\n') };
}
