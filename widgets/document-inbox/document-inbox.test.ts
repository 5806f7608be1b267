import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sampleDocuments } from '../testing/fake-resident-cases.ts';
import type { DocumentInbox } from './document-inbox.ts';
import './document-inbox.ts';

describe('<mp-document-inbox>', () => {
  it('lists documents with category, case number, unread mark, size, date and download link', async () => {
    const documents = sampleDocuments();
    const el = await fixture<DocumentInbox>(html`<mp-document-inbox lang="de" .documents=${documents}
      .documentUrl=${(id: string) => `https://bff.example.org/api/documents/${id}/file`}></mp-document-inbox>`);
    // Runs of white space become one space; the no-break space between a size and its unit stays.
    const items = [...el.shadowRoot!.querySelectorAll('li.document')].map((item) => item.textContent.replace(/[ \t\n]+/g, ' ').trim());
    expect(items[0])
      .to.contain('Bescheinigung')
      .and.contain('zu Anliegen 2026-0179')
      .and.contain('Neu, ungelesen')
      .and.contain('Mieterbescheinigung-2026-0179.pdf (82\u00A0kB)');
    expect(items[0]).to.contain('Bereitgestellt vor 3 Stunden');
    expect(items[2]).to.contain('Betriebskostenabrechnung').and.contain('1,1\u00A0MB').and.not.contain('Neu');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="download"]')!;
    expect(link.href).to.equal(`https://bff.example.org/api/documents/${documents[0].id}/file`);
    expect(link.textContent).to.equal('Mieterbescheinigung');
    await expect(el).to.be.accessible();
  });

  it('reports an opened document so it can be marked read', async () => {
    const documents = sampleDocuments();
    const el = await fixture<DocumentInbox>(html`<mp-document-inbox .documents=${documents}></mp-document-inbox>`);
    const link = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="download"]')[1];
    link.addEventListener('click', (event) => event.preventDefault());
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'mp-document-opened');
    expect(event.detail.documentId).to.equal(documents[1].id);
  });

  it('loads more on request and speaks English', async () => {
    const el = await fixture<DocumentInbox>(
      html`<mp-document-inbox lang="en" has-more .documents=${sampleDocuments()}></mp-document-inbox>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Certificate').and.contain('for request 2026-0179').and.contain('New');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!;
    expect(more.textContent.trim()).to.equal('Load more');
    setTimeout(() => more.click());
    await oneEvent(el, 'mp-load-more-request');
    await expect(el).to.be.accessible();
  });
});
