import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { failure, hasContact, splitFurtherData, type EnquiryProvider, type ParsedEnquiry, type ParseResult } from './enquiry.ts';
import { enquiriesFromObjektanfrage } from './immowelt-objektanfrage.ts';
import { blocksOfHtml, blocksOfText, readBody } from './mail-body.ts';
import { enquiriesFromFeedback, refusalOf } from './openimmo-feedback.ts';
import { decodeXmlBytes, readXml, type XmlReading } from './xml.ts';

/**
 * A portal's enquiry mail as raw RFC 822 bytes (from the inbound endpoint of a mail relay or the IMAP poller),
 * read the way parsers written against real mails do (shared/corpus/portal-emails/PORTAL-LEAD-FORMATS.md):
 * - the enquiry XML is found by trying every MIME part — attachment or body, whatever its name or content type;
 * - OpenImmo-Feedback XML and Immowelt's older `objektanfrage` XML, then the body's label table as a fallback;
 * - UTF-8 and ISO-8859-1 (mailparser decodes the text parts by their charset, xml.ts the XML parts);
 * - the listing id from the subject when the XML has none (IS24 "Objekt …", Immowelt "Ref.-Nr. …:");
 * - IS24's "Weitere Daten zum Interessenten" block split into fields;
 * - the portal's relay address (Reply-To on its domain, IS24's "E-Mail-Alias") as the contact address.
 * A mail that yields no enquiry is a failure with a German reason, for the dead-letter list; never dropped.
 */

export interface PortalMailOptions {
  /** The portal of the inbound address, for mails whose sender does not tell (e.g. forwarded by a clerk). */
  provider?: EnquiryProvider;
}

/** Portals by the domain they send from; subdomains count. */
const PORTAL_DOMAINS: Array<[RegExp, EnquiryProvider]> = [
  [/(^|\.)(immobilienscout24|immoscout24|is24|scout24)\.[a-z]+$/i, 'immoscout24'],
  [/(^|\.)(immowelt|immonet)\.[a-z]+$/i, 'immowelt'],
];

function portalOf(address: string | null | undefined): EnquiryProvider | undefined {
  const domain = address?.split('@')[1];
  return domain ? PORTAL_DOMAINS.find(([pattern]) => pattern.test(domain))?.[1] : undefined;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value).flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : []));
}

/** IS24: "… Objekt  12345678 …" (two blanks, S1), "Scout-ID: 12345678"; Immowelt: "Ref.-Nr. WE-17: …"; Immonet: "Referenznummer: 4711". */
export function listingIdFromSubject(subject: string | undefined): string | null {
  if (!subject) return null;
  const reference = /Ref\.?\s*-?\s*Nr\.?\s*:?\s*([^:]+?)\s*(?::|$)/i.exec(subject);
  if (reference) return reference[1].replace(/^["'(]+|["')]+$/g, '') || null;
  const immonet = /Referenznummer\s*:?\s*([^\s,;:()]+)/i.exec(subject);
  if (immonet) return immonet[1];
  const scoutId = /Scout-?ID\s*:?\s*(\d{5,})/i.exec(subject);
  if (scoutId) return scoutId[1];
  const afterObjekt = /\bObjekt\b(.*)$/i.exec(subject)?.[1] ?? '';
  const candidate = afterObjekt
    .replace(/^[\s:(]*(?:Nr\.?|Nummer|ID)?[\s:.]*/i, '')
    .match(/^[A-Za-z0-9][\w./-]*/)?.[0]
    ?.replace(/[./-]+$/, '');
  return candidate && /\d/.test(candidate) ? candidate : null;
}

function charsetOf(attachment: Attachment): string | undefined {
  const header = attachment.headers.get('content-type');
  if (header && typeof header === 'object' && 'params' in header) {
    const charset = (header.params as Record<string, string | undefined>).charset;
    return charset || undefined;
  }
  return undefined;
}

const ENQUIRY_ROOTS = /<(?:\?xml|openimmo_feedback|objektanfrage)\b/i;
const ROOT_ENDS = [/<\/openimmo_feedback\s*>/i, /<\/objektanfrage\s*>/i];

/** XML pasted into a text body, with a greeting before or a signature after it. */
function xmlIsland(text: string): string | null {
  const start = text.search(ENQUIRY_ROOTS);
  if (start < 0) return null;
  const rest = text.slice(start);
  const ends = ROOT_ENDS.map((pattern) => pattern.exec(rest)).filter((match): match is RegExpExecArray => match !== null);
  const end = Math.max(...ends.map((match) => match.index + match[0].length), -1);
  return end > 0 ? rest.slice(0, end) : null;
}

/**
 * Every MIME part read as XML: the attachments (any name, any type) and the text body. A part that names an
 * enquiry root but stays malformed after the pre-pass gives its reason instead.
 */
function xmlReadings(mail: ParsedMail): XmlReading[] {
  const texts = mail.attachments
    .filter((attachment) => attachment.contentType !== 'message/rfc822')
    .map((attachment) => decodeXmlBytes(attachment.content, charsetOf(attachment)));
  if (mail.text) texts.push(xmlIsland(mail.text) ?? mail.text);
  return texts.flatMap((text): XmlReading[] => {
    const reading = readXml(text);
    if (reading.ok) return [reading];
    return ENQUIRY_ROOTS.test(text)
      ? [{ ok: false, reason: `Ein Teil der E-Mail enthält Anfrage-XML, das nicht lesbar ist: ${reading.reason}` }]
      : [];
  });
}

interface MailFacts {
  provider: EnquiryProvider | undefined;
  subjectListingId: string | null;
  sentAt: Date | null;
  messageId: string | null;
  relay: string | null;
  replyTo: string | null;
}

/** What the envelope adds to each enquiry: the mail's id, its relay address, the contact address when the body had none. */
function completed(enquiries: ParsedEnquiry[], facts: MailFacts): [ParsedEnquiry, ...ParsedEnquiry[]] {
  const done = enquiries.map((enquiry, index) => {
    const alias = enquiry.fields.find((field) => /^e-?mail-?alias$/i.test(field.label))?.value ?? null;
    // The mail's Reply-To belongs to one person: with several enquiries in one mail it is nobody's in particular.
    const single = enquiries.length === 1;
    const relay = enquiry.replyToRelayAddress ?? alias ?? (single ? facts.relay : null);
    return {
      ...enquiry,
      providerEnquiryId:
        enquiry.providerEnquiryId ??
        (facts.messageId ? (enquiries.length > 1 ? `${facts.messageId}#${index + 1}` : facts.messageId) : null),
      sentAt: enquiry.sentAt ?? facts.sentAt,
      contact: { ...enquiry.contact, email: enquiry.contact.email ?? relay ?? (single ? facts.replyTo : null) },
      replyToRelayAddress: relay,
    };
  });
  return done as [ParsedEnquiry, ...ParsedEnquiry[]];
}

/** The body's label table (IS24 row, Immowelt next table, plain-text rendering) as one enquiry. */
function enquiryFromBody(mail: ParsedMail, provider: EnquiryProvider, facts: MailFacts): ParsedEnquiry | null {
  const readings = [
    ...(mail.html ? [readBody(blocksOfHtml(mail.html), false)] : []),
    ...(mail.text ? [readBody(blocksOfText(mail.text), true)] : []),
  ];
  const reading = readings.find((candidate) => hasContact(candidate.contact));
  if (!reading) return null;
  const { message, fields } = splitFurtherData(reading.message ?? '');
  return {
    provider,
    providerListingId: reading.listingId ?? facts.subjectListingId,
    providerEnquiryId: null,
    sentAt: null,
    contact: reading.contact,
    message,
    fields: [...reading.fields, ...fields],
    replyToRelayAddress: null,
    listingHint: mail.subject ?? null,
  };
}

export async function parsePortalMail(raw: Buffer | string, options: PortalMailOptions = {}): Promise<ParseResult> {
  return parseMail(raw, options, true);
}

async function parseMail(raw: Buffer | string, options: PortalMailOptions, openForwarded: boolean): Promise<ParseResult> {
  if (!raw.length || !raw.toString().trim()) return failure('empty', 'Die E-Mail ist leer.');
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  } catch (err) {
    return failure('unreadable_mail', `Die E-Mail ist nicht lesbar (${err instanceof Error ? err.message : String(err)}).`);
  }

  const from = addressesOf(mail.from);
  const replyTo = addressesOf(mail.replyTo);
  const sender = addressesOf(mail.headers.get('sender') as AddressObject | undefined);
  const portal = [...from, ...sender, ...replyTo].map(portalOf).find(Boolean);
  const facts: MailFacts = {
    provider: options.provider ?? portal,
    subjectListingId: listingIdFromSubject(mail.subject),
    sentAt: mail.date ?? null,
    messageId: mail.messageId ?? null,
    relay: replyTo.find((address) => portalOf(address)) ?? null,
    replyTo: replyTo[0] ?? null,
  };

  const notes: string[] = [];
  const xmlReasons: string[] = [];
  for (const reading of xmlReadings(mail)) {
    if (!reading.ok) {
      xmlReasons.push(reading.reason);
      continue;
    }
    const result =
      reading.kind === 'openimmo_feedback'
        ? enquiriesFromFeedback(reading.root, {
            provider: facts.provider ?? 'openimmo',
            subjectListingId: facts.subjectListingId,
            sentAt: facts.sentAt,
          })
        : reading.kind === 'objektanfrage'
          ? enquiriesFromObjektanfrage(reading.root, { subjectListingId: facts.subjectListingId, sentAt: facts.sentAt })
          : refusalOf(reading);
    notes.push(...result.notes);
    if (result.ok) return { ok: true, enquiries: completed(result.enquiries, facts), notes };
    xmlReasons.push(result.failure.reason);
  }

  if (!facts.provider || facts.provider === 'openimmo') {
    // A clerk forwarded the portal's mail as an attachment (one level: a forward of a forward is not unpacked).
    const forwards = openForwarded ? mail.attachments.filter((part) => part.contentType === 'message/rfc822') : [];
    for (const attachment of forwards) {
      const forwarded = await parseMail(attachment.content, options, false);
      if (forwarded.ok) return forwarded;
    }
    return failure(
      'unknown_sender',
      `Der Absender (${from[0] ?? 'unbekannt'}) ist kein bekanntes Portal (ImmoScout24, Immowelt), und die E-Mail enthält kein OpenImmo-Feedback- oder Immowelt-XML mit einem Interessenten.${xmlReasons.length ? ` ${xmlReasons.join(' ')}` : ''}`,
      notes,
    );
  }

  const fromBody = enquiryFromBody(mail, facts.provider, facts);
  if (fromBody) return { ok: true, enquiries: completed([fromBody], facts), notes };
  return failure(
    'no_enquiry',
    `Die E-Mail enthält keine lesbare Anfrage: in keinem ihrer Teile OpenImmo-Feedback- oder Immowelt-XML mit einem Interessenten und im Text weder Name noch E-Mail-Adresse noch Telefonnummer eines Interessenten.${xmlReasons.length ? ` ${xmlReasons.join(' ')}` : ''}`,
    notes,
  );
}
