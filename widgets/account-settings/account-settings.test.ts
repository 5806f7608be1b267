import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { fakeCodes } from '../testing/fake-bff.ts';
import { fakeAccountPassword, FakeAccount, fakeRecoveryCodes, type FakeAccountOptions } from '../testing/fake-account.ts';
import { deepText, fill, findButton, press } from '../testing/e2e-session.ts';
import type { AccountSettingsElement } from './account-settings.ts';
import './account-settings.ts';
import { ApiClient } from '../internal/api-client.ts';
import { FakeStaffCases } from '../testing/fake-staff-cases.ts';
import { FakePrivacy, type FakePrivacyOptions } from '../testing/fake-privacy.ts';
import '../staff-portal/staff-portal.ts';

const session = {
  state: 'signed_in' as const,
  user: { role: 'resident' as const, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

async function open(options: FakeAccountOptions = {}, lang = 'de') {
  const fake = new FakeAccount(options);
  const bff = new FakeBff({ session, routes: fake.routes });
  const el = await fixture<AccountSettingsElement>(html`<account-settings lang=${lang} .client=${bff.client()}></account-settings>`);
  await shows(el, lang === 'de' ? 'Angemeldete Geräte' : 'Signed-in devices');
  return { fake, bff, el };
}

const shows = (el: Element, what: string, timeout = 4000) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout });
const codesShown = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="recovery-codes"] code')].map((code) => code.textContent);

describe('<account-settings>', () => {
  it('lists the devices with this one marked; ends one, then all others', async () => {
    const { fake, el } = await open();
    const sessions = el.shadowRoot!.querySelectorAll('[part~="session"]');
    expect(sessions).to.have.length(3);
    expect(deepText(sessions[0])).to.contain('Firefox unter Windows').and.contain('Dieses Gerät');
    expect(deepText(sessions[1])).to.contain('Safari unter iOS').and.contain('zuletzt aktiv 01.03.2026');
    await expect(el).to.be.accessible();

    await press(el, 'Sitzung „Safari unter iOS“ beenden');
    await shows(el, 'Die Sitzung wurde beendet.');
    expect(fake.sessions.map((s) => s.device)).to.deep.equal(['Firefox unter Windows', 'Chrome unter Linux']);
    await press(el, 'Alle anderen Geräte abmelden');
    await shows(el, 'Eine Sitzung wurde beendet.');
    await shows(el, 'Sie sind auf keinem anderen Gerät angemeldet.');
    expect(el.shadowRoot!.querySelectorAll('[part~="session"]')).to.have.length(1);
  });

  it('changes the password: shows progress, the BFF’s German error for a wrong current password, then the confirmation', async () => {
    const { fake, el } = await open({ latency: 100 });
    await fill(el, 'Aktuelles Passwort', 'falsch-falsch');
    await fill(el, 'Neues Passwort', 'Herbst-Wind-2027?');
    findButton(el, 'Passwort ändern')!.click();
    await el.updateComplete;
    const pending = findButton(el, 'Wird gesendet …')!;
    expect(pending.getAttribute('aria-busy')).to.equal('true');
    expect(pending.disabled).to.be.true;
    await shows(el, 'Das aktuelle Passwort ist falsch.');

    await fill(el, 'Aktuelles Passwort', fakeAccountPassword);
    await fill(el, 'Neues Passwort', 'kurz');
    await press(el, 'Passwort ändern');
    await shows(el, 'Das Passwort muss mindestens 10 Zeichen lang sein.');

    await fill(el, 'Neues Passwort', 'Herbst-Wind-2027?');
    await press(el, 'Passwort ändern');
    await shows(el, 'Ihr Passwort wurde geändert.');
    expect(fake.password).to.equal('Herbst-Wind-2027?');
    expect(el.shadowRoot!.querySelectorAll('[part~="session"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('creates new recovery codes after the password and shows them once', async () => {
    const { el } = await open({ recoveryCodesLeft: 3 });
    await shows(el, 'Ihnen bleiben 3 Wiederherstellungscodes.');
    await press(el, 'Neue Wiederherstellungscodes');
    await fill(el, 'Passwort zur Bestätigung', 'falsch-falsch');
    await press(el, 'Codes erstellen');
    await shows(el, 'Das aktuelle Passwort ist falsch.');
    await fill(el, 'Passwort zur Bestätigung', fakeAccountPassword);
    await press(el, 'Codes erstellen');
    await shows(el, 'nur dieses eine Mal angezeigt');
    expect(codesShown(el)).to.deep.equal(fakeRecoveryCodes);
    await shows(el, 'Ihnen bleiben 10 Wiederherstellungscodes.');
    await expect(el).to.be.accessible();
    await press(el, 'Ich habe die Codes notiert');
    await el.updateComplete;
    expect(codesShown(el)).to.deep.equal([]);
  });

  it('re-enrols the authenticator app: password, QR code, a wrong then the right code, then the new recovery codes', async () => {
    const { el } = await open();
    await press(el, 'Authenticator-App neu einrichten');
    await fill(el, 'Passwort zur Bestätigung', fakeAccountPassword);
    await press(el, 'Weiter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="qr-code"]'), 'QR code shown');
    expect(deepText(el.shadowRoot!.querySelector('[part~="secret"]')!)).to.equal('JBSWY3DPEHPK3PXP');
    await fill(el, 'Code aus der neuen App', '000000');
    await press(el, 'Neue App bestätigen');
    await shows(el, 'Der Code ist falsch oder abgelaufen.');
    await fill(el, 'Code aus der neuen App', fakeCodes.totp);
    await press(el, 'Neue App bestätigen');
    await shows(el, 'Die neue Authenticator-App ist eingerichtet.');
    expect(codesShown(el)).to.have.length(10);
  });

  it('a resident with e-mail codes can switch to an authenticator app', async () => {
    const { el } = await open({ secondFactor: 'email' });
    await shows(el, 'Sie bestätigen Anmeldungen mit einem Code per E-Mail.');
    expect(findButton(el, 'Neue Wiederherstellungscodes')).to.equal(undefined);
    expect(findButton(el, 'Zur Authenticator-App wechseln')).to.not.equal(undefined);
  });

  it('sends a confirmation link to a new address; the address stays until it is confirmed', async () => {
    const { el } = await open();
    await shows(el, 'Ihre Adresse: anna.mueller@example.org');
    await fill(el, 'Neue E-Mail-Adresse', 'vergeben@example.org');
    await fill(el, 'Passwort', fakeAccountPassword);
    await press(el, 'Bestätigungslink senden');
    await shows(el, 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.');
    await fill(el, 'Neue E-Mail-Adresse', 'anna.neu@example.org');
    await fill(el, 'Passwort', fakeAccountPassword);
    await press(el, 'Bestätigungslink senden');
    await shows(el, 'Wir haben einen Bestätigungslink an a***@example.org geschickt.');
    await shows(el, 'Noch nicht bestätigt: anna.neu@example.org.');
    expect(deepText(el)).to.contain('Ihre Adresse: anna.mueller@example.org');
    await expect(el).to.be.accessible();
  });

  it('says so when signed out, and offers a retry when the BFF is unreachable; speaks English', async () => {
    const signedOut = new FakeBff({ session: { state: 'anonymous' }, routes: new FakeAccount({ signedOut: true }).routes });
    const el = await fixture<AccountSettingsElement>(html`<account-settings .client=${signedOut.client()}></account-settings>`);
    await shows(el, 'Bitte melden Sie sich an, um Ihr Konto zu verwalten.');

    const { el: failing, fake } = await openFailing();
    await shows(failing, 'Try again');
    fake.failing.clear();
    await press(failing, 'Try again');
    await shows(failing, 'Signed-in devices');
    await shows(failing, 'This device');
  });
});

describe('<account-settings>: "Meine Daten" (Art. 15 / 17 DSGVO)', () => {
  async function openAsResident(privacy: FakePrivacyOptions = {}, lang = 'de') {
    const fake = new FakePrivacy(privacy);
    const bff = new FakeBff({ session, routes: [...fake.routes, ...new FakeAccount().routes] });
    const el = await fixture<AccountSettingsElement>(
      html`<account-settings resident lang=${lang} .client=${bff.client()}></account-settings>`,
    );
    await shows(el, lang === 'de' ? 'Meine Daten' : 'My data');
    return { fake, bff, el };
  }
  const downloads = (el: AccountSettingsElement) =>
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="download"]')].map((link) => new URL(link.href).pathname);

  it('offers both downloads and says what an erasure keeps and why; staff see no such section', async () => {
    const { el } = await openAsResident();
    expect(downloads(el)).to.deep.equal(['/api/account/privacy/export.pdf', '/api/account/privacy/export']);
    const kept = deepText(el.shadowRoot!.querySelector('[part~="retained"]')!);
    expect(kept).to.contain('1 offenes Anliegen').and.contain('§ 257 HGB').and.contain('längstens bis 2. März 2036');
    expect(kept).to.contain('Ihr Miet- oder Eigentumsverhältnis');
    await expect(el).to.be.accessible();

    const staff = await open();
    expect(deepText(staff.el)).to.not.contain('Meine Daten');
    expect(staff.bff.requests.some((request) => request.path.startsWith('/api/account/privacy'))).to.be.false;
  });

  it('asks only after an explicit confirmation, then shows the open request instead of the button', async () => {
    const { fake, el } = await openAsResident({ latency: 50 });
    await press(el, 'Löschung beantragen …');
    await shows(el, 'Möchten Sie die Löschung Ihrer Daten wirklich beantragen?');
    await press(el, 'Abbrechen');
    expect(deepText(el)).to.not.contain('Möchten Sie die Löschung');
    expect(fake.overview.erasureRequest).to.equal(null);

    await press(el, 'Löschung beantragen …');
    // The checkbox is required: without it the form is not sent.
    await press(el, 'Löschung verbindlich beantragen');
    expect(fake.overview.erasureRequest).to.equal(null);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="confirm"]')!.click();
    await press(el, 'Löschung verbindlich beantragen');
    await shows(el, 'Ihr Löschantrag ist eingegangen.');
    await shows(el, 'Sie haben die Löschung am 2. März 2026 beantragt.');
    expect(fake.overview.erasureRequest?.status).to.equal('open');
    expect(findButton(el, 'Löschung beantragen …')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows the BFF’s words when asking fails', async () => {
    const failing = await openAsResident({ failing: ['request'] });
    await press(failing.el, 'Löschung beantragen …');
    failing.el.shadowRoot!.querySelector<HTMLInputElement>('input[name="confirm"]')!.click();
    await press(failing.el, 'Löschung verbindlich beantragen');
    await shows(failing.el, 'vorübergehend nicht verfügbar');
    expect(findButton(failing.el, 'Löschung verbindlich beantragen')).to.not.equal(undefined);
  });

  it('shows an open request from before instead of the button, in English too', async () => {
    const open = await openAsResident({ request: 'open' }, 'en');
    await shows(open.el, 'You asked for erasure on 2 March 2026.');
    expect(deepText(open.el)).to.contain('Download all data (JSON, machine-readable)').and.contain('1 open request');
    expect(findButton(open.el, 'Ask for erasure …')).to.equal(undefined);
  });
});

describe('<account-settings> in a portal', () => {
  it('the account bar of a signed-in clerk opens the settings in place of the board, and closes them again', async () => {
    const clerk = { role: 'clerk' as const, displayName: 'Clara Kaiser', tenant: session.user.tenant };
    const bff = new FakeBff({
      session: { state: 'signed_in', user: clerk },
      routes: [...new FakeAccount().routes, ...new FakeStaffCases({ count: 0 }).routes],
    });
    const portal = await fixture(html`<staff-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></staff-portal>`);
    await shows(portal, 'Angemeldet als Clara Kaiser');
    await press(portal, 'Konto verwalten');
    await shows(portal, 'Angemeldete Geräte');
    expect(portal.shadowRoot!.querySelector('account-settings')).to.not.equal(null);
    expect(portal.shadowRoot!.querySelector('case-board')).to.equal(null);
    await press(portal, 'Konto schließen');
    await waitUntil(() => !portal.shadowRoot!.querySelector('account-settings'), 'settings closed');
  });
});

async function openFailing() {
  const fake = new FakeAccount({ failing: ['overview'] });
  const bff = new FakeBff({ session, routes: fake.routes });
  const el = await fixture<AccountSettingsElement>(html`<account-settings lang="en" .client=${bff.client()}></account-settings>`);
  return { el, fake };
}
