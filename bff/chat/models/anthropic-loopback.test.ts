import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemPrompt } from '../loop.ts';
import type { ChatTurn, ModelEvent } from '../model.ts';
import { CHAT_TOOL_NAMES } from '../tool-contract.ts';
import { AnthropicChatModel } from './anthropic.ts';
import { AnthropicLoopback } from './anthropic-loopback-test-support.ts';
import { collect, failure, toolDefinitions } from './loopback-provider-test-support.ts';

/**
 * The loopback Messages API the end-to-end tests give the BFF (widgets/chat.e2e.test.ts): the real Anthropic
 * adapter talks to it over HTTP, and the offline assistant behind it decides each step from the request.
 */
describe('Anthropic loopback: the offline assistant behind the real Messages API wire format', () => {
  const loopback = new AnthropicLoopback('sk-ant-loopback');
  const tools = toolDefinitions(...CHAT_TOOL_NAMES.map((name): [typeof name, string] => [name, `Werkzeug ${name}`]));
  const system = systemPrompt('Wohnbau Nord', 'de', new Date('2026-03-02T10:00:00Z'));
  let model: AnthropicChatModel;
  before(async () => {
    model = new AnthropicChatModel({
      apiKey: 'sk-ant-loopback',
      model: 'claude-sonnet-5-5',
      baseURL: await loopback.start(),
      maxRetries: 0,
    });
  });
  after(() => loopback.stop());

  const text = (events: ModelEvent[]) =>
    events
      .filter((event) => event.type === 'text')
      .map((event) => event.delta)
      .join('');
  const calls = (events: ModelEvent[]) => events.flatMap((event) => (event.type === 'tool_call' ? [event.call] : []));

  it('answers a question with a streamed tool call, then words the answer from the tool result the adapter sent back', async () => {
    const question: ChatTurn = { role: 'user', text: 'Wann kommt meine Nebenkostenabrechnung?' };
    const first = await collect(model, { system, tools, turns: [question] });
    const [call] = calls(first);
    assert.deepEqual([call?.name, call?.input, call?.id.startsWith('toolu_')], ['getMieterInfo', {}, true]);
    const done = first.at(-1);
    assert.ok(done?.type === 'done');
    assert.equal(done.stopReason, 'tool_use');
    assert.ok(done.usage.inputTokens > 100, `input tokens counted from the request: ${done.usage.inputTokens}`);

    const tenancy = {
      known: true,
      unit: { label: 'Whg. 3', building: 'Haus A', address: 'Hafenstraße 1' },
      tenancyStart: '2021-04-01',
      coldRent: 612.5,
      advancePayments: [],
      caretakerArea: null,
      clauses: [],
      billingPeriod: { start: '2025-01-01', end: '2025-12-31' },
      nextUtilityStatementDueBy: '2026-12-31',
    };
    const second = await collect(model, {
      system,
      tools,
      turns: [
        question,
        { role: 'assistant', text: '', toolCalls: [call] },
        { role: 'tool', results: [{ callId: call.id, content: tenancy }] },
      ],
    });
    assert.match(text(second), /für den Zeitraum 01\.01\.2025 bis 31\.12\.2025 muss Ihnen spätestens am 31\.12\.2026 vorliegen/);
    const end = second.at(-1);
    assert.equal(end?.type === 'done' && end.stopReason, 'end_turn');
    // Word by word, as the offline assistant streams it: many text deltas, not one block.
    assert.ok(second.filter((event) => event.type === 'text').length > 10);

    const [, sent] = loopback.requests.slice(-2);
    assert.equal(sent.headers.authorization, 'Bearer sk-ant-loopback');
    assert.ok(sent.headers['anthropic-version']);
    assert.deepEqual(
      sent.body.tools.map((tool: { name: string }) => tool.name),
      CHAT_TOOL_NAMES,
    );
  });

  it('assembles a tool input with quotes and umlauts from the input_json_delta pieces', async () => {
    const description = 'Die „Küchenarmatur“ tropft: "tropf, tropf" – seit gestern';
    const events = await collect(model, { system, tools, turns: [{ role: 'user', text: description }] });
    assert.deepEqual(calls(events)[0]?.name, 'createSchadensmeldung');
    assert.deepEqual(calls(events)[0]?.input, { description });
  });

  it('answers in the language the system prompt names', async () => {
    const events = await collect(model, {
      system: systemPrompt('Wohnbau Nord', 'en', new Date()),
      tools,
      turns: [{ role: 'user', text: 'What is the weather like?' }],
    });
    assert.match(text(events), /^I'm afraid I can't answer that\./);
  });

  it('refuses a wrong key as the API does (401 authentication_error): the adapter reports a misconfiguration', async () => {
    const wrongKey = new AnthropicChatModel({ apiKey: 'sk-ant-other', model: 'claude-sonnet-5-5', baseURL: loopback.url, maxRetries: 0 });
    assert.equal((await failure(collect(wrongKey))).code, 'model_misconfigured');
  });

  it('refuses a tool_use without its tool_result, a request without anthropic-version and one that does not stream (400)', async () => {
    const post = async (body: unknown, headers: Record<string, string> = { 'anthropic-version': '2023-06-01' }) => {
      const response = await fetch(`${loopback.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-loopback', ...headers },
        body: JSON.stringify(body),
      });
      return [response.status, ((await response.json()) as { error: { message: string } }).error.message] as const;
    };
    const base = { model: 'claude-sonnet-5-5', max_tokens: 100, stream: true };
    const [status, message] = await post({
      ...base,
      messages: [
        { role: 'user', content: 'Hallo' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'getMieterInfo', input: {} }] },
        { role: 'user', content: 'Und?' },
      ],
    });
    assert.deepEqual([status, message], [400, 'messages.2: tool_use ids were found without tool_result blocks immediately after: toolu_1']);
    assert.deepEqual(await post({ ...base, messages: [{ role: 'user', content: 'Hallo' }] }, {}), [
      400,
      'anthropic-version: header is required',
    ]);
    assert.equal((await post({ ...base, stream: false, messages: [{ role: 'user', content: 'Hallo' }] }))[0], 400);
  });
});
