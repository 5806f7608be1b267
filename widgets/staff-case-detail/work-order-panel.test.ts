import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import {
  FAKE_CONTRACTORS,
  FAKE_ORDER_CASE,
  FakeContractorOrder,
  type FakeContractorOrderOptions,
} from '../testing/fake-contractor-order.ts';
import { deepText, findButton } from '../testing/e2e-session.ts';
import type { WorkOrderPanel } from './work-order-panel.ts';
import './work-order-panel.ts';

async function open(options: FakeContractorOrderOptions = {}, lang = 'de') {
  const fake = new FakeContractorOrder(options);
  const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
  const el = await fixture<WorkOrderPanel>(
    html`<mp-work-order-panel lang=${lang} case-id=${FAKE_ORDER_CASE} .client=${bff.client()}></mp-work-order-panel>`,
  );
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });

describe('<mp-work-order-panel>', () => {
  it('a case without an order offers "Handwerker beauftragen": choose a contractor, add a note, commission', async () => {
    const { el, fake } = await open({ status: 'none' });
    await shows(el, 'Noch kein Handwerker beauftragt.');
    findButton(el, 'Beauftragen')!.click();
    await shows(el, 'Bitte wählen Sie einen Handwerker.');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="contractorId"]')!;
    select.value = FAKE_CONTRACTORS[1].id;
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="note"]')!.value = 'Sicherung im Keller';
    findButton(el, 'Beauftragen')!.click();
    await shows(el, 'Elektro Blitz ist beauftragt; der Auftrag ging an info@blitz.example.');
    expect(fake.note).to.equal('Sicherung im Keller');
    expect(text(el)).to.contain('Beauftragt, noch keine Antwort');
    expect(findButton(el, 'Beauftragen'), 'no second order while one is open').to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows the accepted appointment; a reported done order asks the clerk to close the case and allows a new order', async () => {
    const accepted = await open({ status: 'accepted' });
    await shows(accepted.el, 'Termin zugesagt');
    expect(text(accepted.el)).to.contain('Termin:');
    const done = await open({ status: 'done' });
    await shows(done.el, 'Bitte prüfen und den Vorgang auf „Erledigt“ setzen.');
    expect(text(done.el)).to.contain('Dichtung getauscht.');
    expect(findButton(done.el, 'Beauftragen')).to.not.equal(undefined);
    const english = await open({ status: 'declined' }, 'en');
    await shows(english.el, 'Commission a contractor');
  });
});
