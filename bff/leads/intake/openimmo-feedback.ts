import {
  clean,
  emptyContact,
  failure,
  hasContact,
  parsePortalDate,
  splitFurtherData,
  type EnquiryField,
  type EnquiryProvider,
  type ParsedEnquiry,
  type ParseResult,
} from './enquiry.ts';
import { enquiriesFromObjektanfrage } from './immowelt-objektanfrage.ts';
import { childText, childTexts, children, decodeXmlBytes, readXml, type XmlNode, type XmlReading } from './xml.ts';

/**
 * OpenImmo-Feedback (`<openimmo_feedback>` → `<objekt>` 0..n → `<interessent>` 1..n; facts in
 * shared/corpus/openimmo-feedback/STRUCTURE.md): every interessent of every objekt is an enquiry — consumers
 * that map only the first lose the rest. Files come from a folder a Wohnungsbörse fills by FTP or from a
 * clerk's upload; the same XML inside a portal's mail goes through `enquiriesFromFeedback` as well.
 */

/** What the surrounding delivery knows better than the XML. */
export interface FeedbackContext {
  provider: EnquiryProvider;
  /** The listing id the mail's subject names, used when the XML has none. */
  subjectListingId?: string | null;
  /** When the XML names no date: the mail's Date header. */
  sentAt?: Date | null;
}

/**
 * The listing's id in the provider's id space. A portal (IS24, Immowelt) knows the listing by its own id
 * (`portal_obj_id`, the subject's id); a Wohnungsbörse fed by OpenImmo transfers by the housing company's object
 * id (`oobj_id`). The other ids go into the listing hint for a clerk.
 */
function listingIdOf(objekt: XmlNode, context: FeedbackContext): string | null {
  const own = childText(objekt, 'oobj_id');
  const portal = childText(objekt, 'portal_obj_id');
  const unique = childText(objekt, 'portal_unique_id');
  const subject = context.subjectListingId ?? null;
  const order = context.provider === 'openimmo' ? [own, portal, unique, subject] : [portal, subject, own, unique];
  return order.find((id) => id !== null) ?? null;
}

function listingHintOf(objekt: XmlNode): string | null {
  const parts = [
    childText(objekt, 'bezeichnung'),
    childTexts(objekt, 'vermarktungsart').join('/') || null,
    [childText(objekt, 'strasse'), childText(objekt, 'ort'), childText(objekt, 'stadtbezirk')].filter(Boolean).join(', '),
    childText(objekt, 'whg_nr') && `Wohnung ${childText(objekt, 'whg_nr')}`,
    childText(objekt, 'etage') && `Etage ${childText(objekt, 'etage')}`,
    ...(
      [
        ['oobj_id', 'Objekt-ID'],
        ['portal_obj_id', 'Portal-Objekt-ID'],
        ['portal_unique_id', 'Portal-ID'],
        ['anbieter_id', 'Anbieter-ID'],
        ['zusatz_refnr', 'Ref.-Nr.'],
      ] as const
    ).map(([element, label]) => childText(objekt, element) && `${label} ${childText(objekt, element)}`),
    childText(objekt, 'expose_url'),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(' · ') : null;
}

/** `<user_defined_extend><feld><name>…</name><wert>…</wert></feld></user_defined_extend>` as fields. */
function userDefinedFields(node: XmlNode): EnquiryField[] {
  return children(node, 'user_defined_extend')
    .flatMap((extend) => children(extend, 'feld'))
    .map((feld) => ({ label: clean(childText(feld, 'name')), value: clean(childText(feld, 'wert')) }))
    .filter((field): field is EnquiryField => Boolean(field.label && field.value));
}

function enquiryOf(interessent: XmlNode, objekt: XmlNode, context: FeedbackContext, sentAt: Date | null): ParsedEnquiry {
  const { message, fields } = splitFurtherData(childText(interessent, 'anfrage') ?? '');
  const tel = clean(childText(interessent, 'tel'));
  const mobile = clean(childText(interessent, 'mobil'));
  const extra: EnquiryField[] = [];
  const add = (label: string, value: string | null) => {
    if (value) extra.push({ label, value });
  };
  add('Firma', clean(childText(interessent, 'firma')));
  add('Postfach', clean(childText(interessent, 'postfach')));
  add('Fax', clean(childText(interessent, 'fax')));
  if (tel && mobile && tel !== mobile) add('Mobiltelefon', mobile);
  add('Bevorzugter Kontaktweg', childTexts(interessent, 'bevorzugt').join(', ') || null);
  add('Wunsch', childTexts(interessent, 'wunsch').join(', ') || null);
  return {
    provider: context.provider,
    providerListingId: listingIdOf(objekt, context),
    providerEnquiryId: clean(childText(interessent, 'int_id')),
    sentAt,
    contact: {
      ...emptyContact(),
      salutation: clean(childText(interessent, 'anrede')),
      firstName: clean(childText(interessent, 'vorname')),
      lastName: clean(childText(interessent, 'nachname')),
      email: clean(childText(interessent, 'email')),
      phone: tel ?? mobile,
      street: clean(childText(interessent, 'strasse')),
      postcode: clean(childText(interessent, 'plz')),
      city: clean(childText(interessent, 'ort')),
    },
    message,
    fields: [...extra, ...fields, ...userDefinedFields(interessent)],
    replyToRelayAddress: null,
    listingHint: listingHintOf(objekt),
  };
}

/** The portal's own report in the file (`<fehlerliste>`, `<status>`), worth a clerk's eye. */
function portalReports(root: XmlNode): string[] {
  const errors = children(root, 'fehlerliste')
    .flatMap((list) => children(list, 'fehler'))
    .map((fehler) => [childText(fehler, 'objekt_id'), childText(fehler, 'fehlernr'), childText(fehler, 'text')])
    .filter(([, , text]) => text)
    .map(
      ([objektId, nr, text]) => `Fehlermeldung des Absenders${nr ? ` Nr. ${nr}` : ''}${objektId ? ` zu Objekt ${objektId}` : ''}: ${text}`,
    );
  const statuses = children(root, 'status')
    .map((status) => [childText(status, 'statusnr'), childText(status, 'text')])
    .filter(([, text]) => text)
    .map(([nr, text]) => `Statusmeldung des Absenders${nr ? ` Nr. ${nr}` : ''}: ${text}`);
  return [...errors, ...statuses];
}

/** Every enquiry of an OpenImmo-Feedback document, with notes on what was skipped and what the sender reported. */
export function enquiriesFromFeedback(root: XmlNode, context: FeedbackContext): ParseResult {
  const notes = portalReports(root);
  const sender = children(root, 'sender')[0];
  const sentAt = context.sentAt ?? parsePortalDate(childText(sender, 'datum'));
  const enquiries: ParsedEnquiry[] = [];
  children(root, 'objekt').forEach((objekt, index) => {
    const label = `Objekt ${index + 1}${listingIdOf(objekt, context) ? ` (${listingIdOf(objekt, context)})` : ''}`;
    const interessenten = children(objekt, 'interessent');
    if (!interessenten.length) notes.push(`${label} enthält keinen Interessenten.`);
    interessenten.forEach((interessent, position) => {
      const enquiry = enquiryOf(interessent, objekt, context, sentAt);
      if (hasContact(enquiry.contact)) enquiries.push(enquiry);
      else notes.push(`${label}, Interessent ${position + 1}: weder Name noch E-Mail-Adresse noch Telefonnummer, übersprungen.`);
    });
  });
  const [first, ...rest] = enquiries;
  if (first) return { ok: true, enquiries: [first, ...rest], notes };
  const objects = children(root, 'objekt').length;
  return failure(
    'no_enquiry',
    objects
      ? `Die OpenImmo-Feedback-Datei enthält ${objects === 1 ? 'ein Objekt' : `${objects} Objekte`}, aber keinen Interessenten mit Name, E-Mail-Adresse oder Telefonnummer: es gibt keine Anfrage zu übernehmen.`
      : 'Die OpenImmo-Feedback-Datei enthält kein Objekt und damit keine Anfrage (nur eine Rückmeldung des Absenders).',
    notes,
  );
}

/** The failure for XML that is not an enquiry format, by its kind. */
export function refusalOf(reading: Extract<XmlReading, { ok: true }>): ParseResult {
  if (reading.kind === 'openimmo_transfer') {
    return failure(
      'openimmo_transfer',
      `Die Datei ist eine OpenImmo-Übertragung (Wurzelelement <${reading.rootName}>), mit der Anbieter Inserate an Portale senden — keine OpenImmo-Feedback-Datei mit Anfragen von Interessenten.`,
    );
  }
  return failure(
    'unknown_xml',
    `Unbekanntes XML-Format (Wurzelelement <${reading.rootName}>): erwartet wird OpenImmo-Feedback (<openimmo_feedback>) oder eine Immowelt-Objektanfrage (<objektanfrage>).`,
  );
}

export interface FeedbackFileOptions {
  /** The portal the folder or upload belongs to; default `openimmo` (the listing id is then the housing company's object id). */
  provider?: EnquiryProvider;
}

/**
 * An OpenImmo-Feedback file as dropped into the intake folder or uploaded by a clerk (an Immowelt `objektanfrage`
 * saved from a mail is read too). Anything else is refused with a reason: an OpenImmo transfer file, other XML,
 * XML that stays malformed after the pre-pass, an empty file, a file without an interessent.
 */
export function parseOpenImmoFeedbackFile(content: Uint8Array | string, options: FeedbackFileOptions = {}): ParseResult {
  const text = typeof content === 'string' ? content : decodeXmlBytes(content);
  if (!text.trim()) return failure('empty', 'Die Datei ist leer.');
  const reading = readXml(text);
  if (!reading.ok) return failure('malformed_xml', reading.reason);
  if (reading.kind === 'objektanfrage') return enquiriesFromObjektanfrage(reading.root, {});
  if (reading.kind !== 'openimmo_feedback') return refusalOf(reading);
  return enquiriesFromFeedback(reading.root, { provider: options.provider ?? 'openimmo' });
}
