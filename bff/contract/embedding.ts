import { z } from 'zod';
import { operation } from './operation.ts';

/**
 * Where a housing company's widgets may be embedded and in which colours (docs/portal-admin.md, "Einbindung und
 * Farben"): its admins keep the list of embed origins (CORS and `frame-ancestors` admit exactly these) and the
 * four colour tokens of the widgets' theme.
 */

const tag = 'Portal-Verwaltung';

/** The theme's colour tokens an admin sets; other `--mp-*` values of the theme stay as the platform set them. */
export const THEME_COLOURS = ['--mp-color-primary', '--mp-color-on-primary', '--mp-color-text', '--mp-color-surface'] as const;
export type ThemeColour = (typeof THEME_COLOURS)[number];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXAMPLE = 'z. B. https://www.wohnbau-nord.de';

/**
 * Why a text is not exactly an origin (scheme, host and port, nothing else), or undefined when it is one. An origin
 * with a path, a query, a user name or a wildcard would look as if it narrowed the embedding, but browsers send
 * the origin only: it is refused rather than silently cut.
 */
export function originProblem(value: string): string | undefined {
  if (value.includes('*')) return `Platzhalter (*) sind nicht erlaubt: bitte jede Adresse einzeln angeben, ${EXAMPLE}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Bitte eine vollständige Adresse mit https:// angeben, ${EXAMPLE}.`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return 'Nur https-Adressen (http nur für localhost zum Testen).';
  }
  if (url.username || url.password) return 'Bitte ohne Benutzername und Passwort angeben.';
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) {
    return `Nur Schema, Rechnername und gegebenenfalls Port, ohne Pfad: ${url.origin}`;
  }
  return undefined;
}

export const embedOrigin = z
  .string({ error: `Bitte eine Adresse angeben, ${EXAMPLE}.` })
  .trim()
  .min(1, `Bitte eine Adresse angeben, ${EXAMPLE}.`)
  .max(200, 'Bitte höchstens 200 Zeichen.')
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => new URL(value).origin);

const colour = z
  .string({ error: 'Bitte eine Farbe als Hex-Wert angeben, z. B. #005ca9.' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Bitte eine Farbe als Hex-Wert mit sechs Stellen angeben, z. B. #005ca9.')
  .transform((value) => value.toLowerCase());

export const themeColours = z.partialRecord(z.enum(THEME_COLOURS), colour, {
  error: (issue) =>
    (issue.code as string) === 'unrecognized_keys'
      ? `Unbekannte Farbe: ${(issue as unknown as { keys: string[] }).keys.join(', ')} (möglich: ${THEME_COLOURS.join(', ')}).`
      : 'Bitte die Farben als Objekt angeben.',
});

export const embedding = z
  .object({
    allowedOrigins: z.array(z.string()),
    colours: z.partialRecord(z.enum(THEME_COLOURS), z.string()),
  })
  .meta({ id: 'Embedding' });
export type Embedding = z.output<typeof embedding>;

export const embeddingChange = z
  .strictObject(
    {
      allowedOrigins: z
        .array(embedOrigin, { error: 'Bitte eine Liste von Adressen angeben.' })
        .max(50, 'Höchstens 50 Adressen.')
        .superRefine((origins, ctx) => {
          origins.forEach((origin, index) => {
            if (origins.indexOf(origin) !== index)
              ctx.addIssue({ code: 'custom', path: [index], message: `${origin} steht schon in der Liste.` });
          });
        }),
      colours: themeColours,
    },
    { error: 'Bitte Adressen (allowedOrigins) und Farben (colours) senden.' },
  )
  .meta({ id: 'EmbeddingChange' });
export type EmbeddingChange = z.input<typeof embeddingChange>;

export const embeddingOperations = {
  embedding: operation({
    operationId: 'embedding',
    method: 'get',
    path: '/staff/admin/embedding',
    summary: 'Adressen, auf denen das Portal eingebunden werden darf, und die Farben der Widgets',
    tag,
    access: 'admin',
    response: embedding,
  }),
  changeEmbedding: operation({
    operationId: 'changeEmbedding',
    method: 'put',
    path: '/staff/admin/embedding',
    summary: 'Einbindungsadressen und Farben ersetzen (im Audit-Log vermerkt)',
    tag,
    access: 'admin',
    body: embeddingChange,
    response: embedding,
  }),
};
