import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling, fakeContact, longFakeCatalogue, progressClient } from '../testing/fake-case-filing.ts';
import { sessionContext } from '../internal/session-context.ts';
import { ApiClient, type Session } from '../internal/api-client.ts';
import type { CaseSubmittedEvent } from '../events/case-submitted.ts';
import type { DamageReportForm } from './damage-report-form.ts';
import './damage-report-form.ts';

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

function setUp(options: ConstructorParameters<typeof FakeCaseFiling>[0] = {}, bffSession: Session = session) {
  const filing = new FakeCaseFiling(options);
  const bff = new FakeBff({ session: bffSession, routes: filing.routes });
  return { filing, bff, client: bff.client() };
}

async function ready(el: DamageReportForm): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form shown');
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: DamageReportForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: DamageReportForm) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

async function choose(el: DamageReportForm, name: string, label: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select#${name}`);
  const option = [...select.options].find((candidate) => candidate.textContent.trim() === label);
  if (!option) throw new Error(`No option ${label} in ${name}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function type(el: DamageReportForm, name: string, value: string): Promise<void> {
  const field = $<HTMLTextAreaElement | HTMLInputElement>(el, `#${name}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function fillValidReport(el: DamageReportForm): Promise<void> {
  await choose(el, 'damageLocationId', 'Wohnung');
  await choose(el, 'damageCategoryId', 'Sanitär');
  await choose(el, 'damageKindId', 'Wasserhahn tropft');
  await type(el, 'description', 'Der Wasserhahn in der Küche tropft seit Montag.');
  await type(el, 'residentAvailability', 'werktags ab 16 Uhr');
}

function submit(el: DamageReportForm): void {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
}

describe('<damage-report-form>', () => {
  it('asks a visitor who is not signed in to sign in first', async () => {
    const { client } = setUp({}, { state: 'anonymous' });
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=sign-in-hint]'));
    expect(text(el)).to.contain('Bitte melden Sie sich zuerst im Mieterportal an.');
    expect(el.shadowRoot!.querySelector('form')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('takes the session from the portal it sits in, without asking the BFF', async () => {
    const { client, bff } = setUp();
    // Not `fixture()`: it waits for an animation frame, which a background test page never gets.
    const parent = document.body.appendChild(document.createElement('div'));
    new ContextProvider(parent, { context: sessionContext, initialValue: session });
    const el = document.createElement('damage-report-form');
    el.client = client;
    parent.append(el);
    await ready(el);
    expect(bff.calls).to.not.include('GET /api/session');
    expect(bff.calls).to.include('GET /api/cases/catalogue');
    parent.remove();
  });

  it('shows a catalogue error with a retry that loads it', async () => {
    const { client, filing } = setUp({ failing: ['catalogue'] });
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=retry]'));
    expect($(el, '[role=alert]').textContent).to.contain('Die Auswahllisten konnten nicht geladen werden.');
    await expect(el).to.be.accessible();
    filing.failing.clear();
    $<HTMLButtonElement>(el, '[part=retry]').click();
    await ready(el);
  });

  it('offers Schadensort → Schadenskategorie → Schadensart from the catalogue, each resetting the next', async () => {
    const { client } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    const category = () => $<HTMLSelectElement>(el, 'select#damageCategoryId');
    const kind = () => $<HTMLSelectElement>(el, 'select#damageKindId');
    expect(category().disabled && kind().disabled).to.be.true;
    expect(category().options[0].textContent).to.contain('Zuerst den Schadensort wählen');

    await choose(el, 'damageLocationId', 'Wohnung');
    expect(category().disabled).to.be.false;
    expect([...category().options].map((option) => option.textContent.trim())).to.include.members(['Sanitär', 'Elektrik']);
    await choose(el, 'damageCategoryId', 'Sanitär');
    await choose(el, 'damageKindId', 'Abfluss verstopft');
    expect(kind().selectedOptions[0].textContent.trim()).to.equal('Abfluss verstopft');

    await choose(el, 'damageCategoryId', 'Elektrik');
    expect(kind().value).to.equal('');
    expect([...kind().options].map((option) => option.textContent.trim())).to.include('Stromausfall in der Wohnung');

    await choose(el, 'damageLocationId', 'Aufzug');
    expect(category().value).to.equal('');
    expect(kind().value).to.equal('');
    expect(kind().disabled).to.be.true;
    expect([...category().options].map((option) => option.textContent.trim())).to.deep.equal(['Bitte auswählen', 'Aufzug']);
    await expect(el).to.be.accessible();
  });

  it('shows required-field errors only after interaction, and all of them on submit', async () => {
    const { client, bff } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    expect(el.shadowRoot!.querySelectorAll('[part=field-error]')).to.have.length(0);

    // A blur event rather than focus(): a background test page does not get real focus events.
    $(el, '#description').dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect($(el, '#description-error').textContent).to.equal('Bitte beschreiben Sie Ihr Anliegen.');
    expect($(el, '#description').getAttribute('aria-describedby')).to.contain('description-error');
    expect(el.shadowRoot!.querySelectorAll('[part=field-error]')).to.have.length(1);

    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#alert').textContent).to.contain('Bitte korrigieren Sie die 4 markierten Angaben.');
    expect($(el, '#damageLocationId-error').textContent).to.equal('Bitte wählen Sie einen Schadensort aus.');
    expect($(el, '#damageKindId-error').textContent).to.equal('Bitte wählen Sie eine Schadensart aus.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('damageLocationId');
    expect(bff.calls).to.not.include('POST /api/cases');
    await expect(el).to.be.accessible();

    await type(el, 'description', 'Tropft.');
    expect(el.shadowRoot!.querySelector('#description-error')).to.be.null;
  });

  it('shows the emergency hint for "Notfall"', async () => {
    const { client } = setUp();
    const el = await fixture<DamageReportForm>(
      html`<damage-report-form .client=${client}><a slot="emergency-contact" href="tel:+494012345">Notdienst: 040 12345</a></damage-report-form>`,
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part=emergency-hint]')).to.be.null;
    $<HTMLInputElement>(el, 'input[value=emergency]').click();
    await el.updateComplete;
    expect($(el, '[part=emergency-hint]').textContent).to.contain('rufen Sie bitte zusätzlich sofort den Notdienst');
    expect($(el, '[part=urgency]').getAttribute('aria-describedby')).to.equal('emergency-hint');
    await expect(el).to.be.accessible();
  });

  it("shows the housing company's emergency numbers in the emergency hint as tel: links", async () => {
    const { client, bff } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    $<HTMLInputElement>(el, 'input[value=emergency]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=emergency-number]'), 'emergency numbers shown');
    expect(bff.calls).to.include('GET /api/tenants/wohnbau-nord/contact');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=emergency-number]')];
    expect(links.map((link) => [link.textContent.replace(/\s+/g, ' ').trim(), link.getAttribute('href')])).to.deep.equal([
      ['Notdienst Wasser, Heizung, Strom (rund um die Uhr): 040 123 456', 'tel:040123456'],
      ['Aufzug-Notruf: 040 123 457', 'tel:040123457'],
    ]);
    expect($(el, '[part=emergency-numbers]').getAttribute('aria-label')).to.equal('Notrufnummern Ihrer Hausverwaltung');
    await expect(el).to.be.accessible();
  });

  it('shows a visitor who is not signed in the emergency numbers of the company named by `tenant`', async () => {
    const { client, bff } = setUp(
      { contact: { ...fakeContact(), emergencyNumbers: [{ label: 'Notdienst', phone: '+49 89 765432' }] } },
      { state: 'anonymous' },
    );
    const el = await fixture<DamageReportForm>(html`<damage-report-form tenant="stadthaus-sued" .client=${client}></damage-report-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=emergency-number]'), 'emergency numbers shown');
    expect(bff.calls).to.include('GET /api/tenants/stadthaus-sued/contact');
    expect($(el, '[part=sign-in-hint]').textContent).to.contain('Bitte melden Sie sich zuerst im Mieterportal an.');
    expect($(el, '[part=emergency-hint]').textContent).to.contain('dafür brauchen Sie keine Anmeldung');
    expect($(el, '[part=emergency-number]').getAttribute('href')).to.equal('tel:+4989765432');
    expect(el.shadowRoot!.querySelector('form')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('still shows what to do in an emergency when the numbers cannot be loaded', async () => {
    const { client } = setUp({ failing: ['contact'] }, { state: 'anonymous' });
    const el = await fixture<DamageReportForm>(html`<damage-report-form tenant="wohnbau-nord" .client=${client}></damage-report-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=emergency-hint]'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($(el, '[part=emergency-hint]').textContent).to.contain('112');
    expect(el.shadowRoot!.querySelector('[part=emergency-number]')).to.be.null;
  });

  it('lists open reports of the category ("Bereits gemeldet?") and lets the resident join one', async () => {
    const { client, filing } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await choose(el, 'damageLocationId', 'Wohnung');
    await choose(el, 'damageCategoryId', 'Sanitär');
    await waitUntil(() => text(el).includes('Dazu ist in Ihrem Haus noch nichts gemeldet.'));

    await choose(el, 'damageCategoryId', 'Heizung und Warmwasser');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part=open-report]').length === 2, 'two open reports');
    expect(text(el)).to.contain('Bereits gemeldet?');
    const [first] = el.shadowRoot!.querySelectorAll('[part=open-report]');
    expect(first.textContent).to.contain('Kein Warmwasser');
    expect(first.textContent).to.contain('In Bearbeitung');
    expect(first.textContent).to.contain('2026-0171');
    await expect(el).to.be.accessible();

    const join = first.querySelector<HTMLButtonElement>('[part=join]')!;
    expect(join.getAttribute('aria-label')).to.equal('Ich bin auch betroffen: Kein Warmwasser, Vorgang 2026-0171');
    join.click();
    await waitUntil(() => first.querySelector('.joined'));
    expect(first.textContent).to.contain('Sie sind eingetragen');
    expect(filing.joined).to.deep.equal(['2026-0171']);
  });

  it('handles a join the BFF does not know (404) or already has (409)', async () => {
    const { client, filing } = setUp({ join: 'not_found' });
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await choose(el, 'damageLocationId', 'Wohnung');
    await choose(el, 'damageCategoryId', 'Heizung und Warmwasser');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part=join]').length === 2);
    const [first, second] = el.shadowRoot!.querySelectorAll('[part=open-report]');
    first.querySelector<HTMLButtonElement>('[part=join]')!.click();
    await waitUntil(() => first.querySelector('[role=alert]'));
    expect(first.textContent).to.contain('Das Anschließen ist gerade nicht möglich.');

    filing.join = 'already_joined';
    second.querySelector<HTMLButtonElement>('[part=join]')!.click();
    await waitUntil(() => second.querySelector('.joined'));
    expect(second.textContent).to.contain('Sie haben sich dieser Schadensmeldung bereits angeschlossen.');
  });

  it('files the report with its attachments, shows the receipt and fires mp-case-submitted', async () => {
    const { filing, bff } = setUp();
    const client = progressClient(bff, 300, 3);
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await fillValidReport(el);
    $<HTMLInputElement>(el, 'input[value=urgent]').click();
    $<HTMLInputElement>(el, 'input[name=accessConsent]').click();

    const picker = $<HTMLElementTagNameMap['mp-attachment-picker']>(el, 'mp-attachment-picker');
    picker.addFiles([new File([new Uint8Array(800)], 'tropfen.jpg', { type: 'image/jpeg' })]);
    await el.updateComplete;
    // While the photo uploads, the report waits for it.
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#attachmentIds-error').textContent).to.equal('Bitte warten Sie, bis alle Dateien hochgeladen sind.');
    expect(bff.calls).to.not.include('POST /api/cases');
    await waitUntil(() => picker.value.length === 1, 'uploaded', { timeout: 3000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#attachmentIds-error')).to.be.null;

    const attachmentIds = picker.value;
    setTimeout(() => submit(el));
    const event = await oneEvent<CaseSubmittedEvent>(el, 'mp-case-submitted');
    expect(event.detail.case.caseNumber).to.equal('2026-0182');
    const body = bff.requests.find((request) => request.method === 'POST' && request.path === '/api/cases')!.body!;
    expect(body).to.deep.include({
      type: 'damage',
      damageLocationId: filing.catalogue.damageLocations[0].id,
      urgency: 'urgent',
      description: 'Der Wasserhahn in der Küche tropft seit Montag.',
      residentAvailability: 'werktags ab 16 Uhr',
      accessConsent: true,
    });
    expect(body.attachmentIds).to.deep.equal(attachmentIds);
    expect(filing.uploads.size).to.equal(0);

    await el.updateComplete;
    const receipt = $(el, '[part=receipt]');
    expect($(el, '#heading').textContent).to.contain('Vielen Dank, Ihr Anliegen ist eingegangen');
    expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
    expect(receipt.textContent).to.contain('2026-0182');
    expect(receipt.textContent).to.contain('Eingegangen');
    expect(receipt.textContent).to.contain('Sanitär › Wasserhahn tropft');
    expect(receipt.textContent).to.contain('1 Datei');
    expect(receipt.textContent).to.match(/\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4} um \d{2}:\d{2} Uhr/);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=another]').click();
    await ready(el);
    // The next report starts at its first field, not at the heading.
    expect(el.shadowRoot!.activeElement?.id).to.equal('damageLocationId');
    expect($<HTMLSelectElement>(el, '#damageLocationId').value).to.equal('');
    expect($<HTMLSelectElement>(el, '#damageLocationId').disabled).to.be.false;
    expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.be.false;
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('');
  });

  it('keeps everything typed when filing fails, and shows the server’s field errors', async () => {
    const { client, filing } = setUp({ failing: ['file'] });
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await fillValidReport(el);
    const picker = $<HTMLElementTagNameMap['mp-attachment-picker']>(el, 'mp-attachment-picker');
    picker.addFiles([new File([new Uint8Array(800)], 'tropfen.jpg', { type: 'image/jpeg' })]);
    await waitUntil(() => picker.value.length === 1);

    submit(el);
    await waitUntil(() => $(el, '#alert').textContent.includes('Der Dienst ist vorübergehend nicht verfügbar.'));
    expect($<HTMLSelectElement>(el, '#damageKindId').selectedOptions[0].textContent.trim()).to.equal('Wasserhahn tropft');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Der Wasserhahn in der Küche tropft seit Montag.');
    expect($<HTMLInputElement>(el, '#residentAvailability').value).to.equal('werktags ab 16 Uhr');
    expect(picker.value).to.have.length(1);
    expect(el.shadowRoot!.activeElement?.id).to.equal('alert');

    filing.failing.clear();
    filing.validationErrors = [{ path: 'description', code: 'too_big', limit: 5000, origin: 'string', message: 'Zu lang.' }];
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#description-error'));
    expect($(el, '#description-error').textContent).to.equal('Bitte höchstens 5000 Zeichen.');
    expect($(el, '#alert').textContent).to.contain('Bitte korrigieren Sie die markierte Angabe.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('description');
    await expect(el).to.be.accessible();

    filing.validationErrors = undefined;
    await type(el, 'description', 'Der Wasserhahn tropft.');
    expect(el.shadowRoot!.querySelector('#description-error')).to.be.null;
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'));
    expect(filing.filed).to.have.length(1);
  });

  it('sends one Idempotency-Key per submit and the same key again when it repeats a filing whose answer got lost', async () => {
    const { filing, bff } = setUp();
    // The network drops the answer of the first filing after the BFF took it (the case exists), as on a
    // train going into a tunnel; every other request goes through.
    let dropAnswers = 1;
    const sent: { path: string; key: string | null }[] = [];
    const flakyFetch: typeof fetch = async (input, init) => {
      const answer = await bff.fetch(input, init);
      const path = new URL(input instanceof Request ? input.url : input, location.href).pathname;
      if (init?.method === 'POST' && path === '/api/cases') {
        sent.push({ path, key: new Headers(init.headers).get('idempotency-key') });
        if (dropAnswers-- > 0) throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    const client = new ApiClient('', flakyFetch, bff.live);
    client.retryDelaysMs = [20, 20];
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await fillValidReport(el);

    setTimeout(() => submit(el));
    const event = await oneEvent<CaseSubmittedEvent>(el, 'mp-case-submitted');
    expect(sent).to.have.length(2, 'the widget repeated the filing by itself');
    expect(sent[0].key).to.match(/^[0-9a-f]{32}$/);
    expect(sent[1].key).to.equal(sent[0].key, 'the repeat carries the same key');
    expect(filing.filed).to.have.length(1, 'one case, not two');
    expect(event.detail.case.caseNumber).to.equal(filing.filed[0].caseNumber);
    await el.updateComplete;
    expect($(el, '[part=receipt]').textContent).to.contain(filing.filed[0].caseNumber);

    // The next report is a new action: a new key.
    $<HTMLButtonElement>(el, '[part=another]').click();
    await ready(el);
    await fillValidReport(el);
    setTimeout(() => submit(el));
    await oneEvent<CaseSubmittedEvent>(el, 'mp-case-submitted');
    expect(sent).to.have.length(3);
    expect(sent[2].key).to.match(/^[0-9a-f]{32}$/);
    expect(sent[2].key).to.not.equal(sent[0].key);
    expect(filing.filed).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shows the network error in the page’s language when every repeat fails, and a new submit then uses a new key', async () => {
    const { filing, bff } = setUp();
    let offline = true;
    const keys: (string | null)[] = [];
    const offlineFetch: typeof fetch = async (input, init) => {
      const path = new URL(input instanceof Request ? input.url : input, location.href).pathname;
      if (init?.method === 'POST' && path === '/api/cases') {
        keys.push(new Headers(init.headers).get('idempotency-key'));
        if (offline) throw new TypeError('Failed to fetch');
      }
      return bff.fetch(input, init);
    };
    const client = new ApiClient('', offlineFetch, bff.live);
    client.retryDelaysMs = [10, 10];
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    await fillValidReport(el);
    submit(el);
    await waitUntil(() => $(el, '#alert').textContent.trim().length > 0, 'error shown');
    expect(keys).to.have.length(3, 'the first attempt and two repeats');
    expect(new Set(keys).size).to.equal(1, 'all with one key');
    expect(filing.filed).to.have.length(0);

    offline = false;
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'));
    expect(keys).to.have.length(4);
    expect(keys[3]).to.not.equal(keys[0], 'pressing "Senden" again is a new action');
    expect(filing.filed).to.have.length(1);
  });

  it('can be filled in with the keyboard', async () => {
    const { client, filing } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${client}></damage-report-form>`);
    await ready(el);
    $(el, '#damageLocationId').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#damageLocationId').value).to.equal(filing.catalogue.damageLocations[0].id);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('damageCategoryId');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('damageKindId');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    $(el, '#description').focus();
    await sendKeys({ type: 'Wasser tropft aus dem Hahn.' });
    $(el, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=receipt]'), 'filed by keyboard');
    expect(filing.filed[0].description).to.equal('Wasser tropft aus dem Hahn.');
  });

  it('fits a 320 px wide phone without sideways scrolling, long labels and file names included', async () => {
    const { client } = setUp({ catalogue: longFakeCatalogue(), failing: ['file'] });
    const wrapper = document.body.appendChild(document.createElement('div'));
    wrapper.style.width = '320px';
    const el = document.createElement('damage-report-form');
    el.client = client;
    wrapper.append(el);
    await ready(el);
    await type(el, 'description', 'Ein sehr langer Text '.repeat(40));
    await choose(el, 'damageLocationId', longFakeCatalogue().damageLocations[0].label);
    await choose(el, 'damageCategoryId', longFakeCatalogue().damageLocations[0].categories[0].label);
    await choose(el, 'damageKindId', longFakeCatalogue().damageLocations[0].categories[0].kinds[0].label);
    $<HTMLInputElement>(el, 'input[value=emergency]').click();
    const picker = $<HTMLElementTagNameMap['mp-attachment-picker']>(el, 'mp-attachment-picker');
    picker.addFiles([
      new File([new Uint8Array(10)], 'IMG_20261124_081512_Wasserschaden_Badezimmerdecke_ueber_Badewanne_Nahaufnahme.jpg', {
        type: 'image/jpeg',
      }),
    ]);
    await waitUntil(() => picker.value.length === 1);
    submit(el);
    await waitUntil(() => $(el, '#alert').textContent.trim());
    const fits = (node: Element) => node.scrollWidth <= node.clientWidth;
    expect(fits(el), 'form').to.be.true;
    expect(fits(picker), 'picker').to.be.true;
    wrapper.remove();
  });

  it('speaks English when lang="en"', async () => {
    const { client } = setUp();
    const el = await fixture<DamageReportForm>(html`<damage-report-form lang="en" .client=${client}></damage-report-form>`);
    await ready(el);
    expect($(el, '#heading').textContent).to.equal('Report damage');
    expect(text(el)).to.contain('Location');
    expect(text(el)).to.contain('Emergency');
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#alert').textContent).to.contain('Please correct the 4 marked fields.');
    expect($(el, '#damageLocationId-error').textContent).to.equal('Please choose a location.');
    await expect(el).to.be.accessible();
  });
});
