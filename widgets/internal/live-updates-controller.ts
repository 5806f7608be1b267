import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from './api-client.ts';
import type { LiveEventOf } from '../../bff/contract/realtime.ts';
import { liveConnected, liveEnded, liveInterrupted } from './live-updates.ts';

/** `M`: the contract's event map of the audience (`ResidentEventMap` or `StaffEventMap`). */
export interface LiveUpdatesOptions<M> {
  /** The client whose live updates to follow (the element's current one). */
  client: () => ApiClient;
  /** Whether to listen now, e.g. while signed in; asked before every update of the element. */
  active: () => boolean;
  /** An event the BFF pushed, e.g. `case:updated`, typed by the contract's event map. */
  onEvent: (live: LiveEventOf<M>) => void;
  /**
   * After every (re)connect: read again what is shown, since something may have changed while offline.
   * Also when the BFF ended the connection (sign-out elsewhere): the reload finds the session gone.
   */
  reload: () => void;
}

/**
 * Live updates for a connected element: subscribed while the element is on the page and `active()` holds,
 * unsubscribed otherwise (sign-out, leaving the page), and subscribed anew when the element gets another client.
 * `interrupted` tells the element to show that the connection is being restored (`liveStatus`).
 */
export class LiveUpdatesController<M> implements ReactiveController {
  private subscription?: { client: ApiClient; unsubscribe: () => void };
  private connected = false;
  /** The connection was lost and is being restored; what is shown may be out of date meanwhile. */
  interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveUpdatesOptions<M>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  /** Subscribes to the client that should be followed now, or to none. */
  private follow(): void {
    const client = this.connected && this.options.active() ? this.options.client() : undefined;
    if (this.subscription?.client === client) return;
    this.subscription?.unsubscribe();
    this.setInterrupted(false);
    this.subscription = client && {
      client,
      unsubscribe: client.live.subscribe((event, payload) => {
        if (event === liveInterrupted) return this.setInterrupted(true);
        if (event === liveConnected || event === liveEnded) {
          this.setInterrupted(false);
          return this.options.reload();
        }
        // The BFF emits only what the contract's event map lists (bff/realtime/realtime.ts is typed by it).
        this.options.onEvent({ event, payload } as LiveEventOf<M>);
      }),
    };
  }

  private setInterrupted(interrupted: boolean): void {
    if (this.interrupted === interrupted) return;
    this.interrupted = interrupted;
    this.host.requestUpdate();
  }
}
