import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { REPORT_INTERVALS, type ReportInterval } from '../../bff/contract/enums.ts';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText, fieldErrorText, intlLocale, type Locale } from '../internal/localize.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { ReportsApi, type CaseReport } from '../internal/reports-api.ts';
import { barChart, lineChart } from './charts.ts';
import { downloadCsv, toCsv, type CsvCell } from './csv.ts';
import { reportTexts } from './report-texts.ts';
import { caseReportsStyles } from './case-reports.styles.ts';
import '../internal/staff-errors.ts';

/** The four reports, each with its chart, tables and CSV download. */
export type ReportKind = 'intake' | 'processing' | 'deadlines' | 'backlog';
type PeriodField = 'from' | 'to' | 'interval';

/** The longest period the BFF reports on (bff/contract/reports.ts REPORT_MAX_DAYS), checked here first. */
const MAX_DAYS = 731;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Reports on the housing company's cases for clerks (docs/reports.md, "Auswertungen"): cases filed per week or month
 * (by type, building and assigned clerk), processing times from filing to done (median, 90th percentile), the share
 * closed by the deadline, and the open backlog by age. Each report has a chart (inline SVG) with its figures in a
 * table below, and a CSV download (semicolons, UTF-8 with BOM, safe against formulas). The period (from, to, weeks
 * or months) is a form; the BFF's answer to the first load (the last 13 weeks) fills it in.
 *
 * It is "Auswertungen" in `<staff-portal>`, which imports it when first opened.
 *
 * @tagname case-reports
 * @summary Case reports: intake, processing times, deadline adherence, backlog.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart period - The period form.
 * @csspart input - Each field of the period form.
 * @csspart submit - The "Anzeigen" button.
 * @csspart loading - The text shown while the figures load the first time.
 * @csspart alert - An error: loading failed, not signed in, a wrong period.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart report - Each report's section.
 * @csspart chart - Each chart (an `svg`).
 * @csspart table - Each table.
 * @csspart download - Each "CSV herunterladen" button.
 *
 * @cssproperty --mp-color-primary - Buttons, bars and the first line of a chart.
 * @cssproperty --mp-color-chart-accent - The second line of a chart (the 90th percentile).
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and the charts' axes.
 * @cssproperty --mp-color-surface - Background.
 * @cssproperty --mp-color-border - Borders and grid lines.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CaseReportsElement extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, caseReportsStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the element's heading ("Auswertungen", or the portal's with `embedded`); the reports' are one deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<staff-portal>`: the portal's heading names the reports, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error' = 'loading';
  @state() private loadError?: unknown;
  @state() private report?: CaseReport;
  /** Another period is on its way; the figures shown are the ones before. */
  @state() private reloading = false;
  /** Loading another period failed: the old figures stay, with this message. */
  @state() private reloadError = '';
  /** The period form's values (filled from the first answer). */
  @state() private from = '';
  @state() private to = '';
  @state() private interval: ReportInterval = 'week';
  /** Problems of the period's fields, found here or by the BFF. */
  @state() private fieldErrors: Partial<Record<PeriodField, string>> = {};

  private readonly reportTexts = new AreaTexts(this, reportTexts);
  private loadRequest = 0;
  private loaded = false;

  private get reportMsg() {
    return this.reportTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('mp-signed-in', this.onSignedIn);
    addEventListener('mp-signed-out', this.onSignedOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('mp-signed-in', this.onSignedIn);
    removeEventListener('mp-signed-out', this.onSignedOut);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.reportTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api')) {
      this.loaded = true;
      this.report = undefined;
      void this.load();
    }
  }

  private readonly onSignedIn = () => {
    this.report = undefined;
    void this.load();
  };

  private readonly onSignedOut = () => {
    this.loadRequest++;
    this.report = undefined;
    this.reloading = false;
    this.loadState = 'signed-out';
  };

  /** Reads the report for the form's period (the default period while the form is empty). */
  async load(): Promise<void> {
    const request = ++this.loadRequest;
    const reload = !!this.report;
    this.reloadError = '';
    if (reload) this.reloading = true;
    else this.loadState = 'loading';
    try {
      const report = await new ReportsApi(this.apiClient).caseReport(
        this.from && this.to ? { from: this.from, to: this.to, interval: this.interval } : { interval: this.interval },
      );
      if (request !== this.loadRequest) return;
      this.report = report;
      ({ from: this.from, to: this.to, interval: this.interval } = report.period);
      this.loadState = 'ready';
    } catch (error) {
      if (request !== this.loadRequest) return;
      const apiError = error instanceof ApiError ? error : undefined;
      const status = apiError?.status ?? 0;
      if (apiError?.code === 'validation_failed' && Object.keys(apiError.fields).length) {
        this.fieldErrors = Object.fromEntries(
          Object.entries(apiError.fields).map(([field, issue]) => [field, fieldErrorText(this.msg, issue)]),
        );
        if (!reload) this.loadState = 'ready';
      } else if (reload && status !== 401 && status !== 403)
        this.reloadError = `${this.reportMsg.loadFailed} ${errorText(this.msg, error)}`;
      else {
        this.report = undefined;
        this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
        this.loadError = error;
      }
    } finally {
      if (request === this.loadRequest) this.reloading = false;
    }
  }

  /** Checks the period as the BFF would (in the page's language) and loads it; focus goes to the first wrong field. */
  private submitPeriod(event: SubmitEvent): void {
    event.preventDefault();
    const texts = this.reportMsg;
    const errors: Partial<Record<PeriodField, string>> = {};
    if (!this.from) errors.from = texts.periodRequired;
    if (!this.to) errors.to = texts.periodRequired;
    if (this.from && this.to) {
      const days = dayNumber(this.to) - dayNumber(this.from);
      if (days < 0) errors.to = texts.periodOrder;
      else if (days >= MAX_DAYS) errors.to = texts.periodTooLong;
    }
    this.fieldErrors = errors;
    const wrong = (['from', 'to'] as const).find((field) => errors[field]);
    if (wrong) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#period-${wrong}`)?.focus());
      return;
    }
    void this.load();
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
  }

  private number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(intlLocale(this.locale), { maximumFractionDigits: fractionDigits }).format(value);
  }

  private percent(share: number | null): string {
    if (share === null) return this.reportMsg.none;
    return new Intl.NumberFormat(intlLocale(this.locale), { style: 'percent', maximumFractionDigits: 0 }).format(share);
  }

  /** A duration as people say it: hours below two days, else days to one decimal. */
  private duration(hours: number | null): string {
    if (hours === null) return this.reportMsg.none;
    if (hours < 48) return this.reportMsg.hours(this.number(hours, 1));
    return this.reportMsg.days(this.number(hours / 24, 1));
  }

  private date(day: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  }

  /** A period of the report as a table row names it: "Woche ab 02.03.2026", "März 2026". */
  private bucketLabel(day: string, interval: ReportInterval): string {
    return interval === 'week'
      ? this.reportMsg.weekOf(this.date(day, { day: '2-digit', month: '2-digit', year: 'numeric' }))
      : this.date(day, { month: 'long', year: 'numeric' });
  }

  /** The same, short, under a chart: "02.03.", "Mär. 26". */
  private bucketShort(day: string, interval: ReportInterval): string {
    return interval === 'week'
      ? this.reportMsg.weekShort(this.date(day, { day: '2-digit', month: '2-digit' }))
      : this.date(day, { month: 'short', year: '2-digit' });
  }

  override render() {
    return html`
      <section
        class="reports"
        part="base"
        aria-labelledby=${ifDefined(this.embedded ? undefined : 'reports-heading')}
        aria-busy=${this.reloading || this.loadState === 'loading' ? 'true' : 'false'}
      >
        ${
          this.embedded
            ? nothing
            : html`<div class="title" id="reports-heading" part="heading" role="heading" aria-level=${this.level}>${this.reportMsg.heading}</div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const texts = this.reportMsg;
    switch (this.loadState) {
      case 'loading':
        return html`<p class="muted" part="loading" role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert">${texts.signInFirst}</p>`;
      case 'forbidden':
        return html`<p class="alert" part="alert">${texts.staffOnly}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">
            <p>${texts.loadFailed} ${errorText(this.msg, this.loadError)}</p>
            <button type="button" part="retry" @click=${() => this.load()}>${this.msg.retry}</button>
          </div>
        `;
    }
    const report = this.report;
    return html`
      <p class="muted">${texts.intro}</p>
      ${this.renderPeriodForm()}
      <p class="status" role="status">${this.reloading ? texts.showing : ''}</p>
      <div class="alert" part="alert" role="alert">${this.reloadError}</div>
      ${
        report
          ? html`
            <p class="muted as-of">
              ${texts.periodShown(this.date(report.period.from, { dateStyle: 'medium' }), this.date(report.period.to, { dateStyle: 'medium' }))} ·
              ${texts.asOf(staffDate(report.at, this.locale))}
            </p>
            ${this.renderIntake(report)} ${this.renderProcessing(report)} ${this.renderDeadlines(report)} ${this.renderBacklog(report)}
          `
          : nothing
      }
    `;
  }

  private renderPeriodForm(): TemplateResult {
    const texts = this.reportMsg;
    const errors = this.fieldErrors;
    const field = (name: 'from' | 'to', label: string, value: string) => html`
      <label class="field" for="period-${name}">
        <span>${label}</span>
        <input
          id="period-${name}"
          part="input"
          type="date"
          name=${name}
          required
          .value=${value}
          aria-invalid=${errors[name] ? 'true' : 'false'}
          aria-describedby=${ifDefined(errors[name] ? `period-${name}-error` : undefined)}
          @input=${(event: Event) => {
            this[name] = (event.target as HTMLInputElement).value;
          }}
        />
        ${errors[name] ? html`<span class="field-error" id="period-${name}-error">${errors[name]}</span>` : nothing}
      </label>
    `;
    return html`
      <form class="period" part="period" novalidate @submit=${this.submitPeriod}>
        <fieldset>
          <legend>${texts.periodLegend}</legend>
          <div class="period-fields">
            ${field('from', texts.from, this.from)} ${field('to', texts.to, this.to)}
            <label class="field" for="period-interval">
              <span>${texts.interval}</span>
              <select
                id="period-interval"
                part="input"
                name="interval"
                aria-invalid=${errors.interval ? 'true' : 'false'}
                aria-describedby=${ifDefined(errors.interval ? 'period-interval-error' : undefined)}
                @change=${(event: Event) => (this.interval = (event.target as HTMLSelectElement).value as ReportInterval)}
              >
                ${REPORT_INTERVALS.map(
                  (interval) =>
                    html`<option value=${interval} ?selected=${this.interval === interval}>${texts.intervalLabels[interval]}</option>`,
                )}
              </select>
              ${errors.interval ? html`<span class="field-error" id="period-interval-error">${errors.interval}</span>` : nothing}
            </label>
            <button type="submit" class="primary" part="submit" aria-busy=${this.reloading ? 'true' : 'false'}>${texts.show}</button>
          </div>
        </fieldset>
      </form>
    `;
  }

  /** A report's section: heading, summary, chart, tables and its CSV button. */
  private section(kind: ReportKind, heading: string, summary: string, content: TemplateResult | typeof nothing): TemplateResult {
    return html`
      <section class="report ${kind}" part="report" aria-labelledby="${kind}-heading">
        <div class="report-head">
          <div class="report-heading" id="${kind}-heading" role="heading" aria-level=${this.level + 1}>${heading}</div>
          <button type="button" part="download" class="download" aria-label=${this.reportMsg.csvOf(heading)} @click=${() => this.download(kind)}>
            ${this.reportMsg.csv}
          </button>
        </div>
        <p class="summary">${summary}</p>
        ${content}
      </section>
    `;
  }

  private table(id: string, caption: string, head: CsvCell[], rows: CsvCell[][], numeric = (column: number) => column > 0): TemplateResult {
    return html`
      <!-- Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. -->
      <div class="table-wrap" tabindex="0" role="group" aria-labelledby="${id}-caption">
        <table part="table" id=${id}>
          <caption id="${id}-caption">${caption}</caption>
          <thead>
            <tr>${head.map((cell, column) => html`<th scope="col" class=${numeric(column) ? 'num' : ''}>${cell}</th>`)}</tr>
          </thead>
          <tbody>
            ${rows.map(
              ([first, ...rest]) => html`<tr>
                <th scope="row">${first}</th>
                ${rest.map((cell, column) => html`<td class=${numeric(column + 1) ? 'num' : ''}>${cell ?? this.reportMsg.none}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private chartSummary(values: Array<number | null>, format: (value: number) => string): string {
    const present = values.filter((value): value is number => value !== null);
    if (!present.length) return this.reportMsg.chartNoValues;
    return this.reportMsg.chartRange(format(Math.min(...present)), format(Math.max(...present)));
  }

  // The four reports. Each builds its rows once: the tables show them, the CSV writes them.

  private intakeRows(report: CaseReport) {
    const texts = this.reportMsg;
    const buckets = report.buckets.map((bucket) => this.bucketLabel(bucket, report.period.interval));
    const head = [texts.group, texts.value, ...buckets, texts.total];
    const rows: CsvCell[][] = [
      [texts.total, texts.all, ...report.intake.counts, report.intake.total],
      ...report.intake.byType.map((row) => [texts.type, this.msg.caseTypeLabels[row.type], ...row.counts, row.total]),
      ...report.intake.byBuilding.map((row) => [texts.building, row.building.address, ...row.counts, row.total]),
      ...report.intake.byClerk.map((row) => [texts.clerk, row.clerk?.label ?? texts.unassigned, ...row.counts, row.total]),
    ];
    return { head, rows, buckets };
  }

  private renderIntake(report: CaseReport): TemplateResult {
    const texts = this.reportMsg;
    const { intake, period } = report;
    if (!intake.total) return this.section('intake', texts.intakeHeading, texts.intakeEmpty, nothing);
    const { buckets } = this.intakeRows(report);
    const format = (value: number) => this.number(value);
    const title = texts.intakeChart(period.interval);
    const overTime = (id: string, caption: string, label: string, entries: Array<{ name: string; counts: number[]; total: number }>) =>
      this.table(
        id,
        caption,
        [label, ...buckets, texts.total],
        entries.map((entry) => [entry.name, ...entry.counts.map(format), format(entry.total)]),
      );
    return this.section(
      'intake',
      texts.intakeHeading,
      texts.intakeSummary(intake.total),
      html`
        <figure tabindex="0">
          ${lineChart({
            label: texts.chartLabel(title, this.chartSummary(intake.counts, format)),
            categories: report.buckets.map((bucket) => this.bucketShort(bucket, period.interval)),
            series: [{ label: title, values: intake.counts }],
            format,
          })}
          <figcaption>${title}</figcaption>
        </figure>
        ${overTime('intake-total', title, texts.period, [{ name: texts.all, counts: intake.counts, total: intake.total }])}
        ${overTime(
          'intake-type',
          texts.intakeByType,
          texts.type,
          intake.byType.map((row) => ({ name: this.msg.caseTypeLabels[row.type], counts: row.counts, total: row.total })),
        )}
        ${overTime(
          'intake-building',
          texts.intakeByBuilding,
          texts.building,
          intake.byBuilding.map((row) => ({ name: row.building.address, counts: row.counts, total: row.total })),
        )}
        ${overTime(
          'intake-clerk',
          texts.intakeByClerk,
          texts.clerk,
          intake.byClerk.map((row) => ({ name: row.clerk?.label ?? texts.unassigned, counts: row.counts, total: row.total })),
        )}
      `,
    );
  }

  private processingRows(report: CaseReport) {
    const texts = this.reportMsg;
    const head = [texts.group, texts.value, texts.done, texts.medianHours, texts.p90Hours];
    const { processing } = report;
    const rows: CsvCell[][] = [
      [texts.total, texts.all, processing.done, processing.medianHours, processing.p90Hours],
      ...report.buckets.map((bucket, index) => {
        const row = processing.perBucket[index];
        return [texts.period, this.bucketLabel(bucket, report.period.interval), row.done, row.medianHours, row.p90Hours];
      }),
      ...processing.byType.map((row) => [texts.type, this.msg.caseTypeLabels[row.type], row.done, row.medianHours, row.p90Hours]),
    ];
    return { head, rows };
  }

  private renderProcessing(report: CaseReport): TemplateResult {
    const texts = this.reportMsg;
    const { processing, period } = report;
    if (!processing.done) return this.section('processing', texts.processingHeading, texts.processingEmpty, nothing);
    const format = (hours: number) => this.duration(hours);
    const medians = processing.perBucket.map((row) => row.medianHours);
    const p90s = processing.perBucket.map((row) => row.p90Hours);
    const values = (row: { done: number; medianHours: number | null; p90Hours: number | null }) => [
      this.number(row.done),
      this.duration(row.medianHours),
      this.duration(row.p90Hours),
    ];
    return this.section(
      'processing',
      texts.processingHeading,
      texts.processingSummary(processing.done, this.duration(processing.medianHours), this.duration(processing.p90Hours)),
      html`
        <figure tabindex="0">
          ${lineChart({
            label: texts.chartLabel(texts.processingChart, this.chartSummary([...medians, ...p90s], format)),
            categories: report.buckets.map((bucket) => this.bucketShort(bucket, period.interval)),
            series: [
              { label: texts.median, values: medians },
              { label: texts.p90, values: p90s },
            ],
            format,
          })}
          <figcaption>${texts.processingChart}</figcaption>
        </figure>
        ${this.table(
          'processing-period',
          texts.processingChart,
          [texts.period, texts.done, texts.median, texts.p90],
          report.buckets.map((bucket, index) => [this.bucketLabel(bucket, period.interval), ...values(processing.perBucket[index])]),
        )}
        ${this.table(
          'processing-type',
          texts.intakeByType,
          [texts.type, texts.done, texts.median, texts.p90],
          processing.byType.map((row) => [this.msg.caseTypeLabels[row.type], ...values(row)]),
        )}
      `,
    );
  }

  private deadlineRows(report: CaseReport) {
    const texts = this.reportMsg;
    const head = [texts.group, texts.value, texts.closed, texts.onTime, texts.shareOnTimePercent];
    const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
    const { deadlines } = report;
    const rows: CsvCell[][] = [
      [texts.total, texts.all, deadlines.closed, deadlines.onTime, percent(deadlines.share)],
      ...report.buckets.map((bucket, index) => {
        const row = deadlines.perBucket[index];
        return [texts.period, this.bucketLabel(bucket, report.period.interval), row.closed, row.onTime, percent(row.share)];
      }),
      ...deadlines.byType.map((row) => [texts.type, this.msg.caseTypeLabels[row.type], row.closed, row.onTime, percent(row.share)]),
    ];
    return { head, rows };
  }

  private renderDeadlines(report: CaseReport): TemplateResult {
    const texts = this.reportMsg;
    const { deadlines, period } = report;
    if (!deadlines.closed) return this.section('deadlines', texts.deadlinesHeading, texts.deadlinesEmpty, nothing);
    const format = (share: number) => this.percent(share);
    const shares = deadlines.perBucket.map((row) => row.share);
    const values = (row: { closed: number; onTime: number; share: number | null }) => [
      this.number(row.closed),
      this.number(row.onTime),
      this.percent(row.share),
    ];
    return this.section(
      'deadlines',
      texts.deadlinesHeading,
      texts.deadlinesSummary(this.percent(deadlines.share), deadlines.onTime, deadlines.closed),
      html`
        <figure tabindex="0">
          ${barChart({
            label: texts.chartLabel(texts.deadlinesChart, this.chartSummary(shares, format)),
            categories: report.buckets.map((bucket) => this.bucketShort(bucket, period.interval)),
            series: [{ label: texts.shareOnTime, values: shares }],
            format,
            max: 1,
          })}
          <figcaption>${texts.deadlinesChart}</figcaption>
        </figure>
        ${this.table(
          'deadlines-period',
          texts.deadlinesChart,
          [texts.period, texts.closed, texts.onTime, texts.shareOnTime],
          report.buckets.map((bucket, index) => [this.bucketLabel(bucket, period.interval), ...values(deadlines.perBucket[index])]),
        )}
        ${this.table(
          'deadlines-type',
          texts.intakeByType,
          [texts.type, texts.closed, texts.onTime, texts.shareOnTime],
          deadlines.byType.map((row) => [this.msg.caseTypeLabels[row.type], ...values(row)]),
        )}
      `,
    );
  }

  private backlogRows(report: CaseReport) {
    const texts = this.reportMsg;
    const head = [texts.group, texts.value, texts.open, texts.overdue];
    const { backlog } = report;
    const rows: CsvCell[][] = [
      [texts.total, texts.all, backlog.total, backlog.overdue],
      ...backlog.byAge.map((row) => [texts.age, texts.ageLabel(row.minDays, row.maxDays), row.count, row.overdue]),
      ...backlog.byType.map((row) => [texts.type, this.msg.caseTypeLabels[row.type], row.count, row.overdue]),
    ];
    return { head, rows };
  }

  private renderBacklog(report: CaseReport): TemplateResult {
    const texts = this.reportMsg;
    const { backlog } = report;
    if (!backlog.total) return this.section('backlog', texts.backlogHeading, texts.backlogEmpty, nothing);
    const format = (value: number) => this.number(value);
    const counts = backlog.byAge.map((row) => row.count);
    return this.section(
      'backlog',
      texts.backlogHeading,
      texts.backlogSummary(backlog.total, backlog.overdue),
      html`
        <figure tabindex="0">
          ${barChart({
            label: texts.chartLabel(texts.backlogChart, this.chartSummary(counts, format)),
            categories: backlog.byAge.map((row) => texts.ageLabel(row.minDays, row.maxDays)),
            series: [{ label: texts.open, values: counts }],
            format,
          })}
          <figcaption>${texts.backlogChart}</figcaption>
        </figure>
        ${this.table(
          'backlog-age',
          texts.backlogChart,
          [texts.age, texts.open, texts.overdue],
          backlog.byAge.map((row) => [texts.ageLabel(row.minDays, row.maxDays), format(row.count), format(row.overdue)]),
        )}
        ${this.table(
          'backlog-type',
          texts.intakeByType,
          [texts.type, texts.open, texts.overdue],
          backlog.byType.map((row) => [this.msg.caseTypeLabels[row.type], format(row.count), format(row.overdue)]),
        )}
      `,
    );
  }

  /** @internal A report as the CSV file's text (what "CSV herunterladen" saves). */
  csv(kind: ReportKind): string {
    const report = this.report;
    if (!report) return '';
    const { head, rows } =
      kind === 'intake'
        ? this.intakeRows(report)
        : kind === 'processing'
          ? this.processingRows(report)
          : kind === 'deadlines'
            ? this.deadlineRows(report)
            : this.backlogRows(report);
    return toCsv([head, ...rows], this.locale !== 'en');
  }

  private download(kind: ReportKind): void {
    const report = this.report;
    if (!report) return;
    downloadCsv(`${this.reportMsg.fileNames[kind]}-${report.period.from}-${report.period.to}.csv`, this.csv(kind));
  }
}

defineElement('case-reports', CaseReportsElement);

declare global {
  interface HTMLElementTagNameMap {
    'case-reports': CaseReportsElement;
  }
}
