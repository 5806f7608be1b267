import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OpenAICompatibleChatModel } from './openai-compatible.ts';
import { collect, failure, json, LoopbackProvider, sse, toolDefinitions } from './loopback-provider-test-support.ts';

/** One `chat.completion.chunk` as OpenAI-compatible servers stream it. */
function chunk(delta: Record<string, unknown>, finishReason: string | null = null) {
  return {
    id: 'chatcmpl-9x',
    object: 'chat.completion.chunk',
    created: 1764259200,
    model: 'mistral-large-latest',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}
/** The last chunk with `stream_options.include_usage`: no choices, the usage. */
const usageChunk = (prompt: number, completion: number) => ({
  id: 'chatcmpl-9x',
  object: 'chat.completion.chunk',
  created: 1764259200,
  model: 'mistral-large-latest',
  choices: [],
  usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
});
/** The wire: `data: {...}` lines, each followed by an empty line, ending with `data: [DONE]`. */
const stream = (...chunks: unknown[]) => sse([...chunks.map((each) => `data: ${JSON.stringify(each)}\n\n`), 'data: [DONE]\n\n'].join(''));
const toolPiece = (index: number, args: string, start?: { id: string; name: string }) => ({
  tool_calls: [
    { index, ...(start ? { id: start.id, type: 'function' } : {}), function: { ...(start ? { name: start.name } : {}), arguments: args } },
  ],
});

const tools = toolDefinitions(['getAnfrageStatus', 'Eigene Anliegen'], ['getTenantContext', 'Die Hausverwaltung']);

describe('OpenAI-compatible adapter: /v1/chat/completions streams on loopback', () => {
  const provider = new LoopbackProvider();
  let model: OpenAICompatibleChatModel;
  before(async () => {
    const baseURL = await provider.start();
    model = new OpenAICompatibleChatModel({ baseURL: `${baseURL}/v1`, model: 'mistral-large-latest', apiKey: 'eu-key', maxRetries: 0 });
  });
  after(() => provider.stop());

  it('streams a text answer and ends with end_turn and the usage the server reports', async () => {
    provider.answer(
      stream(
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Ihre Sprechzeiten' }),
        chunk({ content: ' sind montags.' }),
        chunk({}, 'stop'),
        usageChunk(120, 9),
      ),
    );
    assert.deepEqual(await collect(model), [
      { type: 'text', delta: 'Ihre Sprechzeiten' },
      { type: 'text', delta: ' sind montags.' },
      { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 120, outputTokens: 9 } },
    ]);
    assert.equal(model.id, 'openai-compatible:mistral-large-latest');
  });

  it('sends system, tools as functions, assistant tool_calls and role "tool" results, streaming with usage', async () => {
    provider.answer(stream(chunk({ content: 'Gern.' }), chunk({}, 'stop')));
    await collect(model, {
      system: 'Antworten Sie nur aus den Werkzeugen.',
      tools,
      maxOutputTokens: 700,
      turns: [
        { role: 'user', text: 'Was ist mit meinem Wasserschaden?' },
        { role: 'assistant', text: '', toolCalls: [{ id: 'call_1', name: 'getAnfrageStatus', input: {} }] },
        { role: 'tool', results: [{ callId: 'call_1', content: { cases: [] } }] },
        { role: 'assistant', text: 'Ich finde kein Anliegen.', toolCalls: [] },
        { role: 'user', text: 'Danke' },
      ],
    });
    const sent = provider.requests.at(-1)!;
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, 'Bearer eu-key');
    assert.equal(sent.body.model, 'mistral-large-latest');
    assert.equal(sent.body.stream, true);
    assert.deepEqual(sent.body.stream_options, { include_usage: true });
    assert.equal(sent.body.max_tokens, 700);
    assert.deepEqual(sent.body.tools, [
      { type: 'function', function: { name: 'getAnfrageStatus', description: 'Eigene Anliegen', parameters: tools[0].inputSchema } },
      { type: 'function', function: { name: 'getTenantContext', description: 'Die Hausverwaltung', parameters: tools[1].inputSchema } },
    ]);
    assert.deepEqual(sent.body.messages, [
      { role: 'system', content: 'Antworten Sie nur aus den Werkzeugen.' },
      { role: 'user', content: 'Was ist mit meinem Wasserschaden?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'getAnfrageStatus', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"cases":[]}' },
      { role: 'assistant', content: 'Ich finde kein Anliegen.' },
      { role: 'user', content: 'Danke' },
    ]);
  });

  it('assembles one tool call from several argument pieces and hands it on once the server finishes', async () => {
    provider.answer(
      stream(
        chunk({ role: 'assistant', content: null, ...toolPiece(0, '', { id: 'call_abc', name: 'getAnfrageStatus' }) }),
        chunk(toolPiece(0, '{"case')),
        chunk(toolPiece(0, 'Number": "2026-')),
        chunk(toolPiece(0, '000123"}')),
        chunk({}, 'tool_calls'),
        usageChunk(300, 21),
      ),
    );
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'tool_call', call: { id: 'call_abc', name: 'getAnfrageStatus', input: { caseNumber: '2026-000123' } } },
      { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 300, outputTokens: 21 } },
    ]);
  });

  it('keeps two parallel tool calls apart by their index, in order', async () => {
    provider.answer(
      stream(
        chunk(toolPiece(0, '', { id: 'call_a', name: 'getTenantContext' })),
        chunk(toolPiece(1, '', { id: 'call_b', name: 'getAnfrageStatus' })),
        chunk(toolPiece(1, '{"caseNumber":')),
        chunk(toolPiece(0, '{}')),
        chunk(toolPiece(1, '"2026-000007"}')),
        chunk({}, 'tool_calls'),
      ),
    );
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'tool_call', call: { id: 'call_a', name: 'getTenantContext', input: {} } },
      { type: 'tool_call', call: { id: 'call_b', name: 'getAnfrageStatus', input: { caseNumber: '2026-000007' } } },
      { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 0, outputTokens: 0 } },
    ]);
  });

  it('hands on no tool call when the answer is cut by the token limit in the middle of the arguments', async () => {
    provider.answer(
      stream(
        chunk({ content: 'Einen Moment.' }),
        chunk(toolPiece(0, '{"caseNum', { id: 'call_cut', name: 'getAnfrageStatus' })),
        chunk({}, 'length'),
        usageChunk(80, 64),
      ),
    );
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'text', delta: 'Einen Moment.' },
      { type: 'done', stopReason: 'max_tokens', usage: { inputTokens: 80, outputTokens: 64 } },
    ]);
  });

  it('ends an answer the server filtered with stopReason refusal', async () => {
    provider.answer(stream(chunk({ content: 'Dazu' }), chunk({}, 'content_filter')));
    assert.deepEqual((await collect(model)).at(-1), { type: 'done', stopReason: 'refusal', usage: { inputTokens: 0, outputTokens: 0 } });
  });

  it('reports HTTP 429 as model_rate_limited with the Retry-After seconds, 503 as overloaded, 401 and 404 as misconfigured', async () => {
    const cases: [number, Record<string, string>, string, number | undefined][] = [
      [429, { 'retry-after': '20' }, 'model_rate_limited', 20],
      [503, {}, 'model_overloaded', undefined],
      [401, {}, 'model_misconfigured', undefined],
      [404, {}, 'model_misconfigured', undefined],
      [502, {}, 'model_unavailable', undefined],
    ];
    for (const [status, headers, code, retryAfter] of cases) {
      provider.answer(json(status, { error: { message: `status ${status}`, type: 'error', param: null, code: null } }, headers));
      const error = await failure(collect(model));
      assert.deepEqual([status, error.code, error.retryAfterSeconds], [status, code, retryAfter]);
    }
  });

  it('reports an error chunk in the middle of the stream by its type, after the text already streamed', async () => {
    provider.answer(
      stream(chunk({ content: 'Ich sehe' }), {
        error: { message: 'Rate limit reached for requests', type: 'rate_limit_exceeded', param: null, code: null },
      }),
    );
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of model.stream({
          system: 's',
          turns: [{ role: 'user', text: 'Hallo' }],
          tools: [],
          language: 'de',
          maxOutputTokens: 100,
          signal: new AbortController().signal,
        })) {
          if (event.type === 'text') seen.push(event.delta);
        }
      })(),
    );
    assert.deepEqual(seen, ['Ich sehe']);
    assert.equal(error.code, 'model_rate_limited');

    provider.answer(
      stream({ error: { object: 'error', message: 'Service overloaded', type: 'ServiceUnavailableError', param: null, code: 503 } }),
    );
    assert.equal((await failure(collect(model))).code, 'model_overloaded');
  });

  it('stops reading when the resident presses stop: no further event, no error', async () => {
    provider.answer(stream(chunk({ content: 'Eins ' }), chunk({ content: 'zwei ' }), chunk({ content: 'drei' }), chunk({}, 'stop')));
    const stop = new AbortController();
    const events = [];
    for await (const event of model.stream({
      system: 's',
      turns: [{ role: 'user', text: 'Hallo' }],
      tools: [],
      language: 'de',
      maxOutputTokens: 100,
      signal: stop.signal,
    })) {
      events.push(event);
      stop.abort();
    }
    assert.deepEqual(events, [{ type: 'text', delta: 'Eins ' }]);
  });

  it('reports a server that cannot be reached as model_unavailable', async () => {
    const unreachable = new OpenAICompatibleChatModel({ baseURL: 'http://127.0.0.1:1/v1', model: 'm', maxRetries: 0 });
    assert.equal((await failure(collect(unreachable))).code, 'model_unavailable');
  });
});
