import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SETTING_LABELS } from '../../bff/contract/settings.ts';
import { FakeBff } from '../testing/fake-bff.ts';
import { fakeCompanySettings, FakeSettings, type FakeSettingsOptions } from '../testing/fake-settings.ts';
import { deepText, fill, findButton, findField, press, expectFocus } from '../testing/e2e-session.ts';
import type { CompanySettingsElement } from './company-settings.ts';
import './company-settings.ts';

function setUp(options: FakeSettingsOptions = {}) {
  const fake = new FakeSettings({ settings: fakeCompanySettings(), ...options });
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'admin', displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  return { fake, bff };
}

async function open(options: FakeSettingsOptions = {}, lang = 'de') {
  const { fake, bff } = setUp(options);
  const el = await fixture<CompanySettingsElement>(html`<company-settings lang=${lang} .client=${bff.client()}></company-settings>`);
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const field = (el: Element, label: string) => findField<HTMLInputElement | HTMLTextAreaElement>(el, label)!;
const patches = (bff: FakeBff) => bff.requests.filter((request) => request.method === 'PATCH');
const ready = (el: CompanySettingsElement) => waitUntil(() => el.shadowRoot!.querySelector('form'), 'form shown');
/** The text under a control: its hint and the BFF's message (aria-describedby). */
const description = (control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => (control.getRootNode() as ShadowRoot).getElementById(id)?.textContent?.trim())
    .join(' ');

describe('<company-settings>', () => {
  it('shows an admin every setting of the company under the contract’s labels, with this month’s use of the chat', async () => {
    const { el } = await open({ usage: { inputTokens: 1_000_000, outputTokens: 234_567 } });
    await ready(el);
    for (const heading of ['Kontakt und Notfall', 'E-Mails an Bewohner', 'Hausordnung für den Assistenten', 'Assistent', 'Aufbewahrung']) {
      expect(text(el)).to.contain(heading);
    }
    // The deadlines and the state have their own part, "Fristen" (<deadline-settings>).
    const elsewhere = new Set(['federalState', 'deadlineWorkingDays']);
    for (const [key, label] of Object.entries(SETTING_LABELS)) if (!elsewhere.has(key)) expect(text(el), label).to.contain(label);
    expect(field(el, 'Bürozeiten').value).to.equal('Mo–Do 8–16 Uhr, Fr 8–12 Uhr');
    expect(field(el, 'Aufbewahrung der Chatverläufe (Tage)').value).to.equal('60');
    expect(findField<HTMLInputElement>(el, 'Telefonnummer')!.value).to.equal('040 123 456');
    expect(text(el)).to.contain('Zuletzt geändert am 02.03.2026, 10:15.');
    await shows(el, '1.234.567 von 2.000.000 Tokens');
    expect(text(el)).to.contain('61 % verbraucht');
    expect(el.shadowRoot!.querySelector('progress')!.value).to.equal(1_234_567);
    expect(text(el)).to.not.contain('aufgebraucht');
    await expect(el).to.be.accessible();
  });

  it('sends only the changed fields; the button shows progress, cannot be pressed twice, and success shows "Gespeichert" with the time', async () => {
    const { fake, bff } = setUp({ latency: 150 });
    const el = await fixture<CompanySettingsElement>(html`<company-settings .client=${bff.client()}></company-settings>`);
    await ready(el);
    await fill(el, 'Bürozeiten', 'Mo–Fr 9–12 Uhr');
    await fill(el, 'Aufbewahrung der Chatverläufe (Tage)', '30');
    const save = findButton(el, 'Speichern')!;
    save.click();
    await el.updateComplete;
    expect(save.textContent.trim()).to.equal('Wird gespeichert …');
    expect(save.getAttribute('aria-busy')).to.equal('true');
    save.click();
    await shows(el, 'Gespeichert. Zuletzt geändert am');
    expect(patches(bff)).to.have.length(1);
    expect(patches(bff)[0].body).to.deep.equal({ officeHours: 'Mo–Fr 9–12 Uhr', chatHistoryDays: 30 });
    expect(fake.settings.officeHours).to.equal('Mo–Fr 9–12 Uhr');
    expect(save.textContent.trim()).to.equal('Speichern');

    // Nothing changed since: nothing is sent.
    await press(el, 'Speichern');
    await shows(el, 'Es gibt keine Änderungen zu speichern.');
    expect(patches(bff)).to.have.length(1);
  });

  it('adds and removes emergency numbers by keyboard; the list goes as a whole', async () => {
    const { el, bff, fake } = await open();
    await ready(el);
    findButton(el, 'Notrufnummer hinzufügen')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLInputElement;
    expect(focused.id, 'the new row’s label has focus').to.equal('emergencyNumbers-2-label');
    await sendKeys({ type: 'Hausmeister Herr Olsen' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0170 1234567' });

    // Remove the first row with the keyboard: focus moves to the row that took its place.
    findButton(el, 'Notrufnummer 1 entfernen')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('emergencyNumbers-0-label');
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).to.equal('Aufzug-Notruf');
    await expect(el).to.be.accessible();

    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(patches(bff)[0].body).to.deep.equal({
      emergencyNumbers: [
        { label: 'Aufzug-Notruf', phone: '040 123 457' },
        { label: 'Hausmeister Herr Olsen', phone: '0170 1234567' },
      ],
    });
    expect(fake.settings.emergencyNumbers).to.have.length(2);
  });

  it('shows the BFF’s message at each wrong field, keeps everything typed and moves focus to the first', async () => {
    const { el, bff, fake } = await open();
    await ready(el);
    await fill(el, 'Telefonnummer', 'ruf mich an');
    await fill(el, 'Aufbewahrung der Chatverläufe (Tage)', '91');
    await fill(el, 'Bürozeiten', 'Mo–Fr 9–12 Uhr');
    await press(el, 'Speichern');
    await shows(el, 'Bitte korrigieren Sie die 2 markierten Angaben.');
    const phone = findField<HTMLInputElement>(el, 'Telefonnummer')!;
    const days = field(el, 'Aufbewahrung der Chatverläufe (Tage)');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(description(phone)).to.contain('Bitte eine Telefonnummer aus Ziffern angeben, z. B. 040 123 456 oder +49 40 123456.');
    expect(description(days)).to.contain('Höchstens 90 Tage.');
    await expectFocus(el.shadowRoot!, phone, 'focus on the first wrong field');
    expect(field(el, 'Bürozeiten').value, 'the other edits stay').to.equal('Mo–Fr 9–12 Uhr');
    expect(fake.changes, 'nothing stored').to.have.length(0);
    await expect(el).to.be.accessible();

    // Corrected: the message of that field goes at once, the other stays until it is corrected too.
    await fill(el, 'Telefonnummer', '040 123 456');
    expect(description(phone)).to.not.contain('Ziffern angeben');
    expect(description(days)).to.contain('Höchstens 90 Tage.');
    await fill(el, 'Aufbewahrung der Chatverläufe (Tage)', '90');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(patches(bff).at(-1)!.body).to.deep.equal({ officeHours: 'Mo–Fr 9–12 Uhr', chatHistoryDays: 90 });
  });

  it('sets the sender name, reply-to address and signature of residents’ e-mails; an address in the name is refused at its field', async () => {
    const { el, bff, fake } = await open({ settings: undefined });
    await ready(el);
    const name = field(el, 'Absendername der E-Mails an Bewohner');
    expect(name.value, 'none yet: the portal’s name').to.equal('');
    expect(description(name)).to.contain('Die Absenderadresse bleibt die des Portals.');
    await fill(el, 'Absendername der E-Mails an Bewohner', 'Mieterservice <service@wohnbau-nord.example>');
    await fill(el, 'Antwortadresse der E-Mails an Bewohner', 'mieterservice@wohnbau-nord.example');
    await fill(el, 'Signatur der E-Mails an Bewohner', 'Ihr Mieterservice der Wohnbau Nord eG\nTelefon 040 123 456');
    await press(el, 'Speichern');
    await shows(el, 'Bitte nur den Namen angeben, ohne E-Mail-Adresse');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    await expectFocus(el.shadowRoot!, name, 'focus on the sender name');
    expect(fake.changes, 'nothing stored').to.have.length(0);
    await expect(el).to.be.accessible();

    await fill(el, 'Absendername der E-Mails an Bewohner', 'Wohnbau Nord eG – Mieterservice');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(patches(bff).at(-1)!.body).to.deep.equal({
      residentMailSenderName: 'Wohnbau Nord eG – Mieterservice',
      residentMailReplyTo: 'mieterservice@wohnbau-nord.example',
      residentMailSignature: 'Ihr Mieterservice der Wohnbau Nord eG\nTelefon 040 123 456',
    });
    expect(fake.settings.residentMailSenderName).to.equal('Wohnbau Nord eG – Mieterservice');

    // Emptied again: "none", the portal's sender and closing.
    await fill(el, 'Absendername der E-Mails an Bewohner', '');
    await fill(el, 'Signatur der E-Mails an Bewohner', '');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(patches(bff).at(-1)!.body).to.deep.equal({ residentMailSenderName: null, residentMailSignature: '' });
  });

  it('keeps unsaved changes when saving fails and saves them on the next try', async () => {
    const { el, fake } = await open({ failing: ['save'] });
    await ready(el);
    await fill(el, 'Bürozeiten', 'Nur nach Vereinbarung');
    await press(el, 'Speichern');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar.');
    expect(field(el, 'Bürozeiten').value).to.equal('Nur nach Vereinbarung');
    expect(text(el)).to.contain('Sie haben Änderungen, die noch nicht gespeichert sind.');
    fake.failing.clear();
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(fake.settings.officeHours).to.equal('Nur nach Vereinbarung');
    expect(text(el)).to.not.contain('noch nicht gespeichert');
  });

  it('tells a clerk without the admin role that the settings are for admins', async () => {
    const { el } = await open({ signedInAs: 'clerk' });
    await shows(el, 'Die Einstellungen können nur Administratorinnen und Administratoren Ihrer Hausverwaltung sehen und ändern.');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when nobody is signed in', async () => {
    const { el } = await open({ signedInAs: 'signed-out' });
    await shows(el, 'Bitte melden Sie sich als Administratorin oder Administrator');
  });

  it('says when the budget is nearly used up, used up, or 0; a raised budget shows the new share at once', async () => {
    const nearly = await open({ usage: { inputTokens: 1_500_000, outputTokens: 200_000 } });
    await shows(nearly.el, '85 % verbraucht');
    expect(text(nearly.el)).to.contain('Das Budget ist fast aufgebraucht.');

    const { el, bff } = await open({ usage: { inputTokens: 1_800_000, outputTokens: 215_000 } });
    await shows(el, 'Das Budget ist aufgebraucht: Der Assistent nimmt bis zum Monatsende keine Nachrichten mehr an.');
    expect(text(el)).to.contain('2.015.000 von 2.000.000 Tokens');
    expect(text(el)).to.contain('100 % verbraucht');
    await expect(el).to.be.accessible();
    await fill(el, 'Monatliches Token-Budget', '4000000');
    expect(text(el)).to.contain('4.000.000 Tokens');
    await press(el, 'Speichern');
    await shows(el, '50 % verbraucht');
    expect(text(el)).to.not.contain('aufgebraucht');
    expect(bff.calls.filter((call) => call === 'GET /api/staff/chat/usage')).to.have.length(2);

    const off = await open({ settings: { chatMonthlyTokenBudget: 0 } });
    await shows(off.el, 'Das Budget ist 0: Der Chat ist abgeschaltet');
  });

  it('shows a company that never set anything with the defaults and empty lists', async () => {
    const { el } = await open({ settings: undefined });
    await ready(el);
    expect(text(el)).to.contain('Noch nie geändert: Es gelten die Standardwerte.');
    expect(text(el)).to.contain('Noch keine Notrufnummern.');
    expect(text(el)).to.contain('Noch keine Auszüge aus der Hausordnung.');
    expect(field(el, 'Aufbewahrung der Chatverläufe (Tage)').value).to.equal('90');
    expect(field(el, 'Kontakt-E-Mail für Mieter').value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('sends an emptied optional field as "none" and an emptied number as missing, which the BFF refuses in its words', async () => {
    const { el, bff, fake } = await open();
    await ready(el);
    await fill(el, 'Kontakttelefon für Mieter', '');
    await fill(el, 'Aufbewahrung zugestellter Nachrichten (Tage)', '');
    await press(el, 'Speichern');
    await shows(el, 'Bitte eine Anzahl Tage angeben.');
    expect(patches(bff)[0].body).to.deep.equal({ contactPhone: null, outboxRetentionDays: null });
    await fill(el, 'Aufbewahrung zugestellter Nachrichten (Tage)', '14');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(fake.settings.contactPhone).to.equal(null);
    expect(fake.settings.outboxRetentionDays).to.equal(14);
  });

  it('adds and removes house-rule excerpts', async () => {
    const { el, bff } = await open({ settings: { ...fakeCompanySettings(), houseRules: [] } });
    await ready(el);
    await press(el, 'Auszug hinzufügen');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('houseRules-0-title');
    await fill(el, 'Titel', 'Mülltrennung');
    await fill(el, 'Text', 'Glas bitte nur werktags von 8 bis 20 Uhr einwerfen.');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(patches(bff)[0].body).to.deep.equal({
      houseRules: [{ title: 'Mülltrennung', text: 'Glas bitte nur werktags von 8 bis 20 Uhr einwerfen.' }],
    });
    await press(el, 'Auszug 1 entfernen');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id, 'nothing left: focus on "hinzufügen"').to.equal('houseRules-add');
    expect(text(el)).to.contain('Noch keine Auszüge aus der Hausordnung.');
  });

  it('speaks English with English labels, and phrases the BFF’s German field messages in English', async () => {
    const { el } = await open({}, 'en');
    await ready(el);
    await el.updateComplete;
    expect(text(el)).to.contain('Contact and emergencies');
    expect(text(el)).to.contain('Keep chat histories (days)');
    expect(text(el)).to.contain('E-mails to residents');
    expect(text(el)).to.contain('Signature of e-mails to residents');
    await fill(el, 'Keep chat histories (days)', '91');
    await press(el, 'Save');
    await shows(el, 'At most 90.');
    expect(text(el)).to.not.contain('Höchstens');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const { bff } = setUp();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><company-settings .client=${bff.client()}></company-settings></div>`,
    );
    const el = wrapper.querySelector('company-settings')!;
    await ready(el);
    await shows(el, 'verbraucht');
    const edge = wrapper.getBoundingClientRect().right + 0.5;
    const overflowing = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => node.getBoundingClientRect().right > edge);
    expect(overflowing.map((node) => node.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
