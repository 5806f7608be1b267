import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError } from '../errors.ts';
import { UPLOAD_LIMITS } from '../contract/enums.ts';

const MAX_UPLOAD_BYTES = UPLOAD_LIMITS.maxBytes;

/**
 * Reads the one file of a `multipart/form-data` request into memory (the Api does it for an operation with
 * `upload`, before the handler). Multer (busboy) stops counting at 10 MB while the body streams in, drains
 * the rest without keeping it, and only then answers, so the client gets its 413 instead of a broken connection.
 */
const multipart = multer({
  storage: multer.memoryStorage(),
  defParamCharset: 'utf8',
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
});

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

export interface ReceivedFile {
  originalName: string;
  content: Buffer;
  /** The other text fields of the form. */
  fields: Record<string, string>;
}

export async function receiveFile(req: Request, res: Response, field = 'file'): Promise<ReceivedFile> {
  if (!req.is('multipart/form-data')) {
    throw new AppError(400, 'file_missing', `Bitte wählen Sie eine Datei aus (multipart/form-data, Feld „${field}“).`);
  }
  const singleFile = multipart.single(field);
  await new Promise<void>((resolve, reject) => singleFile(req, res, (error: unknown) => (error ? reject(toAppError(error)) : resolve())));
  const file = req.file;
  if (!file) throw new AppError(400, 'file_missing', `Bitte wählen Sie eine Datei aus (Feld „${field}“).`);
  if (file.size === 0) throw new AppError(400, 'file_empty', 'Die Datei ist leer.');
  return { originalName: file.originalname ?? '', content: file.buffer, fields: { ...(req.body as Record<string, string> | undefined) } };
}

function toAppError(error: unknown): AppError {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(413, 'file_too_large', `Die Datei ist zu groß. Erlaubt sind höchstens ${MAX_MB} MB pro Datei.`);
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError(400, 'too_many_files', 'Bitte laden Sie jede Datei einzeln hoch (ein Feld „file“ pro Anfrage).');
    }
  }
  return new AppError(400, 'invalid_upload', 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.');
}
