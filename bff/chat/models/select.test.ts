import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config.ts';
import { chatModelFromConfig } from './select.ts';
import { collect, LoopbackProvider, sse } from './loopback-provider-test-support.ts';

describe('chatModelFromConfig: which model answers the residents', () => {
  const provider = new LoopbackProvider();
  let url: string;
  before(async () => {
    url = await provider.start();
  });
  after(() => provider.stop());

  it('is the offline assistant without any key', () => {
    const model = chatModelFromConfig(loadConfig({}));
    assert.deepEqual([model.id, model.offline], ['offline', true]);
  });

  it('is Anthropic Claude with ANTHROPIC_API_KEY, even when an OpenAI-compatible server is configured too, and talks to ANTHROPIC_BASE_URL', async () => {
    const model = chatModelFromConfig(
      loadConfig({
        ANTHROPIC_API_KEY: 'sk-ant-1',
        ANTHROPIC_BASE_URL: url,
        CHAT_MODEL_MAX_RETRIES: '0',
        OPENAI_COMPATIBLE_BASE_URL: `${url}/v1`,
        OPENAI_COMPATIBLE_MODEL: 'mistral-large-latest',
      }),
    );
    assert.deepEqual([model.id, model.offline], ['anthropic:claude-sonnet-5-5', false]);
    provider.answer(
      sse(
        'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","content":[],"model":"claude-sonnet-5-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}\n\nevent: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":1}}\n\n',
      ),
    );
    await collect(model);
    assert.deepEqual(
      [provider.requests.at(-1)?.path, provider.requests.at(-1)?.headers.authorization],
      ['/v1/messages', 'Bearer sk-ant-1'],
    );
  });

  it('is the OpenAI-compatible server with OPENAI_COMPATIBLE_BASE_URL and its model, which the configuration requires', async () => {
    const model = chatModelFromConfig(
      loadConfig({ OPENAI_COMPATIBLE_BASE_URL: `${url}/v1`, OPENAI_COMPATIBLE_MODEL: 'llama-3.3-70b', CHAT_MODEL_MAX_RETRIES: '0' }),
    );
    assert.deepEqual([model.id, model.offline], ['openai-compatible:llama-3.3-70b', false]);
    provider.answer(
      sse(
        'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b","choices":[{"index":0,"delta":{"content":"Hallo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
      ),
    );
    assert.deepEqual((await collect(model))[0], { type: 'text', delta: 'Hallo' });
    assert.equal(provider.requests.at(-1)?.path, '/v1/chat/completions');

    assert.throws(
      () => loadConfig({ OPENAI_COMPATIBLE_BASE_URL: `${url}/v1` }),
      (error: Error) => error instanceof ConfigError && /OPENAI_COMPATIBLE_MODEL ist nötig/.test(error.message),
    );
  });
});
