import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FAKE_CREDIT_LEAD, FakeCreditCheck, type FakeCreditCheckOptions } from '../testing/fake-credit-check.ts';
import { deepText, findButton } from '../testing/e2e-session.ts';
import type { LeadCreditCheckElement } from './lead-credit-check.ts';
import './lead-credit-check.ts';

async function open(options: FakeCreditCheckOptions = {}) {
  const fake = new FakeCreditCheck(options);
  const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
  const el = await fixture<LeadCreditCheckElement>(
    html`<lead-credit-check lang="de" lead-id=${FAKE_CREDIT_LEAD} .client=${bff.client()}></lead-credit-check>`,
  );
  return { fake, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });

describe('<lead-credit-check>', () => {
  it('without consent: "Bonität prüfen" is disabled, "Einwilligung anfragen" sends the link', async () => {
    const { el, fake } = await open({ consent: 'none' });
    await shows(el, 'nicht angefragt');
    expect(findButton(el, 'Bonität prüfen')!.disabled).to.equal(true);
    findButton(el, 'Einwilligung anfragen')!.click();
    await shows(el, 'Die Anfrage ist per E-Mail an jana@example.org unterwegs.');
    expect(fake.consent).to.equal('requested');
    expect(text(el)).to.contain('angefragt am');
    await expect(el).to.be.accessible();
  });

  it('with consent: checks and shows the class as a badge with the reference', async () => {
    const { el } = await open({ consent: 'given', nextClass: 'kritisch' });
    await shows(el, 'erteilt am');
    expect(findButton(el, 'Bonität prüfen')!.disabled).to.equal(false);
    findButton(el, 'Bonität prüfen')!.click();
    await shows(el, 'Die Bonität ist geprüft.');
    const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
    expect(badge.textContent.trim()).to.equal('kritisch');
    expect(text(el)).to.contain('Vorgang AUSK-2030-000043');
    expect(findButton(el, 'Bonität prüfen')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('before "besichtigt" both buttons are disabled; a failing bureau says so', async () => {
    const early = await open({ consent: 'none', stageFits: false });
    await shows(early.el, 'Ab „Besichtigt“ möglich.');
    expect(findButton(early.el, 'Einwilligung anfragen')!.disabled).to.equal(true);
    const down = await open({ consent: 'given', bureauDown: true });
    await shows(down.el, 'erteilt am');
    findButton(down.el, 'Bonität prüfen')!.click();
    await shows(down.el, 'Die Auskunftei hat nicht geantwortet.');
  });
});
