import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling } from '../testing/fake-case-filing.ts';
import type { Session } from '../internal/api-client.ts';
import type { CaseSubmittedEvent } from '../events/case-submitted.ts';
import type { CaseRequestForm } from './case-request-form.ts';
import './case-request-form.ts';

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

function setUp(options: ConstructorParameters<typeof FakeCaseFiling>[0] = {}, bffSession: Session = session) {
  const filing = new FakeCaseFiling(options);
  const bff = new FakeBff({ session: bffSession, routes: filing.routes });
  return { filing, bff, client: bff.client() };
}

const $ = <T extends Element = HTMLElement>(el: CaseRequestForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

async function ready(el: CaseRequestForm): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form shown');
  await el.updateComplete;
}

async function type(el: CaseRequestForm, name: string, value: string): Promise<void> {
  const field = $<HTMLTextAreaElement | HTMLInputElement>(el, `#${name}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function chooseType(el: CaseRequestForm, value: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name=type][value=${value}]`).click();
  await el.updateComplete;
}

function submit(el: CaseRequestForm): void {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
}

describe('<mp-case-request-form>', () => {
  it('asks a visitor who is not signed in to sign in first', async () => {
    const { client } = setUp({}, { state: 'anonymous' });
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=sign-in-hint]'));
    await expect(el).to.be.accessible();
  });

  it('files a contact request with the receipt and mp-case-submitted', async () => {
    const { client, bff } = setUp();
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await ready(el);
    expect([...el.shadowRoot!.querySelectorAll('[part=type] strong')].map((node) => node.textContent)).to.deep.equal([
      'Allgemeine Kontaktanfrage',
      'Meldung/Beschwerde',
      'Dokumentenanforderung',
    ]);
    await expect(el).to.be.accessible();
    await type(el, 'title', 'Frage zur Nebenkostenabrechnung');
    await type(el, 'description', 'Wann kommt die Abrechnung für 2025?');
    setTimeout(() => submit(el));
    const event = await oneEvent<CaseSubmittedEvent>(el, 'mp-case-submitted');
    expect(event.detail.case.type).to.equal('contact');
    expect(bff.requests.find((request) => request.path === '/api/cases')!.body).to.deep.equal({
      type: 'contact',
      title: 'Frage zur Nebenkostenabrechnung',
      description: 'Wann kommt die Abrechnung für 2025?',
    });
    await el.updateComplete;
    const receipt = $(el, '[part=receipt]');
    expect(receipt.textContent).to.contain(event.detail.case.caseNumber);
    expect(receipt.textContent).to.contain('Frage zur Nebenkostenabrechnung');
    expect(receipt.textContent).to.match(/\d{4} um \d{2}:\d{2} Uhr/);
    await expect(el).to.be.accessible();
  });

  it('files a complaint with its urgency, keeping the text when switching types', async () => {
    const { client, bff } = setUp();
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await ready(el);
    await type(el, 'title', 'Lärm nachts');
    await type(el, 'description', 'Seit Wochen laute Musik nach 22 Uhr im 3. OG.');
    await chooseType(el, 'document_request');
    await chooseType(el, 'complaint');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Lärm nachts');
    $<HTMLInputElement>(el, 'input[name=urgency][value=urgent]').click();
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'));
    expect(bff.requests.find((request) => request.path === '/api/cases')!.body).to.deep.include({ type: 'complaint', urgency: 'urgent' });
    expect($(el, '[part=receipt]').textContent).to.contain('Dringend');
  });

  it('files a document request with the document type from the catalogue', async () => {
    const { client, filing } = setUp();
    const el = await fixture<CaseRequestForm>(
      html`<mp-case-request-form case-type="document_request" .client=${client}></mp-case-request-form>`,
    );
    await ready(el);
    await waitUntil(() => el.shadowRoot!.querySelector('select#documentTypeId'));
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#documentTypeId-error').textContent).to.equal('Bitte wählen Sie ein Dokument aus.');
    const select = $<HTMLSelectElement>(el, 'select#documentTypeId');
    select.value = filing.catalogue.documentTypes[0].id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#documentTypeId-error')).to.be.null;
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'));
    expect($(el, '[part=receipt]').textContent).to.contain('Mieterbescheinigung');
    expect(filing.filed[0]).to.deep.include({ type: 'document_request' });
  });

  it('shows required-field errors and keeps everything typed when filing fails', async () => {
    const { client, filing } = setUp({ failing: ['file'] });
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await ready(el);
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#title-error').textContent).to.equal('Bitte geben Sie einen Betreff ein.');
    expect($(el, '#description-error').textContent).to.equal('Bitte beschreiben Sie Ihr Anliegen.');
    await expect(el).to.be.accessible();

    await type(el, 'title', 'Schlüssel verloren');
    await type(el, 'description', 'Ich brauche einen neuen Haustürschlüssel.');
    submit(el);
    await waitUntil(() => $(el, '#alert').textContent.includes('Der Dienst ist vorübergehend nicht verfügbar.'));
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Schlüssel verloren');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Ich brauche einen neuen Haustürschlüssel.');
    filing.failing.clear();
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'));
  });

  it('counts emoji and combined letters as one character each, with a polite counter from 80 % of the limit', async () => {
    const { client, bff } = setUp();
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await ready(el);
    const counter = () => el.shadowRoot!.querySelector('#title-counter')?.textContent?.trim();
    const announced = () => el.shadowRoot!.querySelector('[part=field] [role=status]')?.textContent?.trim() ?? '';
    // 159 of 200: no counter yet.
    await type(el, 'title', '🏠'.repeat(159));
    expect(counter()).to.equal(undefined);
    // 😀 is two UTF-16 units, "é" written as e + combining accent two code points: each one character.
    await type(el, 'title', `${'🏠'.repeat(150)}${'e\u0301'.repeat(10)}`);
    expect(counter()).to.equal('Noch 40 Zeichen');
    expect($(el, '#title').getAttribute('aria-describedby')).to.contain('title-counter');
    await waitUntil(() => announced() === 'Noch 40 Zeichen', 'announced once typing pauses');
    await type(el, 'title', '😀'.repeat(201));
    expect(counter()).to.equal('1 Zeichen zu viel');
    expect($(el, '#title-counter').hasAttribute('data-over')).to.equal(true);
    await type(el, 'description', 'Die Heizung 🔥 ist zu heiß.');
    submit(el);
    await el.updateComplete;
    expect($(el, '#title-error').textContent).to.equal('Bitte höchstens 200 Zeichen.');
    expect(bff.requests.some((request) => request.path === '/api/cases')).to.equal(false);
    // Exactly 200 emoji: what the BFF takes too (its zod schema counts the same way).
    await type(el, 'title', '😀'.repeat(200));
    expect(counter()).to.equal('Noch 0 Zeichen');
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'), 'filed');
    expect(bff.requests.find((request) => request.path === '/api/cases')!.body).to.deep.include({ title: '😀'.repeat(200) });
    await expect(el).to.be.accessible();
  });

  it('chooses the type with the keyboard', async () => {
    const { client } = setUp();
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form .client=${client}></mp-case-request-form>`);
    await ready(el);
    $<HTMLInputElement>(el, 'input[name=type][value=contact]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name=type][value=complaint]').checked).to.be.true;
    expect(el.shadowRoot!.querySelector('[part=urgency]')).to.not.be.null;
  });

  it('shows no type choice when the host fixed the type', async () => {
    const { client } = setUp();
    const el = await fixture<CaseRequestForm>(
      html`<mp-case-request-form fixed-type heading-level="3" case-type="complaint" .client=${client}></mp-case-request-form>`,
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part=type]')).to.be.null;
    expect($(el, '#heading').textContent).to.equal('Meldung/Beschwerde');
    expect($(el, '#heading').getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.querySelector('[part=urgency]')).to.not.be.null;
    await expect(el).to.be.accessible();
  });

  it('speaks English when lang="en"', async () => {
    const { client } = setUp();
    const el = await fixture<CaseRequestForm>(html`<mp-case-request-form lang="en" .client=${client}></mp-case-request-form>`);
    await ready(el);
    expect($(el, '#heading').textContent).to.equal('Send a request');
    expect(el.shadowRoot!.textContent).to.contain('General enquiry');
    expect($(el, 'mp-attachment-picker').shadowRoot!.textContent).to.contain('Photos and documents');
    await expect(el).to.be.accessible();
  });
});
