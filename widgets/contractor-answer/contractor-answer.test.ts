import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeContractorOrder, type FakeContractorOrderOptions } from '../testing/fake-contractor-order.ts';
import { deepText, findButton } from '../testing/e2e-session.ts';
import type { ContractorAnswer } from './contractor-answer.ts';
import './contractor-answer.ts';

async function open(options: FakeContractorOrderOptions = {}, lang = 'de') {
  const fake = new FakeContractorOrder(options);
  const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
  const el = await fixture<ContractorAnswer>(
    html`<contractor-answer lang=${lang} token=${fake.token} .client=${bff.client()}></contractor-answer>`,
  );
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const field = (el: ContractorAnswer, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

describe('<contractor-answer>', () => {
  it('shows the job: case number, location, damage, availability, access and the company’s note; the token goes in a header', async () => {
    const { el, bff } = await open();
    await shows(el, 'Auftrag 2030-0042');
    for (const part of [
      'Wohnbau Nord eG beauftragt Rohr & Co. GmbH.',
      'Lindenallee 12, 20259 Hamburg, EG links',
      'Wohnung · Sanitär · Wasserhahn tropft',
      'Der Wasserhahn im Bad tropft seit Tagen.',
      'Werktags ab 16 Uhr',
      'Die Wohnung darf auch in Abwesenheit betreten werden.',
      'Schlüssel beim Hausmeister.',
      'Noch nicht beantwortet',
    ]) {
      expect(text(el)).to.contain(part);
    }
    expect(bff.requests[0].path).to.equal('/api/contractor-answer');
    await expect(el).to.be.accessible();
  });

  it('without consent to enter, it says to arrange an appointment', async () => {
    const { el } = await open({ accessConsent: false });
    await shows(el, 'Kein Zutritt in Abwesenheit');
  });

  it('accepting asks for the appointment first, then sends it and confirms', async () => {
    const { el, fake } = await open();
    await shows(el, 'Termin zusagen');
    findButton(el, 'Termin zusagen')!.click();
    await shows(el, 'Bitte füllen Sie dieses Feld aus.');
    expect(fake.answers).to.deep.equal([]);
    field(el, 'appointmentAt').value = '2030-04-05T09:00';
    findButton(el, 'Termin zusagen')!.click();
    await shows(el, 'Danke. Der Termin am');
    expect(fake.answers).to.deep.equal([{ answer: 'accept', appointmentAt: new Date('2030-04-05T09:00').toISOString() }]);
    expect(text(el)).to.contain('Zugesagt');
    expect(findButton(el, 'Termin ändern')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('declining sends the reason; reporting done sends the note; then nothing more is offered', async () => {
    const declined = await open();
    await shows(declined.el, 'Ablehnen');
    field(declined.el, 'reason').value = 'Keine Kapazität';
    findButton(declined.el, 'Ablehnen')!.click();
    await shows(declined.el, 'Der Auftrag ist abgelehnt.');
    expect(declined.fake.answers).to.deep.equal([{ answer: 'decline', reason: 'Keine Kapazität' }]);
    expect(findButton(declined.el, 'Ablehnen')).to.equal(undefined);

    const done = await open({ status: 'accepted' });
    await shows(done.el, 'Als erledigt melden');
    field(done.el, 'note').value = 'Dichtung getauscht.';
    findButton(done.el, 'Als erledigt melden')!.click();
    await shows(done.el, 'Die Arbeit ist als erledigt gemeldet.');
    expect(text(done.el)).to.contain('Dieser Auftrag ist abgeschlossen.');
  });

  it('an expired link says so in words and offers nothing', async () => {
    const { el } = await open({ refuse: 'link_expired' });
    await shows(el, 'Der Link funktioniert nicht');
    expect(text(el)).to.contain('Dieser Link ist abgelaufen.');
    expect(findButton(el, 'Termin zusagen')).to.equal(undefined);
  });

  it('a failing server offers a retry; English on request; fits 320 px', async () => {
    const { el } = await open({ broken: true });
    await shows(el, 'Erneut versuchen');
    const english = await open({}, 'en');
    await shows(english.el, 'When the resident is available');
    english.el.style.width = '320px';
    await english.el.updateComplete;
    expect(english.el.scrollWidth).to.be.at.most(320);
  });
});
