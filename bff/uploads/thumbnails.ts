import sharp from 'sharp';
import { createDecodeQueue } from './decode-queue.ts';

/** The longer edge of a thumbnail in pixels: twice the 160 CSS px a list shows, for sharp screens. */
export const THUMBNAIL_EDGE = 320;

export interface StoredFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Photos made small for the resident's and the clerk's case views: at most `THUMBNAIL_EDGE` pixels on the
 * longer edge, WebP. Stored photos were already re-encoded without EXIF and upright (file-inspection.ts), so
 * only their size changes. Decoding is CPU work: it waits in its own queue, one account's share at a time.
 */
export function createThumbnails({ concurrency, maxPixels }: { concurrency: number; maxPixels: number }) {
  const queue = createDecodeQueue(concurrency);
  return {
    /** The thumbnail of a photo; `undefined` for a file that is no photo (a PDF). */
    async of(accountId: string, file: StoredFile): Promise<StoredFile | undefined> {
      if (!file.contentType.startsWith('image/')) return undefined;
      const content = await queue.run(accountId, () =>
        sharp(file.content, { limitInputPixels: maxPixels })
          .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 70 })
          .toBuffer(),
      );
      return { fileName: `${file.fileName.replace(/\.[^.]*$/, '')}-vorschau.webp`, contentType: 'image/webp', content };
    },
  };
}
