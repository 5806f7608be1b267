import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A housing company's Vorgang API for tests, on loopback: real HTTP, the receiving side of the wire
 * contract (docs/case-backend-http.md). It checks the bearer token, processes each Idempotency-Key once
 * (a repeat gets the first answer again) and can be switched off (port closed), made to answer 503, or
 * made to process a request and then lose the answer, as a real network does.
 */
export interface ReceivedRequest {
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: any;
  /** The answer sent (0: the connection was dropped after processing). */
  status: number;
}

export type FakeMode = 'ok' | 'unavailable' | 'lose-answer-once';

export class FakeVorgangApi {
  /** Every request that reached the server, in order. */
  readonly received: ReceivedRequest[] = [];
  /** What the receiver processed (its side effects), by Idempotency-Key: a repeated key is not processed again. */
  readonly processed = new Map<string, { path: string; body: any }>();
  mode: FakeMode = 'ok';
  private server: Server | undefined;
  private port = 0;

  constructor(readonly token: string) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/vorgang-api/v1`;
  }

  /** Starts listening (again on the same port after `stop`). */
  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const path = (req.url ?? '').replace(/^\/vorgang-api\/v1/, '');
        const key = req.headers['idempotency-key'] as string | undefined;
        const record = (status: number) =>
          this.received.push({ path, idempotencyKey: key, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined, status });
        if (this.mode === 'unavailable') {
          record(503);
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"maintenance"}');
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
        if (!earlier) this.processed.set(key, { path, body: JSON.parse(raw) });
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
