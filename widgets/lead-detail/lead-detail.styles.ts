import { css } from 'lit';

export const leadDetailStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
    --_duplicate: var(--mp-color-duplicate, #8a4b00);
  }
  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  section {
    border-top: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    margin-top: var(--_space);
    padding-top: calc(var(--_space) * 0.5);
  }
  section[hidden] {
    display: none;
  }
  .sub-heading {
    font-weight: 600;
    font-size: 1.05em;
    margin: 0.5em 0 0.5em;
  }
  .form-heading {
    font-weight: 600;
    margin: 1em 0 0.25em;
  }
  .hint {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .badges:empty {
    display: none;
  }
  .badge {
    font-size: 0.8em;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge.duplicate {
    color: var(--_duplicate);
    font-weight: 600;
  }
  .badge.disclosure {
    color: var(--_muted);
  }
  .fields {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25em 1em;
    margin: 0.5em 0;
  }
  @container (max-width: 24rem) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
    }
    .fields dd {
      margin-bottom: 0.5em;
    }
  }
  .fields dt {
    color: var(--_muted);
  }
  .fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .message,
  .body {
    white-space: pre-line;
  }
  .channels,
  .viewing-list,
  .messages {
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .channels li,
  .viewing-list li {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .message-item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    max-width: 92%;
    overflow-wrap: anywhere;
  }
  .message-item.out {
    justify-self: end;
    background: color-mix(in srgb, var(--_surface) 90%, var(--_primary));
  }
  .message-item.in {
    justify-self: start;
  }
  .message-item .when {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .message-item .body {
    margin: 0.25em 0 0;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr));
    column-gap: var(--_space);
  }
  input[type='date'],
  input[type='time'],
  input[type='number'] {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .feedback:empty {
    display: none;
  }
  .feedback p {
    margin: 0.4em 0 0;
  }
  .hold {
    font-weight: 600;
  }
  .export {
    margin-top: 0.75em;
  }
  .events,
  .access-log,
  .duplicates {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .events li,
  .access-log li {
    margin-bottom: 0.4em;
  }
  .events .when,
  .access-log .when {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .events .reason {
    display: block;
    font-style: italic;
  }
`;
