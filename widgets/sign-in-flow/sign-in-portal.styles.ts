import { css } from 'lit';

export const signInPortalStyles = css`
  /* The room widgets.css reserves on the host page before the element is defined: the page does not jump. */
  :host {
    background: var(--mp-color-background, transparent);
    min-height: var(--mp-reserved-height, calc(27 * var(--_font-size)));
  }
  .portal {
    padding: var(--_space);
    min-width: 0;
  }
  h2 {
    font-size: 1.4em;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  h2:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2:focus:not(:focus-visible) {
    outline: none;
  }
  p {
    margin: 0 0 1em;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0 0 1em;
    color: var(--_error);
  }
  mp-account-bar {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .empty-state {
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
`;
