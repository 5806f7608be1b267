/**
 * How long a text is, counted the way people see it: one grapheme (a letter with its accents, an emoji with
 * its skin tone, a family emoji, a flag) is one character. Both sides count with this module: the widgets'
 * live counters and the BFF's validation (common.ts) agree, so a text the form accepts is never refused.
 * No zod here: the widgets import it as plain code.
 */

const segmenter = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** The number of characters a reader sees in `text`. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _segment of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * The database stores at most `max` Unicode code points per such field (its CHECK counts them); a text of
 * at most `max` visible characters can still hold more when many of them are composed (👍🏽 is two, 👨‍👩‍👧 five).
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}

export type TextLimitProblem = 'too_long' | 'too_many_combined';

/** What is wrong with `text` against a limit of `max` characters, or `undefined` when it fits. */
export function textLimitProblem(text: string, max: number): TextLimitProblem | undefined {
  if (visibleLength(text) > max) return 'too_long';
  if (codePointLength(text) > max) return 'too_many_combined';
  return undefined;
}

/** From this share of the limit on, a field shows its live counter. */
export const COUNTER_THRESHOLD = 0.8;
