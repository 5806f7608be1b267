import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Language } from '../../contract/enums.ts';
import { LANGUAGE_NAMES } from '../loop.ts';
import type { ChatTurn, ModelEvent, ToolResult } from '../model.ts';
import { json, LoopbackProvider, sseEvents, type RecordedRequest, type ScriptedResponse } from './loopback-provider-test-support.ts';
import { OfflineChatModel } from './offline.ts';

/**
 * Anthropic's Messages API on loopback for tests (never in the product's path): `POST /v1/messages`, streaming,
 * with tools, checked as the real API checks it (key, `anthropic-version`, the request's shape, every tool_use
 * answered by a tool_result). The deterministic offline assistant decides each next step from the conversation
 * the request carries, and the answer goes back as the API's Server-Sent Events (message_start,
 * content_block_start/delta/stop with text_delta and input_json_delta, message_delta with stop_reason and
 * usage, message_stop). So the BFF's real adapter (`@anthropic-ai/sdk`) drives the real tool loop over the wire.
 */
export class AnthropicLoopback extends LoopbackProvider {
  constructor(apiKey: string) {
    super((request) => answerMessages(request, apiKey));
  }
}

/** A prompt-caching breakpoint: it caches the request's prefix up to its block. */
const cacheControl = z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).optional();
const textBlock = z.object({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });
const toolUseBlock = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControl,
});
const toolResultBlock = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(textBlock)]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});
const contentBlock = z.discriminatedUnion('type', [textBlock, toolUseBlock, toolResultBlock]);
type ContentBlock = z.infer<typeof contentBlock>;

/** The part of a Messages API request the chat's adapter sends; the loopback streams only. */
const messagesRequest = z.object({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  stream: z.literal(true, { error: 'this loopback answers streaming requests only (stream: true)' }),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(contentBlock)]) })).min(1),
  tools: z
    .array(
      z.object({
        name: z.string().min(1),
        description: z.string().optional(),
        input_schema: z.looseObject({ type: z.literal('object') }),
        cache_control: cacheControl,
      }),
    )
    .optional(),
});
type MessagesRequest = z.infer<typeof messagesRequest>;

/** The API's error envelope. */
const apiError = (status: number, type: string, message: string): ScriptedResponse =>
  json(status, { type: 'error', error: { type, message }, request_id: null });

async function answerMessages(request: RecordedRequest, apiKey: string): Promise<ScriptedResponse> {
  if (request.method !== 'POST' || request.path.split('?')[0] !== '/v1/messages') {
    return apiError(404, 'not_found_error', `${request.method} ${request.path} is not served here`);
  }
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if ((request.headers['x-api-key'] ?? bearer) !== apiKey) return apiError(401, 'authentication_error', 'invalid x-api-key');
  if (!request.headers['anthropic-version']) return apiError(400, 'invalid_request_error', 'anthropic-version: header is required');
  const parsed = messagesRequest.safeParse(request.body);
  if (!parsed.success) return apiError(400, 'invalid_request_error', z.prettifyError(parsed.error));
  const body = parsed.data;
  const pairing = unpairedToolBlocks(body.messages);
  if (pairing) return apiError(400, 'invalid_request_error', pairing);
  const systemBlocks = typeof body.system === 'string' ? [{ type: 'text' as const, text: body.system }] : (body.system ?? []);
  const blocks = body.messages.flatMap((message) => (typeof message.content === 'string' ? [] : message.content));
  const breakpoints = [...systemBlocks, ...(body.tools ?? []), ...blocks].filter(
    (block) => 'cache_control' in block && block.cache_control,
  ).length;
  if (breakpoints > 4)
    return apiError(400, 'invalid_request_error', `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`);
  const system = systemBlocks.map((block) => block.text).join('\n');

  const events: ModelEvent[] = [];
  for await (const event of new OfflineChatModel().stream({
    system,
    turns: turnsFromMessages(body.messages),
    tools: (body.tools ?? []).map((tool) => ({ name: tool.name, description: tool.description ?? '', inputSchema: tool.input_schema })),
    language: languageOf(system),
    maxOutputTokens: body.max_tokens,
    signal: new AbortController().signal,
  })) {
    events.push(event);
  }
  const offered = new Set((body.tools ?? []).map((tool) => tool.name));
  const notOffered = events.find((event) => event.type === 'tool_call' && !offered.has(event.call.name));
  if (notOffered?.type === 'tool_call')
    throw new Error(`the offline assistant called ${notOffered.call.name}, which the request did not offer`);
  return sseEvents(streamEvents(body, JSON.stringify(request.body).length, events));
}

/**
 * What the real API refuses about tool blocks: a tool_use not answered by a tool_result in the very next
 * (user) message, or a tool_result for no tool_use of the message before.
 */
function unpairedToolBlocks(messages: MessagesRequest['messages']): string | undefined {
  if (messages[0].role !== 'user') return 'messages: the first message must use the "user" role';
  for (const [index, message] of messages.entries()) {
    const blocks = typeof message.content === 'string' ? [] : message.content;
    const previous = messages[index - 1];
    const asked = new Set(
      previous && typeof previous.content !== 'string'
        ? previous.content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []))
        : [],
    );
    for (const block of blocks) {
      if (block.type === 'tool_use' && message.role !== 'assistant') return `messages.${index}: tool_use blocks belong to the assistant`;
      if (block.type === 'tool_result' && !asked.delete(block.tool_use_id)) {
        return `messages.${index}: unexpected tool_use_id found in tool_result blocks: ${block.tool_use_id}`;
      }
    }
    if (previous?.role === 'assistant' && asked.size > 0) {
      return `messages.${index}: tool_use ids were found without tool_result blocks immediately after: ${[...asked].join(', ')}`;
    }
  }
  return undefined;
}

/** The request's messages as the conversation the offline assistant reads (the inverse of the adapter's messagesFromTurns). */
function turnsFromMessages(messages: MessagesRequest['messages']): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const message of messages) {
    const blocks: ContentBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    const text = blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    if (message.role === 'assistant') {
      const toolCalls = blocks.flatMap((block) =>
        block.type === 'tool_use' ? [{ id: block.id, name: block.name, input: block.input }] : [],
      );
      turns.push({ role: 'assistant', text, toolCalls });
      continue;
    }
    const results: ToolResult[] = blocks.flatMap((block) =>
      block.type === 'tool_result'
        ? [{ callId: block.tool_use_id, content: resultContent(block.content), ...(block.is_error ? { isError: true } : {}) }]
        : [],
    );
    if (results.length > 0) turns.push({ role: 'tool', results });
    if (blocks.some((block) => block.type === 'text')) turns.push({ role: 'user', text });
  }
  return turns;
}

/** A tool result's content as the tool answered it: the adapter sends the JSON as a string. */
function resultContent(content: string | Array<{ text: string }> | undefined): unknown {
  const text = typeof content === 'string' ? content : (content ?? []).map((block) => block.text).join('');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The resident's language, as the system prompt names it ("Answer in German, …"); German if it names none. */
function languageOf(system: string): Language {
  const named = /Answer in (\w+)/.exec(system)?.[1];
  const found = Object.entries(LANGUAGE_NAMES).find(([, name]) => name === named);
  return (found?.[0] as Language | undefined) ?? 'de';
}

/** About four characters a token, as the API counts German and English text roughly. */
const tokens = (characters: number) => Math.max(1, Math.ceil(characters / 4));

/** The offline assistant's events as the API streams them: one content block per text run and per tool call. */
function streamEvents(body: MessagesRequest, requestCharacters: number, events: ModelEvent[]): Array<{ type: string }> {
  const inputTokens = tokens(requestCharacters);
  const stream: Array<{ type: string; [field: string]: unknown }> = [
    {
      type: 'message_start',
      message: {
        id: `msg_loopback${randomBytes(9).toString('hex')}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: inputTokens,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 1,
          service_tier: 'standard',
        },
      },
    },
    { type: 'ping' },
  ];
  let index = -1;
  let textOpen = false;
  let outputCharacters = 0;
  const closeText = () => {
    if (textOpen) stream.push({ type: 'content_block_stop', index });
    textOpen = false;
  };
  for (const event of events) {
    if (event.type === 'text') {
      if (!textOpen) stream.push({ type: 'content_block_start', index: ++index, content_block: { type: 'text', text: '' } });
      textOpen = true;
      stream.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: event.delta } });
      outputCharacters += event.delta.length;
    } else if (event.type === 'tool_call') {
      closeText();
      const id = `toolu_01${randomBytes(12).toString('base64url')}`;
      stream.push({
        type: 'content_block_start',
        index: ++index,
        content_block: { type: 'tool_use', id, name: event.call.name, input: {} },
      });
      // The input arrives in pieces that split words and escapes, as the API sends it; the first piece is empty.
      const input = JSON.stringify(event.call.input ?? {});
      const pieces = ['', ...(input.match(/[\s\S]{1,7}/gu) ?? [])];
      for (const piece of pieces)
        stream.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } });
      stream.push({ type: 'content_block_stop', index });
      outputCharacters += input.length;
    } else {
      closeText();
      stream.push(
        {
          type: 'message_delta',
          delta: { stop_reason: event.stopReason, stop_sequence: null },
          usage: { output_tokens: tokens(outputCharacters) },
        },
        { type: 'message_stop' },
      );
    }
  }
  return stream;
}
