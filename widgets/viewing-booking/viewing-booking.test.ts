import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeViewingBooking, fakeViewingSlots, type FakeViewingBookingOptions } from '../testing/fake-viewing-booking.ts';
import { deepText, findButton } from '../testing/e2e-session.ts';
import type { ViewingBooking } from './viewing-booking.ts';
import './viewing-booking.ts';

async function open(options: FakeViewingBookingOptions = {}, attributes: { lang?: string; token?: string } = {}) {
  const fake = new FakeViewingBooking(options);
  const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
  const el = await fixture<ViewingBooking>(
    html`<viewing-booking lang=${attributes.lang ?? 'de'} token=${attributes.token ?? fake.token} .client=${bff.client()}></viewing-booking>`,
  );
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const slotButtons = (el: ViewingBooking) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="book"]')];
const [oneSeat, group, fullSlot] = fakeViewingSlots();

describe('<viewing-booking>', () => {
  it('shows the flat’s address and the offered slots with their free places, without signing in', async () => {
    const { el, bff } = await open();
    await shows(el, '3-Zimmer-Wohnung mit Balkon');
    expect(text(el)).to.contain('Lindenallee 12, 20259 Hamburg');
    expect(text(el)).to.contain('Guten Tag Jana Beispiel,');
    expect(text(el)).to.contain('1 freier Platz');
    expect(text(el)).to.contain('3 freie Plätze');
    expect(text(el)).to.contain('ausgebucht');
    expect(text(el)).to.contain('2 Personen auf der Warteliste');
    expect(text(el)).to.contain('Gruppenbesichtigung, Treffpunkt vor dem Haus.');
    expect(text(el)).to.contain('Ihr persönlicher Link gilt bis');
    expect(slotButtons(el).map((button) => button.textContent.trim())).to.deep.equal(['Buchen', 'Buchen', 'Auf die Warteliste']);
    expect(bff.requests[0].path).to.equal('/api/viewing-booking');
    await expect(el).to.be.accessible();
  });

  it('books a slot, moves it, downloads the ICS file and cancels, telling what happened each time', async () => {
    const { el, fake } = await open();
    await shows(el, 'Angebotene Termine');
    const changed = oneEvent(el, 'mp-viewing-booking-changed');
    slotButtons(el)[0].click();
    expect((await changed).detail.booking?.slotId).to.equal(oneSeat.id);
    await shows(el, 'Ihr Termin ist gebucht. Eine Bestätigung mit Kalenderdatei ist per E-Mail unterwegs.');
    expect(text(el)).to.contain('Bitte bei „Hausverwaltung“ klingeln.');
    expect(fake.booking).to.deep.equal({ slotId: oneSeat.id, status: 'booked' });

    findButton(el, 'In den Kalender (ICS)')!.click();
    await shows(el, 'Die Kalenderdatei wurde heruntergeladen.');
    expect(fake.calendarDownloads).to.equal(1);

    const move = slotButtons(el).find((button) => button.textContent.includes('Hierher verlegen'))!;
    expect(move.getAttribute('aria-label')).to.match(/^Hierher verlegen: \w+, \d+\. \w+ um 18:00$/);
    move.click();
    await shows(el, 'Ihr Termin ist verlegt.');
    expect(fake.booking).to.deep.equal({ slotId: group.id, status: 'booked' });

    findButton(el, 'Termin absagen')!.click();
    await shows(el, 'Ihr Termin ist abgesagt.');
    expect(fake.booking).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part="own"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('joins the waitlist of a full slot and shows the place in it', async () => {
    const { el, fake } = await open();
    await shows(el, 'Angebotene Termine');
    slotButtons(el)[2].click();
    await shows(el, 'Sie stehen auf der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.');
    expect(text(el)).to.contain('Platz 3 der Warteliste');
    expect(fake.booking).to.deep.equal({ slotId: fullSlot.id, status: 'waitlisted' });
    expect(findButton(el, 'Warteliste verlassen')).to.exist;
    expect(findButton(el, 'In den Kalender (ICS)')).to.equal(undefined);
  });

  it('when someone else took the last place meanwhile, it says so and offers the waitlist', async () => {
    const { el, fake } = await open({ loseNextRace: true });
    await shows(el, 'Angebotene Termine');
    slotButtons(el)[0].click();
    await shows(el, 'Dieser Termin ist inzwischen ausgebucht. Sie können sich auf die Warteliste setzen.');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    await waitUntil(() => slotButtons(el)[0].textContent.includes('Auf die Warteliste'), 'offers the waitlist');
    slotButtons(el)[0].click();
    await shows(el, 'Sie stehen auf der Warteliste.');
    expect(fake.booking?.status).to.equal('waitlisted');
  });

  for (const [code, words] of [
    ['link_expired', 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.'],
    ['link_revoked', 'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.'],
    ['link_used', 'Dieser Link wurde bereits verwendet und gilt nur einmal.'],
  ] as const) {
    it(`a link that no longer works (${code}) says so in German and offers nothing`, async () => {
      const { el } = await open({ refuse: code });
      await shows(el, words);
      expect(text(el)).to.contain('Der Link funktioniert nicht');
      expect(slotButtons(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('an altered token is refused as invalid; the token is read from the page address when no attribute names it', async () => {
    const altered = await open({}, { token: 'v1.verändert.AAAA' });
    await shows(altered.el, 'Dieser Link ist ungültig oder wurde verändert.');

    const fake = new FakeViewingBooking();
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}#token=${fake.token}`);
    try {
      const el = await fixture<ViewingBooking>(html`<viewing-booking .client=${bff.client()}></viewing-booking>`);
      await shows(el, '3-Zimmer-Wohnung mit Balkon');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('speaks the page’s language: English, Turkish, Polish and Ukrainian', async () => {
    for (const [lang, words] of [
      ['en', 'Available appointments'],
      ['tr', 'Sunulan randevular'],
      ['pl', 'Dostępne terminy'],
      ['uk', 'Доступний час'],
    ]) {
      const { el } = await open({}, { lang });
      await shows(el, words);
    }
    const { el } = await open({ refuse: 'link_expired' }, { lang: 'en' });
    await shows(el, 'This link has expired. Please ask your housing company for a new one.');
  });
});
