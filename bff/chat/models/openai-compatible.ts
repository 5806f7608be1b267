import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { ChatModelError, type ChatModel, type ModelEvent, type ModelRequest, type StopReason, type ToolCall } from '../model.ts';
import { chatModelError, codeForErrorType, codeForStatus } from './provider-errors.ts';

export interface OpenAICompatibleModelOptions {
  /** Including the version path, e.g. `https://api.mistral.ai/v1` or `http://vllm:8000/v1`. */
  baseURL: string;
  model: string;
  /** Self-hosted servers often need none. */
  apiKey?: string;
  /** How often the client repeats a request after a connection error, 429 or 5xx (tests: 0). */
  maxRetries: number;
}

/**
 * Any server that speaks OpenAI's `/v1/chat/completions` with tools and streaming (an EU-hosted or self-hosted
 * model), through the official `openai` client. Tool calls arrive as argument pieces per index; they are handed
 * on when the server says why it finished, and never when it ran out of tokens (`length`): the JSON may be cut.
 */
export class OpenAICompatibleChatModel implements ChatModel {
  readonly id: string;
  readonly offline = false;
  readonly #client: OpenAI;
  readonly #model: string;

  constructor(options: OpenAICompatibleModelOptions) {
    this.id = `openai-compatible:${options.model}`;
    this.#model = options.model;
    // The client insists on a key; a server without one ignores the placeholder. No OpenAI organisation or project
    // from the environment (OPENAI_ORG_ID, OPENAI_PROJECT_ID) goes to another company's server.
    this.#client = new OpenAI({
      apiKey: options.apiKey ?? 'none',
      baseURL: options.baseURL,
      maxRetries: options.maxRetries,
      organization: null,
      project: null,
    });
  }

  async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
    const calls = new Map<number, { id: string; name: string; args: string }>();
    let finishReason: string | undefined;
    const usage = { inputTokens: 0, outputTokens: 0 };
    try {
      const chunks = await this.#client.chat.completions.create(
        {
          model: this.#model,
          messages: messagesFromRequest(request),
          ...(request.tools.length > 0 ? { tools: request.tools.map(toolParam) } : {}),
          max_tokens: request.maxOutputTokens,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: request.signal },
      );
      for await (const chunk of chunks as AsyncIterable<ChatCompletionChunk>) {
        if (request.signal.aborted) return;
        if (chunk.usage) usage.inputTokens = chunk.usage.prompt_tokens;
        if (chunk.usage) usage.outputTokens = chunk.usage.completion_tokens;
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.delta?.content) yield { type: 'text', delta: choice.delta.content };
        for (const piece of choice.delta?.tool_calls ?? []) {
          const call = calls.get(piece.index) ?? { id: '', name: '', args: '' };
          if (piece.id) call.id = piece.id;
          if (piece.function?.name) call.name += piece.function.name;
          if (piece.function?.arguments) call.args += piece.function.arguments;
          calls.set(piece.index, call);
        }
        if (choice.finish_reason) {
          finishReason = choice.finish_reason;
          if (finishReason !== 'length') {
            for (const call of [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call)) {
              yield { type: 'tool_call', call: completeCall(call) };
            }
          }
          calls.clear();
        }
      }
    } catch (error) {
      if (request.signal.aborted || error instanceof APIUserAbortError) return;
      throw asChatModelError(error);
    }
    if (request.signal.aborted) return;
    if (!finishReason) throw new ChatModelError('model_unavailable', 'OpenAI-kompatibler Server: der Stream endete ohne finish_reason');
    yield { type: 'done', stopReason: stopReasonOf(finishReason), usage };
  }
}

function messagesFromRequest(request: ModelRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: request.system }];
  for (const turn of request.turns) {
    if (turn.role === 'user') {
      messages.push({ role: 'user', content: turn.text });
    } else if (turn.role === 'assistant') {
      if (!turn.text && turn.toolCalls.length === 0) continue;
      messages.push({
        role: 'assistant',
        content: turn.text || null,
        ...(turn.toolCalls.length > 0
          ? {
              tool_calls: turn.toolCalls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: JSON.stringify(call.input ?? {}) },
              })),
            }
          : {}),
      });
    } else {
      // The API has no error flag: a refused call's content is the `{ error }` object itself.
      for (const result of turn.results)
        messages.push({ role: 'tool', tool_call_id: result.callId, content: JSON.stringify(result.content) });
    }
  }
  return messages;
}

function toolParam(tool: ModelRequest['tools'][number]): ChatCompletionTool {
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } };
}

function completeCall(call: { id: string; name: string; args: string }): ToolCall {
  if (call.args.trim() === '') return { id: call.id, name: call.name, input: {} };
  try {
    return { id: call.id, name: call.name, input: JSON.parse(call.args) as unknown };
  } catch {
    throw new ChatModelError('model_unavailable', `OpenAI-kompatibler Server: unlesbare Argumente des Werkzeugs ${call.name}`);
  }
}

function stopReasonOf(finishReason: string): StopReason {
  switch (finishReason) {
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

function asChatModelError(error: unknown): ChatModelError {
  if (error instanceof ChatModelError) return error;
  if (error instanceof APIConnectionError)
    return new ChatModelError('model_unavailable', `OpenAI-kompatibler Server nicht erreichbar: ${error.message}`);
  if (error instanceof APIError) {
    const { status, type, code, headers } = error as APIError<number | undefined, Headers | undefined>;
    // An error chunk in the stream (after HTTP 200) has no status; its body names type or code.
    // (vLLM puts the HTTP status into `code`).
    const numericCode = code as unknown as number | string | null | undefined;
    const mapped =
      status === undefined ? codeForErrorType(typeof numericCode === 'number' ? numericCode : (type ?? code)) : codeForStatus(status);
    return chatModelError(mapped, `OpenAI-kompatibler Server: ${error.message}`, headers);
  }
  return new ChatModelError(
    'model_unavailable',
    `OpenAI-kompatibler Server: unlesbare Antwort (${error instanceof Error ? error.message : String(error)})`,
  );
}
