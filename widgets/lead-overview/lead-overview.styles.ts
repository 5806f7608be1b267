import { css } from 'lit';

/** The overview: tables one below the other, each scrolling sideways on a phone; bars are plain boxes. */
export const leadOverviewStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  .overview {
    max-width: 56em;
  }
  .title {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: 0.5em var(--_space);
  }
  .summary {
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_muted);
  }
  .group {
    margin-top: var(--_space);
  }
  .group-heading {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
    margin: 0 0 0.5em;
  }
  .table-wrap {
    /* Holds its visually hidden texts (position: absolute): they must not widen the page at 320 px. */
    position: relative;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
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
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .share {
    min-inline-size: 7em;
    white-space: nowrap;
  }
  .bar {
    display: inline-block;
    vertical-align: middle;
    inline-size: 6em;
    block-size: 0.75em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_border) 25%, var(--_surface));
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    background: var(--_primary);
  }
  .percent {
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
  }
  .small {
    font-size: 0.875em;
    font-weight: 400;
  }
  @container (max-width: 24em) {
    .bar {
      inline-size: 3em;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
