import { createHash } from 'node:crypto';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { SessionData, Store } from 'express-session';
import type { ResidentEventMap, StaffEventMap } from '../contract/realtime.ts';
import { afterCommit } from '../db/unit-of-work.ts';

/**
 * Live updates over socket.io, authenticated by the same session cookie as the HTTP API.
 * Rooms: one per housing company's staff and one per resident; a socket joins only the rooms its
 * session entitles it to, so nothing can be subscribed to by name. A socket lives no longer than its
 * session: it also joins a room of its session and one of its account, and sign-out, "log out everywhere",
 * a password reset or a new activation letter disconnect those rooms at once, on every instance (through
 * the Redis adapter). When the session's idle or absolute limit is reached, the socket's connection is
 * closed: the client reconnects, and the handshake admits it only if the session still lives.
 *
 * `close()` (shutdown, deploy) closes the connections without a disconnect packet, so every client
 * reconnects by itself (socket.io's backoff with jitter) — to this instance after a restart, or to another.
 */
export interface Realtime {
  /** Only the events of the contract's event maps (bff/contract/realtime.ts), with their payloads. */
  toStaff<K extends keyof StaffEventMap>(tenantId: string, event: K, payload: StaffEventMap[K]): void;
  toResident<K extends keyof ResidentEventMap>(tenantId: string, residentId: string, event: K, payload: ResidentEventMap[K]): void;
  /** A staff event for one clerk only (their own notifications): every open board of that account, nobody else's. */
  toStaffAccount<K extends keyof StaffEventMap>(tenantId: string, accountId: string, event: K, payload: StaffEventMap[K]): void;
  /** Sign-out: disconnects the sockets of this session (its id as express-session knows it) for good. */
  endSession(sessionId: string): void;
  /** Every session of an account ended ("log out everywhere", password reset): disconnects all its sockets. */
  endAccountSessions(tenantId: string, accountId: string): void;
  /** One session ended by its key (sha256 of the id; the account's list of sessions knows no ids): disconnects its sockets. */
  endSessionByKey(sessionKey: string): void;
  /**
   * Asks the other instances of the deployment (through Redis; there are none without it) and collects
   * their answers; an instance that does not answer within 2 s counts as "no".
   */
  askOtherInstances<K extends keyof InstanceRequestMap>(request: K, payload: InstanceRequestMap[K]): Promise<boolean[]>;
  /** How this instance answers another instance's request. */
  answerInstances<K extends keyof InstanceRequestMap>(request: K, answer: (payload: InstanceRequestMap[K]) => boolean): void;
  close(): Promise<void>;
  /** Sockets connected to this instance (for /metrics). */
  connectedSockets(): number;
}

/** Requests between the instances of one deployment, each answered by yes or no. */
export interface InstanceRequestMap {
  /** The resident stopped an answer: the instance streaming it aborts it and says yes. */
  'chat:stop': { accountId: string; conversationId: string };
}

/** How long an instance waits for the others' answers. */
const INSTANCE_ANSWER_MS = 2000;

export const staffRoom = (tenantId: string) => `tenant:${tenantId}:staff`;
export const residentRoom = (tenantId: string, residentId: string) => `tenant:${tenantId}:resident:${residentId}`;
/** Named by a hash of the session id, never by the id itself: room names travel through Redis. */
const sessionKeyRoom = (sessionKey: string) => `session:${sessionKey}`;
export const sessionRoom = (sessionId: string) => sessionKeyRoom(createHash('sha256').update(sessionId).digest('hex'));
export const accountRoom = (tenantId: string, accountId: string) => `tenant:${tenantId}:account:${accountId}`;

interface SessionRequest extends IncomingMessage {
  session?: SessionData;
  /** Set by express-session on every request it handled. */
  sessionID?: string;
  sessionStore?: Store;
}

/** setTimeout's longest delay; a later session end is checked again then. */
const LONGEST_TIMER_MS = 2_147_483_647;

export async function attachRealtime(
  httpServer: HttpServer,
  sessionMiddleware: RequestHandler,
  options: {
    redisUrl?: string;
    logger: Logger;
    allowOrigin: (origin: string) => Promise<boolean>;
    allowOriginForTenant: (origin: string | undefined, tenantId: string) => Promise<boolean>;
    /** The absolute session limit since sign-in (SESSION_ABSOLUTE_HOURS), which the handshake enforces too. */
    sessionAbsoluteMs: number;
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
    io.adapter(createAdapter(pub, sub, { requestsTimeout: INSTANCE_ANSWER_MS }));
    redisClients.push(pub, sub);
  }

  io.engine.use(sessionMiddleware);
  /** Joins the socket to the one room its session entitles it to; the error that refuses it otherwise. */
  const admit = async (socket: Socket): Promise<Error | undefined> => {
    const request = socket.request as SessionRequest;
    const auth = request.session?.auth;
    if (!auth || auth.stage !== 'complete' || !request.sessionID) return new Error('unauthenticated');
    const ends = sessionEnd(request.session!, options.sessionAbsoluteMs);
    if (ends <= Date.now()) return new Error('unauthenticated');
    if (!(await options.allowOriginForTenant(socket.handshake.headers.origin, auth.tenantId))) {
      return new Error('origin_not_allowed');
    }
    // Staff rooms only for staff roles: a resident session without a resident id joins nothing.
    const staff = auth.role === 'clerk' || auth.role === 'admin';
    if (!staff && !(auth.role === 'resident' && auth.residentId)) return new Error('unauthenticated');
    await socket.join([
      staff ? staffRoom(auth.tenantId) : residentRoom(auth.tenantId, auth.residentId!),
      sessionRoom(request.sessionID),
      accountRoom(auth.tenantId, auth.accountId),
    ]);
    closeWhenSessionEnds(socket, ends);
    return undefined;
  };
  // A failing origin lookup refuses the socket instead of escaping as an unhandled rejection.
  io.use((socket, next) => {
    admit(socket).then(next, next);
  });

  return {
    // Live events tell of committed changes: inside a unit of work (an idempotent request) they wait for its commit.
    toStaff: (tenantId, event, payload) => afterCommit(() => void io.to(staffRoom(tenantId)).emit(event, payload)),
    toStaffAccount: (tenantId, accountId, event, payload) =>
      afterCommit(() => void io.to(accountRoom(tenantId, accountId)).emit(event, payload)),
    toResident: (tenantId, residentId, event, payload) =>
      afterCommit(() => void io.to(residentRoom(tenantId, residentId)).emit(event, payload)),
    endSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    endAccountSessions: (tenantId, accountId) => io.in(accountRoom(tenantId, accountId)).disconnectSockets(true),
    endSessionByKey: (sessionKey) => io.in(sessionKeyRoom(sessionKey)).disconnectSockets(true),
    connectedSockets: () => io.of('/').sockets.size,
    async askOtherInstances(request, payload) {
      if (!options.redisUrl) return [];
      // An instance that does not answer in time (stopping, gone) only leaves its answer out.
      return new Promise((resolve) => {
        io.serverSideEmit(request, payload, (_timedOut: Error | null, answers: unknown[] = []) => {
          resolve(answers.map((answer) => answer === true));
        });
      });
    },
    answerInstances(request, answer) {
      // Events from other instances (serverSideEmit) are not typed by socket.io's default event maps.
      const listener = (payload: InstanceRequestMap[typeof request], reply: (answer: boolean) => void) => reply(answer(payload));
      const name: string = request;
      io.on(name, listener);
    },
    async close() {
      // No disconnect packet (a client takes that as final): the closed connections make every client
      // reconnect. Not io.close(): it also waits for the HTTP server to close, which the shutdown drains itself.
      io.engine.close();
      await io.of('/').adapter.close();
      await Promise.all(redisClients.map((client) => client.quit())).catch(() => undefined);
    },
  };
}

/** When the session ends unless it is used meanwhile: its idle expiry, or the absolute limit since sign-in. */
function sessionEnd(session: SessionData, absoluteMs: number): number {
  const idle = session.cookie?.expires ? new Date(session.cookie.expires).getTime() : Infinity;
  const absolute = session.signedInAt ? session.signedInAt + absoluteMs : Infinity;
  return Math.min(idle, absolute);
}

/**
 * At the session's end the connection is closed, not the socket: the client reconnects at once, and the
 * handshake reads the session again — still there if the person used the API meanwhile (rolling idle
 * expiry), refused if it ended.
 */
function closeWhenSessionEnds(socket: Socket, ends: number): void {
  if (!Number.isFinite(ends)) return;
  const timer = setTimeout(() => socket.conn.close(), Math.min(ends - Date.now(), LONGEST_TIMER_MS));
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
