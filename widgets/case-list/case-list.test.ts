import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { manyCases, sampleCases } from '../testing/fake-resident-cases.ts';
import type { CaseList } from './case-list.ts';
import './case-list.ts';

describe('<mp-case-list>', () => {
  it('shows each case with number, type, title, summary, status and last activity', async () => {
    const cases = sampleCases();
    const el = await fixture<CaseList>(html`<mp-case-list lang="de" .cases=${cases}></mp-case-list>`);
    const cards = [...el.shadowRoot!.querySelectorAll('li.case')].map((card) => card.textContent.replace(/\s+/g, ' ').trim());
    expect(cards).to.have.length(5);
    expect(cards[1]).to.contain('Nr. 2026-0181 · Schadensmeldung').and.contain('Beauftragt').and.contain('Wasserschaden · Bad');
    expect(cards[1]).to.contain('Unter dem Waschbecken steht Wasser').and.contain('Letzte Aktivität vor 2 Stunden');
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(cases[0].lastActivityAt);
    expect(time.title).to.match(/2026/);
    expect(el.shadowRoot!.querySelector('[part="load-more"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('marks a case with news since the resident last opened it with the word "Neu", not only a colour', async () => {
    const cases = sampleCases();
    const el = await fixture<CaseList>(html`<mp-case-list lang="de" .cases=${cases}></mp-case-list>`);
    const cards = [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.case')];
    const marked = cards.filter((card) => card.querySelector('[part="news"]'));
    expect(marked).to.have.length(1);
    expect(marked[0].textContent).to.contain('Lärm im Treppenhaus');
    expect(marked[0].querySelector('[part="news"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'Neu: Neuigkeiten seit Ihrem letzten Besuch',
    );
    expect(marked[0].hasAttribute('data-news')).to.be.true;
    await expect(el).to.be.accessible();

    el.cases = cases.map((item) => ({ ...item, hasNews: false }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="news"]')).to.be.null;
    el.lang = 'en';
    el.cases = cases;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('[part="news"]')!.textContent).to.contain('New');
  });

  it('asks to open a case when its title is activated', async () => {
    const cases = sampleCases();
    const el = await fixture<CaseList>(html`<mp-case-list .cases=${cases}></mp-case-list>`);
    setTimeout(() => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.open')[2].click());
    const event = await oneEvent(el, 'mp-case-open-request');
    expect(event.detail.caseId).to.equal(cases[2].id);
  });

  it('offers "Weitere laden", is busy while loading and focuses the first new case', async () => {
    const cases = manyCases(15);
    const el = await fixture<CaseList>(html`<mp-case-list .cases=${cases.slice(0, 10)} has-more></mp-case-list>`);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!;
    expect(more.textContent.trim()).to.equal('Weitere laden');
    setTimeout(() => more.click());
    await oneEvent(el, 'mp-load-more-request');
    el.loadingMore = true;
    await el.updateComplete;
    expect(more.disabled).to.be.true;
    expect(more.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    el.loadingMore = false;
    el.hasMore = false;
    el.cases = cases;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent).to.equal(cases[10].title);
  });

  it('highlights a case and speaks English', async () => {
    const cases = sampleCases();
    const el = await fixture<CaseList>(html`<mp-case-list lang="en" .cases=${cases} .highlight=${cases[0].id}></mp-case-list>`);
    expect(el.shadowRoot!.querySelector('li.case')!.hasAttribute('data-highlight')).to.be.true;
    expect(el.shadowRoot!.textContent).to.contain('No. 2026-0178').and.contain('Last activity 20 minutes ago');
    expect(el.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('Your requests, latest activity first');
  });
});
