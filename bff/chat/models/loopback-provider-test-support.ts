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

/** An SSE answer made of events (`event: <type>` and `data: <JSON>` each), as the Messages API streams them. */
export const sseEvents = (events: Array<{ type: string }>): ScriptedResponse =>
  sse(events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));

/** A JSON answer (e.g. an error before streaming starts). */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): ScriptedResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Answers a request no scripted response is queued for. */
export type Responder = (request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>;

const nothingScripted: Responder = () => json(500, { error: { type: 'api_error', message: 'no scripted response left' } });

/**
 * A model provider on loopback (node:http): answers each POST with the next scripted response (once none is
 * left, with `respond`) and records what the adapter sent, so a test can assert both what the loop gets and
 * what went over the wire.
 */
export class LoopbackProvider {
  readonly requests: RecordedRequest[] = [];
  readonly #responses: ScriptedResponse[] = [];
  readonly #respond: Responder;
  #server: Server | undefined;
  /** Where the server listens (after start). */
  url = '';

  constructor(respond: Responder = nothingScripted) {
    this.#respond = respond;
  }

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
        const recorded: RecordedRequest = {
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: parsedJson(raw),
        };
        this.requests.push(recorded);
        void this.#next(recorded).then((next) => {
          response.writeHead(next.status ?? 200, next.headers ?? {});
          response.end(next.body);
        });
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** The next scripted response, else what `respond` answers; a failure of the test support itself is a server error. */
  async #next(request: RecordedRequest): Promise<ScriptedResponse> {
    try {
      return this.#responses.shift() ?? (await this.#respond(request));
    } catch (error) {
      return json(500, { type: 'error', error: { type: 'api_error', message: String(error) } });
    }
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

/** The request's JSON body; undefined when it is empty or not JSON (the provider answers 400 for that). */
function parsedJson(raw: string): unknown {
  try {
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
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
