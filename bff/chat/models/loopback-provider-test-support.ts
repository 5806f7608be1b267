import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { ChatModelError, type ChatModel, type ModelEvent, type ModelRequest, type ToolDefinition } from '../model.ts';
import { chatToolInputs, type ChatToolName } from '../tool-contract.ts';

/** One scripted answer of the provider: the status, headers and the raw body bytes as the wire carries them. */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** An SSE answer: the provider's bytes, unchanged. */
export const sse = (body: string): ScriptedResponse => ({ headers: { 'content-type': 'text/event-stream' }, body });

/** A JSON answer (e.g. an error before streaming starts). */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): ScriptedResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * A model provider on loopback (node:http): answers each POST with the next scripted response and records
 * what the adapter sent, so a test can assert both what the loop gets and what went over the wire.
 */
export class LoopbackProvider {
  readonly requests: RecordedRequest[] = [];
  readonly #responses: ScriptedResponse[] = [];
  #server: Server | undefined;
  /** Where the server listens (after start). */
  url = '';

  /** Queues the answers to the next requests, in order. */
  answer(...responses: ScriptedResponse[]): this {
    this.#responses.push(...responses);
    return this;
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: raw ? JSON.parse(raw) : undefined,
        });
        const next = this.#responses.shift() ?? json(500, { error: { type: 'api_error', message: 'no scripted response left' } });
        response.writeHead(next.status ?? 200, next.headers ?? {});
        response.end(next.body);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

/** Everything the model streams for one request, in order (throws what the stream throws). */
export async function collect(model: ChatModel, request: Partial<ModelRequest> = {}): Promise<ModelEvent[]> {
  const events: ModelEvent[] = [];
  for await (const event of model.stream({
    system: 'Sie sind der Assistent der Hausverwaltung.',
    turns: [{ role: 'user', text: 'Hallo' }],
    tools: [],
    language: 'de',
    maxOutputTokens: 1024,
    signal: new AbortController().signal,
    ...request,
  })) {
    events.push(event);
  }
  return events;
}

/** The ChatModelError a model request ends with (a test fails if it succeeds or fails otherwise). */
export async function failure(promise: Promise<unknown>): Promise<ChatModelError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ChatModelError, `expected a ChatModelError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the stream to fail');
}

/** Tool definitions as the loop hands them to a model: the named tools' JSON Schema from the tool contract. */
export const toolDefinitions = (...tools: Array<[ChatToolName, string]>): ToolDefinition[] =>
  tools.map(([name, description]) => ({ name, description, inputSchema: z.toJSONSchema(chatToolInputs[name]) }));
