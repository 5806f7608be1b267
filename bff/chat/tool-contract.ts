import { z } from 'zod';
import { DOCUMENT_CATEGORIES, URGENCIES } from '../contract/enums.ts';

/**
 * What each chat tool accepts from the model and what it answers. Inputs: what each tool accepts (validated with these schemas; the JSON Schema the model is
 * shown is generated from them). No tool takes a housing company, resident, account or case-owner id: a
 * tool reaches only what the resident's own session may read under row-level security. Where a tool needs
 * to name a case it takes the case number the resident sees, and finds it among the resident's own cases.
 *
 * The tool loop, the tools and the model adapters (the offline assistant drives the same tools and words its
 * answers from these results) all build on this module.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const chatToolInputs = {
  /** The housing company: name, office hours, emergency numbers, house-rules excerpts. */
  getTenantContext: z.object({}).strict(),
  /**
   * The resident's tenancy: unit, start, cold rent, advance payments, caretaker area, active clauses, billing
   * period, and the statutory deadline of the next utility statement (§ 556 Abs. 3 BGB), computed by the tool.
   */
  getMieterInfo: z.object({}).strict(),
  /** The resident's own open and recent cases, or the one with this case number (e.g. "2026-000123"). */
  getAnfrageStatus: z.object({ caseNumber: text(40).optional() }).strict(),
  /** The resident's documents (newest first), optionally of one category; with download links the widget renders. */
  getDokumente: z.object({ category: z.enum(DOCUMENT_CATEGORIES).optional() }).strict(),
  /**
   * A damage report as a draft for the resident to check and send. Location, category and kind are labels
   * or keys from the housing company's damage catalogue; what is missing or unknown is answered with the
   * catalogue's options, so the model asks a follow-up question. Files nothing.
   */
  createSchadensmeldung: z
    .object({
      location: text(100).optional(),
      category: text(100).optional(),
      kind: text(100).optional(),
      urgency: z.enum(URGENCIES).optional(),
      description: text(4000).optional(),
    })
    .strict(),
  /** A callback request as a draft (a contact case once the resident sends it): topic and preferred times. */
  requestRueckruf: z
    .object({
      topic: text(200),
      preferredTimes: text(200),
      phone: text(40).optional(),
    })
    .strict(),
  /**
   * A question the tools could not answer, as a general request to the housing company (a contact case once
   * the resident sends it). Only the question: the excerpt of the conversation is taken by the tool from the
   * stored messages, never from the model.
   */
  requestAnfrage: z.object({ question: text(1000) }).strict(),
} as const;

export type ChatToolName = keyof typeof chatToolInputs;
export type ChatToolInput<Name extends ChatToolName> = z.output<(typeof chatToolInputs)[Name]>;
export const CHAT_TOOL_NAMES = Object.keys(chatToolInputs) as ChatToolName[];

// ---------------------------------------------------------------------------------------------------
// What the tools answer (JSON for the model). Money in euros as numbers, dates as YYYY-MM-DD, times ISO 8601.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const chatToolResults = {
  getTenantContext: z.object({
    companyName: z.string(),
    officeHours: z.string(),
    emergencyNumbers: z.array(z.object({ label: z.string(), phone: z.string() })),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    houseRules: z.array(z.object({ title: z.string(), text: z.string() })),
  }),
  getMieterInfo: z.discriminatedUnion('known', [
    /** The housing company holds no tenancy for this resident: the model says it does not know. */
    z.object({ known: z.literal(false) }),
    z.object({
      known: z.literal(true),
      unit: z.object({ label: z.string(), building: z.string(), address: z.string() }),
      tenancyStart: isoDate.nullable(),
      coldRent: z.number().nullable(),
      advancePayments: z.array(z.object({ label: z.string(), amount: z.number() })),
      caretakerArea: z.string().nullable(),
      clauses: z.array(z.object({ title: z.string(), text: z.string() })),
      /** The current utility billing period. */
      billingPeriod: z.object({ start: isoDate, end: isoDate }).nullable(),
      /** § 556 Abs. 3 BGB: the statement for the billing period is due at the latest twelve months after it ends. */
      nextUtilityStatementDueBy: isoDate.nullable(),
    }),
  ]),
  getAnfrageStatus: z.object({
    cases: z.array(
      z.object({
        caseNumber: z.string(),
        title: z.string(),
        type: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        lastActivityAt: z.string(),
        /** What happens next, as residents may know it (never internal notes, priority, deadline or assignee). */
        nextStep: z.string(),
        publicMessages: z.array(z.object({ at: z.string(), author: z.enum(['resident', 'staff']), text: z.string() })),
      }),
    ),
    /** A case number was asked for that is not among the resident's cases. */
    notFound: z.boolean().optional(),
  }),
  getDokumente: z.object({
    documents: z.array(
      z.object({ id: z.string(), title: z.string(), category: z.string(), publishedAt: z.string(), downloadUrl: z.string() }),
    ),
  }),
  createSchadensmeldung: z.discriminatedUnion('complete', [
    /** Something is missing or not in the catalogue: the model asks, offering these options. */
    z.object({
      complete: z.literal(false),
      missing: z.array(z.enum(['location', 'category', 'kind', 'urgency', 'description'])),
      options: z.object({ location: z.array(z.string()), category: z.array(z.string()), kind: z.array(z.string()) }).partial(),
    }),
    /** A draft the widget shows as a card: filed only when the resident presses "Schadensmeldung absenden". */
    z.object({
      complete: z.literal(true),
      draft: z.object({
        draftId: z.string(),
        location: z.string(),
        category: z.string(),
        kind: z.string(),
        urgency: z.enum(URGENCIES),
        description: z.string(),
      }),
    }),
  ]),
  requestRueckruf: z.object({
    /** Shown as a card; a contact case once the resident sends it. */
    draft: z.object({ draftId: z.string(), topic: z.string(), preferredTimes: z.string(), phone: z.string().nullable() }),
  }),
  requestAnfrage: z.object({
    /** Shown as a card with question and excerpt, exactly as they go into the contact case once the resident sends it. */
    draft: z.object({ draftId: z.string(), question: z.string(), excerpt: z.string() }),
  }),
} as const satisfies Record<ChatToolName, z.ZodType>;

export type ChatToolResult<Name extends ChatToolName> = z.output<(typeof chatToolResults)[Name]>;

/** What a refused or invalid tool call answers (with `isError`), so the model can correct itself. */
export const chatToolError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
