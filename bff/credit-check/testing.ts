import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A credit bureau's gateway on loopback, speaking the HTTP adapter's wire protocol (bff/credit-check/http.ts): it
 * records each request and answers with a reference, a class and — as real bureaus do — raw data (a score, entries,
 * the person's data as the bureau holds it) that must never reach a table or a log. `failWith`: the next answers
 * are this status.
 */
export const RAW_BUREAU_MARKERS = ['ROHSCORE-731', 'Inkasso-Eintrag-RAW-2019', 'Schuldnerverzeichnis-RAW'];

export interface BureauDouble {
  url: string;
  requests: Array<{ headers: IncomingHttpHeaders; body: { person?: Record<string, unknown> } | null }>;
  failWith: number | null;
  scoreClass: string;
  close(): Promise<void>;
}

export async function startBureauDouble(): Promise<BureauDouble> {
  let counter = 0;
  const double: BureauDouble = {
    url: '',
    requests: [],
    failWith: null,
    scoreClass: 'mit_auflagen',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as { person?: Record<string, unknown> } | null;
      double.requests.push({ headers: req.headers, body });
      if (double.failWith) {
        res.writeHead(double.failWith, { 'content-type': 'application/json' }).end(JSON.stringify({ error: RAW_BUREAU_MARKERS[0] }));
        return;
      }
      counter += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          reference: `AUSK-2026-${String(counter).padStart(6, '0')}`,
          scoreClass: double.scoreClass,
          score: RAW_BUREAU_MARKERS[0],
          entries: [{ kind: RAW_BUREAU_MARKERS[1], amount: 1234.56 }, { kind: RAW_BUREAU_MARKERS[2] }],
          person: { ...body?.person, formerAddresses: ['Alte Gasse 1, 12345 Altstadt'] },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/checks`;
  return double;
}
