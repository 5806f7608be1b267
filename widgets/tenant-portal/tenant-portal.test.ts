import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ApiClient } from '../internal/api-client.ts';
import { FakeBff, fakeCodes, type FakeBffOptions } from '../testing/fake-bff.ts';
import { fakeRecoveryCodes, fakeTotpSecret } from '../testing/fake-totp.ts';
import { FakeResidentCases } from '../testing/fake-resident-cases.ts';
import { SignInDriver } from '../testing/sign-in-driver.ts';
import type { TenantPortal } from './tenant-portal.ts';
import './tenant-portal.ts';
import { expectFocus } from '../testing/e2e-session.ts';

const anna = { email: 'anna.mueller@example.org', password: 'richtig-geheim' };
const bernd = { email: 'bernd.schulz@example.org', password: 'richtig-geheim' };

/** A resident without cases or documents yet. */
const newResident = () => new FakeResidentCases({ cases: 'empty', documents: 'empty' }).routes;

async function portal(options: FakeBffOptions = {}, lang?: string) {
  const bff = new FakeBff({ routes: newResident(), ...options });
  const el = await fixture<TenantPortal>(html`
    <tenant-portal tenant="wohnbau-nord" lang=${lang ?? 'de'} .client=${new ApiClient('', bff.fetch)}></tenant-portal>
  `);
  const page = new SignInDriver(el);
  await page.waitForHeading(lang === 'en' ? 'Sign in' : 'Anmelden');
  return { el, bff, page };
}

describe('<tenant-portal>', () => {
  it('starts with an accessible login form', async () => {
    const { el, bff } = await portal();
    expect(bff.calls).to.have.members(['GET /api/session', 'GET /api/tenants/wohnbau-nord']);
    await expect(el).to.be.accessible();
  });

  it('signs a resident in with password and authenticator code and shows "Meine Anliegen"', async () => {
    const { el, bff, page } = await portal();
    await page.submit(anna);
    await page.waitForHeading('Bestätigungscode eingeben');
    expect(bff.requests.find((r) => r.path === '/api/auth/login')!.body).to.deep.equal({
      tenant: 'wohnbau-nord',
      ...anna,
      audience: 'resident',
    });
    expect(page.text()).to.contain('Authenticator-App');
    await expect(el).to.be.accessible();

    const signedInEvent = oneEvent(el, 'mp-signed-in');
    await page.submit({ code: fakeCodes.totp });
    const signedIn = await signedInEvent;
    expect(signedIn.detail.user.displayName).to.equal('Anna Müller');
    await page.waitForHeading('Meine Anliegen');
    await waitUntil(() => page.text().includes('Sie haben noch keine Anliegen.'), 'the empty list');
    expect(page.text()).to.contain('Angemeldet als Anna Müller');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Meine Anliegen');
    await expect(el).to.be.accessible();
  });

  it('sends the CSRF token of the current session, also after the session was rotated', async () => {
    const { bff, page } = await portal();
    await page.submit(anna);
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Meine Anliegen');
    const posts = bff.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.csrfToken)).to.deep.equal(['csrf-1', 'csrf-2']);
  });

  it('shows wrong credentials in the alert and keeps what was typed', async () => {
    const { el, page } = await portal();
    await page.submit({ email: anna.email, password: 'falsch-falsch' });
    expect(page.alert()).to.equal('E-Mail-Adresse oder Passwort ist falsch.');
    expect(page.input('email').value).to.equal(anna.email);
    expect(page.input('password').value).to.equal('falsch-falsch');
    await expectFocus(page.flow!.shadowRoot!, page.flow!.shadowRoot!.getElementById('alert'));
    await expect(el).to.be.accessible();
  });

  it('tells the resident when the account is locked after repeated failures', async () => {
    const { page } = await portal();
    for (let attempt = 0; attempt < 6; attempt++) await page.submit({ email: anna.email, password: `falsch-${attempt}` });
    expect(page.alert()).to.contain('Zu viele Fehlversuche');
  });

  it('rejects a wrong second-factor code and accepts the right one', async () => {
    const { page } = await portal();
    await page.submit(anna);
    await page.submit({ code: '000000' });
    expect(page.alert()).to.equal('Der Code ist falsch oder abgelaufen.');
    expect(page.input('code').value).to.equal('000000');
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Meine Anliegen');
  });

  it('returns to the login with the reason when too many wrong codes ended the sign-in', async () => {
    const { page } = await portal();
    await page.submit(anna);
    for (let attempt = 0; attempt < 5; attempt++) await page.submit({ code: '000000' });
    await page.waitForHeading('Anmelden');
    expect(page.alert()).to.equal('Zu viele falsche Codes. Bitte melden Sie sich erneut an.');
  });

  it('sends a new e-mailed code on request', async () => {
    const { el, bff, page } = await portal();
    await page.submit(bernd);
    await page.waitForHeading('Bestätigungscode eingeben');
    expect(page.text()).to.contain('per E-Mail');
    await page.press('Code erneut senden');
    expect(bff.calls).to.include('POST /api/auth/resend-code');
    expect(page.notice()).to.equal('Ein neuer Code ist unterwegs an b***@example.org.');
    await expect(el).to.be.accessible();
    await page.submit({ code: fakeCodes.email });
    await page.waitForHeading('Meine Anliegen');
  });

  it('returns to the login when the second factor is abandoned', async () => {
    const { bff, page } = await portal();
    await page.submit(anna);
    await page.press('Zurück zur Anmeldung');
    await page.waitForHeading('Anmelden');
    expect(bff.calls).to.include('POST /api/auth/logout');
  });

  it('activates an account with the letter code and enrols an authenticator app', async () => {
    const { el, bff, page } = await portal();
    await page.press('Konto mit Brief-Code aktivieren');
    await page.waitForHeading('Konto aktivieren');
    await page.submit({
      code: 'abcd efgh-jklm',
      email: 'dana@example.org',
      password: 'ein-gutes-passwort',
      passwordRepeat: 'ein-gutes-passwort',
    });
    await page.waitForHeading('Zweiten Faktor einrichten');
    expect(bff.requests.find((r) => r.path === '/api/auth/activate')!.body).to.deep.equal({
      tenant: 'wohnbau-nord',
      code: 'abcd efgh-jklm',
      email: 'dana@example.org',
      password: 'ein-gutes-passwort',
    });
    await expect(el).to.be.accessible();

    await page.press('Authenticator-App');
    await page.waitForHeading('Authenticator-App einrichten');
    expect(page.flow!.shadowRoot!.querySelector('img[part="qr-code"]')).to.exist;
    expect(page.flow!.shadowRoot!.querySelector('code')!.textContent.replace(/ /g, '')).to.equal(fakeTotpSecret);
    await expect(el).to.be.accessible();

    await page.submit({ code: fakeCodes.totp });
    // The recovery codes are shown once, before the portal opens, and the portal waits until they are noted.
    await page.waitForHeading('Ihre Wiederherstellungscodes');
    const codes = [...page.flow!.shadowRoot!.querySelectorAll('[part="recovery-codes"] li')].map((item) => item.textContent.trim());
    expect(codes).to.deep.equal(fakeRecoveryCodes);
    expect(page.text()).to.not.contain('Meine Anliegen');
    await expect(el).to.be.accessible();
    await page.press('Ich habe die Codes notiert – weiter');
    await page.waitForHeading('Meine Anliegen');
    expect(page.text()).to.contain('Dana Neumann');
  });

  it('enrols a code by e-mail instead, with resend', async () => {
    const { page } = await portal();
    await page.press('Konto mit Brief-Code aktivieren');
    await page.submit({
      code: fakeCodes.activation,
      email: 'dana@example.org',
      password: 'ein-gutes-passwort',
      passwordRepeat: 'ein-gutes-passwort',
    });
    await page.press('Code per E-Mail');
    await page.waitForHeading('Code per E-Mail bestätigen');
    expect(page.text()).to.contain('d***@example.org');
    await page.press('Code erneut senden');
    expect(page.notice()).to.contain('d***@example.org');
    await page.submit({ code: fakeCodes.email });
    await page.waitForHeading('Meine Anliegen');
  });

  it('shows validation errors of the activation at the field', async () => {
    const { page } = await portal();
    await page.press('Konto mit Brief-Code aktivieren');
    await page.submit({ code: fakeCodes.activation, email: 'dana@example.org', password: 'kurz', passwordRepeat: 'kurz' });
    expect(page.fieldError('password')).to.equal('Bitte mindestens 10 Zeichen.');
    await expectFocus(page.flow!.shadowRoot!, page.input('password'));
    expect(page.input('email').value).to.equal('dana@example.org');
  });

  it('rejects a wrong activation code', async () => {
    const { page } = await portal();
    await page.press('Konto mit Brief-Code aktivieren');
    await page.submit({ code: 'XXXX', email: 'dana@example.org', password: 'ein-gutes-passwort', passwordRepeat: 'ein-gutes-passwort' });
    expect(page.alert()).to.equal('Der Aktivierungscode ist ungültig, abgelaufen oder bereits verwendet.');
  });

  it('requests a password reset link', async () => {
    const { el, bff, page } = await portal();
    await page.press('Passwort vergessen?');
    await page.waitForHeading('Passwort vergessen');
    await page.submit({ email: anna.email });
    await page.waitForHeading('Bitte prüfen Sie Ihr Postfach');
    const request = bff.requests.find((r) => r.path === '/api/auth/password-reset')!;
    expect(request.body).to.deep.equal({ tenant: 'wohnbau-nord', email: anna.email, returnUrl: location.href });
    await expect(el).to.be.accessible();
  });

  describe('with ?mp-reset= in the page URL', () => {
    const original = location.href;
    afterEach(() => history.replaceState(null, '', original));

    it('completes the reset, removes the token from the URL and asks to sign in again', async () => {
      history.replaceState(null, '', `${location.pathname}?keep=1&mp-reset=${fakeCodes.resetToken}`);
      const bff = new FakeBff();
      const el = await fixture<TenantPortal>(
        html`<tenant-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
      );
      const page = new SignInDriver(el);
      await page.waitForHeading('Neues Passwort festlegen');
      expect(location.search).to.equal('?keep=1');
      await expect(el).to.be.accessible();
      await page.submit({ password: 'ein-neues-passwort', passwordRepeat: 'ein-neues-passwort' });
      await page.waitForHeading('Anmelden');
      expect(page.notice()).to.equal('Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.');
      expect(bff.requests.at(-1)!.body).to.deep.equal({
        tenant: 'wohnbau-nord',
        token: fakeCodes.resetToken,
        password: 'ein-neues-passwort',
      });
    });

    it('offers a new link when the token is no longer valid', async () => {
      history.replaceState(null, '', `${location.pathname}?mp-reset=expired`);
      const bff = new FakeBff();
      const el = await fixture<TenantPortal>(
        html`<tenant-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
      );
      const page = new SignInDriver(el);
      await page.waitForHeading('Neues Passwort festlegen');
      await page.submit({ password: 'ein-neues-passwort', passwordRepeat: 'ein-neues-passwort' });
      expect(page.alert()).to.contain('ungültig oder abgelaufen');
      await page.press('Neuen Link anfordern');
      await page.waitForHeading('Passwort vergessen');
    });
  });

  it('signs out on all devices and reports it', async () => {
    const user = { role: 'resident' as const, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };
    const bff = new FakeBff({ session: { state: 'signed_in', user }, routes: newResident() });
    const el = await fixture<TenantPortal>(
      html`<tenant-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
    );
    const page = new SignInDriver(el);
    await page.waitForHeading('Meine Anliegen');
    const signedOutEvent = oneEvent(el, 'mp-signed-out');
    await page.press('Auf allen Geräten abmelden');
    const signedOut = await signedOutEvent;
    expect(signedOut.detail.everywhere).to.be.true;
    await page.waitForHeading('Anmelden');
    expect(bff.calls).to.include('POST /api/auth/logout-everywhere');
    expect(page.notice()).to.equal('Sie wurden auf allen Geräten abgemeldet.');
  });

  it('signs out on this device', async () => {
    const user = { role: 'resident' as const, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };
    const bff = new FakeBff({ session: { state: 'signed_in', user }, routes: newResident() });
    const el = await fixture<TenantPortal>(
      html`<tenant-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
    );
    const page = new SignInDriver(el);
    await page.waitForHeading('Meine Anliegen');
    await page.press('Abmelden');
    await page.waitForHeading('Anmelden');
    await waitUntil(() => page.flow!.shadowRoot!.activeElement?.id === 'heading', 'focus on the login heading');
    expect(bff.calls).to.include('POST /api/auth/logout');
    expect(page.notice()).to.equal('Sie wurden abgemeldet.');
  });

  it('shows a network failure as a German message', async () => {
    const el = await fixture<TenantPortal>(
      html`<tenant-portal tenant="wohnbau-nord" .client=${new ApiClient('', () => Promise.reject(new TypeError('offline')))}></tenant-portal>`,
    );
    const page = new SignInDriver(el);
    await page.waitForHeading('Anmelden');
    expect(page.alert()).to.equal('Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.');
  });

  it('with url-state opens the case a link names once the resident has signed in', async () => {
    const resident = new FakeResidentCases();
    const record = resident.cases.find((item) => item.caseNumber === '2026-0181')!;
    const pageUrl = location.href;
    history.replaceState(null, '', `?mp-case=${record.id}`);
    try {
      const bff = new FakeBff({ routes: resident.routes });
      const el = await fixture<TenantPortal>(
        html`<tenant-portal tenant="wohnbau-nord" url-state .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
      );
      const page = new SignInDriver(el);
      await page.waitForHeading('Anmelden');
      expect(location.search).to.equal(`?mp-case=${record.id}`, 'the link waits for the sign-in');
      await page.submit(anna);
      await page.submit({ code: fakeCodes.totp });
      await page.waitForHeading('Anliegen 2026-0181: Wasserschaden · Bad');
      expect(location.search).to.equal(`?mp-case=${record.id}`);
    } finally {
      history.replaceState(null, '', pageUrl);
    }
  });

  it('speaks English with lang="en", "My requests" included', async () => {
    const { el, page } = await portal({}, 'en');
    await page.submit(anna);
    await page.waitForHeading('Enter your confirmation code');
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('My requests');
    await waitUntil(() => page.text().includes('You have no requests yet.'), 'the empty list in English');
    expect(page.text()).to.contain('Signed in as Anna Müller');
    await expect(el).to.be.accessible();
  });

  it("applies the housing company's registered theme, while the page's own CSS on the element wins", async () => {
    const { el, bff } = await portal({ theme: { '--mp-color-primary': 'rgb(122, 31, 92)', '--mp-radius': '0px', color: 'red' } });
    expect(bff.calls).to.include('GET /api/tenants/wohnbau-nord');
    const submit = new SignInDriver(el).flow!.shadowRoot!.querySelector('button[type="submit"]')!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(122, 31, 92)');
    expect(getComputedStyle(el).color).to.not.equal('rgb(255, 0, 0)');
    el.style.setProperty('--mp-color-primary', 'rgb(0, 0, 255)');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 0, 255)');
  });

  it('calls the BFF named in the api attribute with cookies', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const originalFetch = window.fetch;
    window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push({ url, init });
      const body = url.endsWith('/api/session')
        ? { csrfToken: 't', state: 'anonymous' }
        : { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG', theme: {} };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    try {
      const el = await fixture(html`<tenant-portal tenant="wohnbau-nord" api="https://bff.example.org"></tenant-portal>`);
      await new SignInDriver(el as HTMLElement).waitForHeading('Anmelden');
      expect(calls.map((call) => call.url)).to.have.members([
        'https://bff.example.org/api/session',
        'https://bff.example.org/api/tenants/wohnbau-nord',
      ]);
      expect(calls.every((call) => call.init?.credentials === 'include')).to.be.true;
    } finally {
      window.fetch = originalFetch;
    }
  });
});
