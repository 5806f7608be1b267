/**
 * What every intake parser produces (docs/lead-intake.md): one enquiry per interested person, in one shape
 * whatever the portal sent — OpenImmo-Feedback XML, Immowelt's older `objektanfrage` XML, an HTML table or a
 * file from a folder. Nothing here is minimised yet: the message and the fields are as the portal sent them,
 * and the lead use case runs them through data minimisation (bff/leads/minimisation.ts) before anything is stored.
 */

/** The portal an enquiry came from: it names the id space of `providerListingId`. */
export const ENQUIRY_PROVIDERS = ['immoscout24', 'immowelt', 'openimmo'] as const;
export type EnquiryProvider = (typeof ENQUIRY_PROVIDERS)[number];

export interface EnquiryContact {
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  /**
   * The person's address as the portal gave it; when it gave none, the portal's relay address
   * (`ParsedEnquiry.replyToRelayAddress`), which reaches the person just as well.
   */
  email: string | null;
  /** The landline number, else the mobile number (both sent: the mobile one is a field "Mobiltelefon"). */
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

/** A value the portal sent besides contact and message, by the portal's own label ("Haushaltsgröße", "Tiere im Haushalt"). */
export interface EnquiryField {
  label: string;
  value: string;
}

export interface ParsedEnquiry {
  provider: EnquiryProvider;
  /** The listing's id at that provider (Scout-ID, Immowelt Ref.-Nr., OpenImmo object id); null: the lead waits for manual assignment. */
  providerListingId: string | null;
  /** The portal's id of the enquiry (OpenImmo `int_id`), else the mail's Message-ID: the same enquiry delivered twice has the same id. */
  providerEnquiryId: string | null;
  sentAt: Date | null;
  contact: EnquiryContact;
  /** The person's words as sent; a "Weitere Daten zum Interessenten" block is moved from it into `fields`. */
  message: string;
  fields: EnquiryField[];
  /** The portal's relay address a reply reaches the person through (Reply-To on the portal's domain, IS24's "E-Mail-Alias"). */
  replyToRelayAddress: string | null;
  /** What the portal said about the listing (title, address, its other ids): a clerk assigns an unmatched lead by it. */
  listingHint: string | null;
}

export const PARSE_FAILURE_CODES = [
  'empty',
  'unreadable_mail',
  'malformed_xml',
  'unknown_xml',
  'openimmo_transfer',
  'no_enquiry',
  'unknown_sender',
] as const;
export type ParseFailureCode = (typeof PARSE_FAILURE_CODES)[number];

/** Why something could not be read: the reason is German and shown to clerks in the dead-letter list. */
export interface ParseFailure {
  code: ParseFailureCode;
  reason: string;
}

/** A success holds at least one enquiry: what holds none is a failure with a reason, so it shows in the dead-letter list. */
export type ParseResult =
  { ok: true; enquiries: [ParsedEnquiry, ...ParsedEnquiry[]]; notes: string[] } | { ok: false; failure: ParseFailure; notes: string[] };

export function failure(code: ParseFailureCode, reason: string, notes: string[] = []): ParseResult {
  return { ok: false, failure: { code, reason }, notes };
}

export function emptyContact(): EnquiryContact {
  return { salutation: null, firstName: null, lastName: null, email: null, phone: null, street: null, postcode: null, city: null };
}

/** Trimmed text with runs of blanks collapsed; null when nothing is left. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/[ \t\u00a0]+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Something a clerk can reach or at least name: an address, a number or a name. */
export function hasContact(contact: EnquiryContact): boolean {
  return Boolean(contact.email || contact.phone || contact.lastName || contact.firstName);
}

/** `2011-11-11`, `2011-11-11T10:15:00`, `16.03.2020`, `16.03.2020 10:15`: the sender's free-text `datum`. */
export function parsePortalDate(value: string | null): Date | null {
  if (!value) return null;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (german) {
    const [, day, month, year, hours = '0', minutes = '0', seconds = '0'] = german;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

const SALUTATIONS = /^(herr|frau|divers|familie|firma|mx\.?|dr\.?|prof\.?)$/i;

/** "Herr Max Mustermann" → salutation, first and last name (Immowelt's HTML `Name:` cell). */
export function splitName(full: string): Pick<EnquiryContact, 'salutation' | 'firstName' | 'lastName'> {
  const tokens = full.split(/\s+/).filter(Boolean);
  const titles: string[] = [];
  while (tokens.length > 1 && SALUTATIONS.test(tokens[0])) titles.push(tokens.shift() as string);
  const lastName = tokens.pop() ?? null;
  return { salutation: titles.length ? titles.join(' ') : null, firstName: tokens.length ? tokens.join(' ') : null, lastName };
}

const FURTHER_DATA = /weitere\s+daten\s+zum\s+interessenten/i;

/**
 * IS24 appends to the person's message one line `Weitere Daten zum Interessenten; Label: Wert; Label: Wert; …`
 * (seen as separate lines, too). The message keeps the person's words; each pair becomes a field. A piece
 * without a colon continues the value before it ("Vorhandene Unterlagen: Schufa; Gehaltsnachweis").
 */
export function splitFurtherData(text: string): { message: string; fields: EnquiryField[] } {
  const match = FURTHER_DATA.exec(text);
  if (!match) return { message: text.trim(), fields: [] };
  const message = text.slice(0, match.index).trim();
  const fields: EnquiryField[] = [];
  const block = text
    .slice(match.index + match[0].length)
    .replace(/^\s*[:;]/, '')
    .trim();
  for (const piece of block.split(/\s*(?:;|\r?\n)\s*/)) {
    const colon = piece.indexOf(':');
    if (colon > 0) {
      const label = clean(piece.slice(0, colon));
      const value = clean(piece.slice(colon + 1));
      if (label && value) fields.push({ label, value });
    } else if (clean(piece) && fields.length) {
      const last = fields[fields.length - 1];
      last.value = `${last.value}; ${clean(piece)}`;
    }
  }
  return { message, fields };
}
