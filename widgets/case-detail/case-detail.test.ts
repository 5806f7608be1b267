import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeResidentCases } from '../testing/fake-resident-cases.ts';
import type { CaseDetailView } from './case-detail.ts';
import './case-detail.ts';

const fake = new FakeResidentCases({ long: false });
const detailOf = (caseNumber: string) => fake.detail(fake.cases.find((item) => item.caseNumber === caseNumber)!.id)!;
const client = new FakeBff().client();
/** A tiny PNG standing in for the BFF's thumbnail (no request leaves the test page). */
const photoDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function detailView(caseNumber: string, lang = 'de') {
  return fixture<CaseDetailView>(html`<mp-case-detail lang=${lang} .client=${client} .detail=${detailOf(caseNumber)}
    .attachmentUrl=${(caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`}
    .thumbnailUrl=${(caseId: string, attachmentId: string) => `${photoDataUrl}#${caseId}/${attachmentId}`}></mp-case-detail>`);
}

describe('<mp-case-detail>', () => {
  it('shows the description, the public history, messages and attachments of an open case with the form', async () => {
    const el = await detailView('2026-0181');
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="facts"]')!.textContent)
      .to.contain('Nr. 2026-0181')
      .and.contain('Schadensmeldung')
      .and.contain('Beauftragt')
      .and.contain('Dringend');
    expect(root.textContent).to.contain('Bad · Sanitär · Wasserschaden').and.contain('Unter dem Waschbecken steht Wasser');
    expect([...root.querySelectorAll('ol.timeline li')].map((li) => li.textContent.split(': ').slice(1).join(': ').trim())).to.deep.equal([
      'Anliegen eingegangen',
      'Status: Beauftragt',
      'Antwort Ihrer Hausverwaltung',
    ]);
    expect(root.querySelector('[part="message"]')!.textContent).to.contain('Ihre Hausverwaltung').and.contain('Klempnerei Jansen');
    const link = root.querySelector<HTMLAnchorElement>('[part="attachments"] a')!;
    expect(link.getAttribute('download')).to.equal('Foto-Bad.jpg');
    // The photo small (the BFF's thumbnail, through the same authorised route), loaded when scrolled to.
    const thumbnail = root.querySelector<HTMLImageElement>('[part="attachments"] img[part="thumbnail"]')!;
    const [, caseId, attachmentId] = /^\/api\/cases\/([^/]+)\/attachments\/([^/]+)$/.exec(link.getAttribute('href')!)!;
    expect(thumbnail.getAttribute('src')).to.equal(`${photoDataUrl}#${caseId}/${attachmentId}`);
    expect([thumbnail.alt, thumbnail.loading, thumbnail.width, thumbnail.height]).to.deep.equal(['Foto Foto-Bad.jpg', 'lazy', 160, 120]);
    expect(link.parentElement!.textContent).to.contain('402\u00A0kB').and.contain('von Ihnen');
    expect(root.querySelector('textarea')).to.exist;
    expect(root.querySelector('mp-attachment-picker')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the contractor’s appointment and the work reported done in the timeline', async () => {
    const base = detailOf('2026-0181');
    const at = '2030-04-05T07:00:00.000Z';
    const detail = {
      ...base,
      timeline: [
        ...base.timeline,
        {
          id: 'e0000000-0000-4000-8000-000000000b01',
          kind: 'work_order' as const,
          actor: 'system' as const,
          data: { action: 'accepted', contractor: 'Rohr & Co. GmbH', appointmentAt: at },
          createdAt: at,
        },
        {
          id: 'e0000000-0000-4000-8000-000000000b02',
          kind: 'work_order' as const,
          actor: 'system' as const,
          data: { action: 'done', contractor: 'Rohr & Co. GmbH' },
          createdAt: at,
        },
      ],
    };
    const el = await fixture<CaseDetailView>(html`<mp-case-detail lang="de" .client=${client} .detail=${detail}></mp-case-detail>`);
    const text = el.shadowRoot!.querySelector('ol.timeline')!.textContent.replace(/\s+/g, ' ');
    expect(text)
      .to.contain('Handwerkertermin am 05.04.2030, 09:00 (Rohr & Co. GmbH)')
      .and.contain('Rohr & Co. GmbH hat die Arbeit als erledigt gemeldet');
  });

  it('asks to send the typed message and confirms after the portal sent it', async () => {
    const el = await detailView('2026-0180');
    const root = el.shadowRoot!;
    root.querySelector('textarea')!.value = '  Es ist wieder laut.  ';
    setTimeout(() => root.querySelector<HTMLButtonElement>('[part="send"]')!.click());
    const event = await oneEvent(el, 'mp-case-message-request');
    expect(event.detail).to.deep.equal({ caseId: detailOf('2026-0180').case.id, body: 'Es ist wieder laut.' });
    el.messageSent();
    await el.updateComplete;
    expect(root.querySelector('textarea')!.value).to.equal('');
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Ihre Nachricht wurde gesendet.');
  });

  it('refuses an empty message at the field and shows a sending error', async () => {
    const el = await detailView('2026-0180');
    const root = el.shadowRoot!;
    let asked = false;
    el.addEventListener('mp-case-message-request', () => (asked = true));
    root.querySelector<HTMLButtonElement>('[part="send"]')!.click();
    await el.updateComplete;
    expect(asked).to.be.false;
    expect(root.querySelector('textarea')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById('message-error')!.textContent).to.equal('Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.');
    el.sendError = 'Der Server ist gerade nicht erreichbar.';
    el.sending = false;
    root.querySelector('textarea')!.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root.getElementById('message-error')!.textContent).to.equal('Der Server ist gerade nicht erreichbar.');
    el.sending = true;
    await el.updateComplete;
    expect(root.querySelector<HTMLButtonElement>('[part="send"]')!.disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('says why nothing can be added to a done or declined case, in English too', async () => {
    const done = await detailView('2026-0179');
    expect(done.shadowRoot!.querySelector('form')).to.be.null;
    expect(done.shadowRoot!.querySelector('[part="closed-notice"]')!.textContent).to.contain('erledigt');
    await expect(done).to.be.accessible();
    const declined = await detailView('2026-0177', 'en');
    expect(declined.shadowRoot!.querySelector('[part="closed-notice"]')!.textContent).to.contain('was declined');
    expect(declined.shadowRoot!.textContent).to.contain('History').and.contain('Your housing company');
  });
});
