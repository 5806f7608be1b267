import type { Response } from 'express';

/**
 * Sends a stored file as a download: never rendered inline by the browser, never sniffed into another
 * type, not cached, no active content even if opened directly. Case attachments and documents alike. The
 * name goes in RFC 5987 form (UTF-8) plus an ASCII fallback.
 */
export function sendFile(res: Response, file: { fileName: string; contentType: string; content: Buffer }): void {
  const fallback = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.content.length));
  res.setHeader('Content-Disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.content);
}
