import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AnthropicChatModel } from './anthropic.ts';
import { collect, failure, json, LoopbackProvider, sse, toolDefinitions } from './loopback-provider-test-support.ts';

/** A real Messages API transcript from the corpus copy (testdata/README.md names each one's source). */
const transcript = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const errorTypes = JSON.parse(transcript('error-types.json')) as { error_types: string[] };

const tools = toolDefinitions(['createSchadensmeldung', 'Eine Schadensmeldung als Entwurf'], ['getMieterInfo', 'Das Mietverhältnis']);

describe('Anthropic adapter: real Messages API transcripts replayed on loopback', () => {
  const provider = new LoopbackProvider();
  let model: AnthropicChatModel;
  before(async () => {
    const baseURL = await provider.start();
    model = new AnthropicChatModel({ apiKey: 'sk-ant-test', model: 'claude-sonnet-5-5', baseURL, maxRetries: 0 });
  });
  after(() => provider.stop());

  it('streams a text answer piece by piece and ends with end_turn and the usage (sse-01)', async () => {
    provider.answer(sse(transcript('sse-01-basic-text.txt')));
    assert.deepEqual(await collect(model), [
      { type: 'text', delta: 'Hello' },
      { type: 'text', delta: ' there' },
      { type: 'text', delta: '!' },
      { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 11, outputTokens: 6 } },
    ]);
    assert.equal(model.id, 'anthropic:claude-sonnet-5-5');
    assert.equal(model.offline, false);
  });

  it('sends the system prompt, the tools with their JSON Schema, and tool calls with their results as blocks', async () => {
    provider.answer(sse(transcript('sse-01-basic-text.txt')));
    await collect(model, {
      system: 'Sie antworten nur aus den Ergebnissen der Werkzeuge.',
      tools,
      maxOutputTokens: 800,
      turns: [
        { role: 'user', text: 'Bei mir tropft die Küchenarmatur' },
        {
          role: 'assistant',
          text: 'Ich lege einen Entwurf an.',
          toolCalls: [{ id: 'toolu_1', name: 'createSchadensmeldung', input: { description: 'tropft' } }],
        },
        { role: 'tool', results: [{ callId: 'toolu_1', content: { complete: false, missing: ['urgency'], options: {} } }] },
        { role: 'assistant', text: '', toolCalls: [{ id: 'toolu_2', name: 'getMieterInfo', input: { foo: 1 } }] },
        {
          role: 'tool',
          results: [{ callId: 'toolu_2', content: { error: { code: 'invalid_input', message: 'unbekanntes Feld foo' } }, isError: true }],
        },
        { role: 'user', text: 'Es ist dringend' },
      ],
    });
    const sent = provider.requests.at(-1)!;
    assert.equal(sent.path, '/v1/messages');
    assert.equal(sent.headers.authorization, 'Bearer sk-ant-test');
    assert.equal(sent.body.model, 'claude-sonnet-5-5');
    assert.equal(sent.body.stream, true);
    assert.equal(sent.body.max_tokens, 800);
    // Prompt caching: the tools, the system prompt and the conversation so far are cached prefixes, so each
    // round of the tool loop and each next message pays the full input price only for what is new.
    assert.deepEqual(sent.body.system, [
      { type: 'text', text: 'Sie antworten nur aus den Ergebnissen der Werkzeuge.', cache_control: { type: 'ephemeral' } },
    ]);
    assert.deepEqual(
      sent.body.tools.map((tool: any) => tool.cache_control),
      tools.map((_, index) => (index === tools.length - 1 ? { type: 'ephemeral' } : undefined)),
    );
    const lastBlock = sent.body.messages.at(-1).content.at(-1);
    assert.deepEqual(lastBlock.cache_control, { type: 'ephemeral' });
    delete lastBlock.cache_control;
    assert.deepEqual(
      sent.body.tools.map((tool: any) => [tool.name, tool.input_schema]),
      tools.map((tool) => [tool.name, tool.inputSchema]),
    );
    assert.deepEqual(sent.body.tools[0].input_schema.properties.urgency.enum, ['normal', 'urgent', 'emergency']);
    assert.deepEqual(sent.body.messages, [
      { role: 'user', content: [{ type: 'text', text: 'Bei mir tropft die Küchenarmatur' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Ich lege einen Entwurf an.' },
          { type: 'tool_use', id: 'toolu_1', name: 'createSchadensmeldung', input: { description: 'tropft' } },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '{"complete":false,"missing":["urgency"],"options":{}}' }],
      },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_2', name: 'getMieterInfo', input: { foo: 1 } }] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_2',
            content: '{"error":{"code":"invalid_input","message":"unbekanntes Feld foo"}}',
            is_error: true,
          },
          { type: 'text', text: 'Es ist dringend' },
        ],
      },
    ]);
  });

  it('counts cached input (written and read) into the input tokens of the budget', async () => {
    const cached = transcript('sse-01-basic-text.txt').replace(
      '"usage":{"input_tokens":11,"output_tokens":1}',
      '"usage":{"input_tokens":11,"cache_creation_input_tokens":1200,"cache_read_input_tokens":3400,"output_tokens":1}',
    );
    provider.answer(sse(cached));
    const events = await collect(model);
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 4611, outputTokens: 6 } });
  });

  it('streams the text, then one tool call whose input is assembled from the input_json_delta pieces (sse-02)', async () => {
    provider.answer(sse(transcript('sse-02-text-then-tool_use.txt')));
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'text', delta: 'I' },
      { type: 'text', delta: "'ll check the current weather in Paris for you." },
      { type: 'tool_call', call: { id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', name: 'get_weather', input: { location: 'Paris' } } },
      { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 377, outputTokens: 65 } },
    ]);
  });

  it('never hands on a tool call cut off by max_tokens in the middle of its JSON (sse-03)', async () => {
    provider.answer(sse(transcript('sse-03-tool_use-truncated-max_tokens.txt')));
    const events = await collect(model, { tools });
    assert.equal(events.filter((event) => event.type === 'tool_call').length, 0);
    assert.equal(
      events
        .filter((event) => event.type === 'text')
        .map((event) => event.delta)
        .join(''),
      "I'll create a comprehensive tax guide for someone with multiple W2s and save it in a file called taxes.txt. Let me do that for you now.",
    );
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'max_tokens', usage: { inputTokens: 450, outputTokens: 124 } });
  });

  it('reports an overloaded_error event after HTTP 200 as model_overloaded (sse-04)', async () => {
    provider.answer(sse(transcript('sse-04-error-overloaded.txt')));
    const error = await failure(collect(model));
    assert.equal(error.code, 'model_overloaded');
  });

  it('hands on a tool without arguments with the input {} (sse-05)', async () => {
    provider.answer(sse(transcript('sse-05-tool_use-no-args.txt')));
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'text', delta: "I'll update the issue list for" },
      { type: 'text', delta: ' you.' },
      { type: 'tool_call', call: { id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', input: {} } },
      { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 565, outputTokens: 48 } },
    ]);
  });

  it('keeps escaped quotes inside a tool input split across pieces (sse-06)', async () => {
    provider.answer(sse(transcript('sse-06-tool_use-escaped-quotes.txt')));
    const events = await collect(model, { tools });
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 912, outputTokens: 118 } });
    assert.deepEqual(events[0], {
      type: 'tool_call',
      call: {
        id: 'toolu_01Cr31vcGoeeRgi3Eo5Ds8qN',
        name: 'website_update',
        input: {
          website_path: '/home/user/pace-landing',
          tasks: [
            {
              description:
                'Today you post every run to Strava, but Strava does not answer the question: "What should I do next after this run?". It is a great log, but it is not adaptive.',
              type: 'feature',
              passes: false,
            },
          ],
        },
      },
    });
    assert.equal(events.length, 2);
  });

  it('passes on no server-side tool call and ends a refused answer with stopReason refusal (sse-07)', async () => {
    provider.answer(sse(transcript('sse-07-server_tool_use-then-refusal.txt')));
    assert.deepEqual(await collect(model, { tools }), [
      { type: 'text', delta: "Here's a summary of this year's solar eclipses and how" },
      { type: 'done', stopReason: 'refusal', usage: { inputTokens: 28, outputTokens: 106 } },
    ]);
  });

  it('maps each HTTP error of the API to the code the resident is told about, with Retry-After on 429', async () => {
    const envelope = (type: string) => ({ type: 'error', error: { type, message: type }, request_id: null });
    const cases: [number, string, Record<string, string>, string, number | undefined][] = [
      [529, 'overloaded_error', {}, 'model_overloaded', undefined],
      [503, 'api_error', { 'retry-after': '7' }, 'model_overloaded', 7],
      [429, 'rate_limit_error', { 'retry-after': '30' }, 'model_rate_limited', 30],
      [401, 'authentication_error', {}, 'model_misconfigured', undefined],
      [403, 'permission_error', {}, 'model_misconfigured', undefined],
      [404, 'not_found_error', {}, 'model_misconfigured', undefined],
      [500, 'api_error', {}, 'model_unavailable', undefined],
    ];
    for (const [status, type, headers, code, retryAfter] of cases) {
      assert.ok(errorTypes.error_types.includes(type), `${type} is one of the API's error types`);
      provider.answer(json(status, envelope(type), headers));
      const error = await failure(collect(model));
      assert.deepEqual([status, error.code, error.retryAfterSeconds], [status, code, retryAfter]);
    }
  });

  it('with CHAT_MODEL_MAX_RETRIES, a passing overload (529) is repeated by the SDK and the resident gets the answer', async () => {
    const retrying = new AnthropicChatModel({ apiKey: 'k', model: 'claude-sonnet-5-5', baseURL: provider.url, maxRetries: 1 });
    const before = provider.requests.length;
    provider.answer(
      json(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { 'retry-after-ms': '10' }),
      sse(transcript('sse-01-basic-text.txt')),
    );
    const events = await collect(retrying);
    assert.equal(provider.requests.length - before, 2);
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 11, outputTokens: 6 } });
  });

  it('reports a provider that cannot be reached as model_unavailable', async () => {
    const unreachable = new AnthropicChatModel({ apiKey: 'k', model: 'claude-sonnet-5-5', baseURL: 'http://127.0.0.1:1', maxRetries: 0 });
    assert.equal((await failure(collect(unreachable))).code, 'model_unavailable');
  });

  it('stops reading when the resident presses stop: no further event, no error', async () => {
    provider.answer(sse(transcript('sse-01-basic-text.txt')));
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
    assert.deepEqual(events, [{ type: 'text', delta: 'Hello' }]);
  });
});
