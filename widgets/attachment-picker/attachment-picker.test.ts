import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling, progressClient } from '../testing/fake-case-filing.ts';
import type { Session } from '../internal/api-client.ts';
import type { AttachmentPicker } from './attachment-picker.ts';
import './attachment-picker.ts';

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

function setUp(options: ConstructorParameters<typeof FakeCaseFiling>[0] = {}, duration = 0) {
  const filing = new FakeCaseFiling(options);
  const bff = new FakeBff({ session, routes: filing.routes });
  const client = duration ? progressClient(bff, duration, 4) : bff.client();
  return { filing, bff, client };
}

const photo = (name = 'wasserfleck.jpg', size = 2048, type = 'image/jpeg') => new File([new Uint8Array(size)], name, { type });

function choose(el: AttachmentPicker, files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#file-input')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const rows = (el: AttachmentPicker) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li.file')];

/** A real PNG, as a phone's photo would be (the thumbnail must show it, not just exist). */
async function pngPhoto(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 300;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a6ea5';
  context.fillRect(0, 0, 400, 300);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((png) => resolve(png!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

describe('<mp-attachment-picker>', () => {
  it('shows a chosen photo as a small thumbnail before it is uploaded, and gives its object URL back when it goes', async () => {
    const { client } = setUp({}, 400);
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker .client=${client}></mp-attachment-picker>`);
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    try {
      choose(el, [await pngPhoto('Schimmel Bad.png'), photo('Rechnung.pdf', 4096, 'application/pdf'), await pngPhoto('Flur.png')]);
      await el.updateComplete;
      expect(el.uploading, 'shown while still uploading').to.be.true;
      const thumbnails = () => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('img[part=thumbnail]')];
      expect(thumbnails().map((img) => img.alt)).to.deep.equal(['Foto Schimmel Bad.png', 'Foto Flur.png']);
      expect(rows(el)[1].querySelector('img'), 'no thumbnail for a PDF').to.equal(null);
      const [first, second] = thumbnails();
      expect(first.src).to.match(/^blob:/);
      await waitUntil(() => first.complete && first.naturalWidth === 400, 'the photo itself is shown');
      const box = first.getBoundingClientRect();
      expect([Math.round(box.width), Math.round(box.height)]).to.deep.equal([64, 64]);
      await expect(el).to.be.accessible();

      rows(el)[0].querySelector<HTMLButtonElement>('button.remove')!.click();
      await el.updateComplete;
      expect(revoked).to.deep.equal([first.src]);
      el.clear();
      expect(revoked).to.deep.equal([first.src, second.src]);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });

  it('states its limits up front and is accessible', async () => {
    const { client } = setUp();
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker .client=${client}></mp-attachment-picker>`);
    expect(el.shadowRoot!.textContent).to.contain('Bis zu 10 Dateien, je höchstens 10\u00A0MB, als JPEG, PNG, WebP oder PDF.');
    expect(el.shadowRoot!.querySelector('button#choose')!.textContent).to.contain('Dateien auswählen');
    expect(el.shadowRoot!.querySelector('input[type=file]')!.hasAttribute('multiple')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('uploads each chosen file at once with a labelled progress bar, and is invalid until all are done', async () => {
    const { client, filing } = setUp({}, 400);
    // Not `fixture()` for the form: it waits for an animation frame, which a background test page never gets.
    const form = document.body.appendChild(document.createElement('form'));
    const el = form.appendChild(document.createElement('mp-attachment-picker'));
    el.client = client;
    await el.updateComplete;
    choose(el, [photo('küche.jpg'), photo('bad.pdf', 4096, 'application/pdf')]);
    await el.updateComplete;

    expect(rows(el)).to.have.length(2);
    const bar = el.shadowRoot!.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).to.equal('Hochladen von küche.jpg');
    expect(el.uploading).to.be.true;
    expect(el.checkValidity()).to.be.false;
    expect(el.validationMessage).to.equal('Bitte warten Sie, bis alle Dateien hochgeladen sind.');
    expect(form.checkValidity()).to.be.false;

    await waitUntil(() => Number(el.shadowRoot!.querySelector('progress')?.getAttribute('value')) > 0, 'progress shown');
    expect(el.shadowRoot!.textContent).to.match(/Wird hochgeladen … \d+\u00A0%/);
    await expect(el).to.be.accessible();

    await waitUntil(() => !el.uploading, 'uploads done', { timeout: 3000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('progress')).to.have.length(0);
    expect(rows(el).every((row) => row.textContent.includes('Hochgeladen'))).to.be.true;
    expect(el.value).to.deep.equal([...filing.uploads.keys()]);
    expect(el.checkValidity()).to.be.true;
    expect(new FormData(form).getAll('attachmentIds')).to.deep.equal(el.value);
    form.remove();
  });

  it('names each rejected file with the server reason and keeps the others', async () => {
    const { client } = setUp({ rejectFileNames: { 'zu-viele.jpg': 429 } });
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker .client=${client}></mp-attachment-picker>`);
    choose(el, [photo('ok.png', 1000, 'image/png'), photo('notiz.txt', 100, 'text/plain'), photo('zu-viele.jpg')]);
    await waitUntil(() => !el.uploading);
    await el.updateComplete;
    const [ok, wrongType, tooMany] = rows(el);
    expect(ok.textContent).to.contain('Hochgeladen');
    expect(wrongType.querySelector('[part=file-error]')!.textContent).to.contain('Dieser Dateityp wird nicht unterstützt');
    expect(tooMany.querySelector('[part=file-error]')!.textContent).to.contain('Sie haben bereits 20 Dateien hochgeladen');
    expect(el.value).to.have.length(1);
    expect(el.checkValidity()).to.be.true;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('zu-viele.jpg wurde nicht hochgeladen');
    await expect(el).to.be.accessible();
  });

  it('rejects files over 10 MB and beyond the maximum count before uploading them', async () => {
    const { client, bff } = setUp();
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker max-files="2" .client=${client}></mp-attachment-picker>`);
    choose(el, [photo('gross.jpg', 10 * 1024 * 1024 + 1), photo('a.jpg'), photo('b.jpg'), photo('c.jpg')]);
    await waitUntil(() => !el.uploading);
    await el.updateComplete;
    const errors = rows(el).map((row) => row.querySelector('[part=file-error]')?.textContent ?? '');
    expect(errors[0]).to.contain('Die Datei ist größer als 10\u00A0MB.');
    expect(errors[3]).to.contain('Es sind höchstens 2 Dateien möglich.');
    expect(el.value).to.have.length(2);
    expect(bff.calls.filter((call) => call === 'POST /api/uploads')).to.have.length(2);
  });

  it('takes dropped files', async () => {
    const { client } = setUp();
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker .client=${client}></mp-attachment-picker>`);
    const transfer = new DataTransfer();
    transfer.items.add(photo('riss.webp', 500, 'image/webp'));
    const dropzone = el.shadowRoot!.querySelector('[part=dropzone]')!;
    dropzone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(dropzone.classList.contains('dragging')).to.be.true;
    setTimeout(() => dropzone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })));
    await oneEvent(el, 'change');
    await waitUntil(() => el.value.length === 1);
    expect(dropzone.classList.contains('dragging')).to.be.false;
  });

  it('removes an uploaded file (DELETE) and cancels a running upload, by keyboard', async () => {
    const { client, bff, filing } = setUp({}, 300);
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker .client=${client}></mp-attachment-picker>`);
    choose(el, [photo('erstes.jpg')]);
    await waitUntil(() => el.value.length === 1, 'first uploaded', { timeout: 3000 });
    choose(el, [photo('zweites.jpg')]);
    await el.updateComplete;

    const cancel = rows(el)[1].querySelector<HTMLButtonElement>('button')!;
    expect(cancel.getAttribute('aria-label')).to.equal('Hochladen von zweites.jpg abbrechen');
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    expect(el.uploading).to.be.false;

    const remove = rows(el)[0].querySelector<HTMLButtonElement>('button')!;
    expect(remove.getAttribute('aria-label')).to.equal('erstes.jpg entfernen');
    remove.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(rows(el)).to.have.length(0);
    expect(el.value).to.deep.equal([]);
    await waitUntil(() => bff.calls.some((call) => call.startsWith('DELETE /api/uploads/')));
    expect(filing.deletedUploads).to.have.length(1);
    // Focus does not fall to the page when the pressed button disappears.
    expect(el.shadowRoot!.activeElement?.id).to.equal('choose');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(filing.uploads.size).to.equal(0);
  });

  it('speaks English when lang="en", refusals of the BFF included', async () => {
    const { client } = setUp();
    const el = await fixture<AttachmentPicker>(html`<mp-attachment-picker lang="en" .client=${client}></mp-attachment-picker>`);
    choose(el, [photo('kitchen.jpg'), photo('notes.txt', 10, 'text/plain')]);
    await waitUntil(() => !el.uploading);
    await el.updateComplete;
    expect(rows(el)[1].querySelector('[part=file-error]')!.textContent).to.contain('This file type is not supported.');
    expect(el.shadowRoot!.textContent).to.contain('Photos and documents');
    expect(el.shadowRoot!.textContent).to.contain('Up to 10 files of at most 10\u00A0MB each');
    expect(rows(el)[0].textContent).to.contain('Uploaded');
    expect(rows(el)[0].querySelector('button')!.getAttribute('aria-label')).to.equal('Remove kitchen.jpg');
    await expect(el).to.be.accessible();
  });
});
