import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { STORED_FILE_TYPES, type StoredFileType } from '../contract/enums.ts';
import { AppError } from '../errors.ts';

/**
 * What an uploaded file really is, decided by its bytes (never by its name or the browser's type), and the
 * copy that is stored: images are decoded, turned upright and encoded again, which leaves every EXIF/GPS,
 * XMP and IPTC block behind; PDFs are kept as they are.
 */

// One libvips thread per image: the decode queue (decode-queue.ts) decides how many run at once, so an image
// never takes more than one core and the event loop keeps one for answering everybody else.
sharp.concurrency(1);

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

export interface InspectionLimits {
  /** Largest image in pixels (width × height), read from the header before anything is decoded. */
  maxPixels: number;
  /** Runs the CPU-heavy part (decoding an image, reading a PDF) in the bounded queue. */
  decode: <T>(work: () => Promise<T>) => Promise<T>;
}

export async function inspectUpload(original: Buffer, originalName: string, limits: InspectionLimits): Promise<InspectedFile> {
  const detected = await fileTypeFromBuffer(original);
  const mime = detected?.mime;
  if (mime === 'image/heic' || mime === 'image/heif' || mime === 'image/heic-sequence' || mime === 'image/heif-sequence') {
    throw unsupportedFileType(HEIC_HINT);
  }
  if (!mime || !(STORED_FILE_TYPES as readonly string[]).includes(mime)) throw unsupportedFileType();
  const contentType = mime as StoredFileType;
  let content: Buffer;
  if (contentType === 'application/pdf') {
    await limits.decode(() => refuseActivePdfContent(original));
    content = original;
  } else {
    await refuseTooManyPixels(original, limits.maxPixels);
    content = await limits.decode(() => reencodeImage(original, contentType, limits.maxPixels));
  }
  return { fileName: sanitizeFileName(originalName, EXTENSIONS[contentType]), contentType, content };
}

const unreadableImage = () => new AppError(415, 'unsupported_file_type', 'Das Bild ist beschädigt und kann nicht gelesen werden.');

/** Width and height come from the file's header (no pixel is decoded), so a decompression bomb costs nothing. */
async function refuseTooManyPixels(original: Buffer, maxPixels: number): Promise<void> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(original).metadata());
  } catch {
    throw unreadableImage();
  }
  if (!width || !height) throw unreadableImage();
  if (width * height > maxPixels) {
    const allowed = Math.floor(maxPixels / 1_000_000);
    throw new AppError(
      413,
      'image_too_large',
      `Das Bild ist zu groß (${width} × ${height} Bildpunkte). Erlaubt sind höchstens ${allowed} Megapixel: Bitte verkleinern Sie es oder senden Sie ein Foto in normaler Auflösung.`,
      { width, height, maxPixels },
    );
  }
}

async function reencodeImage(
  original: Buffer,
  contentType: Exclude<StoredFileType, 'application/pdf'>,
  maxPixels: number,
): Promise<Buffer> {
  try {
    // rotate() without arguments applies the EXIF orientation, so the picture stays upright without it.
    const image = sharp(original, { failOn: 'error', limitInputPixels: maxPixels }).rotate();
    switch (contentType) {
      case 'image/jpeg':
        return await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
      case 'image/png':
        return await image.png().toBuffer();
      case 'image/webp':
        return await image.webp({ quality: 88 }).toBuffer();
    }
  } catch {
    throw unreadableImage();
  }
}

/**
 * Names that make a PDF act instead of being read: scripts, launching programs, files carried inside. They are
 * looked for in every object pdf-lib finds — also inside compressed object streams — and, for files pdf-lib
 * cannot parse, in the raw bytes outside streams; `#xx` escapes in names (`/J#61vaScript`) are decoded first.
 */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);

const decodePdfName = (name: string) => name.replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const pdfActiveContent = () =>
  new AppError(
    415,
    'pdf_active_content',
    'Dieses PDF enthält Skripte, Programmaufrufe oder eingebettete Dateien und wird deshalb nicht angenommen. Bitte senden Sie ein einfaches PDF (z. B. über „Drucken als PDF“).',
  );

async function refuseActivePdfContent(original: Buffer): Promise<void> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    // Not parseable as a whole (a viewer may still open it): the names outside its streams are what can be checked.
    const outsideStreams = original.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, '');
    for (const match of outsideStreams.matchAll(/\/([^\s/[\]<>(){}%]+)/g)) {
      if (ACTIVE_PDF_NAMES.has(decodePdfName(match[1]))) throw pdfActiveContent();
    }
    return;
  }
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): void => {
    if (!object || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFName) {
      if (ACTIVE_PDF_NAMES.has(decodePdfName(object.decodeText()))) throw pdfActiveContent();
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        visit(key);
        visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
    } else if (object instanceof PDFStream) {
      visit(object.dict);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
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
