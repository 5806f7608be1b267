import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signDownload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './wire.ts';

/**
 * A housing company's Vorgang API for tests, on loopback: real HTTP, the receiving side of the wire
 * contract (docs/case-backend-http.md). It checks the bearer token, processes each Idempotency-Key once
 * (a repeat gets the first answer again) and can be switched off (port closed), made to answer 503, or
 * made to process a request and then lose the answer, as a real network does. Given the company's webhook
 * secret, it handles `case.attachments_added` as a real receiver would: it fetches every file from its
 * `downloadUrl` with a signed GET and accepts the entry only when each answer is 200 with the announced
 * SHA-256 (otherwise 502, so the entry is retried).
 */
export interface FetchedFile {
  id: string;
  status: number;
  contentType: string | null;
  disposition: string | null;
  nosniff: string | null;
  content: Buffer;
  sha256Matches: boolean;
}

/** GET of a download URL signed the way the Vorgang API signs it (or with a forced signature, an old timestamp, or signed for another path). */
export async function signedGet(
  url: string,
  secret: string | undefined,
  options: { ageSeconds?: number; signature?: string; signedPath?: string } = {},
): Promise<{ status: number; headers: Headers; content: Buffer }> {
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const headers: Record<string, string> = {};
  if (secret !== undefined || options.signature) {
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = options.signature ?? signDownload(secret!, timestamp, 'GET', options.signedPath ?? new URL(url).pathname);
  }
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, content: Buffer.from(await response.arrayBuffer()) };
}

export interface ReceivedRequest {
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: any;
  /** The answer sent (0: the connection was dropped after processing). */
  status: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export type FakeMode = 'ok' | 'unavailable' | 'lose-answer-once';

export class FakeVorgangApi {
  /** Every request that reached the server, in order. */
  readonly received: ReceivedRequest[] = [];
  /** What the receiver processed (its side effects), by Idempotency-Key: a repeated key is not processed again. */
  readonly processed = new Map<string, { path: string; body: any }>();
  mode: FakeMode = 'ok';
  /** Sent as `Retry-After` with the 503 answers of mode `unavailable` (seconds or an HTTP date), or made per answer. */
  retryAfter: string | (() => string) | undefined;
  /** The company's webhook secret: signs the downloads of attachments. */
  secret: string | undefined;
  /** Every download of an attachment, in order. */
  readonly fetched: FetchedFile[] = [];
  private server: Server | undefined;
  private port = 0;

  constructor(readonly token: string) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/vorgang-api/v1`;
  }

  /** Starts listening (again on the same port after `stop`). */
  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void readBody(req).then(async (raw) => {
        const path = (req.url ?? '').replace(/^\/vorgang-api\/v1/, '');
        const key = req.headers['idempotency-key'] as string | undefined;
        const record = (status: number) =>
          this.received.push({
            path,
            idempotencyKey: key,
            authorization: req.headers.authorization,
            body: raw ? JSON.parse(raw) : undefined,
            status,
            at: Date.now(),
          });
        if (this.mode === 'unavailable') {
          record(503);
          const value = typeof this.retryAfter === 'function' ? this.retryAfter() : this.retryAfter;
          const retryAfter = value ? { 'retry-after': value } : {};
          res.writeHead(503, { 'content-type': 'application/json', ...retryAfter }).end('{"error":"maintenance"}');
          return;
        }
        if (req.headers.authorization !== `Bearer ${this.token}`) {
          record(401);
          res.writeHead(401).end();
          return;
        }
        if (!key) {
          record(400);
          res.writeHead(400).end();
          return;
        }
        const earlier = this.processed.get(key);
        if (!earlier) {
          const body = JSON.parse(raw);
          if (body.event === 'case.attachments_added' && !(await this.fetchAll(body.attachments))) {
            record(502);
            res.writeHead(502).end();
            return;
          }
          this.processed.set(key, { path, body });
        }
        if (this.mode === 'lose-answer-once' && !earlier) {
          this.mode = 'ok';
          record(0);
          req.socket.destroy();
          return;
        }
        record(earlier ? 200 : 201);
        res.writeHead(earlier ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ externalId: `V-${key}` }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the port: connections are refused until `start` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Fetches each announced file with a signed GET; true when all came back intact. */
  private async fetchAll(files: Array<{ id: string; sha256: string; downloadUrl: string }>): Promise<boolean> {
    let intact = true;
    for (const file of files) {
      try {
        const { status, headers, content } = await signedGet(file.downloadUrl, this.secret);
        const sha256Matches = status === 200 && createHash('sha256').update(content).digest('hex') === file.sha256;
        this.fetched.push({
          id: file.id,
          status,
          contentType: headers.get('content-type'),
          disposition: headers.get('content-disposition'),
          nosniff: headers.get('x-content-type-options'),
          content,
          sha256Matches,
        });
        intact &&= sha256Matches;
      } catch {
        intact = false;
      }
    }
    return intact;
  }

  /** Processed events, in processing order. */
  processedBodies(): any[] {
    return [...this.processed.values()].map((entry) => entry.body);
  }

  /** Requests that carried the given key (all attempts of one outbox entry). */
  attemptsWithKey(key: string): ReceivedRequest[] {
    return this.received.filter((request) => request.idempotencyKey === key);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
