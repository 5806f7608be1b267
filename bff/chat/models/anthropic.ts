import Anthropic, { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ContentBlockParam, MessageParam, RawMessageStreamEvent, Tool } from '@anthropic-ai/sdk/resources/messages';
import { ChatModelError, type ChatModel, type ChatTurn, type ModelEvent, type ModelRequest, type StopReason } from '../model.ts';
import { chatModelError, codeForErrorType, codeForStatus } from './provider-errors.ts';

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicModelOptions {
  apiKey: string;
  model: string;
  /** Unset: the SDK's default endpoint. */
  baseURL?: string;
  /** How often the SDK repeats a request after a connection error, 429 or 5xx/529 (tests: 0). */
  maxRetries: number;
}

/**
 * Anthropic Claude through the official SDK's raw Messages stream. Each tool call is assembled from its
 * `input_json_delta` pieces and handed to the loop only when its block stops: a call cut off by `max_tokens`
 * never reaches a tool. Server-side tools (`server_tool_use`) are not ours and are not passed on.
 */
export class AnthropicChatModel implements ChatModel {
  readonly id: string;
  readonly offline = false;
  readonly #client: Anthropic;
  readonly #model: string;

  constructor(options: AnthropicModelOptions) {
    this.id = `anthropic:${options.model}`;
    this.#model = options.model;
    // Everything explicit: with a base URL left empty the SDK would let a local profile file choose the host.
    this.#client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseURL ?? DEFAULT_BASE_URL, maxRetries: options.maxRetries });
  }

  async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
    const toolBlocks = new Map<number, { id: string; name: string; json: string }>();
    let stopReason: StopReason | undefined;
    const usage = { inputTokens: 0, outputTokens: 0 };
    try {
      const events = await this.#client.messages.create(
        {
          model: this.#model,
          max_tokens: request.maxOutputTokens,
          // Prompt caching: tools, system prompt and the conversation so far are prefixes that repeat in every
          // round of the tool loop and every next message; each breakpoint caches everything before it.
          ...(request.system ? { system: [{ type: 'text' as const, text: request.system, cache_control: CACHED }] } : {}),
          messages: cacheUpToHere(messagesFromTurns(request.turns)),
          ...(request.tools.length > 0
            ? { tools: request.tools.map((tool, index, all) => toolParam(tool, index === all.length - 1)) }
            : {}),
          stream: true,
        },
        { signal: request.signal },
      );
      for await (const event of events as AsyncIterable<RawMessageStreamEvent>) {
        if (request.signal.aborted) return;
        switch (event.type) {
          case 'message_start':
            usage.inputTokens = inputTokensOf(event.message.usage);
            usage.outputTokens = event.message.usage.output_tokens;
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') {
              toolBlocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
            } else if (event.content_block.type === 'text' && event.content_block.text) {
              yield { type: 'text', delta: event.content_block.text };
            }
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta') {
              if (event.delta.text) yield { type: 'text', delta: event.delta.text };
            } else if (event.delta.type === 'input_json_delta') {
              const block = toolBlocks.get(event.index);
              if (block) block.json += event.delta.partial_json;
            }
            break;
          case 'content_block_stop': {
            const block = toolBlocks.get(event.index);
            if (!block) break;
            toolBlocks.delete(event.index);
            yield { type: 'tool_call', call: { id: block.id, name: block.name, input: parseToolInput(block.json, block.name) } };
            break;
          }
          case 'message_delta':
            stopReason = stopReasonOf(event.delta.stop_reason);
            usage.outputTokens = event.usage.output_tokens;
            if (typeof event.usage.input_tokens === 'number')
              usage.inputTokens = inputTokensOf({ ...event.usage, input_tokens: event.usage.input_tokens });
            break;
          case 'message_stop':
            break;
        }
      }
    } catch (error) {
      if (request.signal.aborted || error instanceof APIUserAbortError) return;
      throw asChatModelError(error);
    }
    if (request.signal.aborted) return;
    if (!stopReason) throw new ChatModelError('model_unavailable', 'Anthropic: der Stream endete vor dem Ende der Antwort');
    yield { type: 'done', stopReason, usage };
  }
}

/** The port's turns as Messages API messages; consecutive turns of one role (tool results, then text) become one message. */
export function messagesFromTurns(turns: ChatTurn[]): MessageParam[] {
  const messages: MessageParam[] = [];
  const append = (role: 'user' | 'assistant', blocks: ContentBlockParam[]) => {
    if (blocks.length === 0) return;
    const last = messages.at(-1);
    if (last?.role === role && Array.isArray(last.content)) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const turn of turns) {
    if (turn.role === 'user') {
      append('user', [{ type: 'text', text: turn.text }]);
    } else if (turn.role === 'assistant') {
      append('assistant', [
        ...(turn.text ? [{ type: 'text' as const, text: turn.text }] : []),
        ...turn.toolCalls.map((call) => ({ type: 'tool_use' as const, id: call.id, name: call.name, input: call.input ?? {} })),
      ]);
    } else {
      append(
        'user',
        turn.results.map((result) => ({
          type: 'tool_result' as const,
          tool_use_id: result.callId,
          content: JSON.stringify(result.content),
          ...(result.isError ? { is_error: true } : {}),
        })),
      );
    }
  }
  return messages;
}

const CACHED = { type: 'ephemeral' } as const;

function toolParam(tool: ModelRequest['tools'][number], cacheBreakpoint: boolean): Tool {
  return {
    name: tool.name,
    description: tool.description,
    input_schema: tool.inputSchema as Tool['input_schema'],
    ...(cacheBreakpoint ? { cache_control: CACHED } : {}),
  };
}

/** Marks the last block of the conversation as a cache breakpoint (the next round starts with all of it). */
function cacheUpToHere(messages: MessageParam[]): MessageParam[] {
  const last = messages.at(-1);
  if (last && Array.isArray(last.content) && last.content.length > 0) {
    const block = last.content.at(-1)!;
    if (block.type === 'text' || block.type === 'tool_result' || block.type === 'tool_use') Object.assign(block, { cache_control: CACHED });
  }
  return messages;
}

/** Every input token counts into the budget: new ones, those written to the cache and those read from it. */
function inputTokensOf(usage: {
  input_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): number {
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

/** A tool without arguments streams no JSON at all (`""`): its input is `{}`. */
function parseToolInput(json: string, name: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new ChatModelError('model_unavailable', `Anthropic: unlesbare Eingabe des Werkzeugs ${name}`);
  }
}

function stopReasonOf(reason: string | null): StopReason | undefined {
  switch (reason) {
    case null:
      return undefined;
    case 'tool_use':
      return 'tool_use';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'max_tokens';
    case 'refusal':
      return 'refusal';
    default:
      // end_turn, stop_sequence, pause_turn (server tools, which we do not offer)
      return 'end_turn';
  }
}

function asChatModelError(error: unknown): ChatModelError {
  if (error instanceof ChatModelError) return error;
  if (error instanceof APIConnectionError) return new ChatModelError('model_unavailable', `Anthropic nicht erreichbar: ${error.message}`);
  if (error instanceof APIError) {
    const { status, type, headers } = error as APIError<number | undefined, Headers | undefined>;
    // An `event: error` after HTTP 200 has no status; its body names the type (`overloaded_error`).
    const code = status === undefined ? codeForErrorType(type) : codeForStatus(status);
    return chatModelError(code, `Anthropic: ${error.message}`, headers);
  }
  return new ChatModelError(
    'model_unavailable',
    `Anthropic: unlesbare Antwort (${error instanceof Error ? error.message : String(error)})`,
  );
}
