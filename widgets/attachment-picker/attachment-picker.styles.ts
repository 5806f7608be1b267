import { css } from 'lit';

export const attachmentPickerStyles = css`
  .picker {
    display: grid;
    gap: 0.5em;
  }
  .label {
    margin: 0;
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: calc(var(--_space) * 0.75);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dropzone.dragging {
    border-color: var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .drop-text {
    color: var(--_muted);
  }
  button {
    font: inherit;
    margin: 0;
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.375em 0.875em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .files {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .file {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .file.rejected {
    border-color: var(--_error);
    border-inline-start-width: 4px;
  }
  .file-head {
    grid-column: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    min-width: 0;
  }
  .file-name {
    font-weight: 600;
    min-width: 0;
  }
  .file-size {
    color: var(--_muted);
    font-size: 0.875em;
    align-self: center;
  }
  progress {
    grid-column: 1;
    width: 100%;
    height: 0.5em;
    accent-color: var(--_primary);
  }
  .status,
  .file-error {
    grid-column: 1;
    font-size: 0.875em;
  }
  .status.done {
    color: var(--_success);
  }
  .file-error {
    color: var(--_error);
    font-weight: 600;
  }
  .remove {
    grid-column: 2;
    grid-row: 1 / span 3;
    font-size: 0.9em;
  }
  .file.with-thumbnail {
    grid-template-columns: auto minmax(0, 1fr) auto;
  }
  .with-thumbnail > :is(.file-head, progress, .status, .file-error) {
    grid-column: 2;
  }
  .with-thumbnail > .remove {
    grid-column: 3;
  }
  .thumbnail {
    grid-column: 1;
    grid-row: 1 / span 3;
    width: 4em;
    height: 4em;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_border);
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
