import type { z } from 'zod';
import { residentCase } from '../../bff/contract/cases.ts';
import type { ErrorCode, FieldError } from '../../bff/contract/errors.ts';
import { STORED_FILE_TYPES, type StoredFileType } from '../../bff/contract/enums.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import type {
  CaseCatalogue,
  CompanyContact,
  FiledCase,
  FilingCaseType,
  JoinedDamageReport,
  OpenDamageReport,
  StagedUpload,
} from '../internal/case-filing-api.ts';
import { error, json, type FakeBff, type FakeRoute } from './fake-bff.ts';

/** The endpoints of the filing API a fake can be told to fail. */
export type FilingEndpoint = 'catalogue' | 'open-reports' | 'join' | 'upload' | 'delete-upload' | 'file' | 'contact';

export interface FakeCaseFilingOptions {
  catalogue?: CaseCatalogue;
  /** What `GET /api/tenants/:slug/contact` answers (for any slug); by default two emergency numbers. */
  contact?: CompanyContact;
  /** Open damage reports per damage category id; by default two in "Heizung und Warmwasser". */
  openReports?: Record<string, OpenDamageReport[]>;
  /** These endpoints answer 503 (or the given error) until removed from `fake.failing`. */
  failing?: FilingEndpoint[];
  /** `POST /api/cases` answers `400 validation_failed` with these field issues (until cleared). */
  validationErrors?: FieldError[];
  /** `POST …/join` answers like a BFF without the route (404) or for an incident already joined (409). */
  join?: 'ok' | 'not_found' | 'already_joined';
  /** Extra delay of each answer in ms, to see loading states. */
  latency?: number;
  /** Uploads with these file names are rejected as the BFF would (413, 415, 429). */
  rejectFileNames?: Record<string, 413 | 415 | 429>;
}

const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

/** A realistic German catalogue (the BFF's default catalogue, shortened), with stable ids. */
export function fakeCatalogue(): CaseCatalogue {
  const next = ids('0000000d');
  const location = (label: string, categories: Record<string, string[]>) => ({
    id: next(),
    label,
    categories: Object.entries(categories).map(([category, kinds]) => ({
      id: next(),
      label: category,
      kinds: kinds.map((kind) => ({ id: next(), label: kind })),
    })),
  });
  const nextDocument = ids('0000000e');
  return {
    damageLocations: [
      location('Wohnung', {
        Sanitär: ['Wasserhahn tropft', 'Toilettenspülung defekt', 'Abfluss verstopft', 'Wasserschaden / Leck'],
        'Heizung und Warmwasser': ['Heizkörper wird nicht warm', 'Kein Warmwasser', 'Thermostatventil defekt'],
        Elektrik: ['Steckdose oder Schalter defekt', 'Sicherung löst immer wieder aus', 'Stromausfall in der Wohnung'],
        'Fenster und Türen': ['Fenster schließt nicht', 'Wohnungstür oder Schloss defekt', 'Rollladen defekt'],
        'Feuchtigkeit und Schimmel': ['Schimmelbildung', 'Feuchte Wände'],
      }),
      location('Treppenhaus und Eingang', {
        Beleuchtung: ['Licht im Treppenhaus defekt'],
        'Haustür und Klingel': ['Haustür schließt nicht', 'Klingel oder Gegensprechanlage defekt', 'Briefkasten defekt'],
      }),
      location('Keller und Gemeinschaftsräume', {
        Feuchtigkeit: ['Wasser im Keller', 'Schimmelbildung'],
        'Türen und Beleuchtung': ['Tür oder Schloss defekt', 'Licht defekt'],
      }),
      location('Aufzug', { Aufzug: ['Aufzug steht still', 'Tür schließt nicht', 'Ungewöhnliche Geräusche'] }),
    ],
    documentTypes: [
      'Mieterbescheinigung',
      'Wohnungsgeberbestätigung',
      'Kopie Mietvertrag',
      'Hausordnung',
      'Betriebskostenabrechnung (Kopie)',
      'Mietschuldenfreiheitsbescheinigung',
    ].map((label) => ({ id: nextDocument(), label })),
  };
}

/** A housing company's public contact as the demo's Wohnbau Nord eG has it. */
export function fakeContact(): CompanyContact {
  return {
    emergencyNumbers: [
      { label: 'Notdienst Wasser, Heizung, Strom (rund um die Uhr)', phone: '040 123 456' },
      { label: 'Aufzug-Notruf', phone: '040 123 457' },
    ],
    officeHours: 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr',
    contactEmail: 'service@wohnbau-nord.example',
    contactPhone: '040 123 400',
  };
}

/** A catalogue whose labels are as long as a housing company might make them (layout at 320 px). */
export function longFakeCatalogue(): CaseCatalogue {
  const catalogue = fakeCatalogue();
  const first = catalogue.damageLocations[0];
  first.label = 'Wohnung einschließlich Balkon, Loggia, Terrasse und zugehörigem Abstellraum im Dachgeschoss';
  first.categories[0].label = 'Sanitärinstallationen, Wasserleitungen, Armaturen und Entwässerungsanlagen';
  first.categories[0].kinds[0].label = 'Wasserhahn in Küche oder Bad tropft dauerhaft, auch nach festem Zudrehen des Hebels';
  return catalogue;
}

function categoryId(catalogue: CaseCatalogue, location: string, category: string): string {
  const found = catalogue.damageLocations.find((entry) => entry.label === location)?.categories.find((entry) => entry.label === category);
  if (!found) throw new Error(`No category ${location} › ${category} in the fake catalogue`);
  return found.id;
}

function ago(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

/** Two open reports in the second category of the first location ("Wohnung › Heizung und Warmwasser"). */
function defaultOpenReports(catalogue: CaseCatalogue): Record<string, OpenDamageReport[]> {
  const location = catalogue.damageLocations[0];
  const category = location?.categories[1];
  if (!category || category.kinds.length < 2) return {};
  const report = (kind: number, caseNumber: string, status: OpenDamageReport['status'], hours: number): OpenDamageReport => ({
    caseNumber,
    damageLocation: location.label,
    damageCategory: category.label,
    damageKind: category.kinds[kind].label,
    status,
    reportedAt: ago(hours),
  });
  return { [category.id]: [report(1, '2026-0171', 'in_bearbeitung', 20), report(0, '2026-0176', 'eingegangen', 3)] };
}

const uploadErrors: Record<413 | 415 | 429, [ErrorCode, string]> = {
  413: ['file_too_large', 'Die Datei ist zu groß. Erlaubt sind höchstens 10 MB pro Datei.'],
  415: ['unsupported_file_type', 'Dieser Dateityp wird nicht unterstützt. Bitte laden Sie ein Foto (JPEG, PNG, WebP) oder ein PDF hoch.'],
  429: [
    'too_many_uploads',
    'Sie haben bereits 20 Dateien hochgeladen, die noch nicht gesendet wurden. Bitte senden Sie Ihr Anliegen ab oder entfernen Sie Dateien.',
  ],
};

const isStoredType = (type: string): type is StoredFileType => (STORED_FILE_TYPES as readonly string[]).includes(type);

/**
 * The filing endpoints of docs/cases.md in memory, for tests and stories:
 * `new FakeBff({ session, routes: new FakeCaseFiling().routes })`. It records what was filed and
 * uploaded, and decides an upload's type by the declared MIME type (the BFF reads the bytes).
 */
export class FakeCaseFiling {
  readonly catalogue: CaseCatalogue;
  contact: CompanyContact;
  readonly openReports: Record<string, OpenDamageReport[]>;
  readonly failing: Set<FilingEndpoint>;
  validationErrors: FieldError[] | undefined;
  join: 'ok' | 'not_found' | 'already_joined';
  /** Staged uploads by id. */
  readonly uploads = new Map<string, StagedUpload>();
  readonly deletedUploads: string[] = [];
  readonly filed: FiledCase[] = [];
  readonly joined: string[] = [];
  /** The answer of each filing by its Idempotency-Key: a repeat gets it again, as from the BFF. */
  private readonly filedByKey = new Map<string, FiledCase>();
  private readonly nextUploadId = ids('0000000f');
  private caseCounter = 182;

  constructor(private readonly options: FakeCaseFilingOptions = {}) {
    this.catalogue = options.catalogue ?? fakeCatalogue();
    this.contact = options.contact ?? fakeContact();
    this.openReports = options.openReports ?? defaultOpenReports(this.catalogue);
    this.failing = new Set(options.failing ?? []);
    this.validationErrors = options.validationErrors;
    this.join = options.join ?? 'ok';
  }

  /** The category id of a location and category label, for tests. */
  categoryId(location: string, category: string): string {
    return categoryId(this.catalogue, location, category);
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const route = `${request.method} ${request.path}`;
      const known =
        route === 'GET /api/cases/catalogue' ||
        route === 'GET /api/cases/open-damage-reports' ||
        route === 'POST /api/uploads' ||
        route === 'POST /api/cases' ||
        /^GET \/api\/tenants\/[^/]+\/contact$/.test(route) ||
        /^DELETE \/api\/uploads\/[^/]+$/.test(route) ||
        /^POST \/api\/cases\/open-damage-reports\/[^/]+\/join$/.test(route);
      if (!known) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (route === 'GET /api/cases/catalogue') return this.fail('catalogue') ?? json(200, this.catalogue);
      if (route.endsWith('/contact')) return this.fail('contact') ?? json(200, this.contact);
      if (route === 'GET /api/cases/open-damage-reports') {
        return this.fail('open-reports') ?? json(200, { items: this.openReports[request.url.searchParams.get('categoryId') ?? ''] ?? [] });
      }
      if (route === 'POST /api/uploads') return this.fail('upload') ?? this.stage(request.form?.get('file'));
      if (request.method === 'DELETE') {
        const failure = this.fail('delete-upload');
        if (failure) return failure;
        const id = decodeURIComponent(request.path.split('/').pop()!);
        this.uploads.delete(id);
        this.deletedUploads.push(id);
        return new Response(null, { status: 204 });
      }
      if (route === 'POST /api/cases') return this.fail('file') ?? this.fileCase(request.body, request.idempotencyKey);
      return this.fail('join') ?? this.joinReport(decodeURIComponent(request.path.split('/')[4]));
    },
  ];

  private fail(endpoint: FilingEndpoint): Response | undefined {
    if (!this.failing.has(endpoint)) return undefined;
    return error(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.');
  }

  private stage(file: FormDataEntryValue | null | undefined): Response {
    if (!(file instanceof File)) return error(400, 'file_missing', 'Bitte wählen Sie eine Datei aus (Feld „file“).');
    if (file.size === 0) return error(400, 'file_empty', 'Die Datei ist leer.');
    const rejection =
      this.options.rejectFileNames?.[file.name] ??
      (file.size > 10 * 1024 * 1024 ? 413 : !isStoredType(file.type) ? 415 : this.uploads.size >= 20 ? 429 : undefined);
    if (rejection) return error(rejection, ...uploadErrors[rejection]);
    const upload: StagedUpload = {
      id: this.nextUploadId(),
      fileName: file.name,
      contentType: file.type as StoredFileType,
      size: file.size,
    };
    this.uploads.set(upload.id, upload);
    return json(201, { upload });
  }

  private fileCase(body: Record<string, unknown>, idempotencyKey: string | null): Response {
    const repeated = idempotencyKey ? this.filedByKey.get(idempotencyKey) : undefined;
    if (repeated) return json(201, { case: repeated });
    if (this.validationErrors?.length) {
      return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: this.validationErrors });
    }
    const attachmentIds = (body.attachmentIds as string[] | undefined) ?? [];
    if (attachmentIds.some((id) => !this.uploads.has(id))) {
      return error(
        400,
        'unknown_upload',
        'Eine angehängte Datei wurde nicht gefunden, ist abgelaufen oder wurde bereits verwendet. Bitte laden Sie sie erneut hoch.',
      );
    }
    for (const id of attachmentIds) this.uploads.delete(id);
    const type = body.type as FilingCaseType;
    const location = this.catalogue.damageLocations.find((entry) => entry.id === body.damageLocationId);
    const category = location?.categories.find((entry) => entry.id === body.damageCategoryId);
    const kind = category?.kinds.find((entry) => entry.id === body.damageKindId);
    const documentType = this.catalogue.documentTypes.find((entry) => entry.id === body.documentTypeId) ?? null;
    const now = new Date().toISOString();
    // Built through the contract: a field the contract adds with a default needs no line here.
    const filed: FiledCase = residentCase.parse({
      id: `0000000c-0000-4000-8000-${String(this.caseCounter).padStart(12, '0')}`,
      caseNumber: `2026-${String(this.caseCounter++).padStart(4, '0')}`,
      type,
      title: typeof body.title === 'string' ? body.title : kind ? `${kind.label} (${location!.label})` : (documentType?.label ?? ''),
      description: typeof body.description === 'string' ? body.description : '',
      status: 'eingegangen',
      urgency: (body.urgency as FiledCase['urgency']) ?? 'normal',
      damage: location && category && kind ? { location, category, kind } : null,
      documentType: documentType ? { ...documentType, key: null } : null,
      residentAvailability: (body.residentAvailability as string | undefined) ?? null,
      accessConsent: body.accessConsent === true,
      createdAt: now,
      lastActivityAt: now,
    } satisfies z.input<typeof residentCase>);
    this.filed.push(filed);
    if (idempotencyKey) this.filedByKey.set(idempotencyKey, filed);
    return json(201, { case: filed });
  }

  private joinReport(caseNumber: string): Response {
    if (this.join === 'not_found') return error(404, 'not_found', 'Nicht gefunden.');
    const report = Object.values(this.openReports)
      .flat()
      .find((entry) => entry.caseNumber === caseNumber);
    if (!report) return error(404, 'not_found', 'Diese Schadensmeldung ist nicht mehr offen.');
    if (this.join === 'already_joined' || this.joined.includes(caseNumber)) {
      return error(409, 'already_joined', 'Sie haben sich dieser Schadensmeldung bereits angeschlossen.');
    }
    this.joined.push(caseNumber);
    const incident: JoinedDamageReport = { ...report, joinedAt: new Date().toISOString() };
    return json(201, { incident });
  }
}

/**
 * A client for a fake BFF whose uploads report progress in steps over `duration` ms, like a slow phone
 * connection (a client with its own `fetch` otherwise reports only completion). `signal` cancels.
 */
export function progressClient(bff: FakeBff, duration = 2000, steps = 10): ApiClient {
  const client = bff.client();
  const upload = client.upload.bind(client);
  client.upload = async <T>(
    path: string,
    form: FormData,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ) => {
    for (let step = 1; step < steps; step += 1) {
      await new Promise((resolve) => setTimeout(resolve, duration / steps));
      // Cancelled before the last byte: the server never gets the file.
      if (options.signal?.aborted) throw new ApiError(0, 'aborted', '');
      options.onProgress?.(step / steps);
    }
    return upload<T>(path, form, options);
  };
  return client;
}
