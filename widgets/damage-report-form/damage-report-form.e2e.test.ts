import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../internal/api-client.ts';
import {
  chooseFiles,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  oneEndToEndFileAtATime,
  press,
  signIn,
  testPhoto,
  waitFor,
  waitForText,
} from '../testing/e2e-session.ts';
import type { DamageReportForm } from './damage-report-form.ts';
import './damage-report-form.ts';

/** The damage report against the real BFF (started by web-test-runner.config.mjs), standalone on a page. */
describe('<damage-report-form> with the real BFF', () => {
  oneEndToEndFileAtATime();

  it('uploads a photo, names a file the BFF refuses, files the report with a receipt and finds it under "Bereits gemeldet?"', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany();
    await signIn('', company, company.resident, 'resident');
    const el = await fixture<DamageReportForm>(html`<damage-report-form .client=${new ApiClient('')}></damage-report-form>`);

    await fill(el, 'Schadensort', 'Wohnung');
    await fill(el, 'Schadenskategorie', 'Heizung und Warmwasser');
    await fill(el, 'Schadensart', 'Kein Warmwasser');
    await fill(el, 'Beschreibung', 'Seit gestern Abend kommt aus keinem Hahn mehr warmes Wasser.');
    const input = await waitFor(
      () => deepQueryAll<HTMLInputElement>(el, 'mp-attachment-picker')[0]?.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]'),
      'no picker',
    );
    chooseFiles(input, [await testPhoto('bad.jpg', '#2a6f97'), new File(['keine Bilddatei'], 'notiz.jpg', { type: 'image/jpeg' })]);
    await waitForText(el, 'Hochgeladen', 20_000);
    await waitForText(el, 'Dieser Dateityp wird nicht unterstützt', 20_000);

    await press(el, 'Schaden melden');
    await waitForText(el, 'Vielen Dank, Ihr Anliegen ist eingegangen', 20_000);
    const receipt = deepText(el.shadowRoot!.querySelector('[part=receipt]')!);
    const caseNumber = /Vorgangsnummer\s*(\d{4}-\d{4,})/.exec(receipt)?.[1];
    expect(caseNumber, receipt).to.be.a('string');
    expect(receipt).to.match(/\d{4} um \d{2}:\d{2} Uhr/);
    expect(receipt).to.contain('1 Datei');
    await expect(el).to.be.accessible();

    // The next report of the same category finds the open one; it is the resident's own, which the BFF says.
    await press(el, 'Weiteres Anliegen melden');
    await fill(el, 'Schadensort', 'Wohnung');
    await fill(el, 'Schadenskategorie', 'Heizung und Warmwasser');
    await waitForText(el, caseNumber!);
    await press(el, `Ich bin auch betroffen: Kein Warmwasser, Vorgang ${caseNumber}`);
    await waitForText(el, 'selbst erstellt');
    await expect(el).to.be.accessible();
  });
});
