import nodemailer from 'nodemailer';
import { simpleParser, type AddressObject } from 'mailparser';
import { decodeXmlBytes } from './intake/xml.ts';
import { redactSelfDisclosure } from './minimisation.ts';

/**
 * A dead letter keeps the message a clerk must look at — but not the self-disclosure data in it (income,
 * employment, SCHUFA, …: docs/leads.md, "Data minimisation"). What is stored is the message rebuilt without it:
 * - a mail is parsed and composed anew with its headers (From, Sender, Reply-To, To, Subject, Date, Message-ID),
 *   its text and HTML bodies and its text attachments (XML included), each text node redacted; binary
 *   attachments (PDF pay slips, photos) are left out and named in a note. The rebuilt mail parses as the original
 *   did, so a clerk's retry reads it again and its Message-ID still recognises a second delivery;
 * - an XML file is decoded (any of its encodings) and its text nodes and CDATA sections redacted; it is kept as
 *   UTF-8, which the parser prefers to any declaration.
 */

/** Markup (XML, HTML) with every text node and CDATA section redacted; tags, comments and entities stay. */
export function redactMarkup(text: string): string {
  return text.replace(
    /(<!\[CDATA\[)([\s\S]*?)(\]\]>)|(<!--[\s\S]*?-->)|(<[^>]*>)|([^<]+)/g,
    (whole, open, cdata, close, comment, tag, plain) => {
      if (open !== undefined) return `${open}${redactSelfDisclosure(cdata as string).replace(/\]\]>/g, ']]&gt;')}${close}`;
      if (comment !== undefined || tag !== undefined) return whole;
      return redactSelfDisclosure(plain as string);
    },
  );
}

const looksLikeMarkup = (text: string) => /^\s*(?:<\?xml|<!DOCTYPE|<[A-Za-z])/i.test(text);

export function redactText(text: string): string {
  return looksLikeMarkup(text) ? redactMarkup(text) : redactSelfDisclosure(text);
}

/** An OpenImmo-Feedback (or any XML) file with self-disclosure cut out, as UTF-8. */
export function redactXmlFile(bytes: Uint8Array): Buffer {
  return Buffer.from(redactText(decodeXmlBytes(bytes)), 'utf8');
}

const addressText = (field: AddressObject | AddressObject[] | undefined) =>
  field === undefined ? undefined : (Array.isArray(field) ? field.map((one) => one.text).join(', ') : field.text) || undefined;

const TEXT_TYPES = /^(?:text\/|application\/(?:xml|[\w.+-]+\+xml|json|octet-stream)$)/i;

export interface RedactedMail {
  raw: Buffer;
  sender: string | null;
  subject: string | null;
  messageId: string | null;
}

/** A raw mail rebuilt without self-disclosure data (see above); a mail mailparser cannot read is redacted line by line. */
export async function redactMail(raw: Buffer): Promise<RedactedMail> {
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    return { raw: Buffer.from(redactSelfDisclosure(raw.toString('latin1')), 'utf8'), sender: null, subject: null, messageId: null };
  }
  const dropped: string[] = [];
  const attachments: Array<{ filename?: string; content: Buffer | string; contentType: string }> = [];
  for (const attachment of parsed.attachments) {
    const name = attachment.filename ?? undefined;
    if (attachment.contentType === 'message/rfc822') {
      attachments.push({ filename: name, content: (await redactMail(attachment.content)).raw, contentType: 'message/rfc822' });
      continue;
    }
    const content = attachment.content;
    // A "binary" part that is really text (the XML of some portals comes as application/octet-stream).
    const textual = TEXT_TYPES.test(attachment.contentType) && !content.subarray(0, 4096).includes(0);
    if (!textual) {
      dropped.push(`${name ?? 'ohne Namen'} (${attachment.contentType}, ${content.length} Bytes)`);
      continue;
    }
    const text = looksLikeMarkup(decodeXmlBytes(content.subarray(0, 200))) ? decodeXmlBytes(content) : content.toString('utf8');
    attachments.push({ filename: name, content: Buffer.from(redactText(text), 'utf8'), contentType: attachment.contentType });
  }
  const note = dropped.length ? `\n\n[Anhänge nicht aufbewahrt (Datenminimierung): ${dropped.join('; ')}]` : '';
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const sender = parsed.headers.get('sender') as AddressObject | undefined;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({
    from: addressText(parsed.from),
    sender: addressText(sender),
    replyTo: addressText(parsed.replyTo),
    to: addressText(parsed.to),
    cc: addressText(parsed.cc),
    subject: parsed.subject ?? '',
    date: parsed.date ?? undefined,
    messageId: parsed.messageId ?? undefined,
    headers: header('x-mieterportal-redacted') ? {} : { 'X-Mieterportal-Redacted': 'Selbstauskunft entfernt' },
    text: parsed.text !== undefined || note ? redactSelfDisclosure(parsed.text ?? '') + note : undefined,
    html: typeof parsed.html === 'string' ? redactMarkup(parsed.html) : undefined,
    attachments,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    raw: info.message as Buffer,
    sender: parsed.from?.value[0]?.address?.toLowerCase() ?? null,
    subject: parsed.subject ?? null,
    messageId: parsed.messageId ?? null,
  };
}
