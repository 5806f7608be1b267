import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { emptyCaseReport, fakeCaseReport, FakeReports, type FakeReportsOptions } from '../testing/fake-reports.ts';
import { deepText, press, expectFocus } from '../testing/e2e-session.ts';
import { csvCell, toCsv } from './csv.ts';
import type { CaseReportsElement } from './case-reports.ts';
import './case-reports.ts';

async function open(options: FakeReportsOptions = {}, lang = 'de') {
  const fake = new FakeReports(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<CaseReportsElement>(html`<case-reports lang=${lang} .client=${bff.client()}></case-reports>`);
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el).replace(/\s+/g, ' ');
const shows = (el: Element, what: string, timeout = 3000) => waitUntil(() => text(el).includes(what), `shows “${what}”`, { timeout });
const $ = <T extends Element>(el: CaseReportsElement, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
/** A table's rows as their cells' text. */
const rows = (el: CaseReportsElement, id: string) =>
  [...el.shadowRoot!.querySelectorAll(`table#${id} tbody tr`)].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => deepText(cell).trim()),
  );

async function setPeriod(el: CaseReportsElement, from: string, to: string, interval?: 'week' | 'month') {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const input = $<HTMLInputElement>(el, `#period-${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  if (interval) {
    const select = $<HTMLSelectElement>(el, '#period-interval');
    select.value = interval;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

describe('<case-reports>', () => {
  it('shows the four reports with charts and their figures as tables, for the last 13 weeks at first', async () => {
    const { el, fake } = await open();
    await shows(el, 'Im Zeitraum sind 95 Vorgänge eingegangen.');
    expect(fake.queries[0].toString()).to.equal('interval=week');
    expect($<HTMLInputElement>(el, '#period-from').value).to.equal('2026-01-05');
    expect($<HTMLInputElement>(el, '#period-to').value).to.equal('2026-03-01');
    expect(text(el)).to.contain('71 Vorgänge im Zeitraum erledigt: Median 2,2 Tage, 90 % innerhalb von 9,8 Tage');
    expect(text(el)).to.contain('82 % der im Zeitraum abgeschlossenen Vorgänge fristgerecht (64 von 78');
    expect(text(el)).to.contain('Heute 37 offene Vorgänge, davon 9 überfällig.');

    expect(rows(el, 'intake-type')[2]).to.deep.equal(['Schadensmeldung', '5', '7', '6', '6', '8', '5', '6', '5', '48']);
    expect(rows(el, 'intake-building')[0]).to.deep.equal(['Lindenstraße 12, 24103 Kiel', '5', '8', '7', '6', '9', '5', '7', '5', '52']);
    expect(rows(el, 'intake-clerk')[2][0]).to.equal('Nicht zugewiesen');
    expect(rows(el, 'processing-period')[0]).to.deep.equal(['Woche ab 05.01.2026', '6', '40 Std.', '7,5 Tage']);
    expect(rows(el, 'deadlines-type')[1]).to.deep.equal(['Meldung/Beschwerde', '11', '8', '73 %']);
    expect(rows(el, 'backlog-age')).to.deep.equal([
      ['unter 7 Tagen', '14', '1'],
      ['7–13 Tage', '9', '2'],
      ['14–29 Tage', '8', '3'],
      ['30–89 Tage', '5', '2'],
      ['90 Tage und älter', '1', '1'],
    ]);

    // Each chart is one image with a name that says what it shows and where its figures are.
    const charts = [...el.shadowRoot!.querySelectorAll('svg.chart')];
    expect(charts).to.have.length(4);
    for (const chart of charts) {
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.match(/^Diagramm: .+ Die Zahlen stehen in der Tabelle darunter\.$/);
    }
    expect(charts[0].getAttribute('aria-label')).to.contain('Eingegangene Vorgänge je Woche. Werte von 9 bis 16.');
    expect(charts[0].querySelectorAll('circle')).to.have.length(8);
    expect(charts[1].querySelectorAll('path.line')).to.have.length(2, 'median and 90th percentile');
    expect(charts[3].querySelectorAll('rect.bar')).to.have.length(5, 'one bar per age group');
    await expect(el).to.be.accessible();
  });

  it('loads another period by months, keeping the figures on screen while busy', async () => {
    const { el, fake } = await open({ latency: 150 });
    await shows(el, 'Im Zeitraum sind 95 Vorgänge eingegangen.');
    await setPeriod(el, '2026-01-01', '2026-02-28', 'month');
    await press(el, 'Anzeigen');
    await el.updateComplete;
    expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('95 Vorgänge eingegangen');
    await waitUntil(() => rows(el, 'intake-total')[0]?.length === 4, 'two months and the total');
    expect(fake.queries.at(-1)!.toString()).to.equal('from=2026-01-01&to=2026-02-28&interval=month');
    expect(rows(el, 'intake-total')[0]).to.deep.equal(['Alle Vorgänge', '46', '49', '95']);
    expect(rows(el, 'processing-period').map((row) => row[0])).to.deep.equal(['Januar 2026', 'Februar 2026']);
    expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
  });

  it('checks the period before asking: the end before the start, more than two years, a missing date', async () => {
    const { el, fake } = await open();
    await shows(el, '95 Vorgänge eingegangen');
    const asked = fake.queries.length;
    await setPeriod(el, '2026-03-01', '2026-02-01');
    await press(el, 'Anzeigen');
    await shows(el, 'Das Enddatum darf nicht vor dem Startdatum liegen.');
    const to = $<HTMLInputElement>(el, '#period-to');
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(to.getAttribute('aria-describedby')!)!.textContent).to.contain('Enddatum');
    await expectFocus(el.shadowRoot!, to, 'focus on the wrong field');

    await setPeriod(el, '2023-01-01', '2026-02-01');
    await press(el, 'Anzeigen');
    await shows(el, 'Bitte wählen Sie einen Zeitraum von höchstens zwei Jahren.');
    await setPeriod(el, '', '2026-02-01');
    await press(el, 'Anzeigen');
    await shows(el, 'Bitte geben Sie ein Datum an.');
    expect(fake.queries.length, 'nothing asked for a wrong period').to.equal(asked);
    await expect(el).to.be.accessible();
  });

  it('shows the BFF’s refusal of a period at its field', async () => {
    const { el } = await open();
    await shows(el, '95 Vorgänge eingegangen');
    // The date field takes the year 1999; the BFF reports on 2000 to 2099 only.
    await setPeriod(el, '1999-12-01', '2000-01-10');
    await press(el, 'Anzeigen');
    await shows(el, 'Dieses Datum gibt es nicht');
    expect($<HTMLInputElement>(el, '#period-from').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el), 'the figures stay').to.contain('95 Vorgänge eingegangen');
  });

  it('says so per report when there is nothing to count', async () => {
    const { el } = await open({ report: emptyCaseReport() });
    await shows(el, 'Im Zeitraum ist kein Vorgang eingegangen.');
    expect(text(el)).to.contain('Im Zeitraum wurde kein Vorgang erledigt.');
    expect(text(el)).to.contain('Im Zeitraum wurde kein Vorgang abgeschlossen.');
    expect(text(el)).to.contain('Heute ist kein Vorgang offen.');
    expect(el.shadowRoot!.querySelector('svg.chart')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load in German with a retry, and the staff-only and sign-in notes', async () => {
    const { el, fake } = await open({ failing: true });
    await shows(el, 'Die Auswertung konnte nicht geladen werden.');
    fake.failing = false;
    await press(el, 'Erneut versuchen');
    await shows(el, '95 Vorgänge eingegangen');

    const resident = await open({ signedInAs: 'resident' });
    await shows(resident.el, 'Die Auswertungen können nur Mitarbeitende der Hausverwaltung sehen.');
    const signedOut = await open({ signedInAs: 'signed-out' });
    await shows(signedOut.el, 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter Ihrer Hausverwaltung an');
  });

  it('downloads each report as CSV: semicolons, UTF-8 with BOM, decimal commas, formulas defused', async () => {
    const report = fakeCaseReport();
    report.intake.byBuilding[0].building.address = '=HYPERLINK("http://böse.example";"Klick")';
    report.intake.byClerk[0].clerk!.label = '@SUM(1+1)';
    const { el } = await open({ report });
    await shows(el, '95 Vorgänge eingegangen');

    const saved: Array<{ name: string; blob: Blob }> = [];
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.push({ name: '', blob: blob as Blob });
      return 'blob:test';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved[saved.length - 1].name = this.download;
    };
    try {
      await press(el, 'Eingang als CSV herunterladen');
      await press(el, 'Offener Bestand als CSV herunterladen');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.map((file) => file.name)).to.deep.equal([
      'eingang-2026-01-05-2026-03-01.csv',
      'offener-bestand-2026-01-05-2026-03-01.csv',
    ]);
    expect(saved[0].blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await saved[0].blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const lines = (await saved[0].blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal(
      'Gruppe;Wert;Woche ab 05.01.2026;Woche ab 12.01.2026;Woche ab 19.01.2026;Woche ab 26.01.2026;Woche ab 02.02.2026;Woche ab 09.02.2026;Woche ab 16.02.2026;Woche ab 23.02.2026;Gesamt',
    );
    expect(lines[1]).to.equal('Gesamt;Alle Vorgänge;9;14;12;11;16;10;13;10;95');
    expect(lines).to.include('Gebäude;"\'=HYPERLINK(""http://böse.example"";""Klick"")";5;8;7;6;9;5;7;5;52');
    expect(lines).to.include("Sachbearbeitung;'@SUM(1+1);4;6;5;5;7;4;6;4;41");
    expect(el.csv('processing').split('\r\n')[1]).to.equal('Gesamt;Alle Vorgänge;71;52,5;236');
    expect(el.csv('deadlines').split('\r\n')[1]).to.equal('Gesamt;Alle Vorgänge;78;64;82,1');
    expect(await saved[1].blob.text()).to.contain('Alter;unter 7 Tagen;14;1\r\n');
  });

  it('writes CSV cells safely whatever they hold', () => {
    expect(csvCell('-2+3', true)).to.equal("'-2+3");
    expect(csvCell('+49 40 123', true)).to.equal("'+49 40 123");
    expect(csvCell('\tTAB', true)).to.equal("'\tTAB");
    expect(csvCell('Zeile 1\nZeile 2', true)).to.equal('"Zeile 1\nZeile 2"');
    expect(csvCell('a;b', true)).to.equal('"a;b"');
    expect(csvCell(12.5, true)).to.equal('12,5');
    expect(csvCell(12.5, false)).to.equal('12.5');
    expect(csvCell(null, true)).to.equal('');
    expect(toCsv([['a', 1]], true)).to.equal('\uFEFFa;1\r\n');
  });

  it('speaks English for English staff', async () => {
    const { el } = await open({}, 'en');
    await shows(el, '95 cases were filed in the period.');
    expect(text(el)).to.contain('Open backlog');
    expect(el.csv('intake').split('\r\n')[1]).to.equal('Total;All cases;9;14;12;11;16;10;13;10;95');
    expect(el.csv('processing').split('\r\n')[1]).to.equal('Total;All cases;71;52.5;236');
  });
});
