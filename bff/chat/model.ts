import type { Language } from '../contract/enums.ts';

/**
 * The `ChatModel` port (docs: ../shared/DESIGN.md, "Ports"): what the chat's tool loop needs from a language
 * model, and nothing of any provider's format. Adapters: Anthropic Claude through `@anthropic-ai/sdk`, an
 * OpenAI-compatible `/v1/chat/completions` server, and the offline assistant that works without a key.
 * Switching the adapter changes neither the tool definitions nor the loop.
 *
 * The model never sees an id it could use to reach another resident's data: the tools take none
 * (bff/chat/tools/), and they run with the resident's own session under row-level security.
 */

/** A tool as the model is told about it: the input schema is JSON Schema generated from the tool's zod schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** One tool call the model made, its input parsed from the streamed JSON (not yet validated). */
export interface ToolCall {
  /** The provider's id of the call (Anthropic `toolu_…`, OpenAI `call_…`, offline `offline_…`). */
  id: string;
  name: string;
  input: unknown;
}

/** What a tool answered: JSON for the model; `isError` for a refused or invalid call (never thrown). */
export interface ToolResult {
  callId: string;
  content: unknown;
  isError?: boolean;
}

/** The conversation as the model gets it, oldest first. */
export type ChatTurn =
  { role: 'user'; text: string } | { role: 'assistant'; text: string; toolCalls: ToolCall[] } | { role: 'tool'; results: ToolResult[] };

export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'refusal';

/** What a model streams for one request. */
export type ModelEvent =
  /** The next piece of the answer's text. */
  | { type: 'text'; delta: string }
  /** A complete tool call, once its input JSON is complete (never a half call). */
  | { type: 'tool_call'; call: ToolCall }
  /** The last event: why the model stopped and what it used. */
  | { type: 'done'; stopReason: StopReason; usage: { inputTokens: number; outputTokens: number } };

export interface ModelRequest {
  /** The system prompt: the assistant's role, the housing company, the rules. */
  system: string;
  turns: ChatTurn[];
  tools: ToolDefinition[];
  /** The resident's language: the answer is in it. */
  language: Language;
  maxOutputTokens: number;
  /** The resident pressed "Stop", or the request ended: the adapter stops reading and ends the stream. */
  signal: AbortSignal;
}

export interface ChatModel {
  /** What the UI and the logs name, e.g. `anthropic:claude-sonnet-4-5`, `openai-compatible:mistral-large`, `offline`. */
  readonly id: string;
  /** The offline assistant: the UI labels it as such. */
  readonly offline: boolean;
  /** Streams one model response. Ends with a `done` event, or throws a `ChatModelError`. */
  stream(request: ModelRequest): AsyncIterable<ModelEvent>;
}

/** Why a model request failed, as the resident is told (stable codes; German texts are the loop's). */
export type ChatModelErrorCode =
  /** The provider is overloaded (Anthropic `overloaded_error`, HTTP 529/503): try again shortly. */
  | 'model_overloaded'
  /** Too many requests for the provider's limits (HTTP 429). */
  | 'model_rate_limited'
  /** The provider cannot be reached or answered something unreadable. */
  | 'model_unavailable'
  /** The key or the configuration is wrong (HTTP 401/403/404): an operator must act. */
  | 'model_misconfigured';

export class ChatModelError extends Error {
  constructor(
    readonly code: ChatModelErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
