import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { signInResident } from '../test/sign-in.ts';
import { parseEventStream, ScriptedChatModel } from './scripted-model-test-support.ts';

after(closeTestDatabase);

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Behind a load balancer the resident's "Stopp" may reach another instance than the one streaming the answer
 * (HTTP requests are not sticky): the instances pass it on through Redis, and the answer ends at once.
 */
describe('stopping an answer across two BFF instances sharing Redis', () => {
  const servers: RunningServer[] = [];
  after(() => Promise.all(servers.map((server) => server.stop())));

  it('"Stopp" sent to the other instance ends the answer streaming on the first and stores it as stopped', async () => {
    const env = { LOG_LEVEL: 'error', REDIS_URL, SESSION_SECRET: randomBytes(32).toString('hex') };
    const model = new ScriptedChatModel();
    servers.push(await startTestServer(env, { chatModel: model }), await startTestServer(env, { chatModel: model }));
    const [streaming, other] = servers;
    const company = await createHousingCompany(streaming.db);
    const resident = await signInResident(streaming, company);
    const notice = await resident.get('/api/chat/notice');
    await resident.post('/api/chat/notice/acknowledge', { version: notice.body.version });
    const { body } = await resident.post('/api/chat/conversations');
    const conversation = `/api/chat/conversations/${body.conversation.id}`;

    model.script({ text: 'Ich fange an …', hang: true });
    const hanging = model.hanging();
    const answer = resident.post(`${conversation}/messages`, { text: 'Erzähl' });
    await hanging;

    const started = Date.now();
    const stop = await resident.at(other.url).post(`${conversation}/stop`);
    assert.equal(stop.status, 200, JSON.stringify(stop.body));
    assert.deepEqual(stop.body, { stopped: true }, 'the instance streaming the answer stopped it');
    const events = parseEventStream((await answer).body);
    assert.ok(Date.now() - started < 3000, `the answer ended ${Date.now() - started} ms after the stop`);
    const end = events.at(-1)!;
    assert.deepEqual(end, { type: 'done', messageId: end.type === 'done' ? end.messageId : '', status: 'stopped' });
    const detail = await resident.at(other.url).get(conversation);
    assert.deepEqual(
      detail.body.messages.map((message: { status: string }) => message.status),
      ['complete', 'stopped'],
    );
  });
});
