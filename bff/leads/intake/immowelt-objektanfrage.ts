import {
  clean,
  emptyContact,
  failure,
  hasContact,
  parsePortalDate,
  splitFurtherData,
  type EnquiryField,
  type ParsedEnquiry,
  type ParseResult,
} from './enquiry.ts';
import { childText, children, type XmlNode } from './xml.ts';

/**
 * Immowelt's own older enquiry XML, root `objektanfrage` with `<objekt>` (o_*) and `<interessent>` (i_*) —
 * element names from the Immomio parser's JAXB classes (shared/corpus/portal-emails/PORTAL-LEAD-FORMATS.md).
 * `i_name` is the surname and `i_info` the message. The listing id is `o_refnr`, else the subject's Ref.-Nr.,
 * else `o_maklernr` (what Immomio falls back to when the subject names none).
 */

export interface ObjektanfrageContext {
  subjectListingId?: string | null;
  sentAt?: Date | null;
}

function listingHintOf(objekt: XmlNode | undefined): string | null {
  const parts = [
    childText(objekt, 'o_stichwort'),
    [childText(objekt, 'o_strasse'), childText(objekt, 'o_ort')].filter(Boolean).join(', '),
    childText(objekt, 'o_preis') && `${childText(objekt, 'o_preis')} ${childText(objekt, 'o_LW') ?? ''}`.trim(),
    childText(objekt, 'o_refnr') && `Ref.-Nr. ${childText(objekt, 'o_refnr')}`,
    childText(objekt, 'o_maklernr') && `Makler-Nr. ${childText(objekt, 'o_maklernr')}`,
    childText(objekt, 'o_link'),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(' · ') : null;
}

function enquiryOf(interessent: XmlNode, objekt: XmlNode | undefined, context: ObjektanfrageContext): ParsedEnquiry {
  const { message, fields } = splitFurtherData(childText(interessent, 'i_info') ?? '');
  const tel = clean(childText(interessent, 'i_tel'));
  const mobile = clean(childText(interessent, 'i_mobil'));
  const extra: EnquiryField[] = [];
  const add = (label: string, value: string | null) => {
    if (value) extra.push({ label, value });
  };
  add('Firma', clean(childText(interessent, 'i_firma')));
  add('Fax', clean(childText(interessent, 'i_fax')));
  if (tel && mobile && tel !== mobile) add('Mobiltelefon', mobile);
  return {
    provider: 'immowelt',
    providerListingId: childText(objekt, 'o_refnr') ?? context.subjectListingId ?? childText(objekt, 'o_maklernr'),
    providerEnquiryId: null,
    sentAt: context.sentAt ?? parsePortalDate(childText(objekt, 'o_datum')),
    contact: {
      ...emptyContact(),
      salutation: clean(childText(interessent, 'i_anrede')),
      firstName: clean(childText(interessent, 'i_vorname')),
      lastName: clean(childText(interessent, 'i_name')),
      email: clean(childText(interessent, 'i_email')),
      phone: tel ?? mobile,
      street: clean(childText(interessent, 'i_strasse')),
      postcode: clean(childText(interessent, 'i_plz')),
      city: clean(childText(interessent, 'i_ort')),
    },
    message,
    fields: [...extra, ...fields],
    replyToRelayAddress: null,
    listingHint: listingHintOf(objekt),
  };
}

export function enquiriesFromObjektanfrage(root: XmlNode, context: ObjektanfrageContext): ParseResult {
  const objekt = children(root, 'objekt')[0];
  // The interessent is the objekt's sibling; a sender that nests it inside the objekt is read as well.
  const interessenten = [...children(root, 'interessent'), ...children(objekt, 'interessent')];
  const notes: string[] = [];
  const enquiries: ParsedEnquiry[] = [];
  interessenten.forEach((interessent, index) => {
    const enquiry = enquiryOf(interessent, objekt, context);
    if (hasContact(enquiry.contact)) enquiries.push(enquiry);
    else notes.push(`Interessent ${index + 1}: weder Name noch E-Mail-Adresse noch Telefonnummer, übersprungen.`);
  });
  const [first, ...rest] = enquiries;
  if (first) return { ok: true, enquiries: [first, ...rest], notes };
  return failure(
    'no_enquiry',
    'Die Immowelt-Objektanfrage enthält keinen Interessenten mit Name, E-Mail-Adresse oder Telefonnummer: es gibt keine Anfrage zu übernehmen.',
    notes,
  );
}
