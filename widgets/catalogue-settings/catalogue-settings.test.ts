import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCatalogueAdmin, type FakeCatalogueAdminOptions } from '../testing/fake-catalogue-admin.ts';
import { deepText, fill, findButton, findField, press, expectFocus } from '../testing/e2e-session.ts';
import type { CatalogueSettingsElement } from './catalogue-settings.ts';
import './catalogue-settings.ts';

async function open(options: FakeCatalogueAdminOptions = {}, lang = 'de') {
  const fake = new FakeCatalogueAdmin(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'admin', displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<CatalogueSettingsElement>(html`<catalogue-settings lang=${lang} .client=${bff.client()}></catalogue-settings>`);
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const kindsOf = (fake: FakeCatalogueAdmin, category: string) =>
  fake.catalogue.damageLocations
    .flatMap((l) => l.categories)
    .find((c) => c.label === category)!
    .kinds.map((k) => k.label);

describe('<catalogue-settings>', () => {
  it('shows the damage catalogue as a tree with common areas and translations, and the document types', async () => {
    const { el } = await open();
    await shows(el, 'Wasserhahn tropft');
    for (const label of [
      'Schadenskatalog',
      'Wohnung',
      'Sanitär',
      'Heizung',
      'Treppenhaus',
      'Gemeinschaftsfläche',
      'Dokumentarten',
      'Mieterbescheinigung',
      'Nur Mieter',
    ]) {
      expect(text(el)).to.contain(label);
    }
    expect(text(el)).to.contain('1 Übersetzung');
    await expect(el).to.be.accessible();
  });

  it('adds a damage kind with a translation: the form sends it, closes and says so; the new kind is in the tree', async () => {
    const { el, fake } = await open({ saveLatency: 100 });
    await shows(el, 'Sanitär');
    await press(el, 'Schadensart zu „Sanitär“ hinzufügen');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('editor-label');
    await fill(el, 'Bezeichnung (deutsch)', 'Duschabfluss verstopft');
    await fill(el, 'Englisch', 'Shower drain blocked');
    await press(el, 'Eintrag speichern');
    await el.updateComplete;
    expect(findButton(el, 'Wird gespeichert …')?.getAttribute('aria-busy')).to.equal('true');
    await shows(el, 'Hinzugefügt: „Duschabfluss verstopft“.');
    expect(kindsOf(fake, 'Sanitär')).to.include('Duschabfluss verstopft');
    expect(fake.changes.at(-1)!.body).to.deep.include({ label: 'Duschabfluss verstopft', translations: { en: 'Shower drain blocked' } });
    expect(findField(el, 'Bezeichnung (deutsch)')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('a refused save keeps the form and what was typed, with the BFF’s German message at the field', async () => {
    const { el, fake } = await open();
    await shows(el, 'Sanitär');
    await press(el, 'Schadensart zu „Sanitär“ hinzufügen');
    await fill(el, 'Bezeichnung (deutsch)', 'Wasserhahn tropft');
    await fill(el, 'Türkisch', 'Musluk damlıyor');
    await press(el, 'Eintrag speichern');
    await shows(el, 'Diese Bezeichnung gibt es hier schon.');
    expect(text(el)).to.contain('Bitte korrigieren Sie');
    const label = findField<HTMLInputElement>(el, 'Bezeichnung (deutsch)')!;
    expect(label.value).to.equal('Wasserhahn tropft');
    expect(label.getAttribute('aria-invalid')).to.equal('true');
    expect(findField<HTMLInputElement>(el, 'Türkisch')!.value).to.equal('Musluk damlıyor');
    await expectFocus(el.shadowRoot!, label);
    expect(fake.changes).to.have.length(0);
    await expect(el).to.be.accessible();

    // A failed connection also keeps everything.
    fake.failing.add('save');
    await fill(el, 'Bezeichnung (deutsch)', 'Wasserhahn lose');
    await press(el, 'Eintrag speichern');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar');
    expect(findField<HTMLInputElement>(el, 'Bezeichnung (deutsch)')!.value).to.equal('Wasserhahn lose');
    expect(text(el)).to.contain('Sie haben Änderungen, die noch nicht gespeichert sind.');
  });

  it('edits a location: renames it and marks it a common area; an open form with changes is not replaced', async () => {
    const { el, fake } = await open();
    await shows(el, 'Wohnung');
    await press(el, '„Wohnung“ bearbeiten');
    await fill(el, 'Bezeichnung (deutsch)', 'In der Wohnung');
    await press(el, '„Treppenhaus“ bearbeiten');
    await shows(el, 'Bitte speichern oder verwerfen Sie zuerst die offene Änderung.');
    expect(findField<HTMLInputElement>(el, 'Bezeichnung (deutsch)')!.value).to.equal('In der Wohnung');
    await fill(el, 'Gemeinschaftsfläche', 'true');
    await press(el, 'Eintrag speichern');
    await shows(el, 'Gespeichert: „In der Wohnung“.');
    expect(fake.catalogue.damageLocations[0]).to.deep.include({ label: 'In der Wohnung', commonArea: true });
  });

  it('removes after a second press; an entry in use is refused with the reason and stays', async () => {
    const { el, fake } = await open();
    await shows(el, 'WC verstopft');
    const inUse = fake.catalogue.damageLocations[0].categories[0].kinds[0].id;
    (fake as unknown as { options: FakeCatalogueAdminOptions }).options.inUse = [inUse];
    await press(el, '„WC verstopft“ entfernen');
    await el.updateComplete;
    expect(kindsOf(fake, 'Sanitär')).to.include('WC verstopft');
    await press(el, '„WC verstopft“ wirklich entfernen');
    await shows(el, 'Entfernt: „WC verstopft“.');
    expect(kindsOf(fake, 'Sanitär')).to.not.include('WC verstopft');

    await press(el, '„Wasserhahn tropft“ entfernen');
    await press(el, '„Wasserhahn tropft“ wirklich entfernen');
    await shows(el, 'wird noch von Vorgängen oder Zuständigkeitsregeln verwendet');
    expect(kindsOf(fake, 'Sanitär')).to.include('Wasserhahn tropft');
  });

  it('adds a document type for owners only', async () => {
    const { el, fake } = await open();
    await shows(el, 'Mieterbescheinigung');
    await press(el, 'Dokumentart hinzufügen');
    await fill(el, 'Bezeichnung (deutsch)', 'Hausgeldabrechnung');
    await fill(el, 'Wer darf es anfordern?', 'Nur Eigentümer');
    await press(el, 'Eintrag speichern');
    await shows(el, 'Hinzugefügt: „Hausgeldabrechnung“.');
    expect(fake.catalogue.documentTypes.at(-1)).to.deep.include({ label: 'Hausgeldabrechnung', readers: 'owners' });
  });

  it('says when the person is no admin, and offers a retry when loading fails', async () => {
    const clerk = await open({ signedInAs: 'clerk' });
    await shows(clerk.el, 'nur Administratorinnen und Administratoren');
    const failing = await open({ failing: ['catalogue'] });
    await shows(failing.el, 'Die Einstellungen konnten nicht geladen werden.');
    failing.fake.failing.clear();
    await press(failing.el, 'Erneut versuchen');
    await shows(failing.el, 'Wasserhahn tropft');
  });

  it('speaks English', async () => {
    const { el } = await open({}, 'en');
    await shows(el, 'Damage catalogue');
    await press(el, 'Add damage location');
    await shows(el, 'Label (German)');
    expect(text(el)).to.contain('Common area');
  });
});
