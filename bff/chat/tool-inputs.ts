import { z } from 'zod';
import { DOCUMENT_CATEGORIES, URGENCIES } from '../contract/enums.ts';

/**
 * What each chat tool accepts from the model (validated with these schemas; the JSON Schema the model is
 * shown is generated from them). No tool takes a housing company, resident, account or case-owner id: a
 * tool reaches only what the resident's own session may read under row-level security. Where a tool needs
 * to name a case it takes the case number the resident sees, and finds it among the resident's own cases.
 *
 * The tool loop, the tools and the model adapters (the offline assistant drives the same tools) all build
 * on this module; the tools' answers are described with each tool in bff/chat/tools/.
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
} as const;

export type ChatToolName = keyof typeof chatToolInputs;
export type ChatToolInput<Name extends ChatToolName> = z.output<(typeof chatToolInputs)[Name]>;
export const CHAT_TOOL_NAMES = Object.keys(chatToolInputs) as ChatToolName[];
