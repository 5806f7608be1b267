import { css } from 'lit';

export const signInFlowStyles = css`
  .panel {
    max-width: 28em;
  }
  h2 {
    font-size: 1.4em;
    line-height: 1.25;
    margin: 0 0 0.75em;
  }
  p {
    margin: 0 0 1em;
  }
  :focus-visible,
  h2:focus,
  .alert:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2:focus:not(:focus-visible),
  .alert:focus:not(:focus-visible) {
    outline: none;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0 0 1em;
    color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, var(--_surface));
  }
  .confirmation {
    border-inline-start: 4px solid var(--_success);
    padding: 0.5em 0.75em;
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0 0 1em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.625em;
    width: 100%;
    min-height: 2.75em;
    margin: 0;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_error);
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
  button {
    font: inherit;
    cursor: pointer;
    margin: 0;
  }
  button:disabled {
    cursor: progress;
  }
  .submit {
    justify-self: start;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .submit:disabled {
    opacity: 0.7;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .link {
    background: none;
    border: 0;
    padding: 0.25em 0;
    color: var(--_primary);
    text-decoration: underline;
    text-align: start;
  }
  .options {
    list-style: none;
    padding: 0;
    margin: 0 0 1em;
    display: grid;
    gap: 0.75em;
  }
  .option {
    display: grid;
    gap: 0.25em;
    width: 100%;
    text-align: start;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .option strong {
    color: var(--_primary);
  }
  .qr-code {
    display: block;
    width: 200px;
    max-width: 100%;
    height: auto;
    background: #fff;
    margin: 0 0 1em;
  }
  .recovery-codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
    gap: 0.25em 1em;
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
  }
  .secret {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 1.1em;
    letter-spacing: 0.05em;
    word-spacing: 0.3em;
  }
  @media (max-width: 480px) {
    .submit {
      justify-self: stretch;
    }
  }
`;
