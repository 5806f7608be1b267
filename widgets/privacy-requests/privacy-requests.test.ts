import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakePrivacy, type FakePrivacyOptions } from '../testing/fake-privacy.ts';
import { deepText, findButton, press } from '../testing/e2e-session.ts';
import type { PrivacyRequestsElement } from './privacy-requests.ts';
import './privacy-requests.ts';

const admin = {
  state: 'signed_in' as const,
  user: { role: 'admin' as const, displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

async function open(options: FakePrivacyOptions = {}, lang = 'de') {
  const fake = new FakePrivacy(options);
  const bff = new FakeBff({ session: admin, routes: fake.routes });
  const el = await fixture<PrivacyRequestsElement>(html`<privacy-requests lang=${lang} .client=${bff.client()}></privacy-requests>`);
  return { fake, bff, el };
}

const shows = (el: Element, what: string, timeout = 4000) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout });
const requestsOf = (el: PrivacyRequestsElement) => [...el.shadowRoot!.querySelectorAll('[part~="request"]')].map((node) => deepText(node));

describe('<privacy-requests>', () => {
  it('lists open requests first with name, tenant number and flat; a completed one with what was deleted, anonymised and kept', async () => {
    const { el } = await open();
    await shows(el, 'Anna Müller');
    const [open_, completed] = requestsOf(el);
    expect(open_).to.contain('Anna Müller').and.contain('Offen').and.contain('Mieternummer M-1001').and.contain('Wohnung: EG links');
    expect(completed).to.contain('Jonas Weber').and.contain('Erledigt am 12.02.2026').and.contain('von Anton Admin');
    expect(completed).to.contain('14 Nachrichten an den Assistenten').and.contain('Name (kein Miet- oder Eigentumsverhältnis mehr)');
    expect(completed).to.contain('2 abgeschlossene Anliegen (Aufbewahrungsfrist läuft), bis 02.03.2036');
    expect(findButton(el, 'Löschantrag von Jonas Weber erledigen')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('completes a request only after the confirmation, showing progress and then the outcome', async () => {
    const { fake, el, bff } = await open({ latency: 100 });
    await press(el, 'Löschantrag von Anna Müller erledigen');
    await shows(el, 'Daten von Anna Müller jetzt löschen und anonymisieren?');
    expect(bff.calls.filter((call) => call.endsWith('/complete'))).to.have.length(0);
    await press(el, 'Abbrechen');
    expect(deepText(el)).to.not.contain('jetzt löschen und anonymisieren?');

    await press(el, 'Löschantrag von Anna Müller erledigen');
    findButton(el, 'Jetzt löschen und anonymisieren')!.click();
    await el.updateComplete;
    expect(findButton(el, 'Wird erledigt …')!.getAttribute('aria-busy')).to.equal('true');
    await shows(el, 'Der Löschantrag von Anna Müller ist erledigt.');
    expect(fake.requests[0].status).to.equal('completed');
    expect(requestsOf(el)[0]).to.contain('Name bleibt für das bestehende Miet- oder Eigentumsverhältnis').and.contain('1 offenes Anliegen');
    await expect(el).to.be.accessible();
  });

  it('shows the error and keeps the request open when completing fails', async () => {
    const failing = await open({ failing: ['complete'] });
    await press(failing.el, 'Löschantrag von Anna Müller erledigen');
    await press(failing.el, 'Jetzt löschen und anonymisieren');
    await shows(failing.el, 'vorübergehend nicht verfügbar');
    expect(failing.fake.requests[0].status).to.equal('open');
  });

  it('says when there are none, refuses clerks, and speaks English', async () => {
    await shows((await open({ requests: [] })).el, 'Es liegen keine Löschanträge vor.');
    await shows((await open({ forbidden: true })).el, 'Löschanträge sehen nur Administratorinnen und Administratoren.');
    const english = await open({}, 'en');
    await shows(english.el, 'Data protection: erasure requests');
    await shows(english.el, '14 messages to the assistant');
  });
});
