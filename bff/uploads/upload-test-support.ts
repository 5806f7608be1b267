import sharp from 'sharp';
import type { TestClient, JsonResponse } from '../test/harness.ts';

/** Test helpers for uploads: real files and a browser-like multipart request through fetch. */

/** A JPEG as a phone writes it: EXIF with camera, GPS position and "rotate 90°" (stored 40 × 20, shown 20 × 40). */
export function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#b03020' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'ProbePhone', Model: 'GPS-Test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '13/1 24/1 5678/100' },
    })
    .toBuffer();
}

export function png(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 4, background: '#00ff0080' } })
    .png()
    .toBuffer();
}

export function webp(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#0000ff' } })
    .webp()
    .toBuffer();
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

/** The start of an iPhone photo (ISO-BMFF with the HEIC brand). */
export const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.alloc(64),
]);

/** Does the buffer carry an EXIF block (APP1 "Exif\0\0" in JPEG, "eXIf"/"EXIF" chunks in PNG/WebP)? */
export const hasExif = (content: Buffer) => ['Exif\0\0', 'eXIf', 'EXIF'].some((marker) => content.includes(Buffer.from(marker, 'latin1')));

/** POST /api/uploads as a browser sends it: multipart/form-data with one part per file. */
export async function upload(
  client: TestClient,
  files: Array<{ content: Buffer | Uint8Array; name: string; field?: string; type?: string }>,
): Promise<JsonResponse> {
  const form = new FormData();
  for (const file of files)
    form.append(
      file.field ?? 'file',
      new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  const response = await fetch(client.baseUrl + '/api/uploads', {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': await client.csrfToken(), cookie: client.cookieHeader() },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export const uploadOne = (client: TestClient, content: Buffer | Uint8Array, name = 'foto.jpg') => upload(client, [{ content, name }]);

/** GET of a file: status, headers and the raw bytes. */
export async function download(client: TestClient, path: string): Promise<{ status: number; headers: Headers; content: Buffer }> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookieHeader() } });
  return { status: response.status, headers: response.headers, content: Buffer.from(await response.arrayBuffer()) };
}
