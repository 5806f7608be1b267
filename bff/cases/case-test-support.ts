import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../server.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';

/** Test helpers for the case API: a housing company, catalogue look-ups, sockets. */

/** Every new housing company starts with the default catalogue (createTenant seeds it). */
export function createCaseCompany(server: RunningServer, options: { name?: string } = {}): Promise<HousingCompany> {
  return createHousingCompany(server.db, options);
}

export interface DamageChoice {
  damageLocationId: string;
  damageCategoryId: string;
  damageKindId: string;
}

/** Ids of a damage kind in the client's catalogue, found by the three labels. */
export async function damageChoice(
  client: TestClient,
  labels: { location: string; category: string; kind: string } = { location: 'Wohnung', category: 'Sanitär', kind: 'Wasserhahn tropft' },
): Promise<DamageChoice> {
  const { body } = await client.get('/api/cases/catalogue');
  const location = body.damageLocations.find((entry: { label: string }) => entry.label === labels.location);
  const category = location?.categories.find((entry: { label: string }) => entry.label === labels.category);
  const kind = category?.kinds.find((entry: { label: string }) => entry.label === labels.kind);
  if (!kind) throw new Error(`catalogue has no ${labels.location} / ${labels.category} / ${labels.kind}`);
  return { damageLocationId: location.id, damageCategoryId: category.id, damageKindId: kind.id };
}

export async function documentTypeId(client: TestClient, label: string): Promise<string> {
  const { body } = await client.get('/api/cases/catalogue');
  const entry = body.documentTypes.find((type: { label: string }) => type.label === label);
  if (!entry) throw new Error(`catalogue has no document ${label}`);
  return entry.id;
}

/** A socket.io connection carrying the client's session cookie, connected. */
export async function connectSocket(server: RunningServer, client: TestClient): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: client.cookieHeader() }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Every payload of `event` the socket receives from now on. */
export function recordEvents(socket: Socket, event: string): unknown[] {
  const received: unknown[] = [];
  socket.on(event, (payload: unknown) => received.push(payload));
  return received;
}

/** The next payload of `event` that matches, or a rejection after `timeoutMs`. */
export function nextEvent<T = any>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}
