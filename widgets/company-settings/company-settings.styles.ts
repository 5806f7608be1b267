import { css } from 'lit';

/** The settings form: groups one below the other, list rows side by side where there is room, stacked on a phone. */
export const companySettingsStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  .settings {
    max-width: 48em;
  }
  .title {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .group {
    display: grid;
    gap: 0.75em;
    min-width: 0;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .group-heading {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
  }
  .group > p,
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
  input:is([type='email'], [type='tel'], [type='url'], [type='number']) {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='number'] {
    max-width: 14em;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:is(input, textarea) {
    border: 2px solid var(--_error);
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
  fieldset.row .field {
    margin: 0 0 0.5em;
  }
  .remove {
    justify-self: start;
  }
  /* Room for label, number and "Entfernen" in one line. */
  @container (min-width: 36em) {
    fieldset.row.emergency {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) auto;
      align-items: start;
    }
    fieldset.row.emergency .remove {
      margin-top: 1.6em;
    }
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  button.primary[aria-busy='true'] {
    cursor: progress;
  }
  .usage {
    display: grid;
    gap: 0.25em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .usage p {
    margin: 0;
  }
  .usage progress {
    width: 100%;
    height: 0.75em;
    accent-color: var(--_primary);
  }
  .usage.nearly progress {
    accent-color: color-mix(in srgb, var(--_error) 55%, var(--_focus));
  }
  .usage.exhausted progress {
    accent-color: var(--_error);
  }
  .usage-warning {
    border-inline-start: 4px solid var(--_error);
    padding: 0.25em 0.6em;
    font-weight: 600;
  }
  .usage.nearly .usage-warning {
    border-color: var(--_focus);
  }
  .actions {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .actions p {
    margin: 0;
  }
  #form-alert:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
