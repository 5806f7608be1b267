import { z } from 'zod';
import { id } from './common.ts';
import { DOCUMENT_READERS, LANGUAGES, type Language } from './enums.ts';
import { operation } from './operation.ts';

/**
 * The admins' view of their housing company's catalogues (docs/portal-admin.md): damage locations (with the
 * common-area flag), their categories and kinds, and the document types residents may request — each with
 * its German label and translations. Residents read the same rows through `GET /api/cases/catalogue`.
 */

const tag = 'Portal-Verwaltung';

/** The four levels an admin edits, as they appear in the path. */
export const CATALOGUE_LEVELS = ['locations', 'categories', 'kinds', 'document-types'] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];

const label = z
  .string({ error: 'Bitte eine Bezeichnung angeben.' })
  .trim()
  .min(1, 'Bitte eine Bezeichnung angeben.')
  .max(100, 'Bitte höchstens 100 Zeichen.');

const TRANSLATED = LANGUAGES.filter((language): language is Exclude<Language, 'de'> => language !== 'de');

/**
 * Translations of a label by language (`{ "en": "Dripping tap" }`); the German label is the entry's own.
 * Empty ones are dropped: a language without a translation shows the German label.
 */
export const labelTranslations = z
  .partialRecord(
    z.enum(TRANSLATED as [Exclude<Language, 'de'>, ...Exclude<Language, 'de'>[]], {
      error: 'Übersetzungen gibt es für en, tr, pl und uk.',
    }),
    z.string({ error: 'Bitte die Übersetzung als Text angeben.' }).trim().max(100, 'Bitte höchstens 100 Zeichen.'),
    {
      error: (issue) =>
        (issue.code as string) === 'unrecognized_keys'
          ? `Übersetzungen gibt es für en, tr, pl und uk, nicht für ${(issue as unknown as { keys: string[] }).keys.join(', ')}.`
          : 'Übersetzungen als Objekt je Sprache erwartet, z. B. {"en": "Dripping tap"}.',
    },
  )
  .transform((translations) => Object.fromEntries(Object.entries(translations).filter(([, text]) => text)))
  .meta({ id: 'LabelTranslations' });

const entry = z.object({ id: z.uuid(), label: z.string(), translations: z.record(z.string(), z.string()), position: z.number().int() });

export const adminCatalogue = z
  .object({
    damageLocations: z.array(
      entry.extend({
        commonArea: z.boolean(),
        categories: z.array(entry.extend({ kinds: z.array(entry) })),
      }),
    ),
    documentTypes: z.array(entry.extend({ readers: z.enum(DOCUMENT_READERS) })),
  })
  .meta({ id: 'AdminCatalogue' });
export type AdminCatalogue = z.output<typeof adminCatalogue>;

/**
 * A new entry. `parentId` is the location of a new category and the category of a new kind; `commonArea`
 * applies to locations, `readers` to document types (who may request it: all, tenants or owners).
 */
export const catalogueEntryInput = z
  .strictObject(
    {
      label,
      translations: labelTranslations.default({}),
      parentId: id.optional(),
      commonArea: z.boolean({ error: 'Bitte ja oder nein angeben.' }).optional(),
      readers: z.enum(DOCUMENT_READERS, { error: 'Bitte „all“, „tenants“ oder „owners“ angeben.' }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unbekanntes Feld: ${issue.keys.join(', ')}` : 'Objekt erwartet.') },
  )
  .meta({ id: 'CatalogueEntryInput' });
export type CatalogueEntryInput = z.input<typeof catalogueEntryInput>;

/** A change of an entry: only the named fields. `position` moves it among its siblings (0 = first). */
export const catalogueEntryChange = z
  .strictObject(
    {
      label: label.optional(),
      translations: labelTranslations.optional(),
      commonArea: z.boolean({ error: 'Bitte ja oder nein angeben.' }).optional(),
      readers: z.enum(DOCUMENT_READERS, { error: 'Bitte „all“, „tenants“ oder „owners“ angeben.' }).optional(),
      position: z.number({ error: 'Bitte eine Position angeben.' }).int('Bitte eine ganze Zahl angeben.').min(0).max(999).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unbekanntes Feld: ${issue.keys.join(', ')}` : 'Objekt erwartet.') },
  )
  .meta({ id: 'CatalogueEntryChange' });
export type CatalogueEntryChange = z.input<typeof catalogueEntryChange>;

const levelParams = z.object({
  level: z.enum(CATALOGUE_LEVELS, { error: 'Unbekannte Katalogebene (locations, categories, kinds, document-types).' }),
});
const entryParams = levelParams.extend({ id });

export const catalogueAdminOperations = {
  adminCatalogue: operation({
    operationId: 'adminCatalogue',
    method: 'get',
    path: '/staff/admin/catalogue',
    summary: 'Schadenskatalog und Dokumentarten mit Übersetzungen (für die Verwaltung)',
    tag,
    access: 'admin',
    response: adminCatalogue,
  }),
  addCatalogueEntry: operation({
    operationId: 'addCatalogueEntry',
    method: 'post',
    path: '/staff/admin/catalogue/:level',
    summary: 'Schadensort, -kategorie, -art oder Dokumentart hinzufügen (im Audit-Log vermerkt)',
    tag,
    access: 'admin',
    params: levelParams,
    body: catalogueEntryInput,
    response: adminCatalogue,
    status: 201,
  }),
  changeCatalogueEntry: operation({
    operationId: 'changeCatalogueEntry',
    method: 'patch',
    path: '/staff/admin/catalogue/:level/:id',
    summary: 'Katalogeintrag ändern: Bezeichnung, Übersetzungen, Gemeinschaftsfläche, Leserkreis, Position (im Audit-Log vermerkt)',
    tag,
    access: 'admin',
    params: entryParams,
    body: catalogueEntryChange,
    response: adminCatalogue,
  }),
  removeCatalogueEntry: operation({
    operationId: 'removeCatalogueEntry',
    method: 'delete',
    path: '/staff/admin/catalogue/:level/:id',
    summary: 'Katalogeintrag entfernen (mit seinen Unterpunkten), wenn kein Vorgang und keine Regel ihn verwendet',
    tag,
    access: 'admin',
    params: entryParams,
    response: adminCatalogue,
  }),
};
