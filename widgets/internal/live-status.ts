import { css, html, type TemplateResult } from 'lit';

/**
 * "Verbindung unterbrochen – wird wiederhergestellt" while live updates are being restored. The polite
 * live region is always there (screen readers hear the text when it appears); the notice floats over the
 * top of the element, so nothing below it moves when it comes or goes.
 */
export function liveStatus(interrupted: boolean, text: string): TemplateResult {
  return html`<div class="live-status" role="status" aria-live="polite">
    ${interrupted ? html`<p part="live-status">${text}</p>` : ''}
  </div>`;
}

export const liveStatusStyles = css`
  .live-status {
    position: sticky;
    top: 0;
    z-index: 2;
    height: 0;
  }
  .live-status p {
    position: absolute;
    inset-inline: 0;
    top: 0;
    width: fit-content;
    margin: 0.25em auto 0;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.9em;
    box-shadow: 0 1px 4px rgb(0 0 0 / 12%);
  }
`;
