import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Decoding images and reading PDFs is CPU work: it runs here, at most `concurrency` files at a time, and
 * one account's files take at most a share of those places, one after another. An account that sends many
 * files at once waits for its own; everybody else's file gets the next free place (first come, first served).
 */
export interface DecodeQueue {
  run<T>(accountId: string, work: () => Promise<T>): Promise<T>;
}

export function createDecodeQueue(concurrency: number): DecodeQueue {
  const shared = pLimit(concurrency);
  const perAccount = Math.max(1, Math.floor(concurrency / 2));
  const accounts = new Map<string, { limit: LimitFunction; waiting: number }>();
  return {
    async run(accountId, work) {
      let own = accounts.get(accountId);
      if (!own) {
        own = { limit: pLimit(perAccount), waiting: 0 };
        accounts.set(accountId, own);
      }
      const entry = own;
      entry.waiting++;
      try {
        return await entry.limit(() => shared(work));
      } finally {
        if (--entry.waiting === 0) accounts.delete(accountId);
      }
    },
  };
}
