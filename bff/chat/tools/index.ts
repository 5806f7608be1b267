import type { Logger } from 'pino';
import { z } from 'zod';
import { isClosedStatus, type Language } from '../../contract/enums.ts';
import type { Database } from '../../db/database.ts';
import { withTenant, type TenantContext } from '../../db/scope.ts';
import type { CaseUseCases } from '../../cases/use-cases.ts';
import { STATUS_LABELS } from '../../cases/model.ts';
import { readCompanySettings } from '../../settings/use-cases.ts';
import { readOwnTenancy } from '../../tenancies/use-cases.ts';
import { findScopeTenant } from '../../tenants/repository.ts';
import type { ToolCall, ToolDefinition, ToolResult } from '../model.ts';
import { insertDraft, listMessages } from '../repository.ts';
import { CHAT_TOOL_NAMES, chatToolInputs, type ChatToolInput, type ChatToolName, type ChatToolResult } from '../tool-contract.ts';
import { NEXT_STEPS, TOOL_LABELS } from './labels.ts';
import { damageReportDraft } from './damage-report.ts';
import { conversationExcerpt } from './request-excerpt.ts';

/**
 * The chat's tools: the model's only access to data. Each runs with the resident's own session scope
 * (withTenant with the session's TenantContext), so row-level security decides what it reaches; none takes
 * an id of a housing company, resident or owner. Writes are drafts only: a case is filed when the resident
 * presses "absenden" (bff/chat/use-cases.ts, confirmDraft).
 */

export interface ChatToolDependencies {
  db: Database;
  cases: Pick<CaseUseCases, 'catalogue' | 'listOwnCases' | 'ownCaseDetail'>;
  /** The resident's documents ("Meine Dokumente"), newest first. */
  documents: {
    listOwn(
      ctx: TenantContext,
      query: { limit: number },
    ): Promise<{ items: Array<{ id: string; title: string; category: string; publishedAt: string }> }>;
  };
  /** Public base URL of the BFF: download links point at the documents API. */
  publicUrl: () => string;
  logger: Pick<Logger, 'error'>;
}

export interface ToolRun {
  /** The resident's session: the only scope a tool runs in. */
  ctx: TenantContext;
  conversationId: string;
}

export interface ChatTools {
  /** What the model is told: names, descriptions, JSON Schema generated from the tools' zod inputs. */
  definitions: ToolDefinition[];
  label(name: string, language: Language): string;
  /** Runs one call. An invalid or failing call answers `{ error }` with `isError`; it never throws. */
  run(call: ToolCall, run: ToolRun): Promise<ToolResult>;
}

const DESCRIPTIONS: Record<ChatToolName, string> = {
  getTenantContext:
    'The housing company: its name, office hours, emergency numbers, contact phone and e-mail, and excerpts of the house rules. Use for questions about reaching the company, emergencies and house rules.',
  getMieterInfo:
    'The signed-in resident’s tenancy: unit, tenancy start, cold rent, advance payments, caretaker area, active clauses, current utility billing period and nextUtilityStatementDueBy (the statutory latest date of the utility statement, already computed: quote it, never compute it). known=false: nothing is on file.',
  getAnfrageStatus:
    'The resident’s own open and recent requests (cases) with status, last activity, public messages and the next step; or the one with the given case number.',
  getDokumente: 'The resident’s documents (newest first), optionally of one category, with download links the app shows.',
  createSchadensmeldung:
    'Prepares a damage report as a draft for the resident to check and send (files nothing). Pass what you know; missing or unknown fields come back with the catalogue’s options: ask the resident, then call again. complete=true: the app shows the draft as a card with a send button.',
  requestRueckruf:
    'Prepares a callback request (topic, preferred times, optional phone) as a draft the resident sends with a button (files nothing). Use it when the resident wants to be called back.',
  requestAnfrage:
    'Prepares a general request to the housing company as a draft the resident sends with a button (files nothing): for a question your tools cannot answer, once the resident said yes to your offer. Pass the resident’s question in their words; the app adds the recent part of this conversation itself and shows both on the card.',
};

const toolError = (code: string, message: string): ToolResult['content'] => ({ error: { code, message } });

export function createChatTools(deps: ChatToolDependencies): ChatTools {
  const { db } = deps;

  const handlers: { [Name in ChatToolName]: (input: ChatToolInput<Name>, run: ToolRun) => Promise<ChatToolResult<Name>> } = {
    async getTenantContext(_input, { ctx }) {
      const { tenant, settings } = await withTenant(db, ctx, async (tx) => ({
        tenant: await findScopeTenant(tx),
        settings: await readCompanySettings(tx),
      }));
      return {
        companyName: tenant?.name ?? '',
        officeHours: settings.officeHours,
        emergencyNumbers: settings.emergencyNumbers,
        contactPhone: settings.contactPhone,
        contactEmail: settings.contactEmail,
        houseRules: settings.houseRules,
      };
    },

    async getMieterInfo(_input, { ctx }) {
      const tenancy = await readOwnTenancy(db, ctx);
      return tenancy ? { known: true, ...tenancy } : { known: false };
    },

    async getAnfrageStatus(input, { ctx }) {
      const language = ctx.language ?? 'de';
      const { items } = await deps.cases.listOwnCases(ctx, { limit: 50 });
      const recentSince = Date.now() - 30 * 86_400_000;
      const wanted = input.caseNumber
        ? items.filter((item) => item.caseNumber === input.caseNumber)
        : items.filter((item) => !isClosedStatus(item.status) || Date.parse(item.lastActivityAt) >= recentSince).slice(0, 10);
      const cases = [];
      for (const item of wanted) {
        const detail = await deps.cases.ownCaseDetail(ctx, item.id);
        cases.push({
          caseNumber: item.caseNumber,
          title: item.title,
          type: item.type,
          status: item.status,
          statusLabel: STATUS_LABELS[language][item.status],
          lastActivityAt: item.lastActivityAt,
          nextStep: NEXT_STEPS[language === 'de' ? 'de' : 'en'][item.status],
          publicMessages: detail.messages
            .slice(-5)
            .map((message) => ({ at: message.createdAt, author: message.author, text: message.body })),
        });
      }
      return input.caseNumber && !cases.length ? { cases, notFound: true } : { cases };
    },

    async getDokumente(input, { ctx }) {
      const { items } = await deps.documents.listOwn(ctx, { limit: 100 });
      return {
        documents: items
          .filter((document) => !input.category || document.category === input.category)
          .slice(0, 20)
          .map((document) => ({
            id: document.id,
            title: document.title,
            category: document.category,
            publishedAt: document.publishedAt,
            downloadUrl: `${deps.publicUrl()}/api/documents/${document.id}/file`,
          })),
      };
    },

    async createSchadensmeldung(input, { ctx, conversationId }) {
      const [catalogue, german] = await Promise.all([deps.cases.catalogue(ctx), deps.cases.catalogue({ ...ctx, language: 'de' })]);
      const result = damageReportDraft(input, catalogue, german);
      if (!result.complete) return result;
      const { draft } = result;
      const draftId = await withTenant(db, ctx, (tx) =>
        insertDraft(tx, {
          tenantId: ctx.tenantId,
          residentId: ctx.residentId!,
          conversationId,
          kind: 'damage',
          data: {
            ...draft.ids,
            location: draft.location,
            category: draft.category,
            kind: draft.kind,
            urgency: draft.urgency,
            description: draft.description,
          },
        }),
      );
      return {
        complete: true,
        draft: {
          draftId,
          location: draft.location,
          category: draft.category,
          kind: draft.kind,
          urgency: draft.urgency,
          description: draft.description,
        },
      };
    },

    async requestRueckruf(input, { ctx, conversationId }) {
      const data = { topic: input.topic, preferredTimes: input.preferredTimes, phone: input.phone ?? null };
      const draftId = await withTenant(db, ctx, (tx) =>
        insertDraft(tx, { tenantId: ctx.tenantId, residentId: ctx.residentId!, conversationId, kind: 'callback', data }),
      );
      return { draft: { draftId, ...data } };
    },

    async requestAnfrage(input, { ctx, conversationId }) {
      return withTenant(db, ctx, async (tx) => {
        const excerpt = conversationExcerpt(await listMessages(tx, conversationId));
        const data = { question: input.question, excerpt };
        const draftId = await insertDraft(tx, {
          tenantId: ctx.tenantId,
          residentId: ctx.residentId!,
          conversationId,
          kind: 'request',
          data,
        });
        return { draft: { draftId, ...data } };
      });
    },
  };

  return {
    definitions: CHAT_TOOL_NAMES.map((name) => ({
      name,
      description: DESCRIPTIONS[name],
      inputSchema: z.toJSONSchema(chatToolInputs[name], { io: 'input' }),
    })),

    label: (name, language) => TOOL_LABELS[name as ChatToolName]?.[language] ?? TOOL_LABELS.getAnfrageStatus[language],

    async run(call, run) {
      if (!(CHAT_TOOL_NAMES as string[]).includes(call.name)) {
        return { callId: call.id, isError: true, content: toolError('unknown_tool', `There is no tool named ${call.name}.`) };
      }
      const name = call.name as ChatToolName;
      const parsed = chatToolInputs[name].safeParse(call.input ?? {});
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
        return { callId: call.id, isError: true, content: toolError('invalid_input', problems) };
      }
      if (run.ctx.role !== 'resident' || !run.ctx.residentId) {
        return { callId: call.id, isError: true, content: toolError('forbidden', 'The chat tools serve signed-in residents only.') };
      }
      try {
        const handler = handlers[name] as (input: unknown, run: ToolRun) => Promise<unknown>;
        return { callId: call.id, content: await handler(parsed.data, run) };
      } catch (err) {
        deps.logger.error({ err, tool: name }, 'chat tool failed');
        return { callId: call.id, isError: true, content: toolError('tool_failed', 'The tool could not answer right now.') };
      }
    },
  };
}
