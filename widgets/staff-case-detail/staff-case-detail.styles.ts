import { css } from 'lit';

export const staffCaseDetailStyles = css`
  :host {
    --_internal: var(--mp-color-internal, #fff6d6);
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
  .head-buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em;
  }
  .printed-at {
    display: none;
  }
  /* The print view: the case on paper, black on white, without the forms and buttons. */
  @media print {
    :host {
      border: none;
      padding: 0;
      color: #000;
      background: #fff;
    }
    .head-buttons,
    .actions,
    form,
    button {
      display: none !important;
    }
    .printed-at {
      display: block;
      font-size: 0.85em;
    }
    .facts {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    section {
      break-inside: avoid-page;
    }
  }
  .detail-title {
    font-size: 1.3em;
    font-weight: 700;
    line-height: 1.25;
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
  }
  .overdue-text {
    color: var(--_error);
    font-weight: 700;
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
  .certificate-preview {
    display: grid;
    gap: 0.5em;
    min-width: 0;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .certificate-preview .facts {
    margin: 0;
  }
  .certificate-pdf {
    width: 100%;
    height: 32em;
    max-height: 70vh;
    border: 1px solid var(--_border);
    background: #fff;
  }
  .certificate-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .feedback {
    display: contents;
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
  }
`;
