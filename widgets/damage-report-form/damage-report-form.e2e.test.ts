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

/** The case numbers of the next answer of "Bereits gemeldet?" (`GET /api/cases/open-damage-reports`) the page receives. */
function waitForOpenReports(): Promise<string[]> {
  const originalFetch = window.fetch;
  return new Promise((resolve) => {
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await originalFetch(...args);
      const url = typeof args[0] === 'string' ? args[0] : args[0] instanceof URL ? args[0].href : args[0].url;
      if (url.includes('/api/cases/open-damage-reports')) {
        window.fetch = originalFetch;
        const body = (await response.clone().json()) as { items: { caseNumber: string }[] };
        resolve(body.items.map((item) => item.caseNumber));
      }
      return response;
    };
  });
}

/** The damage report against the real BFF (started by web-test-runner.config.mjs), standalone on a page. */
describe('<damage-report-form> with the real BFF', () => {
  oneEndToEndFileAtATime();

  it('uploads a photo, names a file the BFF refuses, files the report with a receipt and is not offered it under "Bereits gemeldet?"', async function () {
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

    // The next report of the same category: "Bereits gemeldet?" never offers the resident their own report.
    const offered = waitForOpenReports();
    await press(el, 'Weiteres Anliegen melden');
    await fill(el, 'Schadensort', 'Wohnung');
    await fill(el, 'Schadenskategorie', 'Heizung und Warmwasser');
    expect(await offered).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deepText(el)).not.to.contain(caseNumber);
    await expect(el).to.be.accessible();
  });
});
