import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { ScriptedChatModel } from './scripted-model-test-support.ts';

/**
 * docs/privacy.md gives housing companies the Art. 13 notice for their records: it must be the text the BFF
 * serves residents, with the offline assistant and with a model provider, or the company documents something
 * its residents never read.
 */
class AnthropicNamedModel extends ScriptedChatModel {
  override readonly id = 'anthropic:claude-sonnet-5-5';
}

describe('docs/privacy.md', () => {
  const servers: RunningServer[] = [];
  after(async () => {
    for (const server of servers) await server.stop();
    await closeTestDatabase();
  });

  it('holds the German Art. 13 notice exactly as GET /api/chat/notice serves it, offline and with Anthropic', async () => {
    const doc = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    const env = { SESSION_SECRET: 'privacy-doc-test-session-secret-0123456789' };
    const offline = await startTestServer(env);
    servers.push(offline);
    const withProvider = await startTestServer(env, { chatModel: new AnthropicNamedModel() });
    servers.push(withProvider);

    const company = await createHousingCompany(offline.db, { name: 'Wohnbau Musterstadt eG' });
    const resident = await signInResident(offline, company);
    for (const [server, offlineAssistant] of [
      [offline, true],
      [withProvider, false],
    ] as const) {
      const notice = await resident.at(server.url).get('/api/chat/notice');
      assert.equal(notice.status, 200);
      assert.equal(notice.body.assistant.offline, offlineAssistant);
      assert.ok(doc.includes(notice.body.text), `docs/privacy.md lacks the served notice:\n${notice.body.text}`);
    }
  });
});
