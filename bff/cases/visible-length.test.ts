import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { createCaseCompany } from './case-test-support.ts';

/** Limits count what people see: an emoji or a letter with its accent is one character (bff/contract/text-length.ts). */
describe('cases: length limits in visible characters', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('takes a title of 200 emoji or combined letters, refuses the 201st, and stores what was sent', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    // 😀 is two UTF-16 units; "é" written as e + combining acute is two code points but one character.
    const emoji = '😀'.repeat(200);
    const combined = 'e\u0301'.repeat(100);
    const accepted = await resident.post('/api/cases', { type: 'contact', title: emoji, description: `${combined}!` });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.equal(accepted.body.case.title, emoji);

    const refused = await resident.post('/api/cases', { type: 'contact', title: `${emoji}😀`, description: 'x' });
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.body.error.details.fields.map((field: { path: string; code: string; limit: number; origin: string }) => [
        field.path,
        field.code,
        field.limit,
        field.origin,
      ]),
      [['title', 'too_big', 200, 'string']],
    );
    assert.equal(refused.body.error.details.fields[0].message, 'Bitte höchstens 200 Zeichen.');
  });

  it('refuses, as a field error and not a failure, a short text composed of more code points than can be stored', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    // 150 thumbs up with skin tone: 150 characters, 300 code points.
    const refused = await resident.post('/api/cases', { type: 'contact', title: '👍🏽'.repeat(150), description: 'x' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    const [field] = refused.body.error.details.fields;
    assert.deepEqual([field.path, field.code, field.limit, field.origin], ['title', 'too_big', 200, 'code_points']);
    assert.match(field.message, /zusammengesetzte Zeichen/);
  });
});
