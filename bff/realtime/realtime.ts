import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { SessionData, Store } from 'express-session';
import type { ResidentEventMap, StaffEventMap } from '../contract/realtime.ts';

/**
 * Live updates over socket.io, authenticated by the same session cookie as the HTTP API.
 * Rooms: one per housing company's staff and one per resident; a socket joins only the rooms its
 * session entitles it to, so nothing can be subscribed to by name. A socket lives no longer than its
 * session: sign-out, "log out everywhere", a password reset or expiry end the session in the store, and
 * the next session check (every `sessionCheckMs`) disconnects the socket.
 */
export interface Realtime {
  /** Only the events of the contract's event maps (bff/contract/realtime.ts), with their payloads. */
  toStaff<K extends keyof StaffEventMap>(tenantId: string, event: K, payload: StaffEventMap[K]): void;
  toResident<K extends keyof ResidentEventMap>(tenantId: string, residentId: string, event: K, payload: ResidentEventMap[K]): void;
  close(): Promise<void>;
  /** Sockets connected to this instance (for /metrics). */
  connectedSockets(): number;
}

export const staffRoom = (tenantId: string) => `tenant:${tenantId}:staff`;
export const residentRoom = (tenantId: string, residentId: string) => `tenant:${tenantId}:resident:${residentId}`;

interface SessionRequest extends IncomingMessage {
  session?: SessionData;
  /** Set by express-session on every request it handled. */
  sessionID?: string;
  sessionStore?: Store;
}

const SESSION_CHECK_MS = 15_000;

export async function attachRealtime(
  httpServer: HttpServer,
  sessionMiddleware: RequestHandler,
  options: {
    redisUrl?: string;
    logger: Logger;
    allowOrigin: (origin: string) => Promise<boolean>;
    allowOriginForTenant: (origin: string | undefined, tenantId: string) => Promise<boolean>;
    sessionCheckMs?: number;
  },
): Promise<Realtime> {
  const io = new Server(httpServer, {
    path: '/socket.io',
    cors: {
      credentials: true,
      origin: (origin, callback) => {
        if (!origin) return callback(null, true);
        options.allowOrigin(origin).then(
          (ok) => callback(null, ok),
          (error: Error) => callback(error),
        );
      },
    },
  });
  const redisClients: Array<{ quit(): Promise<unknown> }> = [];
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (err) => options.logger.error({ err }, 'redis publisher error'));
    sub.on('error', (err) => options.logger.error({ err }, 'redis subscriber error'));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
  }

  io.engine.use(sessionMiddleware);
  /** Joins the socket to the one room its session entitles it to; the error that refuses it otherwise. */
  const admit = async (socket: Socket): Promise<Error | undefined> => {
    const auth = (socket.request as SessionRequest).session?.auth;
    if (!auth || auth.stage !== 'complete') return new Error('unauthenticated');
    if (!(await options.allowOriginForTenant(socket.handshake.headers.origin, auth.tenantId))) {
      return new Error('origin_not_allowed');
    }
    // Staff rooms only for staff roles: a resident session without a resident id joins nothing.
    const staff = auth.role === 'clerk' || auth.role === 'admin';
    if (!staff && !(auth.role === 'resident' && auth.residentId)) return new Error('unauthenticated');
    await socket.join(staff ? staffRoom(auth.tenantId) : residentRoom(auth.tenantId, auth.residentId!));
    return undefined;
  };
  // A failing origin lookup refuses the socket instead of escaping as an unhandled rejection.
  io.use((socket, next) => {
    admit(socket).then(next, next);
  });

  const sessionCheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const request = socket.request as SessionRequest;
      const joined = request.session?.auth;
      if (!request.sessionID || !request.sessionStore) {
        socket.disconnect(true);
        continue;
      }
      request.sessionStore.get(request.sessionID, (error, current) => {
        // A failing store keeps the socket until the next check rather than dropping everyone at once.
        if (error) return options.logger.warn({ err: error }, 'realtime session check failed');
        const auth = current?.auth;
        const same = auth?.stage === 'complete' && auth.tenantId === joined?.tenantId && auth.accountId === joined?.accountId;
        if (!same) socket.disconnect(true);
      });
    }
  }, options.sessionCheckMs ?? SESSION_CHECK_MS);
  sessionCheck.unref();

  return {
    toStaff: (tenantId, event, payload) => void io.to(staffRoom(tenantId)).emit(event, payload),
    toResident: (tenantId, residentId, event, payload) => void io.to(residentRoom(tenantId, residentId)).emit(event, payload),
    connectedSockets: () => io.of('/').sockets.size,
    async close() {
      clearInterval(sessionCheck);
      io.disconnectSockets(true);
      await io.close();
      await Promise.all(redisClients.map((client) => client.quit())).catch(() => undefined);
    },
  };
}
