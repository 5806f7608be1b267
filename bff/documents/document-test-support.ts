import type { TestClient } from '../test/harness.ts';

/** Test helpers for documents. */

/** GET of a file as a browser's download does it: status, headers and the raw bytes. */
export async function downloadFile(client: TestClient, path: string): Promise<{ status: number; headers: Headers; content: Buffer }> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookieHeader() } });
  return { status: response.status, headers: response.headers, content: Buffer.from(await response.arrayBuffer()) };
}
