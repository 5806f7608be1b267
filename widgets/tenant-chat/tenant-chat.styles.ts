import { css } from 'lit';

/**
 * The looks of the resident views (buttons, cards), written here rather than imported from resident-view.ts:
 * sharing that module would split it out of the portal's first chunk into one more request.
 */
export const tenantChatStyles = css`
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  button,
  textarea {
    font: inherit;
    margin: 0;
  }
  button {
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  button.primary {
    border: 0;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  button:focus-visible,
  a:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  h3 {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .chat {
    max-width: 48em;
    min-width: 0;
  }
  .title {
    font-size: 1.35em;
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .assistant {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice-body {
    max-height: 22em;
    overflow-y: auto;
    margin-bottom: 0.75em;
  }
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0 0 0.75em;
  }
  .messages {
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .message {
    min-width: 0;
    max-width: 100%;
    padding: 0.6em 0.9em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .message.mine {
    justify-self: end;
    max-width: 85%;
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .message .text {
    white-space: pre-wrap;
    margin: 0;
  }
  .message > * + * {
    margin-top: 0.5em;
  }
  .typing {
    color: var(--_muted);
    font-style: italic;
  }
  .alert {
    color: var(--_error);
    font-weight: 600;
  }
  .draft dl {
    margin: 0 0 0.75em;
    display: grid;
    gap: 0.25em;
  }
  .draft .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .draft dt {
    font-weight: 600;
  }
  .draft dt::after {
    content: ':';
  }
  .draft dd {
    margin: 0;
    min-width: 0;
  }
  /* The part of the chat a request carries: one line per message, as the housing company will read it. */
  .draft .excerpt {
    flex-basis: 100%;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .draft mp-attachment-picker {
    margin-bottom: 0.75em;
  }
  .sent {
    color: var(--_success);
  }
  .documents li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .composer {
    display: grid;
    gap: 0.35em;
  }
  .composer label {
    font-weight: 600;
  }
  textarea {
    width: 100%;
    min-width: 0;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    resize: vertical;
  }
  button.link {
    border: 0;
    padding: 0;
    min-height: 2.75em;
    text-align: start;
    text-decoration: underline;
    background: none;
  }
  button.danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  .history li {
    display: flex;
    flex-direction: column;
  }
  .confirm {
    margin-bottom: 0.75em;
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
