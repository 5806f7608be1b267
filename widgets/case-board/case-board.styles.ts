import { css } from 'lit';

export const caseBoardStyles = css`
  :host {
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
  .notifications ul {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .notification {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface);
  }
  .notification span {
    flex: 1 1 16em;
    font-weight: 600;
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
  .empty {
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
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
  .export {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  /* Printing an open case (its "Drucken"): only the case, without the list, filters and live notices. */
  @media print {
    .list-pane,
    .filters-toggle,
    .live {
      display: none !important;
    }
    .layout,
    .layout.has-detail {
      display: block;
    }
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
  button.case.overdue .deadline {
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
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1em;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .badge {
    font-size: 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  .board-tools {
    display: flex;
    justify-content: flex-end;
  }
  dialog.shortcuts {
    max-width: min(32em, calc(100vw - 2em));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space);
  }
  dialog.shortcuts::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .shortcuts-heading {
    font-size: 1.2em;
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .shortcuts dl {
    margin: 0 0 var(--_space);
  }
  .shortcut {
    display: grid;
    grid-template-columns: 3em minmax(0, 1fr);
    gap: 0.5em;
    align-items: baseline;
    padding: 0.25em 0;
  }
  .shortcut dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 0.1em 0.4em;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    font-family: ui-monospace, monospace;
    text-align: center;
  }
`;
