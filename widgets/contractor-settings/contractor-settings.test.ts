import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeContractors, type FakeContractorsOptions } from '../testing/fake-contractors.ts';
import { deepText, expectFocus, fill, findButton, findField, press } from '../testing/e2e-session.ts';
import type { ContractorSettingsElement } from './contractor-settings.ts';
import './contractor-settings.ts';

const wohnbauNord = { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' };

async function open(options: FakeContractorsOptions = {}, lang = 'de') {
  const fake = new FakeContractors(options);
  const role = options.signedInAs === 'clerk' || options.signedInAs === 'resident' ? options.signedInAs : 'admin';
  const bff = new FakeBff({
    session: { state: 'signed_in', user: { role, displayName: 'Dora Verwalter', tenant: wohnbauNord } },
    routes: fake.routes,
  });
  const el = await fixture<ContractorSettingsElement>(
    html`<contractor-settings lang=${lang} .client=${bff.client()}></contractor-settings>`,
  );
  return { fake, el, bff };
}

const shows = (el: Element, what: string) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout: 10_000 });
const field = (el: ContractorSettingsElement, label: string) => findField<HTMLInputElement>(el, label)!;
const entryOf = (el: ContractorSettingsElement, name: string) =>
  [...el.shadowRoot!.querySelectorAll('[part="contractor"]')].find((entry) => entry.textContent.includes(name));

describe('<contractor-settings>', () => {
  it('lists the contractors with trade, contact, buildings served and state, and adds one', async () => {
    const { el, fake } = await open();
    await shows(el, 'Ihre Handwerker (3 Handwerker)');
    const plumber = deepText(entryOf(el, 'Rohr & Co. GmbH')!);
    expect(plumber).to.contain('Sanitär').and.contain('auftrag@rohr.example').and.contain('040 555 12').and.contain('Alle Gebäude');
    expect(plumber).to.contain('Aktiv');
    expect(deepText(entryOf(el, 'Elektro Blitz')!))
      .to.contain('1 bestimmtes Gebäude')
      .and.not.contain('Telefon');
    expect(deepText(entryOf(el, 'Schlüssel Schmidt')!)).to.contain('Deaktiviert');
    await expect(el).to.be.accessible();

    await press(el, 'Handwerker hinzufügen');
    await expectFocus(el.shadowRoot!, field(el, 'Name des Betriebs'), 'focus on the first field of the new form');
    await fill(el, 'Name des Betriebs', '  Heizung Hansen  ');
    await fill(el, 'Gewerk', 'Heizung');
    await fill(el, 'E-Mail-Adresse für Aufträge', 'hansen@heizung.example');
    await expect(el).to.be.accessible();
    await press(el, 'Handwerker anlegen');
    await shows(el, 'Heizung Hansen ist angelegt.');
    expect(fake.changes).to.deep.equal([{ name: 'Heizung Hansen', trade: 'Heizung', email: 'hansen@heizung.example' }]);
    expect(deepText(entryOf(el, 'Heizung Hansen')!))
      .to.contain('Alle Gebäude')
      .and.contain('Aktiv');
    expect(findField(el, 'Name des Betriebs'), 'the form closes').to.equal(undefined);
  });

  it('catches wrong entries at their fields before sending, shows the BFF’s messages, and keeps the entries when a save fails', async () => {
    const { el, fake } = await open();
    await press(el, 'Handwerker hinzufügen');
    await fill(el, 'Gewerk', 'Elektro');
    await fill(el, 'E-Mail-Adresse für Aufträge', 'kein-at-zeichen');
    await press(el, 'Handwerker anlegen');
    await shows(el, 'Bitte korrigieren Sie');
    expect(field(el, 'Name des Betriebs').getAttribute('aria-invalid')).to.equal('true');
    expect(deepText(el)).to.contain('Bitte füllen Sie dieses Feld aus.').and.contain('Bitte eine gültige E-Mail-Adresse angeben.');
    await expectFocus(el.shadowRoot!, field(el, 'Name des Betriebs'), 'focus on the first wrong field');
    expect(fake.changes, 'nothing sent').to.deep.equal([]);

    await fill(el, 'Name des Betriebs', 'Strom & Licht');
    await fill(el, 'E-Mail-Adresse für Aufträge', 'info@strom.example');
    fake.failSave = true;
    await press(el, 'Handwerker anlegen');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar.');
    expect(field(el, 'Name des Betriebs').value, 'the entries stay').to.equal('Strom & Licht');
    expect(field(el, 'E-Mail-Adresse für Aufträge').value).to.equal('info@strom.example');
    fake.failSave = false;
    await press(el, 'Handwerker anlegen');
    await shows(el, 'Strom & Licht ist angelegt.');
  });

  it('shows the BFF’s validation message at its field', async () => {
    const { el, fake } = await open({
      refuseWith: [{ path: 'trade', code: 'custom', message: 'Dieses Gewerk kennt der Server nicht.' }],
    });
    await press(el, 'Elektro Blitz bearbeiten');
    await fill(el, 'Gewerk', 'Elektrik');
    await press(el, 'Änderungen speichern');
    await shows(el, 'Dieses Gewerk kennt der Server nicht.');
    await expectFocus(el.shadowRoot!, field(el, 'Gewerk'), 'focus on the refused field');
    expect(field(el, 'Gewerk').value).to.equal('Elektrik');
    expect(fake.contractors.find((contractor) => contractor.name === 'Elektro Blitz')!.trade, 'nothing changed').to.equal('Elektro');
  });

  it('edits a contractor with only what changed, and deactivates and reactivates one', async () => {
    const { el, fake } = await open();
    await press(el, 'Rohr & Co. GmbH bearbeiten');
    expect(field(el, 'Name des Betriebs').value).to.equal('Rohr & Co. GmbH');
    expect(field(el, 'Telefon (optional)').value).to.equal('040 555 12');
    await press(el, 'Änderungen speichern');
    await shows(el, 'Es gibt keine Änderungen zu speichern.');
    await fill(el, 'Telefon (optional)', '');
    await fill(el, 'E-Mail-Adresse für Aufträge', 'neu@rohr.example');
    await press(el, 'Änderungen speichern');
    await shows(el, 'Die Änderungen an Rohr & Co. GmbH sind gespeichert.');
    expect(fake.changes).to.deep.equal([{ email: 'neu@rohr.example', phone: '' }]);
    expect(deepText(entryOf(el, 'Rohr & Co. GmbH')!))
      .to.contain('neu@rohr.example')
      .and.not.contain('040 555 12');

    await press(el, 'Rohr & Co. GmbH deaktivieren');
    await shows(el, 'Rohr & Co. GmbH ist deaktiviert und wird nicht mehr zur Beauftragung angeboten.');
    expect(deepText(entryOf(el, 'Rohr & Co. GmbH')!)).to.contain('Deaktiviert');
    expect(fake.contractors.find((contractor) => contractor.name === 'Rohr & Co. GmbH')!.active).to.equal(false);
    await press(el, 'Schlüssel Schmidt reaktivieren');
    await shows(el, 'Schlüssel Schmidt ist wieder aktiv.');
    expect(fake.changes.slice(1)).to.deep.equal([{ active: false }, { active: true }]);

    fake.failSave = true;
    await press(el, 'Elektro Blitz deaktivieren');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar.');
    expect(deepText(entryOf(el, 'Elektro Blitz')!)).to.contain('Aktiv');
  });

  it('lets a clerk use it too, tells a resident it is for staff, and speaks English', async () => {
    const clerk = await open({ signedInAs: 'clerk' });
    await shows(clerk.el, 'Ihre Handwerker');
    expect(findButton(clerk.el, 'Handwerker hinzufügen')).to.exist;

    const resident = await open({ signedInAs: 'resident' });
    await shows(resident.el, 'nur die Mitarbeiterinnen und Mitarbeiter Ihrer Hausverwaltung');
    expect(deepText(resident.el)).not.to.contain('Handwerker hinzufügen');

    const signedOut = await open({ signedInAs: 'signed-out' });
    await shows(signedOut.el, 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter Ihrer Hausverwaltung an.');

    const empty = await open({ contractors: [] });
    await shows(empty.el, 'Noch keine Handwerker eingetragen.');

    const { el } = await open({}, 'en');
    await shows(el, 'Your contractors (3 contractors)');
    expect(deepText(el)).to.contain('All buildings').and.contain('Deactivated');
    await press(el, 'Add contractor');
    await press(el, 'Save new contractor');
    await shows(el, 'Please fill in this field.');
    await expect(el).to.be.accessible();
  });
});
