import { Parser } from 'htmlparser2';
import { clean, emptyContact, splitName, type EnquiryContact, type EnquiryField } from './enquiry.ts';

/**
 * The fallback when a portal's mail carries no enquiry XML: its body, a table of labels and values.
 * IS24 puts the value in the last cell of the label's row, Immowelt in the third cell of the next table, and a
 * mail client's plain-text rendering puts it on the next non-empty line (PORTAL-LEAD-FORMATS.md, S1 and S2).
 * All three are the same thing read as a sequence of blocks — one per table cell, paragraph or text line —
 * where a value is the next non-empty block after its label, or the rest of the label's own block.
 */

const CELLS = new Set(['td', 'th']);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'caption']);
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'section']);
const INVISIBLE = new Set(['script', 'style', 'head', 'title', 'template']);

function normaliseBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The blocks of an HTML body: a table cell is one block (its paragraphs become lines); outside cells, each paragraph is one. */
export function blocksOfHtml(html: string): string[] {
  const blocks: string[] = [];
  let current = '';
  let hidden = 0;
  let openCells = 0;
  const flush = () => {
    const text = normaliseBlock(current);
    if (text) blocks.push(text);
    current = '';
  };
  const boundary = (name: string, opening: boolean) => {
    if (CELLS.has(name)) {
      flush();
      openCells += opening ? 1 : -1;
    } else if (TABLE_PARTS.has(name)) {
      flush();
    } else if (BREAKS.has(name)) {
      if (openCells > 0) current += '\n';
      else flush();
    }
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (INVISIBLE.has(name)) hidden += 1;
        else boundary(name, true);
      },
      ontext(text) {
        // HTML collapses white space; line breaks come from <br> and block elements only.
        if (!hidden) current += text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1);
        else if (name !== 'br') boundary(name, false);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** The blocks of a plain-text body: its non-empty lines. */
export function blocksOfText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

type Slot = keyof EnquiryContact | 'fullName' | 'mobile' | 'listingId' | 'message';

/** Labels the portals use (S1, S2), lower case without the colon. */
const LABELS: Record<string, Slot> = {
  anrede: 'salutation',
  vorname: 'firstName',
  nachname: 'lastName',
  name: 'fullName',
  'e-mail': 'email',
  email: 'email',
  'e-mail-adresse': 'email',
  telefon: 'phone',
  telefonnummer: 'phone',
  'telefon-nummer': 'phone',
  tel: 'phone',
  'tel.': 'phone',
  mobil: 'mobile',
  mobiltelefon: 'mobile',
  handy: 'mobile',
  straße: 'street',
  strasse: 'street',
  'straße und hausnummer': 'street',
  plz: 'postcode',
  postleitzahl: 'postcode',
  ort: 'city',
  wohnort: 'city',
  'plz/ort': 'city',
  'plz / ort': 'city',
  'scout-id': 'listingId',
  'anmerkungen/fragen des interessenten': 'message',
  'nachricht ihrer interessent:innen': 'message',
  'nachricht ihrer interessenten': 'message',
  'nachricht des interessenten': 'message',
  nachricht: 'message',
  anmerkungen: 'message',
};

function slotOf(label: string): Slot | undefined {
  return LABELS[label.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '').trim()];
}

/** "Label: value" on one line, the label at most 40 characters of words (no sentence). */
const INLINE_PAIR = /^([\p{L}][\p{L}\d .()/-]{0,39}?)\s*:\s+(.+)$/u;
/** A cell that is only a label: "Vorname:". */
const LABEL_ONLY = /^([\p{L}][\p{L}\d .()/:-]{0,59}):$/u;

/** What a form prints for a field left empty. */
const NO_VALUE = /^(-+|–|k\. ?a\.?|keine angabe|nicht angegeben|n\/a)$/i;

export interface BodyReading {
  contact: EnquiryContact;
  message: string | null;
  listingId: string | null;
  fields: EnquiryField[];
}

/**
 * Reads contact, message, the listing's id and any other labelled values from a body's blocks.
 * `multiLineMessage`: in plain text the message runs over lines until the next known label or a rule line;
 * in HTML it is the one cell after its heading.
 */
export function readBody(blocks: string[], multiLineMessage: boolean): BodyReading {
  const contact = emptyContact();
  const fields: EnquiryField[] = [];
  let message: string | null = null;
  let listingId: string | null = null;
  let mobile: string | null = null;

  const assign = (slot: Slot, value: string) => {
    if (NO_VALUE.test(value)) return;
    if (slot === 'message') message ??= value;
    else if (slot === 'listingId') listingId ??= /\d{5,}|\S+/.exec(value)?.[0] ?? null;
    else if (slot === 'mobile') mobile ??= value;
    else if (slot === 'fullName') {
      const name = splitName(value);
      contact.salutation ??= name.salutation;
      contact.firstName ??= name.firstName;
      contact.lastName ??= name.lastName;
    } else if (slot === 'city' && /^\d{4,5}\s/.test(value)) {
      // "PLZ / Ort: 10115 Berlin"
      contact.postcode ??= value.slice(0, value.indexOf(' '));
      contact.city ??= clean(value.slice(value.indexOf(' ')));
    } else contact[slot] ??= value;
  };

  /** The value after a label block: the next block, unless that is a label itself. */
  const valueAfter = (index: number): string | null => {
    const block = blocks[index + 1];
    return block === undefined || slotOf(block) || LABEL_ONLY.test(block) ? null : block;
  };

  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    const [firstLine, ...moreLines] = block.split('\n');
    const slot = slotOf(block);
    if (slot === 'message' && multiLineMessage) {
      const lines: string[] = [];
      while (index + 1 < blocks.length && !slotOf(blocks[index + 1]) && !/^[-_=*]{3,}$/.test(blocks[index + 1]))
        lines.push(blocks[++index]);
      if (lines.length) assign('message', lines.join('\n'));
    } else if (slot || LABEL_ONLY.test(block)) {
      const value = valueAfter(index);
      if (value === null) continue;
      index += 1;
      if (slot) assign(slot, value);
      else fields.push({ label: block.replace(/:$/, '').trim(), value });
    } else if (moreLines.length && slotOf(firstLine)) {
      // A heading and its text in one cell: "<b>Nachricht</b><br>Hallo, …"
      assign(slotOf(firstLine) as Slot, moreLines.join('\n'));
    } else {
      const pair = moreLines.length ? null : INLINE_PAIR.exec(block);
      if (!pair) continue;
      const [, label, value] = pair;
      const pairSlot = slotOf(label);
      if (pairSlot) assign(pairSlot, value.trim());
      else fields.push({ label: label.trim(), value: value.trim() });
    }
  }
  if (mobile) {
    if (!contact.phone) contact.phone = mobile;
    else if (contact.phone !== mobile) fields.push({ label: 'Mobiltelefon', value: mobile });
  }
  // A mail client renders "E-Mail: <a href=mailto:…>" as the address; keep the address alone.
  if (contact.email) contact.email = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/.exec(contact.email)?.[0] ?? null;
  return { contact, message, listingId, fields };
}
