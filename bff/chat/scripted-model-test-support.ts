import { ChatModelError, type ChatModel, type ChatModelErrorCode, type ModelEvent, type ModelRequest, type StopReason } from './model.ts';

/**
 * A ChatModel for tests that answers from a script: each model request takes the next step, which says
 * what to stream (text pieces, complete tool calls, the stop reason) or how to fail. A step may be a
 * function of the request, to answer from the tool results the loop fed back. Every request is recorded,
 * so a test sees exactly what reached the model.
 */
export interface ScriptedStep {
  text?: string | string[];
  toolCalls?: Array<{ name: string; input?: unknown; id?: string }>;
  stopReason?: StopReason;
  usage?: { inputTokens: number; outputTokens: number };
  /** Fail with this code after the text (as a provider's error event after HTTP 200 would). */
  error?: ChatModelErrorCode;
  /** Stream the text, then wait until the request is aborted (the resident's stop). */
  hang?: boolean;
}

export type ScriptEntry = ScriptedStep | ((request: ModelRequest) => ScriptedStep);

export class ScriptedChatModel implements ChatModel {
  readonly id: string = 'scripted:test';
  readonly offline = false;
  readonly requests: ModelRequest[] = [];
  private steps: ScriptEntry[] = [];
  private callCounter = 0;
  private hangingListeners: Array<() => void> = [];

  /** Replaces what the next requests answer. */
  script(...steps: ScriptEntry[]): this {
    this.steps = steps;
    this.requests.length = 0;
    return this;
  }

  /** Resolves once a `hang` step is streaming (the moment to press stop). */
  hanging(): Promise<void> {
    return new Promise((resolve) => this.hangingListeners.push(resolve));
  }

  async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
    this.requests.push({ ...request, turns: structuredClone(request.turns) });
    const entry = this.steps.shift() ?? { text: 'Dazu habe ich kein Skript.' };
    const step = typeof entry === 'function' ? entry(request) : entry;
    for (const delta of typeof step.text === 'string' ? [step.text] : (step.text ?? [])) {
      await new Promise((resolve) => setImmediate(resolve));
      yield { type: 'text', delta };
    }
    if (step.error) throw new ChatModelError(step.error, `scripted ${step.error}`);
    if (step.hang) {
      for (const listener of this.hangingListeners.splice(0)) listener();
      await new Promise<void>((resolve) => {
        if (request.signal.aborted) resolve();
        request.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      return;
    }
    for (const call of step.toolCalls ?? []) {
      yield { type: 'tool_call', call: { id: call.id ?? `call_${++this.callCounter}`, name: call.name, input: call.input ?? {} } };
    }
    yield {
      type: 'done',
      stopReason: step.stopReason ?? (step.toolCalls?.length ? 'tool_use' : 'end_turn'),
      usage: step.usage ?? { inputTokens: 100, outputTokens: 20 },
    };
  }
}

/** The last tool results the loop fed back to the model in a request, by tool call id. */
export function lastToolResults(request: ModelRequest): Array<{ callId: string; content: any; isError?: boolean }> {
  const turn = request.turns.at(-1);
  return turn?.role === 'tool' ? turn.results : [];
}

/** One event of a streamed answer as the widget reads it (`event:` line and JSON `data:`). */
export interface StreamedEvent {
  type: string;
  [key: string]: any;
}

/** Parses a `text/event-stream` body into its events, checking that each event's name matches its data. */
export function parseEventStream(body: string): StreamedEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]) as StreamedEvent;
      if (name !== data.type) throw new Error(`event ${name} carries data of type ${data.type}`);
      return data;
    });
}
