import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { STORED_FILE_TYPES, type StoredFileType } from '../contract/enums.ts';
import { AppError } from '../errors.ts';

/**
 * What an uploaded file really is, decided by its bytes (never by its name or the browser's type), and the
 * copy that is stored: images are decoded, turned upright and encoded again, which leaves every EXIF/GPS,
 * XMP and IPTC block behind; PDFs are kept as they are.
 */

export interface InspectedFile {
  fileName: string;
  contentType: StoredFileType;
  content: Buffer;
}

const EXTENSIONS: Record<StoredFileType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export const unsupportedFileType = (hint = '') =>
  new AppError(
    415,
    'unsupported_file_type',
    `Dieser Dateityp wird nicht unterstützt. Bitte laden Sie ein Foto (JPEG, PNG, WebP) oder ein PDF hoch.${hint}`,
  );

/** Photos from iPhones: libvips as shipped with sharp cannot decode HEVC, so the EXIF data could not be removed. */
const HEIC_HINT =
  ' HEIC-Fotos (iPhone) können wir nicht annehmen: Bitte senden Sie das Foto als JPEG (iPhone: Einstellungen › Kamera › Formate › „Maximale Kompatibilität“).';

export async function inspectUpload(original: Buffer, originalName: string): Promise<InspectedFile> {
  const detected = await fileTypeFromBuffer(original);
  const mime = detected?.mime;
  if (mime === 'image/heic' || mime === 'image/heif' || mime === 'image/heic-sequence' || mime === 'image/heif-sequence') {
    throw unsupportedFileType(HEIC_HINT);
  }
  if (!mime || !(STORED_FILE_TYPES as readonly string[]).includes(mime)) throw unsupportedFileType();
  const contentType = mime as StoredFileType;
  const content = contentType === 'application/pdf' ? original : await reencodeImage(original, contentType);
  return { fileName: sanitizeFileName(originalName, EXTENSIONS[contentType]), contentType, content };
}

async function reencodeImage(original: Buffer, contentType: Exclude<StoredFileType, 'application/pdf'>): Promise<Buffer> {
  try {
    // rotate() without arguments applies the EXIF orientation, so the picture stays upright without it.
    const image = sharp(original, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
    switch (contentType) {
      case 'image/jpeg':
        return await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
      case 'image/png':
        return await image.png().toBuffer();
      case 'image/webp':
        return await image.webp({ quality: 88 }).toBuffer();
    }
  } catch {
    throw new AppError(415, 'unsupported_file_type', 'Das Bild ist beschädigt oder zu groß und kann nicht gelesen werden.');
  }
}

/**
 * A file name that is safe to store and to send back in Content-Disposition: no directories, no control
 * or bidirectional-override characters, at most 120 characters, with the extension of the real type.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const stem =
    cleaned
      .replace(/\.[^.]*$/, '')
      .slice(0, 110)
      .trim() || 'Datei';
  return `${stem}.${extension}`;
}
