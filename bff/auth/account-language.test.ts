import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'express';
import type { RunningServer } from '../server.ts';
import { requestLanguage } from '../http/language.ts';
import { closeTestDatabase, mailsAbout, startTestServer, TestClient } from '../test/harness.ts';
import { activateResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany } from '../cases/case-test-support.ts';

const withHeader = (value: string | undefined) =>
  ({ get: (name: string) => (name === 'accept-language' ? value : undefined) }) as unknown as Request;

/**
 * Each account has a language (German by default): signing in on a page in another language, or choosing
 * one, makes it the account's, and the e-mails about the person's cases follow it.
 */
describe('account language', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('reads the page language from Accept-Language: by weight, by primary subtag, only languages the product speaks', () => {
    assert.equal(requestLanguage(withHeader('tr-TR,tr;q=0.9,en;q=0.8')), 'tr');
    assert.equal(requestLanguage(withHeader('fr-FR, en;q=0.5, de;q=0.9')), 'de');
    assert.equal(requestLanguage(withHeader('uk')), 'uk');
    assert.equal(requestLanguage(withHeader('fr, es')), undefined);
    assert.equal(requestLanguage(withHeader('*')), undefined);
    assert.equal(requestLanguage(withHeader(undefined)), undefined);
    assert.equal(requestLanguage(withHeader('pl;q=0, en;q=0.1')), 'en');
  });

  it('a resident who signs in on a Turkish page gets their status e-mail in Turkish; after choosing English, in English', async () => {
    const company = await createCaseCompany(server);
    const resident = await activateResident(new TestClient(server.url, { language: 'tr-TR,tr;q=0.9' }), company);
    assert.equal((await resident.get('/api/session')).body.user.language, 'tr');
    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await clerk.get('/api/session')).body.user.language, 'de', 'staff who sign in without a language stay German');

    const filed = (await resident.post('/api/cases', { type: 'contact', title: 'Heizung', description: 'Kalt' })).body.case;
    await clerk.patch(`/api/staff/cases/${filed.id}/status`, { status: 'in_bearbeitung', message: 'Wir kümmern uns.' });
    const [turkish] = await mailsAbout(server, company.resident.email, /^Talebiniz/);
    assert.equal(turkish.subject, `Talebiniz ${filed.caseNumber}: İşleniyor`);
    assert.match(turkish.text, /^Merhaba Erika Mustermann,/);
    assert.match(turkish.text, /Konut yönetiminizin mesajı:\nWir kümmern uns\./);

    const chosen = await resident.request('PUT', '/api/account/language', { language: 'en' });
    assert.deepEqual([chosen.status, chosen.body.user.language], [200, 'en']);
    assert.equal((await resident.get('/api/session')).body.user.language, 'en');
    await clerk.patch(`/api/staff/cases/${filed.id}/status`, { status: 'erledigt' });
    const [english] = await mailsAbout(server, company.resident.email, /^Your request/);
    assert.equal(english.subject, `Your request ${filed.caseNumber}: Done`);
    assert.match(english.text, /^Hello Erika Mustermann,/);
  });

  it('refuses a language the product does not speak, and a chooser without a session', async () => {
    const company = await createCaseCompany(server);
    const resident = await activateResident(new TestClient(server.url), company);
    const refused = await resident.request('PUT', '/api/account/language', { language: 'fr' });
    assert.deepEqual(
      [refused.status, refused.body.error.code, refused.body.error.details.fields[0].path],
      [400, 'validation_failed', 'language'],
    );
    assert.equal((await resident.get('/api/session')).body.user.language, 'de');
    const anonymous = await new TestClient(server.url).request('PUT', '/api/account/language', { language: 'en' });
    assert.equal(anonymous.status, 401);
  });
});
