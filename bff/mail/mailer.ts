import nodemailer from 'nodemailer';

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

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
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
      mails.unshift({ ...mail, id: nextId++, from: mail.from ?? from, sentAt: new Date().toISOString() });
      mails.length = Math.min(mails.length, capacity);
    },
    sent: () => mails,
  };
}
