import type { Socket } from 'socket.io-client';

/** An event pushed by the BFF, e.g. `case:updated` with `{ change, case }` (docs/cases.md, "Realtime"). */
export type LiveHandler = (event: string, payload: unknown) => void;

/**
 * Live updates of the signed-in person. Elements subscribe while they are connected and signed in;
 * the connection opens with the first subscriber and closes with the last. After every (re)connect
 * subscribers get `live:connected`, so they can reload what they may have missed while offline.
 */
export interface LiveUpdates {
  subscribe(handler: LiveHandler): () => void;
}

/** Emitted to subscribers after each successful (re)connect. */
export const liveConnected = 'live:connected';

/**
 * socket.io to the BFF with the session cookie. A BFF behind a path prefix (`https://host/portal`)
 * serves socket.io under that prefix too. The client library is imported on the first subscription,
 * so pages that never sign in do not load it.
 */
export class SocketLiveUpdates implements LiveUpdates {
  private readonly handlers = new Set<LiveHandler>();
  private socket?: Socket;
  private opening?: Promise<void>;

  constructor(private readonly baseUrl: string) {}

  subscribe(handler: LiveHandler): () => void {
    this.handlers.add(handler);
    if (this.socket && !this.socket.connected) this.socket.connect();
    this.opening ??= this.open();
    return () => {
      this.handlers.delete(handler);
      if (!this.handlers.size) this.socket?.disconnect();
    };
  }

  private async open(): Promise<void> {
    const { io } = await import('socket.io-client');
    const url = new URL(this.baseUrl || location.origin, location.href);
    const prefix = url.pathname.replace(/\/$/, '');
    const socket = io(url.origin, { path: `${prefix}/socket.io`, withCredentials: true });
    socket.onAny((event: string, payload: unknown) => this.dispatch(event, payload));
    socket.on('connect', () => this.dispatch(liveConnected, undefined));
    // The server refuses a socket without a signed-in session; after the next sign-in a subscriber connects again.
    socket.on('connect_error', () => undefined);
    this.socket = socket;
    if (!this.handlers.size) socket.disconnect();
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
