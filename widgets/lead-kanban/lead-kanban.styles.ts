import { css } from 'lit';

export const leadKanbanStyles = css`
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
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    column-gap: var(--_space);
    align-items: end;
  }
  .filters .search {
    grid-column: span 2;
  }
  @container (max-width: 30rem) {
    .filters .search {
      grid-column: auto;
    }
  }
  input[type='search'] {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .hint {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .hint.warn {
    color: var(--_error);
  }
  .reset {
    justify-self: start;
    margin-bottom: 0.75em;
  }
  /* The status line keeps its room, so a notice coming or going does not move the board. */
  .status-line {
    min-height: 2.25em;
  }
  .status-line .notice {
    margin: 0;
    padding-block: 0.25em;
  }
  .move-error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
  }
  .layout {
    display: grid;
    gap: var(--_space);
    grid-template-columns: minmax(0, 1fr);
  }
  /* Narrow: the open lead replaces the board; "Zurück zum Board" brings it back. */
  .layout.has-detail .board-pane {
    display: none;
  }
  @container (min-width: 64rem) {
    .layout.has-detail {
      grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
    }
    .layout.has-detail .board-pane {
      display: block;
    }
  }
  .drag-hint {
    font-size: 0.875em;
  }
  .empty {
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  /* Columns side by side, scrolled sideways on narrow screens (one column about a screen wide, snapping). */
  .board {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(min(16rem, 85cqi), 1fr);
    gap: calc(var(--_space) * 0.75);
    overflow-x: auto;
    scroll-snap-type: x proximity;
    padding-bottom: 0.5em;
  }
  .column {
    scroll-snap-align: start;
    display: flex;
    flex-direction: column;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_surface) 92%, var(--_border));
    padding: 0.5em;
  }
  .column.droppable {
    outline: 2px dashed var(--_primary);
    outline-offset: -2px;
  }
  .column.drop-target {
    outline-style: solid;
    background: color-mix(in srgb, var(--_surface) 80%, var(--_primary));
  }
  .column-head {
    font-weight: 600;
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .drop-hint {
    margin: 0 0 0.5em;
    font-size: 0.875em;
    color: var(--_primary);
  }
  /* Each column scrolls by itself; only loaded cards are on the page, and off-screen ones are not laid out. */
  .cards {
    list-style: none;
    margin: 0;
    padding: 0 2px;
    display: grid;
    gap: 0.5em;
    max-height: 70vh;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .sentinel {
    height: 1px;
  }
  .column-empty,
  .shown {
    font-size: 0.875em;
    margin: 0.5em 0 0;
  }
  .load-more {
    margin-top: 0.5em;
  }
  .card {
    content-visibility: auto;
    contain-intrinsic-size: auto 7.5em;
    display: grid;
    gap: 0.25em;
    justify-items: start;
    padding: 0.5em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: grab;
  }
  .card.pending {
    opacity: 0.7;
    cursor: progress;
  }
  .card.dragging {
    opacity: 0.5;
  }
  .card.refused {
    border-color: var(--_error);
    border-inline-start-width: 4px;
  }
  .card.new {
    border-inline-start: 4px solid var(--_primary);
  }
  .card .open {
    min-height: 2.75em;
    padding: 0.25em 0;
    border: none;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  .card .open[aria-current='true'] {
    text-decoration-thickness: 3px;
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
  .badge.new-badge {
    color: var(--_primary);
  }
  .meta {
    display: grid;
    font-size: 0.875em;
    color: var(--_muted);
    min-width: 0;
  }
  .meta .listing {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 100%;
  }
  .card-error {
    margin: 0;
    color: var(--_error);
    font-size: 0.875em;
  }
  .move-toggle {
    min-height: 2.75em;
  }
  .move-menu {
    display: grid;
    gap: 0.25em;
    width: 100%;
  }
  .move-menu button {
    text-align: start;
  }
  .move-form {
    width: 100%;
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .detail {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    min-width: 0;
    align-self: start;
  }
  .detail-heading {
    font-size: 1.25em;
    font-weight: 600;
    margin: 0.5em 0;
  }
  .sub-heading {
    font-weight: 600;
    margin: 1em 0 0.25em;
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
  }
  .message {
    white-space: pre-line;
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
