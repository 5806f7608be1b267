import { html, svg, nothing, type TemplateResult } from 'lit';

/**
 * Inline SVG charts drawn with Lit: a line chart (one or two series over the report's weeks or months) and a bar
 * chart. Each is one image for assistive technology (`role="img"` with a label that names it and its range); the
 * figures themselves are in the table the report shows below every chart. Series differ by dash pattern and marker
 * as well as colour, so the chart reads in greyscale too.
 */

export interface ChartSeries {
  label: string;
  /** One value per category; null leaves a gap. */
  values: Array<number | null>;
}

export interface ChartInput {
  /** The accessible name: what the chart shows, its range, where its figures are. */
  label: string;
  /** Labels along the x axis, one per value. */
  categories: string[];
  series: ChartSeries[];
  /** A value as the axis and markers show it. */
  format: (value: number) => string;
  /** The top of the y axis at least (e.g. 1 for shares). */
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 64;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 52;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** At most this many labels along the x axis; the others are left out (the table has them all). */
const MAX_X_LABELS = 8;

/** 1, 2 or 5 times a power of ten, at least `value`: a round top for the y axis. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function scale(input: ChartInput) {
  const values = input.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const top = Math.max(niceMax(Math.max(0, ...values)), input.max ?? 0);
  return { top, y: (value: number) => TOP + PLOT_H - (value / top) * PLOT_H };
}

function frame(input: ChartInput, top: number, xOf: (index: number) => number, content: unknown): TemplateResult {
  const ticks = [0, top / 2, top];
  const every = Math.ceil(input.categories.length / MAX_X_LABELS);
  return html`
    <svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${input.label} part="chart">
      ${ticks.map((tick) => {
        const y = TOP + PLOT_H - (tick / top) * PLOT_H;
        return svg`<line class="grid" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${y} y2=${y}></line>
          <text class="axis" x=${LEFT - 8} y=${y + 4} text-anchor="end">${input.format(tick)}</text>`;
      })}
      ${input.categories.map((category, index) =>
        index % every === 0
          ? svg`<text class="axis" x=${xOf(index)} y=${HEIGHT - BOTTOM + 20} text-anchor="middle">${category}</text>`
          : nothing,
      )}
      ${content}
    </svg>
  `;
}

/** A legend for charts with more than one series; each entry shows the series' line and marker. */
function legend(series: ChartSeries[]): TemplateResult | typeof nothing {
  if (series.length < 2) return nothing;
  return html`<ul class="legend" aria-hidden="true">
    ${series.map(
      (entry, index) => html`<li>
        <svg class="swatch" viewBox="0 0 32 12" width="32" height="12">
          <line class="line series-${index}" x1="0" x2="32" y1="6" y2="6"></line>
          ${index === 0 ? svg`<circle class="dot series-0" cx="16" cy="6" r="4"></circle>` : svg`<rect class="dot series-${index}" x="12" y="2" width="8" height="8"></rect>`}
        </svg>
        ${entry.label}
      </li>`,
    )}
  </ul>`;
}

/** Lines over the categories, broken where a value is missing; circles (first series) or squares mark the values. */
export function lineChart(input: ChartInput): TemplateResult {
  const { top, y } = scale(input);
  const step = input.categories.length > 1 ? PLOT_W / (input.categories.length - 1) : 0;
  const x = (index: number) => (input.categories.length > 1 ? LEFT + index * step : LEFT + PLOT_W / 2);
  const lines = input.series.map((series, seriesIndex) => {
    let path = '';
    let pen = false;
    series.values.forEach((value, index) => {
      if (value === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(index).toFixed(1)} ${y(value).toFixed(1)} `;
      pen = true;
    });
    const markers = series.values.map((value, index) => {
      if (value === null) return nothing;
      const title = svg`<title>${input.categories[index]}: ${input.format(value)}</title>`;
      return seriesIndex === 0
        ? svg`<circle class="dot series-0" cx=${x(index)} cy=${y(value)} r="4">${title}</circle>`
        : svg`<rect class="dot series-${seriesIndex}" x=${x(index) - 4} y=${y(value) - 4} width="8" height="8">${title}</rect>`;
    });
    return svg`<path class="line series-${seriesIndex}" d=${path.trim() || 'M0 0'}></path>${markers}`;
  });
  return html`${frame(input, top, x, lines)}${legend(input.series)}`;
}

/** One bar per category (the first series), its value above it. */
export function barChart(input: ChartInput): TemplateResult {
  const { top, y } = scale(input);
  const slot = PLOT_W / Math.max(1, input.categories.length);
  const x = (index: number) => LEFT + slot * index + slot / 2;
  const width = Math.min(56, slot * 0.6);
  const values = input.series[0]?.values ?? [];
  const bars = values.map((value, index) =>
    value === null
      ? nothing
      : svg`<rect class="bar" x=${x(index) - width / 2} y=${y(value)} width=${width} height=${Math.max(0, TOP + PLOT_H - y(value))}>
          <title>${input.categories[index]}: ${input.format(value)}</title>
        </rect>
        <text class="value" x=${x(index)} y=${y(value) - 6} text-anchor="middle">${input.format(value)}</text>`,
  );
  return frame(input, top, x, bars);
}
