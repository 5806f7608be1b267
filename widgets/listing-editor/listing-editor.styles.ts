import { css } from 'lit';

/** The listings: cards one below the other, the form's figures side by side where there is room, stacked on a phone. */
export const listingEditorStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  .listings {
    max-width: 52em;
  }
  .title {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  .list {
    list-style: none;
    margin: var(--_space) 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .listing {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em var(--_space);
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .listing p {
    margin: 0.15em 0 0;
  }
  .listing-main {
    flex: 1 1 16em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .listing-title {
    font-weight: 700;
  }
  .listing-side {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  .badge.aktiv {
    color: var(--_success);
  }
  .badge.vermietet {
    color: var(--_muted);
  }
  .count {
    font-size: 0.875em;
  }
  .back {
    margin: 0 0 0.5em;
  }
  .form-heading,
  .group-heading {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
    margin: 0 0 0.5em;
  }
  .group-heading {
    font-size: 1em;
  }
  form {
    display: grid;
    gap: 0.75em;
    margin: 0 0 var(--_space);
  }
  .field {
    margin: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .field-error {
    color: var(--_error);
    font-size: 0.875em;
    font-weight: 600;
    margin: 0;
  }
  input:is([type='date'], [type='time'], [type='number']) {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true']:is(input, select, textarea) {
    border: 2px solid var(--_error);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(11em, 100%), 1fr));
    gap: 0.75em;
  }
  fieldset.list {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
  }
  fieldset.list > * {
    max-width: 100%;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
    width: 100%;
  }
  fieldset.row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 0.75em;
    margin: 0;
    padding: 0.5em 0.75em;
    background: color-mix(in srgb, var(--_border) 8%, var(--_surface));
  }
  @container (min-width: 36em) {
    fieldset.row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
      align-items: start;
    }
    fieldset.row .remove {
      margin-top: 1.6em;
    }
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .actions {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .actions p {
    margin: 0;
  }
  #form-alert:focus,
  #slot-alert:focus,
  [tabindex='-1']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .slots {
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .table-wrap {
    /* Holds its visually hidden texts (position: absolute): they must not widen the page at 320 px. */
    position: relative;
    overflow-x: auto;
    margin: 0 0 0.75em;
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
    vertical-align: top;
  }
  th[scope='row'] {
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .small {
    font-size: 0.875em;
    font-weight: 400;
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
