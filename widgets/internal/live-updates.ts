import type { Socket } from 'socket.io-client';

/** An event pushed by the BFF, e.g. `case:updated` with `{ change, case }` (docs/cases.md, "Realtime"). */
export type LiveHandler = (event: string, payload: unknown) => void;

/**
 * Live updates of the signed-in person. Elements subscribe while they are connected and signed in;
 * the connection opens with the first subscriber and closes with the last. After every (re)connect
 * subscribers get `live:connected`, so they can reload what they may have missed while offline; while
 * the connection is lost and being restored they get `live:interrupted` (once, and a late subscriber at once).
 */
export interface LiveUpdates {
  subscribe(handler: LiveHandler): () => void;
}

/** Emitted to subscribers after each successful (re)connect. */
export const liveConnected = 'live:connected';
/** Emitted to subscribers when the connection was lost and is being restored (a restart, a network gap). */
export const liveInterrupted = 'live:interrupted';
/** Emitted when the BFF ended the connection for good (sign-out, "log out everywhere") or refused it. */
export const liveEnded = 'live:ended';

/**
 * A gap shorter than this (a deploy that is back at once) is not shown: no flicker for a blip.
 * Reconnecting: socket.io's exponential backoff from 0.5 s to at most 3 s, each delay varied by ±50 %, so
 * the pages of a restarted BFF do not all come back in the same instant, yet are live again within seconds.
 */
const INTERRUPTION_GRACE_MS = 1_000;
const RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 3_000, randomizationFactor: 0.5 };

/**
 * socket.io to the BFF with the session cookie. A BFF behind a path prefix (`https://host/portal`)
 * serves socket.io under that prefix too. The client library is imported on the first subscription,
 * so pages that never sign in do not load it.
 */
export class SocketLiveUpdates implements LiveUpdates {
  private readonly handlers = new Set<LiveHandler>();
  private socket?: Socket;
  private opening?: Promise<void>;
  /** The lost connection is being restored and subscribers were told so. */
  private interrupted = false;
  private interruptionTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly baseUrl: string) {}

  subscribe(handler: LiveHandler): () => void {
    this.handlers.add(handler);
    if (this.interrupted) handler(liveInterrupted, undefined);
    if (this.socket && !this.socket.active) this.socket.connect();
    this.opening ??= this.open();
    return () => {
      this.handlers.delete(handler);
      if (!this.handlers.size) {
        this.socket?.disconnect();
        this.settle();
      }
    };
  }

  private async open(): Promise<void> {
    const { io } = await import('socket.io-client');
    const url = new URL(this.baseUrl || location.origin, location.href);
    const prefix = url.pathname.replace(/\/$/, '');
    const socket = io(url.origin, { path: `${prefix}/socket.io`, withCredentials: true, ...RECONNECTION });
    socket.onAny((event: string, payload: unknown) => this.dispatch(event, payload));
    socket.on('connect', () => {
      this.settle();
      this.dispatch(liveConnected, undefined);
    });
    // A lost connection (the BFF restarts, the network drops) is restored by socket.io itself. A disconnect
    // by the server (sign-out) or a refused handshake (no signed-in session) is final: after the next sign-in
    // a subscriber connects again.
    const lost = () => {
      if (socket.active) return this.interruptSoon();
      this.settle();
      this.dispatch(liveEnded, undefined);
    };
    socket.on('disconnect', (reason) => (reason === 'io client disconnect' ? this.settle() : lost()));
    socket.on('connect_error', lost);
    this.socket = socket;
    if (!this.handlers.size) socket.disconnect();
  }

  private interruptSoon(): void {
    if (this.interrupted || this.interruptionTimer) return;
    this.interruptionTimer = setTimeout(() => {
      this.interruptionTimer = undefined;
      if (this.socket?.connected || !this.socket?.active) return;
      this.interrupted = true;
      this.dispatch(liveInterrupted, undefined);
    }, INTERRUPTION_GRACE_MS);
  }

  /** Connected again, or not trying any more: nothing is being restored. */
  private settle(): void {
    clearTimeout(this.interruptionTimer);
    this.interruptionTimer = undefined;
    this.interrupted = false;
  }

  private dispatch(event: string, payload: unknown): void {
    for (const handler of [...this.handlers]) handler(event, payload);
  }
}

/** For clients without a BFF behind them (fakes): nothing is ever pushed unless a test emits it. */
export class ManualLiveUpdates implements LiveUpdates {
  private readonly handlers = new Set<LiveHandler>();

  subscribe(handler: LiveHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Pushes an event to every subscriber, as the BFF would. */
  emit(event: string, payload?: unknown): void {
    for (const handler of [...this.handlers]) handler(event, payload);
  }

  get subscribers(): number {
    return this.handlers.size;
  }
}
