import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import { textLimitProblem } from './text-length.ts';

/**
 * Building blocks of the contract's schemas. Validation messages are German (the default language and
 * the server's fallback text); each failure also carries zod's issue code, which widgets phrase in the
 * page's language.
 */

export const id = z.uuid({ error: 'Ungültige Kennung.' });
export const timestamp = z.iso.datetime();

/**
 * At most `max` characters as people see them (text-length.ts: an emoji is one), the same count as the
 * widgets' counters. `too_big` with `origin: 'string'` as zod's own `.max()` would say; a text of few
 * characters composed of many code points (more than the database's CHECK allows) is `origin: 'code_points'`.
 */
const visibleMax = (max: number) => (value: string, ctx: z.RefinementCtx) => {
  const problem = textLimitProblem(value, max);
  if (!problem) return;
  ctx.addIssue({
    code: 'too_big',
    maximum: max,
    inclusive: true,
    origin: problem === 'too_long' ? 'string' : 'code_points',
    input: value,
    message:
      problem === 'too_long'
        ? `Bitte höchstens ${max} Zeichen.`
        : `Der Text enthält zu viele zusammengesetzte Zeichen (z. B. Emojis mit Hautfarbe); bitte kürzen Sie ihn.`,
  });
};

/** A required text, trimmed, with a maximum length in visible characters. */
export const text = (max: number) =>
  z
    .string({ error: 'Bitte geben Sie einen Text ein.' })
    .trim()
    .min(1, 'Bitte füllen Sie dieses Feld aus.')
    .superRefine(visibleMax(max))
    .meta({ maxLength: max });

/** An optional text (may be empty), trimmed, with a maximum length in visible characters. */
export const optionalText = (max: number) =>
  z.string({ error: 'Bitte geben Sie einen Text ein.' }).trim().superRefine(visibleMax(max)).meta({ maxLength: max });

/** A catalogue entry or account as a list shows it. */
export const labelled = z.object({ id: z.uuid(), label: z.string() }).meta({ id: 'Labelled' });

export const idParams = z.object({ id });

/** `?limit=&cursor=`: the cursor is the id of the last item of the previous page. */
export const pageQuery = z.object({
  limit: z.coerce.number({ error: 'Ungültige Seitengröße.' }).int().min(1).max(100).default(20),
  cursor: id.optional(),
});

/** A page of items; `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.uuid().nullable() });

/** A comma-separated list of enum values in a query parameter, e.g. `?status=eingegangen,beauftragt`. */
export const commaList = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .string()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, { error })).min(1, error));

/** A housing company's slug in paths and sign-in bodies. */
export const slug = z
  .string({ error: 'Bitte ausfüllen.' })
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Nur Kleinbuchstaben, Ziffern und Bindestriche (2–63 Zeichen)');
export const slugParams = z.object({ slug });

/** The body of every error answer (bff/contract/errors.ts). */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .object({
          fields: z
            .array(
              z.object({
                path: z.string(),
                code: z.string(),
                message: z.string(),
                limit: z.number().optional(),
                origin: z.string().optional(),
              }),
            )
            .optional(),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * PostgreSQL stores neither U+0000 (text refuses it) nor half of a UTF-16 surrogate pair (jsonb refuses
 * it, text would silently get U+FFFD): such a character in any input is a field error, never a 500.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasUnstorableCharacter = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

const unstorableMessage = 'Enthält ein Zeichen, das nicht gespeichert werden kann (Nullzeichen oder unvollständiges Unicode-Zeichen).';

/**
 * Any input (a JSON body, query or path parameters) whose texts — values and keys at any depth — PostgreSQL
 * can store. Each offending text is an `invalid_format` issue at its path; the input passes unchanged.
 */
export const storableInput = z.unknown().superRefine((input, ctx) => {
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (hasUnstorableCharacter(value))
        ctx.addIssue({ code: 'invalid_format', format: 'storable_text', path, message: unstorableMessage });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (hasUnstorableCharacter(key)) {
          ctx.addIssue({ code: 'invalid_format', format: 'storable_text', path: [...path, key], message: unstorableMessage });
        } else {
          visit(item, [...path, key]);
        }
      }
    }
  };
  visit(input, []);
});
