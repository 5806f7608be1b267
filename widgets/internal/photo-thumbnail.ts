import { css, html, nothing, type TemplateResult } from 'lit';
import type { CaseAttachment } from '../../bff/contract/attachments.ts';

/** The address of a photo's thumbnail: its download address with `?size=thumbnail` (the BFF's authorised route). */
export function thumbnailOf(downloadUrl: string): string {
  return `${downloadUrl}${downloadUrl.includes('?') ? '&' : '?'}size=thumbnail`;
}

/**
 * A case's photo, small, in the resident's and the clerk's case views (at most 320 px, WebP, from the same
 * authorised route as the download). Loaded lazily, in a fixed box (no layout shift); a PDF, or a view that
 * was given no thumbnail address, shows none.
 */
export function photoThumbnail(
  src: string | undefined,
  attachment: Pick<CaseAttachment, 'contentType'>,
  alt: string,
): TemplateResult | typeof nothing {
  if (!src || !attachment.contentType.startsWith('image/')) return nothing;
  return html`<img class="thumbnail" part="thumbnail" src=${src} alt=${alt} width="160" height="120" loading="lazy" decoding="async" />`;
}

export const photoThumbnailStyles = css`
  img.thumbnail {
    display: block;
    width: 10em;
    max-width: 100%;
    height: 7.5em;
    margin: 0.25em 0;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_border);
  }
`;
