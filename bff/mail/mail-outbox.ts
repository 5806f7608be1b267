import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { insertOutboxEntry } from '../outbox/outbox-repository.ts';
import { PermanentDeliveryError, type OutboxHandler } from '../outbox/worker.ts';
import type { Mail, Mailer } from './mailer.ts';

/**
 * E-mails that belong to a change (a status mail) are written to the outbox in the change's transaction
 * and sent by the outbox worker: none is sent for a change that rolled back, and none is lost while the
 * mail server is down — the worker retries with backoff until it accepts.
 */
export const MAIL_TOPIC = 'mail';

export async function queueMail(tx: Queryable, tenantId: string, mail: Mail): Promise<void> {
  // Mails do not wait for each other: each is its own ordering key.
  const key = randomUUID();
  await insertOutboxEntry(tx, { tenantId, topic: MAIL_TOPIC, orderingKey: key, idempotencyKey: key, payload: mail });
}

/** Sends one queued mail; a mail server refusing it for good (5xx) makes it a dead letter at once. */
export function createMailDelivery(mailer: Mailer): OutboxHandler {
  return async (entry) => {
    try {
      await mailer.send(entry.payload as Mail);
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      const reason = `E-Mail nicht zugestellt: ${(error as Error).message}`.slice(0, 300);
      if (responseCode !== undefined && responseCode >= 500) throw new PermanentDeliveryError(reason);
      throw new Error(reason);
    }
  };
}
