import { AGG_CHARACTERISTICS, type AggCharacteristic } from '../contract/enums.ts';

/**
 * Does a rejection's free text touch a characteristic protected by § 19 AGG (race or ethnic origin, sex,
 * religion or belief, disability, age, sexual identity)? A warning only: the clerk reads it and may reject all
 * the same (acknowledged, and recorded in the trail). It never decides anything itself.
 *
 * Words, not guesses: each pattern is a German word (or stem) that names the characteristic or a common proxy
 * of it (Kopftuch, Ausländer, Rollstuhl, schwanger, Rentner). Deliberately NOT flagged, to avoid crying wolf:
 * - "Frau"/"Herr" (salutations), "Kinder"/"Familie"/"Haushaltsgröße" (household size is not a § 19 characteristic;
 *   occupancy is an objective reason — the catalogue's `belegungsvorgaben`), "Glaube" ("ich glaube …");
 * - "Rasse" of a pet ("Hund der Rasse Labrador");
 * - "alter" as an adjective ("alter Mietvertrag", "Alter Mietvertrag …" at a sentence start: a capitalised word
 *   follows): only the noun "Alter" and age phrases.
 * Matching is at word starts (a letter before the match excludes it: "Hunderasse", "Kirchstraße").
 */

interface Pattern {
  characteristic: AggCharacteristic;
  regex: RegExp;
}

/** A pattern that starts at a word start (no letter before it); `flags` default case-insensitive. */
const word = (characteristic: AggCharacteristic, source: string, flags = 'iu'): Pattern => ({
  characteristic,
  regex: new RegExp(`(?<!\\p{L})(?:${source})`, flags),
});

const PATTERNS: Pattern[] = [
  // Rasse / ethnische Herkunft (and its common proxies: nationality, language, skin colour, flight)
  word('herkunft', 'herkunft|ethni|rassis|rasse(?![^.;!?]{0,40}(?:hund|katze|tier|pferd))'),
  word('herkunft', 'ausländ|migrant|migration|nationalität|staatsangehörig|hautfarbe|dunkelhäutig|farbig'),
  word('herkunft', 'flüchtling|geflüchtet|asyl|roma\\b|sinti|akzent|muttersprach|kein(?:e|en)? deutsch|nicht deutsch'),
  word('herkunft', 'türk(?:e|in|en|isch)|arab(?:er|isch)|afrikan|osteurop|südländ'),
  // Geschlecht (pregnancy and maternity are sex discrimination, § 3 Abs. 1 S. 2 AGG)
  word('geschlecht', 'geschlecht|männlich|weiblich|schwanger|mutterschaft|gender'),
  // Religion / Weltanschauung
  word('religion', 'religi|weltanschau|kopftuch|muslim|moslem|islam|jüd|jude\\b|juden\\b|christlich|katholi|evangelisch'),
  word('religion', 'hindu|buddhis|sikh|turban|kippa|burka|niqab|moschee|synagoge|zeugen jehovas|atheist|konfession'),
  // Behinderung (and chronic illness, which can be one)
  word('behinderung', 'behindert|behinderung|schwerbehindert|rollstuhl|rollator|gehbehindert|blind(?!text)|gehörlos|taub\\b'),
  word('behinderung', 'handicap|psychisch|depressi|autis|down-syndrom|trisomie|chronisch krank|pflegebedürftig|assistenzhund'),
  // Alter: the noun (capitalised), and age phrases
  word('alter', 'Alters?(?!\\p{L})(?!\\s+\\p{Lu})|Altersgründe', 'u'),
  word('alter', 'zu alt\\b|zu jung\\b|jahre alt|\\d+\\s*-?\\s*jährig|rentner|rentnerin|senior|jahrgang|betagt|greis'),
  // Sexuelle Identität
  word(
    'sexuelle_identitaet',
    'sexuell|homosexu|heterosexu|bisexu|schwul|lesb|queer|transsexu|transgender|trans\\*|transfrau|transmann|intersex|gleichgeschlechtlich|lgbt',
  ),
];

export interface AggMatch {
  characteristic: AggCharacteristic;
  label: string;
  /** The words of the text that matched. */
  term: string;
}

/** Every protected characteristic the text touches (each once, with the first word that touched it). */
export function aggWarnings(text: string): AggMatch[] {
  const found = new Map<AggCharacteristic, AggMatch>();
  for (const { characteristic, regex } of PATTERNS) {
    if (found.has(characteristic)) continue;
    const match = regex.exec(text);
    if (match) {
      // The match up to the end of its word ("Kopftuch", "Rentnerin"), for the clerk to see what was meant.
      const end = match.index + match[0].length;
      const term = text.slice(match.index, end) + (text.slice(end).match(/^[\p{L}\d-]*/u)?.[0] ?? '');
      found.set(characteristic, { characteristic, label: AGG_CHARACTERISTICS[characteristic], term });
    }
  }
  return [...found.values()];
}
