import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCreditCheck, type FakeCreditCheckOptions } from '../testing/fake-credit-check.ts';
import { deepText, findButton } from '../testing/e2e-session.ts';
import type { CreditCheckConsent } from './credit-check-consent.ts';
import './credit-check-consent.ts';

async function open(options: FakeCreditCheckOptions = {}, lang = 'de') {
  const fake = new FakeCreditCheck(options);
  const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
  const el = await fixture<CreditCheckConsent>(
    html`<credit-check-consent lang=${lang} token=${fake.token} .client=${bff.client()}></credit-check-consent>`,
  );
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const field = (el: CreditCheckConsent, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('<credit-check-consent>', () => {
  it('tells who asks, which bureau receives which data, what is kept, and that consenting is voluntary and revocable', async () => {
    const { el, bff } = await open();
    await shows(el, 'Empfängerin: Musterauskunftei AG (Auskunftei)');
    for (const part of [
      'Guten Tag Jana Beispiel,',
      'Wohnbau Nord eG',
      'Ihr Name',
      'Ihre aktuelle Anschrift',
      'Ihr Geburtsdatum (freiwillig)',
      'nur eine Einstufung',
      'freiwillig',
      'jederzeit über diesen Link widerrufen',
    ]) {
      expect(text(el)).to.contain(part);
    }
    // The fake answers only with the token in X-Link-Token: the page above proves it was sent, never in the address.
    expect(bff.requests[0].path).to.equal('/api/credit-check-consent');
    await expect(el).to.be.accessible();
  });

  it('asks for the address and the tick before consenting, then sends only what was entered', async () => {
    const { el, fake } = await open();
    await shows(el, 'Ihre Angaben für die Abfrage');
    findButton(el, 'Einwilligen')!.click();
    await shows(el, 'Bitte setzen Sie das Häkchen');
    expect(text(el)).to.contain('Bitte füllen Sie dieses Feld aus.');
    expect(fake.consent).to.equal('requested');
    field(el, 'street').value = 'Amselstieg 12';
    field(el, 'postalCode').value = '22303';
    field(el, 'city').value = 'Hamburg';
    field(el, 'birthDate').value = '1988-04-17';
    field(el, 'agree').checked = true;
    findButton(el, 'Einwilligen')!.click();
    await shows(el, 'Danke. Ihre Einwilligung ist gespeichert.');
    expect(fake.entered).to.deep.equal({
      birthDate: '1988-04-17',
      address: { street: 'Amselstieg 12', postalCode: '22303', city: 'Hamburg' },
    });
    expect(text(el)).to.contain('Sie haben eingewilligt');
    await expect(el).to.be.accessible();
  });

  it('withdraws a given consent and says the link ends', async () => {
    const { el, fake } = await open({ consent: 'given' });
    await shows(el, 'Einwilligung widerrufen');
    findButton(el, 'Einwilligung widerrufen')!.click();
    await shows(el, 'Ihre Einwilligung ist widerrufen. Dieser Link gilt nun nicht mehr.');
    expect(fake.consent).to.equal('revoked');
    expect(text(el)).to.contain('Ihre Bonität wird nicht geprüft.');
  });

  it('an expired link says so in words and offers nothing', async () => {
    const { el } = await open({ refuse: 'link_expired' });
    await shows(el, 'Der Link funktioniert nicht');
    expect(text(el)).to.contain('Dieser Link ist abgelaufen.');
    expect(findButton(el, 'Einwilligen')).to.equal(undefined);
  });

  it('a failing server offers a retry; English on request', async () => {
    const { el } = await open({ broken: true });
    await shows(el, 'Erneut versuchen');
    const english = await open({}, 'en');
    await shows(english.el, 'Who receives which data?');
  });
});
