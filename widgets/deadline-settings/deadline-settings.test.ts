import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeSettings, type FakeSettingsOptions } from '../testing/fake-settings.ts';
import { deepText, expectFocus, fill, findField, press } from '../testing/e2e-session.ts';
import type { DeadlineSettingsElement } from './deadline-settings.ts';
import './deadline-settings.ts';

async function open(options: FakeSettingsOptions = {}, lang = 'de') {
  const fake = new FakeSettings(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'admin', displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<DeadlineSettingsElement>(html`<deadline-settings lang=${lang} .client=${bff.client()}></deadline-settings>`);
  return { fake, el };
}

const shows = (el: Element, what: string) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout: 3000 });
const field = (el: DeadlineSettingsElement, label: string) => findField<HTMLInputElement>(el, label)!;
/** The standard deadline shown under a field (and read with it). */
const standardOf = (el: DeadlineSettingsElement, input: HTMLInputElement) =>
  el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0])!.textContent.trim();

describe('<deadline-settings>', () => {
  it('shows the standard deadline in each empty field and saves working days and the state', async () => {
    const { el, fake } = await open();
    await shows(el, 'Fristen in Arbeitstagen');
    const emergency = field(el, 'Schadensmeldung, Notfall: Frist in Arbeitstagen');
    expect(emergency.value).to.equal('');
    expect(standardOf(el, emergency)).to.equal('Standard 1 Tag');
    expect(standardOf(el, field(el, 'Schadensmeldung, Normal: Frist in Arbeitstagen'))).to.equal('Standard 14 Tage');
    await expect(el).to.be.accessible();

    await fill(el, 'Bundesland', 'Bayern');
    await fill(el, 'Schadensmeldung, Dringend: Frist in Arbeitstagen', '2');
    await fill(el, 'Meldung/Beschwerde, Normal: Frist in Arbeitstagen', '10');
    await press(el, 'Fristen speichern');
    await shows(el, 'Gespeichert. Neue Vorgänge erhalten diese Fristen.');
    expect(fake.changes).to.deep.equal([{ federalState: 'BY', deadlineWorkingDays: { complaint: { normal: 10 }, damage: { urgent: 2 } } }]);
    expect(fake.settings.deadlineWorkingDays).to.deep.equal({ complaint: { normal: 10 }, damage: { urgent: 2 } });

    await press(el, 'Fristen speichern');
    await shows(el, 'Es gibt keine Änderungen zu speichern.');
    expect(fake.changes).to.have.length(1);

    // Emptying a field returns it to the standard deadline.
    await fill(el, 'Schadensmeldung, Dringend: Frist in Arbeitstagen', '');
    await press(el, 'Fristen speichern');
    await waitUntil(() => fake.changes.length === 2, 'second save');
    expect(fake.changes[1]).to.deep.equal({ federalState: 'BY', deadlineWorkingDays: { complaint: { normal: 10 } } });
  });

  it('catches a number that is not 1 to 60 whole days at its field before sending; a failed save keeps the entries', async () => {
    const { el, fake } = await open({ settings: { federalState: 'NI', deadlineWorkingDays: { damage: { normal: 8 } } } });
    await shows(el, 'Fristen in Arbeitstagen');
    expect(findField<HTMLSelectElement>(el, 'Bundesland')!.value).to.equal('NI');
    expect(field(el, 'Schadensmeldung, Normal: Frist in Arbeitstagen').value).to.equal('8');

    for (const wrong of ['0', '61', '2.5']) {
      await fill(el, 'Dokumentenanforderung, Normal: Frist in Arbeitstagen', wrong);
      await press(el, 'Fristen speichern');
      await shows(el, 'Bitte eine ganze Zahl von 1 bis 60 Arbeitstagen angeben oder das Feld leeren.');
      const input = field(el, 'Dokumentenanforderung, Normal: Frist in Arbeitstagen');
      expect(input.getAttribute('aria-invalid'), wrong).to.equal('true');
      await expectFocus(el.shadowRoot!, input, `focus on the wrong field (${wrong})`);
    }
    expect(fake.changes, 'nothing sent').to.deep.equal([]);

    await fill(el, 'Dokumentenanforderung, Normal: Frist in Arbeitstagen', '4');
    fake.failing.add('save');
    await press(el, 'Fristen speichern');
    await shows(el, 'Der Dienst ist vorübergehend nicht verfügbar.');
    expect(field(el, 'Dokumentenanforderung, Normal: Frist in Arbeitstagen').value, 'the entry stays').to.equal('4');
    fake.failing.delete('save');
    await press(el, 'Fristen speichern');
    await shows(el, 'Gespeichert.');
    expect(fake.settings.deadlineWorkingDays).to.deep.equal({ damage: { normal: 8 }, document_request: { normal: 4 } });
  });

  it('tells a clerk that deadlines are for admins, and speaks English', async () => {
    const clerk = await open({ signedInAs: 'clerk' });
    await waitUntil(() => clerk.el.shadowRoot!.querySelector('[part="alert"]')?.textContent?.trim(), 'a note for clerks');
    expect(deepText(clerk.el)).not.to.contain('Fristen speichern');

    const { el } = await open({}, 'en');
    await shows(el, 'Deadlines in working days');
    expect(standardOf(el, field(el, 'Damage report, Emergency: deadline in working days'))).to.equal('Standard 1 day');
    expect(deepText(el)).to.contain('Nationwide holidays only');
  });
});
