import { css } from 'lit';

/** The reports one below the other: period form, then each report's chart and tables (scrolling sideways on a phone). */
export const caseReportsStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
    --_chart-accent: var(--mp-color-chart-accent, #a14a00);
  }
  .reports {
    max-width: 64em;
  }
  .title {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: 0.5em var(--_space) 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .period-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0 var(--_space);
  }
  .period-fields .field {
    flex: 1 1 10em;
  }
  .period-fields button {
    align-self: flex-end;
    margin-bottom: 0.75em;
  }
  input[type='date'] {
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font: inherit;
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .field-error {
    color: var(--_error);
  }
  .status:empty,
  .alert:empty {
    display: none;
  }
  .report {
    margin-top: calc(var(--_space) * 1.5);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .report-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em var(--_space);
  }
  .report-heading {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
  }
  .summary {
    margin-top: 0.5em;
  }
  figure {
    margin: 0 0 var(--_space);
    overflow-x: auto;
  }
  figcaption {
    color: var(--_muted);
    font-size: 0.875em;
  }
  svg.chart {
    display: block;
    width: 100%;
    min-width: 30em;
    height: auto;
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis,
  .value {
    fill: currentColor;
    font-size: 13px;
  }
  .axis {
    fill: var(--_muted);
  }
  .line {
    fill: none;
    stroke-width: 2.5;
  }
  .line.series-0 {
    stroke: var(--_primary);
  }
  .line.series-1 {
    stroke: var(--_chart-accent);
    stroke-dasharray: 6 4;
  }
  .dot.series-0,
  .bar {
    fill: var(--_primary);
  }
  .dot.series-1 {
    fill: var(--_chart-accent);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em var(--_space);
    list-style: none;
    margin: 0.25em 0;
    padding: 0;
    font-size: 0.875em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .table-wrap {
    position: relative;
    overflow-x: auto;
    margin-bottom: var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25em 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  th[scope='row'] {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 8em;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
