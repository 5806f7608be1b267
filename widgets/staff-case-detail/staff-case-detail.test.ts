import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CertificatePreview, StaffCaseDetail, TenantCertificateSummary } from '../internal/staff-cases-api.ts';
import { expectFocus } from '../testing/e2e-session.ts';
import { FakeStaffCases, fakeClerks } from '../testing/fake-staff-cases.ts';
import type { StaffCaseDetailView } from './staff-case-detail.ts';
import './staff-case-detail.ts';

/** A tiny PNG standing in for the BFF's thumbnail (no request leaves the test page). */
const photoDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const fake = new FakeStaffCases();
const detailOf = (find: (detail: StaffCaseDetail) => boolean): StaffCaseDetail => [...fake.store.values()].find(find)!;
const damage = detailOf(({ case: item }) => item.type === 'damage' && item.status === 'in_bearbeitung');
const certificate = detailOf(({ case: item }) => item.documentType?.label === 'Mieterbescheinigung' && item.status === 'eingegangen');

async function detailView(detail: StaffCaseDetail | undefined = damage, lang = 'de') {
  return fixture<StaffCaseDetailView>(html`<mp-staff-case-detail
    lang=${lang}
    .detail=${detail}
    .clerks=${fakeClerks}
    .attachmentUrl=${(caseId: string, attachmentId: string) => `/api/staff/cases/${caseId}/attachments/${attachmentId}`}
    .thumbnailUrl=${(caseId: string, attachmentId: string) => `${photoDataUrl}#${caseId}/${attachmentId}`}
  ></mp-staff-case-detail>`);
}

/** The board's preview of the certificate request (a blob: PDF, as the board makes it from the BFF's answer). */
function preview(certificate_: Partial<TenantCertificateSummary> = {}, caseId = certificate.case.id): CertificatePreview {
  return {
    caseId,
    digest: 'a1'.repeat(32),
    certificate: {
      residentName: 'Erika Mustermann',
      unitLabel: 'EG links',
      address: 'Lindenstraße 12, 24103 Kiel',
      tenancyStart: '2019-04-01',
      companyName: 'Wohnbau Nord eG',
      caseNumber: certificate.case.caseNumber,
      issuedOn: '2026-11-28',
      ...certificate_,
    },
    fileName: `Mieterbescheinigung-${certificate.case.caseNumber}.pdf`,
    pdfUrl: URL.createObjectURL(new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' })),
  };
}

const root = (el: StaffCaseDetailView) => el.shadowRoot!;
const text = (el: StaffCaseDetailView) => root(el).textContent.replace(/\s+/g, ' ');
const form = (el: StaffCaseDetailView, heading: string) => root(el).querySelector<HTMLFormElement>(`form[aria-labelledby="${heading}"]`)!;

/** Fills a form's fields and presses its submit button. */
function submit(el: StaffCaseDetailView, heading: string, values: Record<string, string>): void {
  const target = form(el, heading);
  for (const [name, value] of Object.entries(values)) target.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
  target.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

describe('<mp-staff-case-detail>', function () {
  // The first test also runs the first accessibility check of the page: slow on a busy machine.
  this.timeout(15_000);

  it('shows the facts, attachments and the activity log of a case, with the forms to work on it', async () => {
    const el = await detailView();
    const item = damage.case;
    expect(root(el).querySelector('[part="heading"]')!.textContent).to.equal(`Vorgang ${item.caseNumber}: ${item.title}`);
    expect(text(el)).to.contain(`Schadensort${item.damage!.location.label}`).and.contain(item.resident!.name!);
    const link = root(el).querySelector<HTMLAnchorElement>('.attachments a')!;
    expect(link.getAttribute('href')).to.equal(`/api/staff/cases/${item.id}/attachments/${damage.attachments[0].id}`);
    // Photos small, from the BFF's authorised route, loaded when scrolled to; a PDF without one.
    const photos = damage.attachments.filter((attachment) => attachment.contentType.startsWith('image/'));
    const thumbnails = [...root(el).querySelectorAll<HTMLImageElement>('.attachments img[part=thumbnail]')];
    expect(photos.length).to.be.greaterThan(0);
    expect(thumbnails.map((img) => [img.getAttribute('src'), img.alt, img.loading, img.width, img.height])).to.deep.equal(
      photos.map((photo) => [`${photoDataUrl}#${item.id}/${photo.id}`, `Foto ${photo.fileName}`, 'lazy', 160, 120]),
    );
    expect(root(el).querySelectorAll('.attachments li').length).to.be.greaterThan(thumbnails.length);
    expect(root(el).querySelectorAll('.timeline .entry').length).to.be.greaterThan(2);
    expect([...root(el).querySelectorAll('form')].map((node) => node.getAttribute('aria-labelledby'))).to.deep.equal([
      'status-heading',
      'assign-heading',
      'message-heading',
      'document-heading',
    ]);
    expect(Boolean(root(el).querySelector('button.certificate'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('prints the case: "Drucken" opens the print dialog, and on paper the forms and buttons are gone', async () => {
    const el = await detailView();
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      const button = root(el).querySelector<HTMLButtonElement>('button.print')!;
      expect(button.textContent.trim()).to.equal('Drucken');
      expect(button.getAttribute('aria-label')).to.equal(`Vorgang ${damage.case.caseNumber} drucken`);
      button.click();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
      expect(printed).to.equal(1);
      expect(root(el).querySelector('.printed-at')!.textContent).to.match(/^Ausdruck vom \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
      const shown = (selector: string) => getComputedStyle(root(el).querySelector(selector)!).display !== 'none';
      expect(shown('.actions')).to.be.true;
      expect(shown('.printed-at')).to.be.false;
      await emulateMedia({ media: 'print' });
      expect(shown('.actions'), 'the forms are not printed').to.be.false;
      expect(shown('button.print'), 'nor the buttons').to.be.false;
      expect(shown('.timeline'), 'the activity log is').to.be.true;
      expect(shown('.printed-at'), 'with the time it was printed').to.be.true;
    } finally {
      await emulateMedia({ media: 'screen' });
      window.print = original;
    }
  });

  it('heads the view with the listed case while its detail loads, and offers a retry when it failed', async () => {
    const el = await fixture<StaffCaseDetailView>(html`<mp-staff-case-detail .summary=${damage.case}></mp-staff-case-detail>`);
    expect(root(el).querySelector('[part="heading"]')!.textContent).to.contain(damage.case.caseNumber);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Wird geladen');
    el.loadError = 'Der Dienst ist gerade nicht erreichbar.';
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal(
      'Der Vorgang konnte nicht geladen werden. Der Dienst ist gerade nicht erreichbar.',
    );
    await expect(el).to.be.accessible();
    const retry = [...root(el).querySelectorAll('button')].find((button) => button.textContent.includes('Erneut versuchen'))!;
    setTimeout(() => retry.click());
    const { detail } = await oneEvent(el, 'mp-case-open-request');
    expect(detail).to.deep.equal({ caseId: damage.case.id });
  });

  it('asks to change the status with the public message, offering only the allowed changes', async () => {
    const el = await detailView();
    const options = [...form(el, 'status-heading').querySelectorAll('option')].map((option) => option.value).filter(Boolean);
    expect(options).to.deep.equal(['beauftragt', 'erledigt', 'abgelehnt']);
    setTimeout(() => submit(el, 'status-heading', { status: 'beauftragt', message: 'Die Firma kommt am Dienstag.' }));
    const event = await oneEvent(el, 'mp-case-status-change-request');
    expect(event.detail).to.deep.equal({ caseId: damage.case.id, status: 'beauftragt', message: 'Die Firma kommt am Dienstag.' });
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('empties the form that asked once the board reports success, and keeps it on failure', async () => {
    const el = await detailView();
    setTimeout(() => submit(el, 'message-heading', { body: 'Wir kümmern uns.' }));
    await oneEvent(el, 'mp-case-reply-request');
    el.busy = 'message';
    await el.updateComplete;
    const enabled = [...root(el).querySelectorAll<HTMLButtonElement>('button')].filter(
      (button) => !button.disabled && !button.classList.contains('back') && !button.classList.contains('print'),
    );
    expect(
      enabled.map((button) => button.textContent.trim()),
      'only going back and printing stay enabled while busy',
    ).to.deep.equal([]);
    el.busy = undefined;
    el.actionError = 'Das hat leider nicht geklappt.';
    await el.updateComplete;
    expect(form(el, 'message-heading').querySelector('textarea')!.value).to.equal('Wir kümmern uns.');

    setTimeout(() => submit(el, 'message-heading', { body: 'Wir kümmern uns.' }));
    await oneEvent(el, 'mp-case-reply-request');
    el.busy = 'message';
    el.actionError = undefined;
    await el.updateComplete;
    el.busy = undefined;
    el.notice = 'Antwort an den Mieter gesendet.';
    await el.updateComplete;
    expect(form(el, 'message-heading').querySelector('textarea')!.value).to.equal('');
    expect(root(el).querySelector('[part="notice"]')!.textContent).to.equal('Antwort an den Mieter gesendet.');
  });

  it('asks for an internal note when "Interne Notiz" is chosen, and assigns to a clerk or nobody', async () => {
    const el = await detailView();
    form(el, 'message-heading').querySelector<HTMLInputElement>('input[value="note"]')!.click();
    await el.updateComplete;
    expect(form(el, 'message-heading').querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Notiz speichern');
    setTimeout(() => submit(el, 'message-heading', { body: 'Nur intern.' }));
    expect((await oneEvent(el, 'mp-case-note-request')).detail).to.deep.equal({ caseId: damage.case.id, body: 'Nur intern.' });

    setTimeout(() => submit(el, 'assign-heading', { assignee: fakeClerks[1].id }));
    expect((await oneEvent(el, 'mp-case-assign-request')).detail).to.deep.equal({ caseId: damage.case.id, assigneeId: fakeClerks[1].id });
    setTimeout(() => submit(el, 'assign-heading', { assignee: '' }));
    expect((await oneEvent(el, 'mp-case-assign-request')).detail).to.deep.equal({ caseId: damage.case.id, assigneeId: null });
  });

  it('asks to publish the chosen file as a document', async () => {
    const el = await detailView();
    const input = form(el, 'document-heading').querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'termin.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    setTimeout(() => submit(el, 'document-heading', { title: 'Terminbestätigung', category: 'letter' }));
    const { detail } = await oneEvent(el, 'mp-case-document-publish-request');
    expect(detail).to.include({ caseId: damage.case.id, title: 'Terminbestätigung', category: 'letter' });
    expect(detail.file.name).to.equal('termin.pdf');
    el.busy = 'document';
    el.uploadProgress = 0.5;
    await el.updateComplete;
    expect(root(el).querySelector('progress')!.value).to.equal(0.5);
    await expect(el).to.be.accessible();
  });

  it('offers to check the Mieterbescheinigung on its document request: the button asks for its preview, nothing is released', async () => {
    const el = await detailView(certificate);
    const button = root(el).querySelector<HTMLButtonElement>('button.certificate')!;
    expect(button.textContent.trim()).to.equal('Bescheinigung prüfen und freigeben');
    const released: Event[] = [];
    el.addEventListener('mp-case-certificate-request', (event) => released.push(event));
    setTimeout(() => button.click());
    expect((await oneEvent(el, 'mp-case-certificate-preview-request')).detail).to.deep.equal({ caseId: certificate.case.id });
    expect(released.length).to.equal(0);
    el.busy = 'certificate';
    await el.updateComplete;
    expect(button.textContent.trim()).to.equal('Vorschau wird erstellt …');
    expect(button.disabled).to.be.true;
  });

  it('shows the preview — what the certificate states and the PDF — and releases it only with "Bescheinigung freigeben"', async () => {
    const el = await detailView(certificate);
    el.certificatePreview = preview();
    await el.updateComplete;
    const section = root(el).querySelector<HTMLElement>('[part="certificate-preview"]')!;
    await expectFocus(root(el), root(el).querySelector('#certificate-preview-heading'), 'the preview takes the focus');
    const facts = [...section.querySelectorAll('dl .row')].map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector('dd')!.textContent,
    ]);
    expect(facts).to.deep.equal([
      ['Name', 'Erika Mustermann'],
      ['Wohnung', 'EG links'],
      ['Anschrift', 'Lindenstraße 12, 24103 Kiel'],
      ['Mietbeginn', '01.04.2019'],
      ['Datum der Bescheinigung', '28.11.2026'],
      ['Vorgangsnummer', certificate.case.caseNumber],
      ['Vermieterin', 'Wohnbau Nord eG'],
    ]);
    const frame = section.querySelector<HTMLIFrameElement>('iframe[part="certificate-pdf"]')!;
    expect(frame.src).to.equal(el.certificatePreview.pdfUrl);
    expect(frame.title).to.equal(`PDF-Vorschau Mieterbescheinigung-${certificate.case.caseNumber}.pdf`);
    const link = [...section.querySelectorAll('a')].find((a) => a.textContent === 'PDF in neuem Tab öffnen')!;
    expect([link.getAttribute('href'), link.target, link.rel]).to.deep.equal([el.certificatePreview.pdfUrl, '_blank', 'noopener']);
    expect(Boolean(root(el).querySelector('button.certificate'))).to.equal(false, 'the preview replaces the button');
    await expect(el).to.be.accessible();

    const release = section.querySelector<HTMLButtonElement>('button.release')!;
    expect(release.textContent.trim()).to.equal('Bescheinigung freigeben');
    setTimeout(() => release.click());
    expect((await oneEvent(el, 'mp-case-certificate-request')).detail).to.deep.equal({
      caseId: certificate.case.id,
      digest: 'a1'.repeat(32),
    });
    el.busy = 'certificate';
    await el.updateComplete;
    expect(release.textContent.trim()).to.equal('Wird freigegeben …');
    expect([release.disabled, section.querySelector<HTMLButtonElement>('button.cancel')!.disabled]).to.deep.equal([true, true]);
  });

  it('"Abbrechen" and Escape leave the preview without releasing; the case stays open and the button gets the focus back', async () => {
    const el = await detailView(certificate);
    el.certificatePreview = preview({ tenancyStart: null });
    await el.updateComplete;
    expect(text(el)).to.contain('Mietbeginnlaut Mietvertrag (nicht hinterlegt)');
    const closed: Event[] = [];
    el.addEventListener('mp-case-close-request', (event) => closed.push(event));
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('button.cancel')!.click());
    expect((await oneEvent(el, 'mp-case-certificate-preview-cancel')).detail).to.deep.equal({ caseId: certificate.case.id });
    root(el).querySelector<HTMLButtonElement>('button.release')!.focus();
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'mp-case-certificate-preview-cancel');
    expect(closed.length).to.equal(0, 'Escape in the preview does not close the case');
    el.certificatePreview = undefined;
    await el.updateComplete;
    await expectFocus(root(el), root(el).querySelector('button.certificate'), 'the button that opened the preview');
  });

  it('shows a refusal of the release inside the preview, where the clerk looks', async () => {
    const el = await detailView(certificate);
    el.certificatePreview = preview();
    el.actionError = 'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.';
    await el.updateComplete;
    const alerts = [...root(el).querySelectorAll('[role="alert"]')].map((node) => node.textContent.trim());
    expect(alerts).to.deep.equal(['', el.actionError]);
    expect(root(el).querySelector('[part="certificate-preview"] [role="alert"]')!.textContent).to.equal(el.actionError);
    // A preview of another case is not shown here.
    el.certificatePreview = preview({}, 'f0000000-0000-4000-8000-000000000000');
    await el.updateComplete;
    expect(Boolean(root(el).querySelector('[part="certificate-preview"]'))).to.equal(false);
    expect(root(el).querySelector('.actions > .feedback [role="alert"]')!.textContent).to.equal(el.actionError);
  });

  it('speaks English in the preview with lang="en"', async () => {
    const el = await detailView(certificate, 'en');
    el.certificatePreview = preview();
    await el.updateComplete;
    expect(text(el))
      .to.contain('Preview of the tenancy certificate')
      .and.contain('Start of tenancy1 Apr 2019')
      .and.contain('Release certificate');
    await expect(el).to.be.accessible();
  });

  it('asks to close with "Zurück zur Liste" and with Escape', async () => {
    const el = await detailView();
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('.back')!.click());
    expect((await oneEvent(el, 'mp-case-close-request')).detail).to.deep.equal({ caseId: damage.case.id });
    el.focusHeading();
    expect(root(el).activeElement?.id).to.equal('detail-heading');
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'mp-case-close-request');
  });

  it('speaks English with lang="en"', async () => {
    const el = await detailView(damage, 'en');
    expect(text(el)).to.contain(`Case ${damage.case.caseNumber}`).and.contain('Change status').and.contain('Back to the list');
    await expect(el).to.be.accessible();
  });
  it('a damage case has a work-order slot and names contractor orders in the log', async () => {
    const withOrders: StaffCaseDetail = {
      ...damage,
      events: [
        ...damage.events,
        {
          id: 'e0000000-0000-4000-8000-000000000a01',
          kind: 'work_order',
          public: false,
          actor: 'staff',
          actorName: 'Clara Sachbearbeiterin',
          data: { action: 'ordered', contractor: 'Rohr & Co. GmbH' },
          createdAt: '2030-04-02T09:30:00.000Z',
        },
        {
          id: 'e0000000-0000-4000-8000-000000000a02',
          kind: 'work_order',
          public: true,
          actor: 'system',
          actorName: null,
          data: { action: 'done', contractor: 'Rohr & Co. GmbH' },
          createdAt: '2030-04-03T09:30:00.000Z',
        },
      ],
    };
    const el = await detailView(withOrders);
    expect(root(el).querySelector('slot[name="work-order"]')).to.not.equal(null);
    expect(text(el)).to.contain('Beauftragt: Rohr & Co. GmbH').and.contain('Rohr & Co. GmbH hat die Arbeit als erledigt gemeldet');
    const other = await detailView(certificate);
    expect(Boolean(root(other).querySelector('slot[name="work-order"]'))).to.equal(false);
  });
});
