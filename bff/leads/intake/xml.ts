import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reading the XML portals send: OpenImmo-Feedback, Immowelt's older `objektanfrage`, and — to refuse them with a
 * reason — OpenImmo transfer files. Senders build this XML by pasting strings (STRUCTURE.md: grundriss24,
 * immonex templates), so an unescaped `&` or `<` in a message is expected; a lexical pre-pass escapes those
 * outside CDATA, comments and processing instructions, and fast-xml-parser does the parsing.
 */

/** A node as fast-xml-parser returns it with attributes ignored: text, or children by element name. */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

export type XmlKind = 'openimmo_feedback' | 'objektanfrage' | 'openimmo_transfer' | 'other';

export type XmlReading = { ok: true; kind: XmlKind; rootName: string; root: XmlNode } | { ok: false; reason: string };

/** Elements that may repeat: always read as lists, so one and several look the same. */
const REPEATABLE = new Set([
  'objekt',
  'interessent',
  'bevorzugt',
  'wunsch',
  'feld',
  'user_defined_extend',
  'fehler',
  'status',
  'fehlerliste',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  // Ids such as "00123" stay text.
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  isArray: (name) => REPEATABLE.has(name),
});

/**
 * Text from an XML part's bytes. Valid UTF-8 is UTF-8, whatever the declaration says (PHP generators declare
 * ISO-8859-15 and write UTF-8); otherwise the declared encoding (XML declaration, else the MIME charset),
 * else Windows-1252 — Immowelt's mails are ISO-8859-1 and decoding them as UTF-8 garbles every umlaut.
 */
export function decodeXmlBytes(bytes: Uint8Array, mimeCharset?: string): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? mimeCharset;
    for (const label of [declared, 'windows-1252']) {
      if (!label || /^utf-?8$/i.test(label)) continue;
      try {
        return new TextDecoder(label).decode(bytes);
      } catch {
        // An encoding name TextDecoder does not know: try the next.
      }
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Escapes a bare `&` (not starting an entity or character reference) and a `<` that cannot start markup. */
function escapeStrayCharacters(text: string): string {
  return text.replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z_][\w.-]*;)/gi, '&amp;').replace(/<(?![a-z_:/!?])/gi, '&lt;');
}

/** The pre-pass for XML built by pasting strings; CDATA sections, comments and processing instructions stay as they are. */
export function repairPastedXml(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)/)
    .map((segment, index) => (index % 2 === 1 ? segment : escapeStrayCharacters(segment)))
    .join('');
}

function kindOf(rootName: string): XmlKind {
  const name = rootName.toLowerCase();
  if (name === 'openimmo_feedback') return 'openimmo_feedback';
  if (name === 'objektanfrage') return 'objektanfrage';
  if (name === 'openimmo' || name === 'uebertragung') return 'openimmo_transfer';
  return 'other';
}

/** Reads one XML document; a reason (German) when it is not well-formed XML even after the pre-pass. */
export function readXml(text: string): XmlReading {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('<')) return { ok: false, reason: 'Der Inhalt ist kein XML (er beginnt nicht mit „<“).' };
  const source = repairPastedXml(trimmed);
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    return { ok: false, reason: `Das XML ist fehlerhaft (Zeile ${valid.err.line}, Spalte ${valid.err.col}: ${valid.err.msg}).` };
  }
  const document = parser.parse(source) as Record<string, XmlNode>;
  const rootName = Object.keys(document).find((name) => !name.startsWith('?') && name !== '#text');
  if (!rootName) return { ok: false, reason: 'Das XML enthält kein Element.' };
  return { ok: true, kind: kindOf(rootName), rootName, root: document[rootName] };
}

/** The children of `node` named `name`, as a list (none: empty). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of the first child `name`, trimmed; null when missing or empty. */
export function childText(node: XmlNode | undefined, name: string): string | null {
  const [first] = children(node, name);
  if (first === undefined) return null;
  const text = typeof first === 'string' ? first : typeof first['#text'] === 'string' ? first['#text'] : '';
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The texts of every child `name` that has text. */
export function childTexts(node: XmlNode | undefined, name: string): string[] {
  return children(node, name)
    .map((child) => (typeof child === 'string' ? child.trim() : ''))
    .filter(Boolean);
}
