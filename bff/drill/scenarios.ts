import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { damageChoice, type DamageChoice } from '../cases/case-test-support.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { ADMIN_URL, type Cluster, type Instance } from './cluster.ts';

/**
 * What the scale-out drill does with a running cluster (bff/drill/cluster.ts). Each scenario returns what
 * it observed; run.ts judges it, and the benchmark reuses the measurements.
 */

export interface Resident {
  client: TestClient;
  clerk: TestClient;
  damage: DamageChoice;
}

/** `companies` housing companies, each with its two residents and its clerk signed in through `url`. */
export async function signInPeople(cluster: Cluster, url: string, companies: number): Promise<Resident[]> {
  const people: Resident[] = [];
  for (let i = 0; i < companies; i++) {
    const company = await createHousingCompany(cluster.db);
    const clerk = await signInStaff({ url }, company, 'clerk');
    for (const who of ['resident', 'neighbour'] as const) {
      const client = await signInResident({ url }, company, who);
      people.push({ client, clerk, damage: await damageChoice(client) });
    }
  }
  return people;
}

/** A socket.io client as the widgets open it: it reconnects by itself (backoff with jitter) when cut off. */
export async function openSocket(url: string, client: TestClient): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookieHeader() },
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

function nextEvent(socket: Socket, event: string, matches: (payload: any) => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`kein ${event} binnen ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: unknown) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(performance.now() - started);
    };
    socket.on(event, listener);
  });
}

const description = (key: string) => `Drill ${key}: Der Wasserhahn in der Küche tropft.`;

/**
 * Files one damage report the way a widget does: one Idempotency-Key per submit, sent again with every retry
 * after a network error or a 502/503 from the balancer (an instance died under the request).
 */
export async function fileCase(
  person: Resident,
  key = randomUUID(),
  attempts = 8,
): Promise<{ id: string; key: string; retries: number; waitedMs: number }> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    let pause = 150 + Math.random() * 150;
    try {
      const response = await person.client.request<{ case: { id: string } }>(
        'POST',
        '/api/cases',
        { type: 'damage', ...person.damage, urgency: 'normal', description: description(key), residentAvailability: 'werktags' },
        { headers: { 'idempotency-key': key } },
      );
      if (response.status === 201 || response.status === 200) {
        return { id: response.body.case.id, key, retries: attempt, waitedMs: performance.now() - started };
      }
      // The first attempt with this key still works on another instance: the BFF says when to ask again.
      const held = response.status === 409 && (response.body as { error?: { code?: string } }).error?.code === 'idempotency_in_progress';
      if (held && performance.now() - started < 120_000) {
        pause = Number(response.headers.get('retry-after') ?? 2) * 1000;
        attempt--;
      } else if (![502, 503, 504].includes(response.status) || attempt >= attempts) {
        throw new Error(`POST /api/cases: ${response.status} ${JSON.stringify(response.body)}`);
      }
    } catch (error) {
      if (attempt >= attempts || !(error instanceof TypeError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A resident signed in through one instance keeps working through the other: same session, same CSRF token. */
export async function sessionAcrossInstances(cluster: Cluster, person: Resident): Promise<{ signedInOn: string; workedOn: string }> {
  const [first, second] = cluster.instances;
  const there = person.client.at(second.url);
  const session = await there.get('/api/session');
  if (session.status !== 200 || session.body.state !== 'signed_in') {
    throw new Error(`${second.name} kennt die Sitzung nicht: ${session.status} ${JSON.stringify(session.body)}`);
  }
  await fileCase({ ...person, client: there });
  const list = await person.client.at(first.url).get('/api/cases');
  if (list.status !== 200) throw new Error(`${first.name}: GET /api/cases ${list.status}`);
  return { signedInOn: first.name, workedOn: second.name };
}

/** A clerk's status change on one instance reaches the resident's socket on the other (Redis adapter). */
export async function liveAcrossInstances(cluster: Cluster, person: Resident): Promise<number> {
  const [first, second] = cluster.instances;
  const filed = await fileCase({ ...person, client: person.client.at(first.url) });
  const socket = await openSocket(second.url, person.client);
  try {
    const arrived = nextEvent(
      socket,
      'case:updated',
      (payload) => payload.case?.id === filed.id && payload.case?.status === 'in_bearbeitung',
      5000,
    );
    const response = await person.clerk.at(first.url).patch(`/api/staff/cases/${filed.id}/status`, { status: 'in_bearbeitung' });
    if (response.status !== 200) throw new Error(`PATCH status: ${response.status} ${JSON.stringify(response.body)}`);
    return await arrived;
  } finally {
    socket.disconnect();
  }
}

export interface KillResult {
  killed: string;
  acknowledged: number;
  /** Acknowledged cases the database does not hold. */
  lost: number;
  /** Idempotency keys that produced more than one case. */
  duplicated: number;
  retried: number;
  /** The longest time one filing took until it was acknowledged, retries included (ms). */
  longestFilingMs: number;
  failed: string[];
  sockets: number;
  /** Sockets the kill cut off, and how long each took until it was connected again (ms from the kill). */
  reconnectMs: number[];
  /** Sockets that did not connect again within the wait. */
  stranded: number;
  /** After reconnecting: a status change reached every resident's socket. */
  liveAfter: boolean;
}

/**
 * Residents file cases through the balancer without pause while every resident and clerk has a socket
 * open through it; after `beforeMs` one instance is killed; the load goes on for `afterMs`. Then every
 * acknowledged case must be in the database once, and every socket must be live again.
 */
export async function killUnderLoad(
  cluster: Cluster,
  people: Resident[],
  victim: Instance,
  options: { beforeMs?: number; afterMs?: number; reconnectWaitMs?: number } = {},
): Promise<KillResult> {
  const { beforeMs = 1500, afterMs = 4000, reconnectWaitMs = 15_000 } = options;
  const clerks = [...new Set(people.map((person) => person.clerk))];
  const sockets = await Promise.all([...people.map((p) => p.client), ...clerks].map((client) => openSocket(cluster.url, client)));
  let killedAt = 0;
  const cutOff = new Set<Socket>();
  const reconnectMs: number[] = [];
  for (const socket of sockets) {
    socket.on('disconnect', () => {
      if (killedAt) cutOff.add(socket);
    });
    socket.io.on('reconnect', () => {
      if (killedAt && cutOff.has(socket)) reconnectMs.push(performance.now() - killedAt);
    });
  }

  const acknowledged: Array<{ id: string; key: string }> = [];
  const failed: string[] = [];
  let retried = 0;
  let longestFilingMs = 0;
  let running = true;
  const load = Promise.all(
    people.map(async (person) => {
      while (running) {
        try {
          const filed = await fileCase(person);
          acknowledged.push(filed);
          retried += filed.retries;
          longestFilingMs = Math.max(longestFilingMs, filed.waitedMs);
        } catch (error) {
          failed.push((error as Error).message);
        }
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, beforeMs));
  killedAt = performance.now();
  await cluster.kill(victim);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  running = false;
  await load;

  // Every socket is connected again, or the wait is over.
  const deadline = Date.now() + reconnectWaitMs;
  while (sockets.some((socket) => !socket.connected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stranded = sockets.filter((socket) => !socket.connected).length;

  // The reconnected sockets are live: each resident's last case changes status and the resident sees it.
  let liveAfter = true;
  try {
    await Promise.all(
      people.map(async (person, index) => {
        const filed = await fileCase(person);
        const arrived = nextEvent(sockets[index], 'case:updated', (payload) => payload.case?.id === filed.id, 5000);
        const response = await person.clerk.patch(`/api/staff/cases/${filed.id}/status`, { status: 'in_bearbeitung' });
        if (response.status !== 200) throw new Error(`PATCH status: ${response.status}`);
        await arrived;
      }),
    );
  } catch (error) {
    liveAfter = false;
    failed.push(`nach dem Wiederverbinden: ${(error as Error).message}`);
  }
  for (const socket of sockets) socket.disconnect();

  const counted = await countCases(cluster, acknowledged);
  return {
    killed: victim.name,
    acknowledged: acknowledged.length,
    lost: counted.lost,
    duplicated: counted.duplicated,
    retried,
    longestFilingMs,
    failed,
    sockets: sockets.length,
    reconnectMs: reconnectMs.sort((a, b) => a - b),
    stranded,
    liveAfter,
  };
}

/** Looks past row-level security (the server's administrator) to count what the instances stored. */
async function countCases(cluster: Cluster, acknowledged: Array<{ id: string; key: string }>) {
  const url = new URL(ADMIN_URL);
  url.pathname = new URL(cluster.urls.url).pathname;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const ids = acknowledged.map((filed) => filed.id);
    const found = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])`, [ids]);
    const doubles = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT description FROM cases WHERE description LIKE 'Drill %' GROUP BY description HAVING count(*) > 1) d`,
    );
    return { lost: ids.length - found.rows[0].n, duplicated: doubles.rows[0].n };
  } finally {
    await admin.end();
  }
}
