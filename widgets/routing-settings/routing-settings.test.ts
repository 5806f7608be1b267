import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCatalogueAdmin } from '../testing/fake-catalogue-admin.ts';
import { FakeRoutingAdmin, fakeStaff, type FakeRoutingAdminOptions } from '../testing/fake-routing-admin.ts';
import { deepText, fill, findField, press } from '../testing/e2e-session.ts';
import type { RoutingSettingsElement } from './routing-settings.ts';
import './routing-settings.ts';

async function open(options: FakeRoutingAdminOptions = {}, signedInAs: 'admin' | 'clerk' = 'admin', lang = 'de') {
  const fake = new FakeRoutingAdmin(options);
  const catalogue = new FakeCatalogueAdmin({ signedInAs });
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: signedInAs, displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: [...fake.routes, ...catalogue.routes],
  });
  const el = await fixture<RoutingSettingsElement>(html`<routing-settings lang=${lang} .client=${bff.client()}></routing-settings>`);
  return { fake, catalogue, el };
}

const shows = (el: Element, what: string) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout: 3000 });

describe('<routing-settings>', () => {
  it('sets a rule for a damage category: it is listed with the person, and says so', async () => {
    const { el, fake } = await open();
    await shows(el, 'Noch keine Regeln');
    await fill(el, 'Schadenskategorie', 'Wohnung › Sanitär');
    await fill(el, 'Zuständig', 'Clara Kaiser');
    await press(el, 'Regel speichern');
    await shows(el, 'Gespeichert: Schadensmeldung › Wohnung › Sanitär → Clara Kaiser.');
    expect(fake.rules).to.have.length(1);
    expect(fake.rules[0]).to.deep.include({ caseType: 'damage', assigneeId: fakeStaff[0].id });
    expect(deepText(el)).to.contain('Schadensmeldung › Wohnung › Sanitär → Clara Kaiser');
    await expect(el).to.be.accessible();
  });

  it('asks for the person before sending; a failed save keeps the choices; a rule is removed', async () => {
    const { el, fake } = await open({
      rules: [
        {
          id: '00000000-0000-4000-9000-00000000aaaa',
          caseType: 'complaint',
          damageCategoryId: null,
          assigneeId: fakeStaff[1].id,
          assigneeName: 'Dora Verwalter',
        },
      ],
    });
    await shows(el, 'Meldung/Beschwerde → Dora Verwalter');
    await fill(el, 'Vorgangsart', 'Dokumentenanforderung');
    await press(el, 'Regel speichern');
    await shows(el, 'Bitte wählen Sie die zuständige Person aus.');
    const assignee = findField<HTMLSelectElement>(el, 'Zuständig')!;
    expect(assignee.getAttribute('aria-invalid')).to.equal('true');
    expect(findField(el, 'Schadenskategorie'), 'categories only for damage reports').to.equal(undefined);

    fake.failSave = true;
    await fill(el, 'Zuständig', 'Clara Kaiser');
    await press(el, 'Regel speichern');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar');
    expect(findField<HTMLSelectElement>(el, 'Vorgangsart')!.value).to.equal('document_request');
    expect(findField<HTMLSelectElement>(el, 'Zuständig')!.value).to.equal(fakeStaff[0].id);

    fake.failSave = false;
    await press(el, 'Regel „Meldung/Beschwerde“ entfernen');
    await shows(el, 'Regel „Meldung/Beschwerde“ entfernt.');
    expect(fake.rules).to.have.length(0);
  });

  it('tells a clerk the rules are for admins', async () => {
    const { el } = await open({}, 'clerk');
    await shows(el, 'nur Administratorinnen und Administratoren');
  });

  it('speaks English', async () => {
    const { el } = await open({}, 'admin', 'en');
    await shows(el, 'No rules yet');
    expect(deepText(el)).to.contain('Save rule');
  });
});
