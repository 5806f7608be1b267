import type { ChatStreamEvent } from '../contract/chat.ts';
import { chatOperations as operations } from '../contract/chat.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import type { ChatUseCases } from './use-cases.ts';
import { STREAM_ERROR_TEXTS } from './loop.ts';

/** The tenant chat's API: residents only (docs/chat.md); admins read the token use, never a chat. */
export function registerChatRoutes(api: Api, ctx: AppContext, chat: ChatUseCases): void {
  const { config, logger } = ctx;
  api.route(operations.chatNotice, ({ req }) => chat.notice(tenantContext(req)));
  api.route(operations.acknowledgeChatNotice, ({ req, body }) => chat.acknowledge(tenantContext(req), body.version));
  api.route(operations.listConversations, ({ req }) => chat.listConversations(tenantContext(req)));
  api.route(operations.startConversation, ({ req }) => chat.startConversation(tenantContext(req)));
  api.route(operations.deleteConversations, ({ req }) => chat.deleteConversations(tenantContext(req)));
  api.route(operations.exportConversations, ({ req }) => chat.exportConversations(tenantContext(req)));
  api.route(operations.conversationDetail, ({ req, params }) => chat.conversation(tenantContext(req), params.id));
  api.route(operations.deleteConversation, async ({ req, params }) => {
    await chat.deleteConversations(tenantContext(req), params.id);
  });
  api.route(operations.stopChatAnswer, ({ req, params }) => chat.stop(tenantContext(req), params.id));
  api.route(operations.confirmChatDraft, ({ req, params, body }) =>
    chat.confirmDraft(tenantContext(req), params.draftId, body.attachmentIds),
  );
  api.route(operations.chatUsage, ({ req }) => chat.usage(tenantContext(req)));

  // Per resident (account), shared by the instances through Redis like every limit.
  const perMinute = config.CHAT_MESSAGES_PER_MINUTE ?? (config.NODE_ENV === 'test' ? 1000 : 10);
  api.router.post(
    operations.sendChatMessage.path,
    ctx.rateLimits.limiter({
      name: 'chat-messages',
      perMinute,
      key: (req) => req.session?.auth?.accountId,
      message: `Sie haben in einer Minute ${perMinute} Nachrichten an den Assistenten geschickt. Bitte warten Sie eine Minute und schreiben Sie dann weiter.`,
    }),
  );
  api.route(operations.sendChatMessage, async ({ req, res, params, body }) => {
    // Refusals (notice, budget, an answer under way) come before the stream, as JSON errors.
    const answer = await chat.sendMessage(tenantContext(req), params.id, body.text);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // Reverse proxies (nginx) would otherwise buffer the stream and deliver it at the end.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const closed = new AbortController();
    res.on('close', () => closed.abort());
    const send = (event: ChatStreamEvent) => {
      if (!res.writableEnded) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    try {
      await answer.stream(send, closed.signal);
    } catch (err) {
      logger.error({ err }, 'chat answer failed');
      send({ type: 'error', code: 'internal_error', message: STREAM_ERROR_TEXTS.internal_error });
      send({ type: 'done', messageId: null, status: 'error' });
    }
    res.end();
  });
}
