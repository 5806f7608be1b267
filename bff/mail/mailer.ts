import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';

export interface MailAttachment {
  filename: string;
  /** Text content (e.g. an ICS calendar file), sent as it is; binary content (a PDF) as base64 with `encoding`. */
  content: string;
  contentType: string;
  encoding?: 'base64';
}

export interface Mail {
  to: string;
  /** The sender, when not the installation's MAIL_FROM (e.g. the company's letting address). */
  from?: string;
  /**
   * The sender's display name in place of MAIL_FROM's (the housing company's, from its settings); the address
   * stays MAIL_FROM's. Ignored when `from` is set.
   */
  senderName?: string;
  /** Where answers go (the lead's reply address), when not to the sender. */
  replyTo?: string;
  /** The mail's own Message-ID (`<…@…>`), when the sender needs to recognise answers to it. */
  messageId?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface SentMail extends Mail {
  id: number;
  from: string;
  sentAt: string;
}

/** Port for outgoing e-mail: SMTP when configured, otherwise the dev outbox. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Only the dev outbox keeps what it sent; SMTP returns undefined. */
  sent(): SentMail[] | undefined;
}

export interface MailAddress {
  name: string;
  address: string;
}

/**
 * The From of a mail: its own `from`, else MAIL_FROM — with `senderName`, as an address object of that name
 * and MAIL_FROM's address, so the mail library quotes and encodes the name (never a string built here).
 */
export function senderOf(mail: Mail, installationFrom: string): string | MailAddress {
  if (mail.from) return mail.from;
  if (!mail.senderName) return installationFrom;
  const [parsed] = addressparser(installationFrom, { flatten: true });
  return { name: mail.senderName, address: parsed?.address || installationFrom };
}

/** An address as the dev outbox shows it: the name as an RFC 5322 quoted string (`"` and `\\` escaped). */
function shownAddress(sender: string | MailAddress): string {
  return typeof sender === 'string' ? sender : `"${sender.name.replace(/["\\]/g, '\\$&')}" <${sender.address}>`;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const { senderName: _name, ...message } = mail;
      await transport.sendMail({ ...message, from: senderOf(mail, from) });
    },
    sent: () => undefined,
  };
}

/**
 * Keeps mails in memory and shows them at /dev/outbox, so activation and password reset work in the
 * demo without a mail server. Bounded so a long-running demo does not grow without limit.
 */
export function createDevOutboxMailer(from: string, capacity = 500): Mailer {
  const mails: SentMail[] = [];
  let nextId = 1;
  return {
    async send(mail) {
      mails.unshift({ ...mail, id: nextId++, from: shownAddress(senderOf(mail, from)), sentAt: new Date().toISOString() });
      mails.length = Math.min(mails.length, capacity);
    },
    sent: () => mails,
  };
}
