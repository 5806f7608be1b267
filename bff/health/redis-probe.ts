import { createClient } from 'redis';
import type { Logger } from 'pino';

/**
 * The readiness probe's own Redis connection (realtime's are busy with pub/sub). While Redis is away a
 * PING fails at once instead of waiting in the client's queue, and the client keeps reconnecting.
 */
export interface RedisProbe {
  /** Resolves when Redis answered PING within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  close(): void;
}

export function createRedisProbe(url: string, logger: Logger): RedisProbe {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let lastError = '';
  client.on('error', (err: Error) => {
    // One line per change of cause, not one per reconnection attempt.
    if (err.message !== lastError) logger.warn({ err }, 'redis (readiness probe) error');
    lastError = err.message;
  });
  client.on('ready', () => (lastError = ''));
  const connecting = client.connect().catch(() => undefined);
  return {
    async ping(timeoutMs) {
      await Promise.race([connecting, delay(timeoutMs)]);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('redis did not answer PING in time')), timeoutMs);
      });
      try {
        await Promise.race([client.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      client.destroy();
    },
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
