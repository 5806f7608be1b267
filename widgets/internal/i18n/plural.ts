/**
 * The forms of a counted phrase, by the plural category `Intl.PluralRules` gives the count: German, English
 * and Turkish have `one` and `other`; Polish and Ukrainian add `few` and `many` (2 pliki, 5 plików, 22 pliki).
 * `other` is required: it is the form for any category a language's texts leave out.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The plural chooser of one language, e.g. `const plural = pluralOf('pl')`, then `plural(count, { one, few, many, other })`. */
export function pluralOf(language: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(language);
  return (count, forms) => forms[rules.select(count)] ?? forms.other;
}
