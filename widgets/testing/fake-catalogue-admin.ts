import { catalogueEntryChange, catalogueEntryInput, type AdminCatalogue, type CatalogueLevel } from '../../bff/contract/catalogue-admin.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fieldsOf } from './fake-settings.ts';

type Entry = AdminCatalogue['documentTypes'][number];
type Location = AdminCatalogue['damageLocations'][number];
type Category = Location['categories'][number];

export interface FakeCatalogueAdminOptions {
  /** Who asks: `clerk` is refused (403) like the BFF refuses anyone but an admin, `signed-out` gets 401. */
  signedInAs?: 'admin' | 'clerk' | 'signed-out';
  /** Loading (`catalogue`) or saving (`save`) answers 503 while named here. */
  failing?: Array<'catalogue' | 'save'>;
  /** Extra delay of each answer in ms. */
  latency?: number;
  /** Extra delay of a save in ms, to see "Wird gespeichert …". */
  saveLatency?: number;
  /** Ids of entries that cases use: removing them is refused with `catalogue_entry_in_use`. */
  inUse?: string[];
  /** Start with an empty catalogue. */
  empty?: boolean;
}

let counter = 0;
const newId = () => `00000000-0000-4000-a000-${String(++counter).padStart(12, '0')}`;
const entry = (label: string, position: number, translations: Record<string, string> = {}) => ({
  id: newId(),
  label,
  translations,
  position,
});

/** A catalogue like the default one a housing company starts with, shortened. */
export function fakeAdminCatalogue(): AdminCatalogue {
  return {
    damageLocations: [
      {
        ...entry('Wohnung', 0, { en: 'Flat' }),
        commonArea: false,
        categories: [
          {
            ...entry('Sanitär', 0, { en: 'Plumbing' }),
            kinds: [entry('Wasserhahn tropft', 0, { en: 'Dripping tap' }), entry('WC verstopft', 1)],
          },
          { ...entry('Heizung', 1, { en: 'Heating' }), kinds: [entry('Heizkörper wird nicht warm', 0)] },
        ],
      },
      {
        ...entry('Treppenhaus', 1, { en: 'Stairwell' }),
        commonArea: true,
        categories: [{ ...entry('Beleuchtung', 0), kinds: [entry('Licht defekt', 0)] }],
      },
    ],
    documentTypes: [
      { ...entry('Mieterbescheinigung', 0, { en: 'Tenancy certificate' }), readers: 'tenants' },
      { ...entry('Kopie des Mietvertrags', 1), readers: 'all' },
    ],
  };
}

/**
 * The catalogue editor's API of docs/portal-admin.md in memory, for tests and stories. Bodies are checked with the
 * contract's schemas and refused with the BFF's `validation_failed` shape; a label twice among siblings is
 * refused at `label`; `requests` records every accepted change.
 */
export class FakeCatalogueAdmin {
  catalogue: AdminCatalogue;
  signedInAs: NonNullable<FakeCatalogueAdminOptions['signedInAs']>;
  readonly failing: Set<'catalogue' | 'save'>;
  readonly changes: Array<{ method: string; level: CatalogueLevel; id?: string; body?: unknown }> = [];

  constructor(private readonly options: FakeCatalogueAdminOptions = {}) {
    this.catalogue = options.empty ? { damageLocations: [], documentTypes: [] } : fakeAdminCatalogue();
    this.signedInAs = options.signedInAs ?? 'admin';
    this.failing = new Set(options.failing ?? []);
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const match = /^\/api\/staff\/admin\/catalogue(?:\/(locations|categories|kinds|document-types)(?:\/([^/]+))?)?$/.exec(request.path);
      if (!match) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.signedInAs === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (this.signedInAs !== 'admin') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      const [, level, id] = match as unknown as [string, CatalogueLevel | undefined, string | undefined];
      const endpoint = request.method === 'GET' ? 'catalogue' : 'save';
      if (this.failing.has(endpoint)) {
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      }
      if (request.method === 'GET' && !level) return json(200, this.catalogue);
      if (!level) return undefined;
      if (this.options.saveLatency) await new Promise((resolve) => setTimeout(resolve, this.options.saveLatency));
      if (request.method === 'POST' && !id) return this.add(level, request.body);
      if (request.method === 'PATCH' && id) return this.change(level, decodeURIComponent(id), request.body);
      if (request.method === 'DELETE' && id) return this.remove(level, decodeURIComponent(id));
      return undefined;
    },
  ];

  /** The list an entry of `level` lives in (its parent's for categories and kinds). */
  private siblings(level: CatalogueLevel, parentId?: string): Entry[] | Location[] | Category[] | Category['kinds'] | undefined {
    if (level === 'locations') return this.catalogue.damageLocations;
    if (level === 'document-types') return this.catalogue.documentTypes;
    const categories = this.catalogue.damageLocations.flatMap((location) => location.categories);
    if (level === 'categories') return this.catalogue.damageLocations.find((location) => location.id === parentId)?.categories;
    return categories.find((category) => category.id === parentId)?.kinds;
  }

  private find(
    level: CatalogueLevel,
    id: string,
  ): { list: Array<{ id: string; label: string }>; entry: Record<string, unknown> } | undefined {
    const lists =
      level === 'locations'
        ? [this.catalogue.damageLocations]
        : level === 'document-types'
          ? [this.catalogue.documentTypes]
          : level === 'categories'
            ? this.catalogue.damageLocations.map((location) => location.categories)
            : this.catalogue.damageLocations.flatMap((location) => location.categories.map((category) => category.kinds));
    for (const list of lists as Array<Array<{ id: string; label: string }>>) {
      const found = list.find((item) => item.id === id);
      if (found) return { list, entry: found as unknown as Record<string, unknown> };
    }
    return undefined;
  }

  private labelTaken = () =>
    error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
      fields: [{ path: 'label', code: 'custom', message: 'Diese Bezeichnung gibt es hier schon. Bitte wählen Sie eine andere.' }],
    });

  private add(level: CatalogueLevel, body: unknown): Response {
    const parsed = catalogueEntryInput.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    const input = parsed.data;
    const list = this.siblings(level, input.parentId) as Array<{ label: string }> | undefined;
    if (!list) {
      return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
        fields: [{ path: 'parentId', code: 'custom', message: 'Das gibt es im Katalog nicht.' }],
      });
    }
    if (list.some((item) => item.label === input.label)) return this.labelTaken();
    const created = { ...entry(input.label, list.length, input.translations) } as Record<string, unknown>;
    if (level === 'locations') Object.assign(created, { commonArea: input.commonArea ?? false, categories: [] });
    if (level === 'categories') created.kinds = [];
    if (level === 'document-types') created.readers = input.readers ?? 'all';
    list.push(created as never);
    this.changes.push({ method: 'POST', level, body });
    return json(201, this.catalogue);
  }

  private change(level: CatalogueLevel, id: string, body: unknown): Response {
    const parsed = catalogueEntryChange.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    const found = this.find(level, id);
    if (!found) return error(404, 'not_found', 'Nicht gefunden.');
    const { position, ...change } = parsed.data;
    if (change.label && found.list.some((item) => item.id !== id && item.label === change.label)) return this.labelTaken();
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      if (key === 'commonArea' && level !== 'locations') continue;
      if (key === 'readers' && level !== 'document-types') continue;
      found.entry[key] = value;
    }
    if (position !== undefined) {
      const index = found.list.findIndex((item) => item.id === id);
      const [moved] = found.list.splice(index, 1);
      found.list.splice(Math.min(position, found.list.length), 0, moved);
      found.list.forEach((item, at) => ((item as unknown as { position: number }).position = at));
    }
    this.changes.push({ method: 'PATCH', level, id, body });
    return json(200, this.catalogue);
  }

  private remove(level: CatalogueLevel, id: string): Response {
    const found = this.find(level, id);
    if (!found) return error(404, 'not_found', 'Nicht gefunden.');
    if (this.options.inUse?.includes(id)) {
      return error(
        409,
        'catalogue_entry_in_use',
        'Dieser Eintrag wird noch von Vorgängen oder Zuständigkeitsregeln verwendet und kann nicht entfernt werden. Sie können ihn umbenennen.',
      );
    }
    found.list.splice(
      found.list.findIndex((item) => item.id === id),
      1,
    );
    this.changes.push({ method: 'DELETE', level, id });
    return json(200, this.catalogue);
  }
}
