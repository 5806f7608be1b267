import type { HouseholdType } from '../contract/enums.ts';

/**
 * Data minimisation at the door (Art. 5 Abs. 1 lit. c DSGVO): of what a portal sends along with an enquiry —
 * structured fields, IS24's "Weitere Daten zum Interessenten; Label: Wert; …" block appended to the message,
 * `Label: Wert` lines as relays embed them, and the person's own words — a lead keeps only the allow-list:
 * desired move-in, household (size and type) and pets. Self-disclosure data (income, employment, SCHUFA, rent
 * arrears, insolvency, equity, documents, date of birth, …) is cut out of the stored message and fields; the
 * lead only notes that it was offered. It may be collected once a viewing has taken place, never at intake.
 * Every other field a portal sends is dropped: what is not on the allow-list is not stored.
 *
 * Every intake path (webhook, e-mail, OpenImmo files, manual entry) runs its enquiry through `minimiseEnquiry`.
 */

export type FieldValue = string | number | boolean | null;

export interface Enquiry {
  /** The free text as the person wrote it (with whatever the portal appended). */
  message: string;
  /** Structured fields the sender delivered besides the message, by the sender's label. */
  fields?: Record<string, FieldValue>;
}

export interface MinimisedEnquiry {
  message: string;
  /** 'YYYY-MM-DD' when a date was named, else the words ("ab sofort", "flexibel"). */
  desiredMoveIn: string | null;
  householdSize: number | null;
  householdType: HouseholdType | null;
  pets: boolean | null;
  /** What the person said about their pets beyond yes or no ("eine Katze"). */
  petsNote: string | null;
  /** The sender offered self-disclosure data (cut, not stored). */
  selfDisclosureOffered: boolean;
}

/** Where a cut sentence stood in the stored message: the clerk sees that something was left out, not what. */
export const CUT_MARKER = '[Selbstauskunft entfernt]';

/** Labels of fields that are self-disclosure data: the field is dropped and noted as offered. */
const SELF_DISCLOSURE_LABEL =
  /einkommen|gehalt|netto|brutto|lohn|verdienst|income|salary|anstellung|beschäftigung|beschaeftigung|beruf|arbeitgeber|branche|employ|\bjob|schufa|bonität|bonitaet|credit|auskunftei|mietr(ü|ue)ckst|mietschuld|insolvenz|eigenkapital|finanzrahmen|verm(ö|oe)gen|b(ü|ue)rgschaft|unterlagen|selbstauskunft|wohnberechtigung|\bwbs\b|geburt|\balter\b|\bage\b|profilfoto|\bfoto|photo|nationalit|staatsangeh|familienstand/i;

/**
 * Self-disclosure in the person's own words. A sentence that matches one of these is cut. The patterns are
 * narrow where a word has a harmless meaning too: "Nettokaltmiete", "lohnt sich", "gehalten", "befristeter
 * Mietvertrag" and a question whether the rent is "netto" stay.
 */
const SELF_DISCLOSURE_TEXT: RegExp[] = [
  /einkommen|\b(?:brutto|netto|monats|jahres)?geh[aä]lt(?:s\w*|er)?\b|\blohn(?:abrechnung\w*|nachweis\w*|steuer\w*)?\b|\blöhne\b/i,
  /\bverdien(?:e|st|t|en)\b|\bincome\b|\bsalary\b|\bearn(?:s|ing)?\b/i,
  /arbeitgeber|\bberuf\b|\bberufe\b|berufstätig|\barbeite\s+(?:als|bei|in|seit)\b|\btätig\s+(?:als|bei)\b|\bangestellt|festanstellung|festangestellt/i,
  /unbefristet\w*\s+(?:angestellt|beschäftigt|arbeitsvertrag|stelle|job|vertrag\s+beim?)|arbeitsvertrag|probezeit|\bselbst(?:st)?ändig|\bbeamt(?:er|in|e)\b|\bverbeamtet/i,
  /\bstudent(?:in)?\b|\bstudiere\b|\bazubi\b|auszubildend|in\s+ausbildung|\brentner(?:in)?\b|\bpension(?:är|ärin|iert)\b|\bin\s+rente\b/i,
  /arbeitslos|arbeitssuchend|bürgergeld|buergergeld|\bhartz\b|jobcenter|sozialhilfe|wohngeld|\bemployer\b|\bemployed\b|\bunemployed\b/i,
  /schufa|bonität|bonitaet|creditreform|\bbonify\b|\bcrif\b|auskunftei|credit\s*(?:score|check|report)/i,
  /mietschuld|mietr(?:ü|ue)ckst(?:a|ä|ae)nd|rent\s+arrears/i,
  /insolvenz|zahlungsunfähig|bankrupt/i,
  /eigenkapital|\bverm(?:ö|oe)gen\b|ersparnisse|erspartes|b(?:ü|ue)rgschaft|\bbürgen?\b|finanzrahmen/i,
  /selbstauskunft|kontoauszüge?|wohnberechtigungsschein|\bwbs\b|geburtsdatum|\bgeboren\s+am\b|\bgeb\.\s*\d/i,
];

/** "netto"/"brutto" with an amount is income (unless it is about the rent). */
const NET_AMOUNT = /\b(?:netto|brutto)\b/i;

function isSelfDisclosureText(text: string): boolean {
  if (SELF_DISCLOSURE_TEXT.some((pattern) => pattern.test(text))) return true;
  return NET_AMOUNT.test(text) && /\d/.test(text) && !/miete|nebenkosten|kaution/i.test(text);
}

type AllowedField = 'moveIn' | 'household' | 'householdShared' | 'pets' | 'petFree';

/** Labels of the allow-list. Checked before the self-disclosure labels: "Haushaltsgröße" is allowed. */
function allowedField(label: string): AllowedField | undefined {
  const l = label.toLowerCase();
  if (/auszug/.test(l)) return undefined;
  if (/einzug|bezug|move.?in|verfügbar ab|frei ab/.test(l)) return 'moveIn';
  if (/wohngemeinschaft|\bwg\b|shared/.test(l)) return 'householdShared';
  if (/tierfrei|pet.?free/.test(l)) return 'petFree';
  if (/tier|pets?\b/.test(l)) return 'pets';
  if (/haushalt|personen|bewohner|household|persons|occupants/.test(l) && !/einkommen|netto/.test(l)) return 'household';
  return undefined;
}

const IS24_BLOCK = /Weitere Daten zum Interessenten\s*[;:]?/i;
/** A line `Label: value` as relays embed portal fields into the message (label without sentence punctuation). */
const LABEL_LINE = /^\s*([A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß0-9()/.-]*(?: [A-Za-zÄÖÜäöüß0-9()/.-]+){0,4})\s*:\s*(.*?)\s*$/;

export function minimiseEnquiry(enquiry: Enquiry): MinimisedEnquiry {
  const result: MinimisedEnquiry = {
    message: '',
    desiredMoveIn: null,
    householdSize: null,
    householdType: null,
    pets: null,
    petsNote: null,
    selfDisclosureOffered: false,
  };
  const fields: Array<[string, FieldValue]> = Object.entries(enquiry.fields ?? {});

  // IS24 appends its structured data to the message: split it into fields.
  let text = enquiry.message.replace(/\r\n?/g, '\n');
  const block = IS24_BLOCK.exec(text);
  if (block) {
    const blockEnd = text.indexOf('\n\n', block.index);
    const blockText = text.slice(block.index + block[0].length, blockEnd === -1 ? undefined : blockEnd);
    for (const entry of blockText.split(/[;\n]/)) {
      const colon = entry.indexOf(':');
      if (colon > 0) fields.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
    }
    text = text.slice(0, block.index) + (blockEnd === -1 ? '' : text.slice(blockEnd));
  }

  // `Label: value` lines of known labels are fields too; other lines are the person's words.
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const labelled = LABEL_LINE.exec(line);
    if (labelled && (allowedField(labelled[1]) || SELF_DISCLOSURE_LABEL.test(labelled[1]))) {
      fields.push([labelled[1], labelled[2]]);
    } else {
      lines.push(line);
    }
  }

  for (const [label, value] of fields) applyField(result, label, value);
  const cut = cutSelfDisclosure(lines.join('\n'));
  result.message = cut.text;
  if (cut.cut) result.selfDisclosureOffered = true;
  return result;
}

function applyField(result: MinimisedEnquiry, label: string, raw: FieldValue): void {
  if (raw === null || raw === '') return;
  const value = String(raw).trim();
  if (!value) return;
  const field = allowedField(label);
  if (!field) {
    if (SELF_DISCLOSURE_LABEL.test(label) && !isNothing(value)) result.selfDisclosureOffered = true;
    return;
  }
  // An allowed field whose words disclose more ("2 Personen, beide berufstätig") is not kept either.
  if (isSelfDisclosureText(value)) {
    result.selfDisclosureOffered = true;
    return;
  }
  switch (field) {
    case 'moveIn':
      result.desiredMoveIn ??= moveInOf(value);
      return;
    case 'household': {
      const household = householdOf(value);
      result.householdSize ??= household.size;
      result.householdType ??= household.type;
      return;
    }
    case 'householdShared':
      if (yesNo(value) === true) result.householdType ??= 'shared';
      return;
    case 'pets':
    case 'petFree': {
      const answer = yesNo(value);
      if (answer === undefined) {
        result.pets ??= field === 'pets';
        result.petsNote ??= value.slice(0, 200);
      } else {
        result.pets ??= field === 'pets' ? answer : !answer;
      }
      return;
    }
  }
}

/** "-", "keine Angabe": the person left the field empty ("Mietrückstände: Nein" is an answer, and offered). */
const isNothing = (value: string) => /^(?:-+|k\. ?a\.?|keine angabe|nicht angegeben|n\/a)$/i.test(value.trim());

function yesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (/^(?:ja|yes|true|vorhanden|1)$/.test(v)) return true;
  if (/^(?:nein|no|false|keine?|nicht vorhanden|0)$/.test(v)) return false;
  return undefined;
}

function moveInOf(value: string): string | null {
  const german = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(value);
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const [year, month, day] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (year && month && day) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)) return date.toISOString().slice(0, 10);
  }
  return value.slice(0, 100);
}

const NUMBER_WORDS: Record<string, number> = {
  ein: 1,
  eine: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
};

function householdOf(value: string): { size: number | null; type: HouseholdType | null } {
  const v = value.toLowerCase();
  // "2 Erwachsene, 1 Kind" counts everyone; "3 Personen" or "3" as it stands.
  const counted = [
    ...v.matchAll(
      /\b(\d{1,2}|ein|eine|einer|zwei|drei|vier|fünf|sechs|sieben|acht)\s+(?:erwachsene?r?|kind(?:er|ern)?|person(?:en)?|bewohner)\b/g,
    ),
  ];
  const numberOf = (token: string) => (/^\d+$/.test(token) ? Number(token) : NUMBER_WORDS[token]);
  const single = /\b(\d{1,2})\b/.exec(v);
  let size = counted.length ? counted.reduce((sum, match) => sum + numberOf(match[1]), 0) : single ? Number(single[1]) : null;
  if (size !== null && (size < 1 || size > 30)) size = null;
  let type: HouseholdType | null = null;
  if (/wohngemeinschaft|\bwg\b/.test(v)) type = 'shared';
  else if (/famil|kind/.test(v)) type = 'family';
  else if (/einpersonen|single|allein|^1$|\b1 person\b|\bein(?:e)? person\b/.test(v)) type = 'single';
  else if (/paar|zwei erwachsene|2 erwachsene|couple/.test(v)) type = 'couple';
  if (type === 'single') size ??= 1;
  if (type === 'couple') size ??= 2;
  if (size === 1 && !type) type = 'single';
  return { size, type };
}

/**
 * Cuts every sentence with self-disclosure data; a run of cut sentences leaves one marker. Line breaks and
 * the other sentences stay as written.
 */
function cutSelfDisclosure(text: string): { text: string; cut: boolean } {
  let cut = false;
  const lines = text.split('\n').map((line) => {
    const sentences = line.split(/(?<=[.!?…])\s+/);
    const kept: string[] = [];
    for (const sentence of sentences) {
      if (!isSelfDisclosureText(sentence)) kept.push(sentence);
      else {
        cut = true;
        if (kept[kept.length - 1] !== CUT_MARKER) kept.push(CUT_MARKER);
      }
    }
    return kept.join(' ');
  });
  const joined = lines
    .join('\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: joined, cut };
}

/**
 * Cuts self-disclosure out of a text kept as it came (a dead letter's message, bff/leads/dead-letter-redaction.ts):
 * a `Label: Wert` pair with a self-disclosure label keeps its label and loses its value, a sentence with
 * self-disclosure becomes the marker; line breaks, `;`-separated pairs (IS24's block) and everything else stay.
 */
export function redactSelfDisclosure(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((line) => {
      if (/^\r?\n$/.test(line)) return line;
      return line
        .split(/(;\s*)/)
        .map((piece) => {
          if (/^;\s*$/.test(piece)) return piece;
          const labelled = LABEL_LINE.exec(piece);
          if (labelled && !allowedField(labelled[1]) && SELF_DISCLOSURE_LABEL.test(labelled[1]) && !isNothing(labelled[2])) {
            return piece.slice(0, piece.indexOf(':') + 1) + ' ' + CUT_MARKER;
          }
          const leading = /^\s*/.exec(piece)?.[0] ?? '';
          const sentences = piece.slice(leading.length).split(/(?<=[.!?…])(\s+)/);
          let changed = false;
          const kept = sentences.map((sentence) => {
            if (/^\s+$/.test(sentence) || !isSelfDisclosureText(sentence)) return sentence;
            changed = true;
            return CUT_MARKER;
          });
          return changed ? leading + kept.join('') : piece;
        })
        .join('');
    })
    .join('');
}
