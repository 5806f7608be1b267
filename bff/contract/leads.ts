import { z } from 'zod';
import { commaList, id, idParams, labelled, page, pageQuery, slug, text, timestamp } from './common.ts';
import {
  AGG_CHARACTERISTICS,
  CONTACT_CHANNELS,
  CONTACT_VERIFICATIONS,
  HOUSEHOLD_TYPES,
  INCOME_BANDS,
  LEAD_REJECTION_REASON_CODES,
  SELF_DISCLOSURE_FIELDS,
  type AggCharacteristic,
  LEAD_CHANNELS,
  LEAD_COLUMNS,
  LEAD_EVENT_KINDS,
  LEAD_INTAKE_REJECTION_REASONS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LISTING_STATUSES,
  STAFF_PERMISSIONS,
} from './enums.ts';
import { operation } from './operation.ts';

/**
 * The lead pipeline (docs/leads.md): listings (Inserate) with their ids on the portals, leads (Interessenten)
 * from the signed webhook and the other intake paths, the board's reads, the webhook's secrets and refusals,
 * and the letting permission (Vermietung) that shows a lead's phone and address.
 */

const tag = 'Vermietung';

// ---------------------------------------------------------------------------------------------------
// Listings

/** A portal or relay as it names itself in URLs and listing ids: immoscout24, immowelt, openimmo, estatesync, … */
export const leadProvider = z
  .string({ error: 'Bitte einen Anbieter angeben, z. B. immoscout24.' })
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'Anbieter: Kleinbuchstaben, Ziffern und Bindestriche (2–40 Zeichen), z. B. immoscout24.');

const euros = z
  .number({ error: 'Bitte einen Betrag in Euro als Zahl angeben, z. B. 650.5.' })
  .min(0, 'Der Betrag darf nicht negativ sein.')
  .max(99_999_999, 'Der Betrag ist zu groß.')
  .transform((amount) => Math.round(amount * 100) / 100);
const rooms = z
  .number({ error: 'Bitte die Zimmerzahl als Zahl angeben, z. B. 2.5.' })
  .positive('Bitte mindestens ein halbes Zimmer angeben.')
  .max(99, 'Höchstens 99 Zimmer.')
  .multipleOf(0.5, 'Zimmer in halben Schritten, z. B. 2.5.');
const livingArea = z
  .number({ error: 'Bitte die Wohnfläche in m² als Zahl angeben, z. B. 68.4.' })
  .positive('Die Wohnfläche muss größer als 0 sein.')
  .max(10_000, 'Höchstens 10 000 m².')
  .transform((area) => Math.round(area * 100) / 100);
const isoDate = z.iso.date('Datum im Format JJJJ-MM-TT erwartet, z. B. 2026-05-01.');

export const listingPortalId = z
  .object({
    provider: leadProvider,
    providerListingId: z
      .string({ error: 'Bitte die Kennung des Inserats beim Anbieter angeben.' })
      .trim()
      .min(1, 'Bitte die Kennung des Inserats beim Anbieter angeben.')
      .max(100, 'Bitte höchstens 100 Zeichen.'),
  })
  .meta({ id: 'ListingPortalId' });
export type ListingPortalId = z.output<typeof listingPortalId>;

const portalIds = z
  .array(listingPortalId, { error: 'Liste von Anbieter-Kennungen erwartet.' })
  .max(20, 'Höchstens 20 Anbieter.')
  .refine((ids) => new Set(ids.map((entry) => entry.provider)).size === ids.length, 'Jeden Anbieter nur einmal angeben.');

const listingFields = {
  unitId: z.uuid({ error: 'Bitte eine Wohneinheit auswählen.' }),
  title: text(200),
  rooms,
  livingArea,
  coldRent: euros,
  /** Nebenkosten (Vorauszahlung) per month. */
  serviceCharges: euros,
  availableFrom: isoDate.nullable(),
  /** Provision (§ 2 Abs. 1a WoVermittG), e.g. "provisionsfrei" — required, carried into each lead. */
  commission: text(300),
  status: z.enum(LISTING_STATUSES, { error: 'Status „aktiv“ oder „vermietet“.' }),
  portalIds,
};

export const listingInput = z
  .object({
    ...listingFields,
    availableFrom: listingFields.availableFrom.default(null),
    status: listingFields.status.default('aktiv'),
    portalIds: portalIds.default([]),
  })
  .meta({ id: 'NewListing' });
export type ListingInput = z.output<typeof listingInput>;

/** The fields to change; `portalIds` replaces the whole list. */
export const listingChange = z
  .object(listingFields)
  .partial()
  .refine((change) => Object.keys(change).length > 0, 'Bitte mindestens ein Feld ändern.')
  .meta({ id: 'ListingChange' });
export type ListingChange = z.output<typeof listingChange>;

export const listing = z
  .object({
    id: z.uuid(),
    title: z.string(),
    unit: labelled,
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    rooms: z.number(),
    livingArea: z.number(),
    coldRent: z.number(),
    serviceCharges: z.number(),
    availableFrom: z.string().nullable(),
    commission: z.string(),
    status: z.enum(LISTING_STATUSES),
    portalIds: z.array(listingPortalId),
    /** Leads of the listing, rejected ones included. */
    leadCount: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Listing' });
export type Listing = z.output<typeof listing>;

/** A unit of the company as the listing form offers it: its label and the building's address. */
export const listingUnit = z
  .object({
    id: z.uuid(),
    label: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    /** An active listing already offers this unit. */
    activeListing: z.boolean(),
  })
  .meta({ id: 'ListingUnit' });
export type ListingUnit = z.output<typeof listingUnit>;

/** How many units the listing form is offered at most (sorted by address, then label). */
export const LISTING_UNITS_LIMIT = 1000;

export const listingQuery = pageQuery.extend({
  status: z.enum(LISTING_STATUSES, { error: 'Status „aktiv“ oder „vermietet“.' }).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Leads

/** A lead as a card on the board and in live events: no telephone number or address (letting permission). */
export const leadCard = z
  .object({
    id: z.uuid(),
    listing: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    status: z.enum(LEAD_STATUSES),
    column: z.enum(LEAD_COLUMNS),
    source: z.enum(LEAD_SOURCES),
    channel: z.enum(LEAD_CHANNELS),
    /** The webhook's provider or the sending portal. */
    provider: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    owner: labelled.nullable(),
    /** 'YYYY-MM-DD' when a date was named, else the person's words ("ab sofort"). */
    desiredMoveIn: z.string().nullable(),
    householdSize: z.number().int().nullable(),
    householdType: z.enum(HOUSEHOLD_TYPES).nullable(),
    pets: z.boolean().nullable(),
    /** The portal offered self-disclosure data; it was cut at the door (docs/leads.md, "Data minimisation"). */
    selfDisclosureOffered: z.boolean(),
    /** Another lead of the same listing has the same e-mail address or telephone number (merging stays manual). */
    duplicate: z.boolean(),
    /** Counts changes: a move names the version it saw, so two clerks moving one card cannot both win. */
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** Since when the lead is in its status (time in stage). */
    statusChangedAt: timestamp,
  })
  .meta({ id: 'LeadCard' });
export type LeadCard = z.output<typeof leadCard>;

export const leadEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(LEAD_EVENT_KINDS),
    at: timestamp,
    actor: z.object({ role: z.enum(['staff', 'system']), name: z.string().nullable() }),
    from: z.enum(LEAD_STATUSES).nullable(),
    to: z.enum(LEAD_STATUSES).nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'LeadEvent' });
export type LeadEvent = z.output<typeof leadEvent>;

export const leadDetail = z
  .object({
    lead: leadCard.extend({
      /** The message after data minimisation. */
      message: z.string(),
      petsNote: z.string().nullable(),
      /** The listing's commission when the lead was assigned to it. */
      commission: z.string().nullable(),
      sentAt: timestamp.nullable(),
      /** The provider's id of the enquiry. */
      externalId: z.string().nullable(),
      /** Only with the letting permission (`contactVisible`); every view is written to the access log. */
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    /** The viewer holds the letting permission: phone and address are shown (null: the lead has none). */
    contactVisible: z.boolean(),
    /** The audit trail, oldest first. */
    events: z.array(leadEvent),
    /** Other leads of the same listing with the same e-mail address or telephone number. */
    duplicates: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        status: z.enum(LEAD_STATUSES),
        matchedBy: z.array(z.enum(['email', 'phone'])),
        createdAt: timestamp,
      }),
    ),
  })
  .meta({ id: 'LeadDetail' });
export type LeadDetail = z.output<typeof leadDetail>;

const leadFilter = {
  /** A listing's id, or `none` for leads without one. */
  listing: z.union([id, z.literal('none')], { error: 'Bitte eine Inserats-Kennung oder „none“ angeben.' }).optional(),
  source: commaList(LEAD_SOURCES, 'Unbekannte Quelle.').optional(),
  /** An account id, `me` or `none` (no owner yet). */
  owner: z.union([id, z.enum(['me', 'none'])], { error: 'Bitte eine Kennung, „me“ oder „none“ angeben.' }).optional(),
  /** Name or e-mail address (and, with the letting permission, telephone number and address), across listings. */
  q: z.string().trim().min(2, 'Bitte mindestens 2 Zeichen eingeben.').max(100, 'Bitte höchstens 100 Zeichen.').optional(),
};

export const leadQuery = pageQuery.extend({
  /** One column of the board; without it, leads of every column (search results). */
  column: z.enum(LEAD_COLUMNS, { error: 'Unbekannte Spalte.' }).optional(),
  ...leadFilter,
});
export const leadCountQuery = z.object(leadFilter);

export const leadPage = page(leadCard)
  .extend({
    /** The viewer holds the letting permission (`q` then also searched telephone numbers and addresses). */
    contactVisible: z.boolean(),
  })
  .meta({ id: 'LeadPage' });

const count = z.number().int();
export const leadColumnCounts = z
  .object({
    columns: z.object({
      nicht_zugeordnet: count,
      offen: count,
      kontaktiert: count,
      besichtigt: count,
      akzeptiert: count,
      abgelehnt: count,
    } satisfies Record<(typeof LEAD_COLUMNS)[number], z.ZodNumber>),
  })
  .meta({ id: 'LeadColumnCounts' });

export const leadAccessEntry = z
  .object({
    id: z.uuid(),
    at: timestamp,
    account: labelled,
    via: z.enum(['detail', 'search']),
    fields: z.array(z.enum(['phone', 'address'])),
  })
  .meta({ id: 'LeadAccessEntry' });

// ---------------------------------------------------------------------------------------------------
// Signed webhook and its secrets

/**
 * An enquiry as a provider posts it to `POST /hooks/{tenantSlug}/leads/{provider}` (docs/leads.md). Unknown
 * fields are dropped; the message and `fields` go through data minimisation before anything is stored.
 */
export const leadWebhookPayload = z
  .object({
    /** The provider's id of the enquiry: the same id twice is one lead. */
    enquiryId: z.string().trim().min(1).max(200).optional(),
    /** The listing's id at the provider (or at `portal`); unknown → the lead waits in "nicht zugeordnet". */
    listingId: z.string().trim().min(1).max(100).optional(),
    /** For relays: the portal the enquiry came from (immoscout24, immowelt, …). */
    portal: leadProvider.optional(),
    sentAt: z.iso.datetime({ offset: true, error: 'Zeitpunkt im Format ISO 8601 erwartet, z. B. 2026-03-05T18:22:00Z.' }).optional(),
    name: z.string().trim().max(200, 'Bitte höchstens 200 Zeichen.').optional(),
    firstName: z.string().trim().max(100, 'Bitte höchstens 100 Zeichen.').optional(),
    lastName: z.string().trim().max(100, 'Bitte höchstens 100 Zeichen.').optional(),
    email: z.string().trim().toLowerCase().pipe(z.email('Ungültige E-Mail-Adresse.').max(254)).optional(),
    phone: z.string().trim().min(1).max(50, 'Bitte höchstens 50 Zeichen.').optional(),
    address: z
      .union([
        z.string().trim().min(1).max(300),
        z.object({
          street: z.string().trim().max(150).optional(),
          postalCode: z.string().trim().max(20).optional(),
          city: z.string().trim().max(100).optional(),
        }),
      ])
      .optional(),
    message: z.string().max(10_000, 'Die Nachricht ist zu lang (höchstens 10 000 Zeichen).').default(''),
    /** Further fields by the provider's label; only move-in, household and pets are kept. */
    fields: z
      .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
      .refine((fields) => Object.keys(fields).length <= 50, 'Höchstens 50 Felder.')
      .default({}),
  })
  .refine((enquiry) => [enquiry.name, enquiry.firstName, enquiry.lastName, enquiry.email, enquiry.phone].some((value) => value), {
    message: 'Bitte Name, E-Mail-Adresse oder Telefonnummer angeben.',
    path: ['name'],
  })
  .meta({ id: 'LeadWebhookPayload' });
export type LeadWebhookPayload = z.output<typeof leadWebhookPayload>;

export const leadWebhookHeaders = z.object({
  'x-signature': z.string().optional().meta({ description: '`sha256=` + hex HMAC-SHA256 über `<X-Timestamp>.<Rohdaten>`' }),
  'x-timestamp': z.string().optional().meta({ description: 'Unix-Zeit in Sekunden; höchstens 5 Minuten Abweichung' }),
  'webhook-id': z.string().optional().meta({ description: 'Standard Webhooks: Kennung der Zustellung (dieselbe bei Wiederholungen)' }),
  'webhook-timestamp': z.string().optional().meta({ description: 'Standard Webhooks: Unix-Zeit in Sekunden' }),
  'webhook-signature': z.string().optional().meta({
    description: 'Standard Webhooks: `v1,<base64>` über `<webhook-id>.<webhook-timestamp>.<Rohdaten>`, mehrere durch Leerzeichen',
  }),
});

export const leadWebhookSecret = z
  .object({
    id: z.uuid(),
    provider: z.string(),
    /** The last four characters: tells secrets apart without showing them. */
    hint: z.string(),
    createdAt: timestamp,
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'LeadWebhookSecret' });

export const newWebhookSecretInput = z.object({
  /** A secret the provider issued; without it the BFF generates one (`whsec_` + 32 random bytes, base64). */
  secret: z
    .string()
    .trim()
    .min(24, 'Das Geheimnis muss mindestens 24 Zeichen lang sein.')
    .max(500, 'Das Geheimnis darf höchstens 500 Zeichen lang sein.')
    .optional(),
});

export const leadIntakeRejection = z
  .object({
    id: z.uuid(),
    at: timestamp,
    provider: z.string(),
    ip: z.string().nullable(),
    reason: z.enum(LEAD_INTAKE_REJECTION_REASONS),
    detail: z.string().nullable(),
  })
  .meta({ id: 'LeadIntakeRejection' });

// ---------------------------------------------------------------------------------------------------
// Operations

const listingParams = idParams;
const leadParams = idParams;

export const leadOperations = {
  listListings: operation({
    operationId: 'listListings',
    method: 'get',
    path: '/staff/listings',
    summary: 'Inserate der Hausverwaltung, neueste zuerst',
    tag,
    access: 'staff',
    query: listingQuery,
    response: page(listing),
  }),
  createListing: operation({
    operationId: 'createListing',
    method: 'post',
    path: '/staff/listings',
    summary: 'Inserat anlegen (mit den Kennungen bei den Portalen)',
    tag,
    access: 'staff',
    idempotent: true,
    body: listingInput,
    response: listing,
    status: 201,
  }),
  listingDetail: operation({
    operationId: 'listingDetail',
    method: 'get',
    path: '/staff/listings/:id',
    summary: 'Ein Inserat',
    tag,
    access: 'staff',
    params: listingParams,
    response: listing,
  }),
  updateListing: operation({
    operationId: 'updateListing',
    method: 'patch',
    path: '/staff/listings/:id',
    summary: 'Inserat ändern (die Portal-Kennungen werden als Ganzes ersetzt)',
    tag,
    access: 'staff',
    params: listingParams,
    body: listingChange,
    response: listing,
  }),
  listListingUnits: operation({
    operationId: 'listListingUnits',
    method: 'get',
    path: '/staff/units',
    summary: 'Wohneinheiten der Hausverwaltung für ein Inserat (nach Adresse, höchstens 1000)',
    tag,
    access: 'staff',
    response: z.object({ items: z.array(listingUnit) }),
  }),
  listLeads: operation({
    operationId: 'listLeads',
    method: 'get',
    path: '/staff/leads',
    summary: 'Interessenten einer Spalte des Boards, Seite für Seite, neueste zuerst; Filter und Suche',
    tag,
    access: 'staff',
    query: leadQuery,
    response: leadPage,
  }),
  leadColumnCounts: operation({
    operationId: 'leadColumnCounts',
    method: 'get',
    path: '/staff/leads/counts',
    summary: 'Anzahl der Interessenten je Spalte (mit denselben Filtern)',
    tag,
    access: 'staff',
    query: leadCountQuery,
    response: leadColumnCounts,
  }),
  leadDetail: operation({
    operationId: 'leadDetail',
    method: 'get',
    path: '/staff/leads/:id',
    summary: 'Ein Interessent mit Verlauf und möglichen Dubletten (Telefon und Anschrift nur mit Vermietungsrecht, protokolliert)',
    tag,
    access: 'staff',
    params: leadParams,
    response: leadDetail,
  }),
  leadAccessLog: operation({
    operationId: 'leadAccessLog',
    method: 'get',
    path: '/staff/leads/:id/access-log',
    summary: 'Wer Telefonnummer oder Anschrift eines Interessenten wann gesehen hat',
    tag,
    access: 'admin',
    params: leadParams,
    response: z.object({ items: z.array(leadAccessEntry) }),
  }),
  listLeadWebhooks: operation({
    operationId: 'listLeadWebhooks',
    method: 'get',
    path: '/staff/lead-webhooks',
    summary: 'Webhook-Adressen und Geheimnisse je Anbieter (ohne die Geheimnisse selbst)',
    tag,
    access: 'admin',
    response: z.object({
      items: z.array(z.object({ provider: z.string(), url: z.string(), secrets: z.array(leadWebhookSecret) })),
    }),
  }),
  createLeadWebhookSecret: operation({
    operationId: 'createLeadWebhookSecret',
    method: 'post',
    path: '/staff/lead-webhooks/:provider/secrets',
    summary: 'Neues Webhook-Geheimnis für einen Anbieter (die bisherigen bleiben gültig, bis sie widerrufen werden)',
    tag,
    access: 'admin',
    params: z.object({ provider: leadProvider }),
    body: newWebhookSecretInput,
    response: z.object({
      secret: leadWebhookSecret,
      /** The secret itself: shown once, never again. */
      value: z.string(),
      url: z.string(),
    }),
    status: 201,
  }),
  revokeLeadWebhookSecret: operation({
    operationId: 'revokeLeadWebhookSecret',
    method: 'delete',
    path: '/staff/lead-webhooks/secrets/:id',
    summary: 'Webhook-Geheimnis widerrufen (damit signierte Anfragen werden ab sofort abgewiesen)',
    tag,
    access: 'admin',
    params: idParams,
  }),
  listLeadIntakeRejections: operation({
    operationId: 'listLeadIntakeRejections',
    method: 'get',
    path: '/staff/lead-webhooks/rejections',
    summary: 'Abgewiesene Webhook-Anfragen (Quelle, IP-Adresse, Grund), neueste zuerst',
    tag,
    access: 'admin',
    query: pageQuery,
    response: page(leadIntakeRejection),
  }),
  setStaffPermissions: operation({
    operationId: 'setStaffPermissions',
    method: 'put',
    path: '/staff/accounts/:id/permissions',
    summary: 'Rechte eines Mitarbeiters setzen (letting: Vermietung – Telefon und Anschrift von Interessenten)',
    tag,
    access: 'admin',
    params: idParams,
    body: z.object({
      permissions: z.array(z.enum(STAFF_PERMISSIONS, { error: 'Unbekanntes Recht (erlaubt: letting).' })).max(STAFF_PERMISSIONS.length),
    }),
    response: z.object({ id: z.uuid(), permissions: z.array(z.enum(STAFF_PERMISSIONS)) }),
  }),
  receiveLeadWebhook: operation({
    operationId: 'receiveLeadWebhook',
    method: 'post',
    path: '/hooks/:tenantSlug/leads/:provider',
    outsideApi: true,
    summary: 'Anfrage eines Portals oder Relays als Interessent (HMAC-SHA256-signiert, siehe docs/leads.md)',
    tag,
    access: 'public',
    params: z.object({ tenantSlug: slug, provider: leadProvider }),
    headers: leadWebhookHeaders,
    rawBody: {
      contentTypes: ['application/json'],
      description: 'Die Anfrage als JSON; erst nach geprüfter Signatur gelesen',
      schema: leadWebhookPayload,
    },
    response: z.object({
      leadId: z.uuid(),
      /** The same enquiry was delivered before: no second lead. */
      duplicate: z.boolean(),
    }),
  }),
};

// ---------------------------------------------------------------------------------------------------
// Lifecycle (docs/leads.md, "Lifecycle"): stage-gated moves, contact channels, viewings, self-disclosure,
// rejection messages, the § 21 AGG export and the legal hold.

/** The version of the lead the client saw: a move of a lead someone else changed since is `409 lead_conflict`. */
const leadVersion = z.number({ error: 'Bitte die Version des Interessenten angeben.' }).int().min(1);
const desiredMoveIn = z
  .string()
  .trim()
  .min(1, 'Bitte ein Einzugsdatum angeben.')
  .max(100)
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isNaN(Date.parse(value)), 'Ungültiges Datum.');

/**
 * Self-disclosure fields never travel with a move: before `besichtigt` the answer is `409 self_disclosure_locked`,
 * afterwards they are written with `PUT …/self-disclosure`. Declared here only so that they are not dropped silently.
 */
const selfDisclosureInMove = Object.fromEntries(
  SELF_DISCLOSURE_FIELDS.map((field) => [
    field,
    z.unknown().optional().meta({ description: 'nie in einem Schritt: siehe self-disclosure' }),
  ]),
) as Record<(typeof SELF_DISCLOSURE_FIELDS)[number], z.ZodOptional<z.ZodUnknown>>;

export const leadMove = z
  .discriminatedUnion(
    'to',
    [
      z.object({
        to: z.literal('kontaktiert'),
        version: leadVersion,
        /** The full name (first and last name), when the portal sent less. */
        name: z.string().trim().min(1).max(200).optional(),
        householdType: z.enum(HOUSEHOLD_TYPES, { error: 'Haushalt: single, couple, family oder shared.' }).optional(),
        /** 'YYYY-MM-DD' or the person's words ("ab sofort"). */
        desiredMoveIn: desiredMoveIn.optional(),
        /** What the clerk wrote or said to the person: stored with its time. */
        contactMessage: text(5000),
        ...selfDisclosureInMove,
      }),
      z.object({
        to: z.literal('besichtigt'),
        version: leadVersion,
        /** What came of the viewing ("Interesse bestätigt, Selbstauskunft angefordert"). */
        note: text(2000).optional(),
        ...selfDisclosureInMove,
      }),
      z.object({ to: z.literal('akzeptiert'), version: leadVersion, note: text(2000).optional(), ...selfDisclosureInMove }),
      z.object({
        to: z.literal('abgelehnt'),
        version: leadVersion,
        /** An objective reason of the catalogue (LEAD_REJECTION_REASONS), or `reasonText`, or both. */
        reasonCode: z.enum(LEAD_REJECTION_REASON_CODES, { error: 'Unbekannter Ablehnungsgrund.' }).optional(),
        reasonText: text(2000).optional(),
        /** The clerk read the § 19 AGG warning about `reasonText` and rejects all the same (recorded in the trail). */
        acknowledgeAggWarning: z.boolean().default(false),
        ...selfDisclosureInMove,
      }),
    ],
    { error: 'Ziel: kontaktiert, besichtigt, akzeptiert oder abgelehnt.' },
  )
  .meta({ id: 'LeadMove' });
export type LeadMove = z.output<typeof leadMove>;

export const contactChannelView = z
  .object({
    channel: z.enum(CONTACT_CHANNELS),
    /** The lead has an address or number of this kind. */
    present: z.boolean(),
    /** The current address or number was verified: when, how, by whom (null: not verified). */
    verified: z.object({ at: timestamp, how: z.enum(CONTACT_VERIFICATIONS), by: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'LeadContactChannel' });

export const leadViewing = z
  .object({
    id: z.uuid(),
    startsAt: timestamp,
    durationMinutes: z.number().int(),
    note: z.string().nullable(),
    createdBy: labelled,
    createdAt: timestamp,
    /** The smart-lock grant window, when one was issued. */
    lockGrant: z.object({ from: timestamp, until: timestamp }).nullable(),
  })
  .meta({ id: 'LeadViewing' });

export const newLeadViewing = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: 'Zeitpunkt im Format ISO 8601 erwartet, z. B. 2026-03-05T17:00:00+01:00.' }),
    durationMinutes: z
      .number({ error: 'Bitte die Dauer in Minuten angeben.' })
      .int('Bitte ganze Minuten.')
      .min(5, 'Mindestens 5 Minuten.')
      .max(480, 'Höchstens 8 Stunden.'),
    note: text(2000).optional(),
    /** Asks the flat's smart lock for a grant over the viewing's window (15 minutes before to 15 after). */
    smartLock: z.boolean({ error: 'Bitte ja oder nein.' }).optional(),
  })
  .meta({ id: 'NewLeadViewing' });

/** A planned viewing, and to whom its confirmation (with the ICS file) went: null when the lead has no e-mail. */
export const plannedLeadViewing = leadViewing.extend({ confirmationSentTo: z.string().nullable() }).meta({ id: 'PlannedLeadViewing' });

export const rejectionMessage = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    body: z.string(),
    preparedAt: timestamp,
    /** null: prepared, waiting for a clerk to release it. */
    releasedAt: timestamp.nullable(),
    releasedBy: z.string().nullable(),
    sentTo: z.string().nullable(),
  })
  .meta({ id: 'LeadRejectionMessage' });

export const selfDisclosure = z
  .object({
    profession: z.string().nullable(),
    employer: z.string().nullable(),
    incomeBand: z.enum(INCOME_BANDS).nullable(),
    /** A rent-debt-free certificate (Mietschuldenfreiheitsbescheinigung) of the previous landlord is at hand. */
    rentDebtFreeCertificate: z.boolean().nullable(),
    recordedAt: timestamp.nullable(),
  })
  .meta({ id: 'LeadSelfDisclosure' });

export const selfDisclosureInput = z
  .object({
    profession: text(200).nullable().optional(),
    employer: text(200).nullable().optional(),
    incomeBand: z.enum(INCOME_BANDS, { error: 'Unbekannte Einkommensspanne.' }).nullable().optional(),
    rentDebtFreeCertificate: z.boolean().nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'Bitte mindestens eine Angabe machen.')
  .meta({ id: 'LeadSelfDisclosureInput' });

/** What the lifecycle knows of a lead beyond its card: the detail panel and the gates of the next moves. */
export const leadLifecycle = z
  .object({
    lead: leadCard,
    contactChannels: z.array(contactChannelView),
    contactMessage: z.object({ text: z.string(), at: timestamp }).nullable(),
    viewings: z.array(leadViewing),
    /** The latest rejection message (prepared or released), if the lead was ever rejected. */
    rejectionMessage: rejectionMessage.nullable(),
    /** Self-disclosure may be read and written (from `besichtigt` on). */
    selfDisclosureOpen: z.boolean(),
    /** The letting case of an accepted lead. */
    lettingCaseId: z.uuid().nullable(),
    legalHold: z.object({ reason: z.string(), since: timestamp }).nullable(),
    /** For each move allowed from the lead's status: what is still missing (empty: the move can be made). */
    moves: z.array(z.object({ to: z.enum(LEAD_STATUSES), missing: z.array(z.string()) })),
  })
  .meta({ id: 'LeadLifecycle' });
export type LeadLifecycle = z.output<typeof leadLifecycle>;

export const aggWarning = z
  .object({ characteristic: z.enum(Object.keys(AGG_CHARACTERISTICS) as [AggCharacteristic]), label: z.string(), term: z.string() })
  .meta({ id: 'AggWarning' });

export const leadDecisionExport = z
  .object({
    exportedAt: timestamp,
    exportedBy: z.string(),
    lead: z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string().nullable(),
      listing: z.object({ id: z.uuid(), title: z.string() }).nullable(),
      status: z.enum(LEAD_STATUSES),
      source: z.enum(LEAD_SOURCES),
      createdAt: timestamp,
    }),
    /** Every entry of the audit trail, oldest first: who decided what, when, and why. */
    decisions: z.array(leadEvent),
    viewings: z.array(leadViewing),
    rejectionMessages: z.array(rejectionMessage),
    legalHold: z.object({ reason: z.string(), since: timestamp }).nullable(),
  })
  .meta({ id: 'LeadDecisionExport' });

export const leadLifecycleOperations = {
  moveLead: operation({
    operationId: 'moveLead',
    method: 'post',
    path: '/staff/leads/:id/move',
    summary: 'Interessenten in die nächste Phase ziehen (mit Version; Stufen-Voraussetzungen, Verlauf, Live-Ereignis)',
    tag,
    access: 'staff',
    params: leadParams,
    body: leadMove,
    response: z.object({
      lead: leadCard,
      /** Accepting: the letting case and the other leads of the listing that were rejected with it. */
      lettingCaseId: z.uuid().nullable(),
      alsoRejected: z.array(z.uuid()),
    }),
  }),
  leadLifecycle: operation({
    operationId: 'leadLifecycle',
    method: 'get',
    path: '/staff/leads/:id/lifecycle',
    summary: 'Kontaktwege, Kontaktnachricht, Besichtigungen, Absage und was für die nächsten Schritte fehlt',
    tag,
    access: 'staff',
    params: leadParams,
    response: leadLifecycle,
  }),
  verifyLeadContact: operation({
    operationId: 'verifyLeadContact',
    method: 'post',
    path: '/staff/leads/:id/contact-verifications',
    summary: 'Kontaktweg als bestätigt vermerken (erreicht oder Antwort erhalten – eine Formatprüfung genügt nicht)',
    tag,
    access: 'staff',
    params: leadParams,
    body: z.object({
      channel: z.enum(CONTACT_CHANNELS, { error: 'Kontaktweg: email oder phone.' }),
      how: z.enum(CONTACT_VERIFICATIONS, { error: 'Wie bestätigt: reached (erreicht) oder answered (hat geantwortet).' }),
    }),
    response: leadLifecycle,
    status: 201,
  }),
  planLeadViewing: operation({
    operationId: 'planLeadViewing',
    method: 'post',
    path: '/staff/leads/:id/viewings',
    summary: 'Besichtigung planen (Datum, Uhrzeit, Dauer, Notiz); Bestätigung mit ICS an den Interessenten',
    tag,
    access: 'staff',
    idempotent: true,
    params: leadParams,
    body: newLeadViewing,
    response: plannedLeadViewing,
    status: 201,
  }),
  leadSelfDisclosure: operation({
    operationId: 'leadSelfDisclosure',
    method: 'get',
    path: '/staff/leads/:id/self-disclosure',
    summary: 'Selbstauskunft (erst ab „besichtigt“)',
    tag,
    access: 'staff',
    params: leadParams,
    response: selfDisclosure,
  }),
  recordLeadSelfDisclosure: operation({
    operationId: 'recordLeadSelfDisclosure',
    method: 'put',
    path: '/staff/leads/:id/self-disclosure',
    summary: 'Selbstauskunft erfassen (erst ab „besichtigt“; genannte Felder, null löscht eines)',
    tag,
    access: 'staff',
    params: leadParams,
    body: selfDisclosureInput,
    response: selfDisclosure,
  }),
  editLeadRejection: operation({
    operationId: 'editLeadRejection',
    method: 'put',
    path: '/staff/leads/:id/rejection-message',
    summary: 'Vorbereitete Absage ändern (noch nicht versenden)',
    tag,
    access: 'staff',
    params: leadParams,
    body: z
      .object({ subject: text(200).optional(), body: text(10_000).optional() })
      .refine((input) => input.subject !== undefined || input.body !== undefined, 'Bitte Betreff oder Text ändern.'),
    response: rejectionMessage,
  }),
  releaseLeadRejection: operation({
    operationId: 'releaseLeadRejection',
    method: 'post',
    path: '/staff/leads/:id/rejection-message/release',
    summary: 'Vorbereitete Absage (ggf. geändert) freigeben: sie wird per E-Mail versandt',
    tag,
    access: 'staff',
    params: leadParams,
    body: z.object({ subject: text(200).optional(), body: text(10_000).optional() }),
    response: rejectionMessage,
  }),
  exportLeadDecisions: operation({
    operationId: 'exportLeadDecisions',
    method: 'get',
    path: '/staff/leads/:id/decision-export',
    summary: 'Entscheidungsverlauf eines Interessenten für eine Anfrage nach § 21 AGG (Vermietungsrecht)',
    tag,
    access: 'staff',
    params: leadParams,
    response: leadDecisionExport,
  }),
  assignLeadListing: operation({
    operationId: 'assignLeadListing',
    method: 'put',
    path: '/staff/leads/:id/listing',
    summary: 'Einen offenen Interessenten einem aktiven Inserat zuordnen (z. B. aus „nicht zugeordnet“)',
    tag,
    access: 'staff',
    params: leadParams,
    body: z.object({ listingId: id, version: leadVersion }).meta({ id: 'LeadListingAssignment' }),
    response: leadCard,
  }),
  setLeadLegalHold: operation({
    operationId: 'setLeadLegalHold',
    method: 'put',
    path: '/staff/leads/:id/legal-hold',
    summary: 'Sperre gegen Anonymisierung setzen oder aufheben (z. B. wegen einer Anfrage nach § 21 AGG; Vermietungsrecht)',
    tag,
    access: 'staff',
    params: leadParams,
    body: z.union([z.object({ hold: z.literal(true), reason: text(500) }), z.object({ hold: z.literal(false) })], {
      error: 'Bitte { hold: true, reason } oder { hold: false } senden.',
    }),
    response: z.object({ legalHold: z.object({ reason: z.string(), since: timestamp }).nullable() }),
  }),
};
