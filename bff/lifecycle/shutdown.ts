import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';

/**
 * Shutdown steps that cannot hang. An orchestrator kills a process that outlives its grace period (often
 * 10 s) and a killed process answers nobody, so every step gets a share of the time and the next step
 * starts when it is used up, however the database or Redis behave.
 */
export class ShutdownClock {
  private readonly deadline: number;

  constructor(
    totalMs: number,
    private readonly logger: Logger,
  ) {
    this.deadline = Date.now() + totalMs;
  }

  /** Milliseconds until the whole shutdown must be over. */
  left(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /** Waits for `step` at most `ms` (and never past the deadline); a step that fails or overruns is logged, not thrown. */
  async step(name: string, step: () => Promise<unknown>, ms = this.left()): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<'overrun'>((resolve) => (timer = setTimeout(() => resolve('overrun'), Math.min(ms, this.left()))));
    try {
      const outcome = await Promise.race([step().then(() => 'done' as const), overrun]);
      if (outcome === 'overrun') this.logger.warn({ step: name }, 'shutdown step overran its time, going on');
    } catch (err) {
      this.logger.warn({ err, step: name }, 'shutdown step failed, going on');
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Stops accepting connections. The promise resolves once every open connection has ended; the requests
 * under way are let finish by `drainConnections`.
 */
export function stopAccepting(httpServer: HttpServer): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!httpServer.listening) resolve();
    else httpServer.close(() => resolve());
  });
}

/**
 * Lets the requests under way finish: idle keep-alive connections close at once, a busy one as soon as its
 * answer is sent. After `ms` the remaining connections are cut.
 */
export async function drainConnections(httpServer: HttpServer, allClosed: Promise<void>, ms: number): Promise<void> {
  // close() alone leaves a keep-alive connection open after its answer: close each one as it turns idle.
  httpServer.closeIdleConnections();
  const idleSweep = setInterval(() => httpServer.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([allClosed, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearInterval(idleSweep);
    clearTimeout(timer);
    httpServer.closeAllConnections();
  }
}
