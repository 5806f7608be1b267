import { css } from 'lit';

export const caseBoardStyles = css`
  :host {
    --_internal: var(--mp-color-internal, #fff6d6);
    container-type: inline-size;
    min-width: 0;
  }
  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .layout {
    display: grid;
    gap: var(--_space);
    grid-template-columns: minmax(0, 1fr);
  }
  /* Narrow: the open case replaces the list; "Zurück zur Liste" brings it back. */
  .layout.has-detail .list-pane {
    display: none;
  }
  @container (min-width: 56rem) {
    .layout.has-detail {
      grid-template-columns: minmax(18rem, 2fr) minmax(0, 3fr);
    }
    .layout.has-detail .list-pane {
      display: block;
    }
  }
  p {
    margin: 0 0 0.75em;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .empty {
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    padding-inline: 0.25em;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input[type='text'],
  select,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='file'] {
    width: 100%;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    margin: 0 0 0.75em;
    min-width: 0;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    margin-inline-end: 1em;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.75em;
    padding: 0.25em 0.75em 0.25em;
    min-width: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    column-gap: var(--_space);
    margin: 0 0 var(--_space);
  }
  .filters-toggle {
    display: none;
    margin: 0 0 var(--_space);
  }
  /* Narrow: the list comes first, the filters fold away behind a button that counts the active ones. */
  @container (max-width: 40rem) {
    .filters-toggle {
      display: inline-block;
    }
    .filters:not(.open) {
      display: none;
    }
  }
  .filters fieldset,
  .filters .filter-row {
    grid-column: 1 / -1;
  }
  .filter-row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
  }
  .list {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  button.case {
    display: grid;
    gap: 0.25em;
    width: 100%;
    text-align: start;
    color: var(--_text);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_border);
    background: var(--_surface);
    padding: 0.6em 0.75em;
  }
  button.case[aria-current='true'] {
    box-shadow: inset 0 0 0 2px var(--_primary);
  }
  button.case.priority-high {
    border-inline-start-color: #c77700;
  }
  button.case.priority-critical {
    border-inline-start-color: var(--_error);
  }
  button.case.overdue {
    background: color-mix(in srgb, var(--_error) 7%, var(--_surface));
  }
  button.case.overdue .deadline,
  .overdue-text {
    color: var(--_error);
    font-weight: 700;
  }
  button.case.new {
    outline: 2px dashed var(--_success);
    outline-offset: -4px;
  }
  .case-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
  }
  .number {
    font-weight: 700;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1em;
    font-size: 0.9em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .badge {
    font-size: 0.8em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.6em;
    white-space: nowrap;
  }
  .new-badge {
    border-color: var(--_success);
    color: var(--_success);
    font-weight: 700;
  }
  .priority {
    font-weight: 600;
  }
  .load-more {
    width: 100%;
  }
  .detail {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    min-width: 0;
  }
  .detail-head {
    display: grid;
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  .back {
    justify-self: start;
  }
  .detail-title {
    font-size: 1.3em;
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .sub {
    font-size: 1.1em;
    font-weight: 700;
    margin: var(--_space) 0 0.5em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(13rem, 100%), 1fr));
    gap: 0.5em var(--_space);
    margin: 0;
  }
  .facts dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .description,
  .message {
    white-space: pre-wrap;
  }
  .attachments {
    padding-inline-start: 1.2em;
    margin: 0;
  }
  .attachments a {
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
  .actions {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
  }
  .action {
    min-width: 0;
    border-top: 1px solid var(--_border);
    padding-top: 0.75em;
  }
  .action-title {
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .message-form.note textarea {
    background: var(--_internal);
  }
  .certificate {
    justify-self: start;
  }
  .alert:empty,
  .notice:empty {
    display: none;
  }
  .feedback {
    display: contents;
  }
  .alert {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0 0 0.75em;
    color: var(--_error);
  }
  .notice {
    border-inline-start: 4px solid var(--_success);
    padding: 0.5em 0.75em;
    color: var(--_success);
  }
  progress {
    width: 100%;
  }
  .timeline {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  .entry {
    border-inline-start: 4px solid var(--_border);
    padding: 0.25em 0.75em;
  }
  .entry.internal {
    border-inline-start-color: #c77700;
    background: var(--_internal);
  }
  .entry.public.has-message {
    border-inline-start-color: var(--_primary);
  }
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
  }
  .visibility {
    font-size: 0.85em;
  }
  .entry .message {
    margin: 0.25em 0 0;
    overflow-wrap: anywhere;
  }
`;
