import type { ChatMessageView, ChatStreamEvent } from '../contract/chat.ts';
import { DEFAULT_LANGUAGE, type Language } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { inUnitOfWork } from '../db/unit-of-work.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { NewCase } from '../contract/cases.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import { caseDeadline } from '../cases/deadlines.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { readOwnTenancy } from '../tenancies/use-cases.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { findScopeTenant } from '../tenants/repository.ts';
import { createToolLoop, toolCard, type LoopLimits } from './loop.ts';
import type { ChatModel, ChatTurn } from './model.ts';
import { chatNotice } from './notice.ts';
import * as repository from './repository.ts';
import type { ConversationRecord, MessageRecord } from './repository.ts';
import type { ChatTools } from './tools/index.ts';
import { clipped } from './tools/request-excerpt.ts';

/**
 * What a resident does in the chat (docs/chat.md). Each step runs in the resident's own scope; a streamed
 * answer is persisted step by step by the tool loop. Staff have no use case here: chats are not theirs to read.
 */
export interface ChatDependencies {
  db: Database;
  model: ChatModel;
  tools: ChatTools;
  /** A confirmed draft becomes a case through the case use cases (source 'chat'). */
  cases: Pick<CaseUseCases, 'fileRoutedCase' | 'ownCaseDetail'>;
  limits: LoopLimits;
  /** The other instances of the deployment: a stop that reaches an instance not streaming the answer is passed on. */
  instances?: Pick<Realtime, 'askOtherInstances' | 'answerInstances'>;
  /** Where the chat reads the time (the month of the token budget, the date in the prompt). */
  now?: () => Date;
}

export const noticeRequired = () =>
  new AppError(409, 'chat_notice_required', 'Bitte lesen und bestätigen Sie zuerst den Datenschutzhinweis des Assistenten.');
export const budgetExhausted = () =>
  new AppError(
    403,
    'chat_budget_exhausted',
    'Der Assistent ist in diesem Monat nicht mehr verfügbar. Bitte nutzen Sie das Anfrageformular oder rufen Sie uns an.',
  );
const conversationNotFound = () => notFound('Unterhaltung nicht gefunden.');

const monthOf = (date: Date) => `${date.toISOString().slice(0, 7)}-01`;

function toConversationView(record: ConversationRecord) {
  return {
    id: record.id,
    title: record.title,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** The conversation as the resident reads it: their messages and the answers, with the cards the tools produced. */
export function toMessageViews(messages: MessageRecord[]): ChatMessageView[] {
  const views: ChatMessageView[] = [];
  let answer: ChatMessageView | undefined;
  for (const message of messages) {
    if (message.role === 'user') {
      answer = undefined;
      views.push(view(message, 'resident'));
    } else if (message.role === 'assistant') {
      // One answer may take several model steps (text, tools, more text): the resident sees one message.
      if (!answer) {
        answer = view(message, 'assistant');
        views.push(answer);
      } else {
        answer.text += message.text;
        answer.status = message.status;
        answer.errorCode = message.errorCode;
      }
    } else {
      for (const result of message.toolResults) {
        const card = result.isError ? undefined : toolCard(result.name, result.content);
        if (card?.type === 'draft') answer?.drafts.push(card.draft);
        if (card?.type === 'documents') answer?.documents.push(...card.documents);
      }
    }
  }
  return views;
}

function view(message: MessageRecord, role: 'resident' | 'assistant'): ChatMessageView {
  return {
    id: message.id,
    role,
    text: message.text,
    status: message.status,
    errorCode: message.errorCode,
    drafts: [],
    documents: [],
    createdAt: new Date(message.createdAt).toISOString(),
  };
}

/**
 * The stored conversation as the model gets it. A tool call without its results (an answer stopped between
 * them) and an empty answer are left out: providers refuse both.
 */
export function toTurns(messages: MessageRecord[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  messages.forEach((message, index) => {
    if (message.role === 'user') turns.push({ role: 'user', text: message.text });
    else if (message.role === 'assistant') {
      const answered = messages[index + 1]?.role === 'tool';
      const toolCalls = answered ? message.toolCalls : [];
      if (message.text || toolCalls.length) turns.push({ role: 'assistant', text: message.text, toolCalls });
    } else if (turns.at(-1)?.role === 'assistant') {
      turns.push({
        role: 'tool',
        results: message.toolResults.map((result) => ({ callId: result.callId, content: result.content, isError: result.isError })),
      });
    }
  });
  return turns;
}

export function createChatUseCases(deps: ChatDependencies) {
  const { db, model } = deps;
  const now = deps.now ?? (() => new Date());
  const runTurn = createToolLoop({ model, tools: deps.tools, limits: deps.limits });
  /** Answers streaming on this instance, by account and conversation: the resident's stop aborts them. */
  const running = new Map<string, AbortController>();
  const runningKey = (ctx: Pick<TenantContext, 'accountId'>, conversationId: string) => `${ctx.accountId}:${conversationId}`;
  /** Aborts the answer if this instance streams it; whether it did. */
  const stopHere = (accountId: string, conversationId: string) => {
    const controller = running.get(runningKey({ accountId }, conversationId));
    controller?.abort();
    return !!controller;
  };
  deps.instances?.answerInstances('chat:stop', ({ accountId, conversationId }) => stopHere(accountId, conversationId));

  function residentOf(ctx: TenantContext): string {
    if (ctx.role !== 'resident' || !ctx.residentId) throw forbidden();
    return ctx.residentId;
  }

  async function noticeIn(tx: Queryable, language: Language) {
    const tenant = await findScopeTenant(tx);
    return chatNotice(tenant?.name ?? '', model, language);
  }

  async function requireConversation(tx: Queryable, id: string): Promise<ConversationRecord> {
    const conversation = await repository.findConversation(tx, id);
    if (!conversation) throw conversationNotFound();
    return conversation;
  }

  return {
    notice: (ctx: TenantContext) =>
      withTenant(db, ctx, async (tx) => {
        residentOf(ctx);
        const notice = await noticeIn(tx, ctx.language ?? DEFAULT_LANGUAGE);
        const acknowledgedAt = await repository.hasAcknowledged(tx, notice.version);
        return {
          ...notice,
          acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt).toISOString() : null,
          assistant: { id: model.id, offline: model.offline },
        };
      }),

    acknowledge: (ctx: TenantContext, version: string) =>
      withTenant(db, ctx, async (tx) => {
        residentOf(ctx);
        const notice = await noticeIn(tx, DEFAULT_LANGUAGE);
        // An outdated notice (the page was open while it changed) must be read again.
        if (version !== notice.version) throw noticeRequired();
        const at = await repository.insertAcknowledgement(tx, { tenantId: ctx.tenantId, accountId: ctx.accountId, noticeVersion: version });
        return { acknowledgedAt: new Date(at).toISOString() };
      }),

    listConversations: async (ctx: TenantContext) => {
      residentOf(ctx);
      return { items: (await withTenant(db, ctx, (tx) => repository.listConversations(tx, 100))).map(toConversationView) };
    },

    startConversation: async (ctx: TenantContext) => {
      const residentId = residentOf(ctx);
      const conversation = await withTenant(db, ctx, (tx) =>
        repository.insertConversation(tx, { tenantId: ctx.tenantId, accountId: ctx.accountId, residentId, title: null }),
      );
      return { conversation: toConversationView(conversation) };
    },

    conversation: (ctx: TenantContext, id: string) =>
      withTenant(db, ctx, async (tx) => {
        residentOf(ctx);
        const conversation = await requireConversation(tx, id);
        return { conversation: toConversationView(conversation), messages: toMessageViews(await repository.listMessages(tx, id)) };
      }),

    /** Art. 17: every own conversation (or one), with messages and drafts. Answers under way are stopped first. */
    async deleteConversations(ctx: TenantContext, id?: string) {
      residentOf(ctx);
      const deleted = await withTenant(db, ctx, async (tx) => {
        if (id) await requireConversation(tx, id);
        const ids = id ? [id] : (await repository.listConversations(tx, 10_000)).map((conversation) => conversation.id);
        for (const conversationId of ids) running.get(runningKey(ctx, conversationId))?.abort();
        return repository.deleteConversations(tx, id);
      });
      return { deleted };
    },

    /** Art. 15: everything stored of the resident's conversations, as stored. */
    async exportConversations(ctx: TenantContext) {
      residentOf(ctx);
      return withTenant(db, ctx, async (tx) => {
        const conversations = await repository.listConversations(tx, 10_000);
        const messages = await repository.listMessages(tx);
        return {
          exportedAt: now().toISOString(),
          conversations: conversations.map((conversation) => ({
            ...toConversationView(conversation),
            messages: messages
              .filter((message) => message.conversationId === conversation.id)
              .map((message) => ({
                role: message.role,
                text: message.text,
                toolCalls: message.toolCalls,
                toolResults: message.toolResults,
                status: message.status,
                createdAt: new Date(message.createdAt).toISOString(),
              })),
          })),
        };
      });
    },

    /**
     * Accepts the resident's message (refusing it before anything streams: notice not acknowledged, budget
     * used up, an answer still running) and returns the answer to stream.
     */
    async sendMessage(ctx: TenantContext, conversationId: string, text: string) {
      const residentId = residentOf(ctx);
      const key = runningKey(ctx, conversationId);
      // Reserved before the first await, so two messages sent at once cannot both start an answer.
      if (running.has(key)) {
        throw new AppError(409, 'chat_busy', 'Der Assistent antwortet noch. Bitte warten Sie die Antwort ab oder stoppen Sie sie.');
      }
      const controller = new AbortController();
      running.set(key, controller);
      const prepared = await withTenant(db, ctx, async (tx) => {
        await requireConversation(tx, conversationId);
        if (!(await repository.hasAcknowledged(tx, (await noticeIn(tx, DEFAULT_LANGUAGE)).version))) throw noticeRequired();
        const settings = await readCompanySettings(tx);
        const used = await repository.findTokenUsage(tx, monthOf(now()));
        if (used.inputTokens + used.outputTokens >= settings.chatMonthlyTokenBudget) throw budgetExhausted();
        const message = await repository.insertMessage(tx, { tenantId: ctx.tenantId, residentId, conversationId, role: 'user', text });
        await repository.setTitleIfUnset(tx, conversationId, text.length > 80 ? `${text.slice(0, 79)}…` : text);
        const tenant = await findScopeTenant(tx);
        return { message, companyName: tenant?.name ?? '', turns: toTurns(await repository.listMessages(tx, conversationId)) };
      }).catch((error: unknown) => {
        running.delete(key);
        throw error;
      });

      const inScope = <T>(fn: (tx: Queryable) => Promise<T>) => withTenant(db, ctx, fn);
      return {
        /** Streams the answer to `emit` until it ends; `closed`: the resident's connection ended (counts as stop). */
        async stream(emit: (event: ChatStreamEvent) => void, closed: AbortSignal): Promise<void> {
          const onClose = () => controller.abort();
          closed.addEventListener('abort', onClose);
          try {
            emit({ type: 'start', conversationId, messageId: prepared.message.id });
            const outcome = await runTurn({
              ctx,
              conversationId,
              companyName: prepared.companyName,
              turns: prepared.turns,
              signal: controller.signal,
              emit,
              today: now(),
              store: {
                assistant: async (answer) =>
                  (
                    await inScope((tx) =>
                      repository.insertMessage(tx, {
                        tenantId: ctx.tenantId,
                        residentId,
                        conversationId,
                        role: 'assistant',
                        text: answer.text,
                        toolCalls: answer.toolCalls,
                        status: answer.status,
                        errorCode: answer.errorCode,
                        inputTokens: answer.usage.inputTokens,
                        outputTokens: answer.usage.outputTokens,
                      }),
                    )
                  ).id,
                toolResults: async (results) => {
                  await inScope((tx) =>
                    repository.insertMessage(tx, {
                      tenantId: ctx.tenantId,
                      residentId,
                      conversationId,
                      role: 'tool',
                      toolResults: results,
                    }),
                  );
                },
              },
            });
            if (outcome.usage.inputTokens || outcome.usage.outputTokens) {
              await inScope((tx) => repository.addTokenUsage(tx, { tenantId: ctx.tenantId, month: monthOf(now()), ...outcome.usage }));
            }
          } finally {
            closed.removeEventListener('abort', onClose);
            running.delete(key);
          }
        },
      };
    },

    /** Admins: the month's token use against the budget (sums only; staff never read a chat). */
    usage: (ctx: TenantContext) =>
      withTenant(db, ctx, async (tx) => {
        const month = monthOf(now());
        const used = await repository.findTokenUsage(tx, month);
        return { month: month.slice(0, 7), ...used, budget: (await readCompanySettings(tx)).chatMonthlyTokenBudget };
      }),

    /** The resident pressed "Stop": the answer ends and is stored as stopped (on the instance that streams it). */
    async stop(ctx: TenantContext, conversationId: string) {
      residentOf(ctx);
      await withTenant(db, ctx, (tx) => requireConversation(tx, conversationId));
      if (stopHere(ctx.accountId, conversationId)) return { stopped: true };
      // Behind a load balancer the stop may reach another instance than the one streaming the answer.
      const elsewhere = (await deps.instances?.askOtherInstances('chat:stop', { accountId: ctx.accountId, conversationId })) ?? [];
      return { stopped: elsewhere.includes(true) };
    },

    /**
     * The resident pressed "absenden" on a draft card: the case is filed through the case use cases (source
     * 'chat'), in one transaction with marking the draft, so a second press answers the same case.
     */
    async confirmDraft(ctx: TenantContext, draftId: string, attachmentIds: string[]) {
      residentOf(ctx);
      const language = ctx.language ?? DEFAULT_LANGUAGE;
      const { filed, handledBy } = await inUnitOfWork(db, { begin: async () => undefined, finish: async () => undefined }, async () => {
        const draft = await withTenant(db, ctx, (tx) => repository.lockDraft(tx, draftId));
        if (!draft) throw notFound('Entwurf nicht gefunden.');
        if (draft.filedCaseId) {
          const { case: earlier } = await deps.cases.ownCaseDetail(ctx, draft.filedCaseId);
          return { filed: earlier, handledBy: draft.filedHandledBy ?? ('office' as const) };
        }
        const { case: created, routedToClerk } = await deps.cases.fileRoutedCase(ctx, caseFromDraft(draft, attachmentIds), 'chat');
        const handledBy = routedToClerk ? ('clerk' as const) : ('office' as const);
        await withTenant(db, ctx, (tx) =>
          repository.markDraftFiled(tx, draftId, { caseId: created.id, caseNumber: created.caseNumber, handledBy }),
        );
        return { filed: created, handledBy };
      });
      // The case's own deadline (the company's working days, or the standard one); residents never see the deadline itself.
      const rules = await withTenant(db, ctx, (tx) => readCompanySettings(tx));
      const firstLookBy = caseDeadline(new Date(filed.createdAt), filed.type, filed.urgency, rules);
      // A damage report goes to the caretaker area of the resident's tenancy too (as the seed's confirmation says).
      const caretakerArea = filed.type === 'damage' ? ((await readOwnTenancy(db, ctx))?.caretakerArea ?? null) : null;
      const next = { caseNumber: filed.caseNumber, firstLookBy, handledBy, caretakerArea };
      return { case: filed, nextStep: nextStepText(language, next), firstLookBy: firstLookBy.toISOString(), handledBy, caretakerArea };
    },
  };
}

/**
 * The case a draft becomes: a damage report with the draft's catalogue choices; a callback request and a general
 * request as contact cases. A general request is titled by its question; its description holds the question and
 * the excerpt exactly as the resident saw them on the card.
 */
function caseFromDraft(draft: repository.DraftRecord, attachmentIds: string[]): NewCase {
  const data = draft.data as Record<string, string>;
  switch (draft.kind) {
    case 'damage':
      return {
        type: 'damage',
        attachmentIds,
        damageLocationId: data.damageLocationId,
        damageCategoryId: data.damageCategoryId,
        damageKindId: data.damageKindId,
        urgency: data.urgency as 'normal' | 'urgent' | 'emergency',
        description: data.description,
        accessConsent: false,
      };
    case 'callback':
      return {
        type: 'contact',
        attachmentIds,
        title: `Rückrufbitte: ${data.topic}`.slice(0, 200),
        description: [
          `Rückrufbitte aus dem Chat.`,
          `Thema: ${data.topic}`,
          `Erreichbar: ${data.preferredTimes}`,
          ...(data.phone ? [`Telefon: ${data.phone}`] : []),
        ].join('\n'),
      };
    case 'request':
      return {
        type: 'contact',
        attachmentIds,
        title: clipped(`Anfrage aus dem Chat: ${data.question.replace(/\s+/g, ' ').trim()}`, 200),
        description: [
          'Allgemeine Anfrage aus dem Chat.',
          `Frage: ${data.question}`,
          ...(data.excerpt ? ['', 'Auszug aus dem Gespräch:', data.excerpt] : []),
        ].join('\n'),
      };
  }
}

interface NextStep {
  caseNumber: string;
  firstLookBy: Date;
  handledBy: 'clerk' | 'office';
  caretakerArea: string | null;
}

/**
 * What the confirmation says happens next, from the routing rules (who handles it), the tenancy (the caretaker
 * area of a damage report) and the deadline rules (by when the first look is due). German or English: the
 * widget phrases the same fields in every language it speaks; this text is for the conversation and API users.
 */
function nextStepText(language: Language, { caseNumber, firstLookBy, handledBy, caretakerArea }: NextStep): string {
  const date = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', dateStyle: 'medium' }).format(firstLookBy);
  if (language === 'de') {
    const who = handledBy === 'clerk' ? 'Die zuständige Sachbearbeitung' : 'Das Team Ihrer Hausverwaltung';
    const informed = caretakerArea ? `${who} und der Hausmeister-Bereich „${caretakerArea}“ sind informiert.` : `${who} ist informiert.`;
    return `Ihre Meldung ist unter der Nummer ${caseNumber} eingegangen. ${informed} Die erste Sichtung erfolgt bis spätestens ${date('de-DE')}; Sie erhalten eine Nachricht, sobald es Neues gibt.`;
  }
  const who = handledBy === 'clerk' ? 'The responsible clerk' : 'Your housing company’s team';
  const informed = caretakerArea ? `${who} and the caretaker area “${caretakerArea}” have been informed.` : `${who} has been informed.`;
  return `Your request has been received as number ${caseNumber}. ${informed} It will be looked at by ${date('en-GB')} at the latest; you will get a message when there is news.`;
}

export type ChatUseCases = ReturnType<typeof createChatUseCases>;
