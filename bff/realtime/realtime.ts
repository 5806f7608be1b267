import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { SessionData } from 'express-session';

/**
 * Live updates over socket.io, authenticated by the same session cookie as the HTTP API.
 * Rooms: one per housing company's staff and one per resident; a socket joins only the rooms its
 * session entitles it to, so nothing can be subscribed to by name.
 */
export interface Realtime {
  toStaff(tenantId: string, event: string, payload: unknown): void;
  toResident(tenantId: string, residentId: string, event: string, payload: unknown): void;
  close(): Promise<void>;
}

export const staffRoom = (tenantId: string) => `tenant:${tenantId}:staff`;
export const residentRoom = (tenantId: string, residentId: string) => `tenant:${tenantId}:resident:${residentId}`;

interface SessionRequest extends IncomingMessage {
  session?: SessionData;
}

export async function attachRealtime(
  httpServer: HttpServer,
  sessionMiddleware: RequestHandler,
  options: {
    redisUrl?: string;
    logger: Logger;
    allowOrigin: (origin: string) => Promise<boolean>;
    allowOriginForTenant: (origin: string | undefined, tenantId: string) => Promise<boolean>;
  },
): Promise<Realtime> {
  const io = new Server(httpServer, {
    path: '/socket.io',
    cors: {
      credentials: true,
      origin: (origin, callback) => {
        if (!origin) return callback(null, true);
        options.allowOrigin(origin).then((ok) => callback(null, ok), (error) => callback(error));
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
  io.use(async (socket, next) => {
    const auth = (socket.request as SessionRequest).session?.auth;
    if (!auth || auth.stage !== 'complete') return next(new Error('unauthenticated'));
    if (!(await options.allowOriginForTenant(socket.handshake.headers.origin, auth.tenantId))) {
      return next(new Error('origin_not_allowed'));
    }
    // Staff rooms only for staff roles: a resident session without a resident id joins nothing.
    const staff = auth.role === 'clerk' || auth.role === 'admin';
    if (!staff && !(auth.role === 'resident' && auth.residentId)) return next(new Error('unauthenticated'));
    socket.join(staff ? staffRoom(auth.tenantId) : residentRoom(auth.tenantId, auth.residentId!));
    next();
  });

  return {
    toStaff: (tenantId, event, payload) => void io.to(staffRoom(tenantId)).emit(event, payload),
    toResident: (tenantId, residentId, event, payload) => void io.to(residentRoom(tenantId, residentId)).emit(event, payload),
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit())).catch(() => undefined);
    },
  };
}
