import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';

/**
 * The portal mailbox poller: where ImmoScout24 and Immowelt deliver enquiries to a housing company's letting
 * address, the BFF fetches the unseen messages over IMAP and hands each raw message to the lead intake.
 * A message is marked seen (or moved) only after the handler resolved — once the lead is committed or the
 * message is in the dead-letter list — so a database outage leaves it unseen and it is fetched again.
 * The handler must be idempotent: a crash between commit and marking delivers the message once more
 * (the parsed enquiry carries the mail's Message-ID as the enquiry id for exactly that).
 * Connection errors are logged and retried with backoff; they never end the process.
 */

export interface PolledMessage {
  /** The message as the server stores it (RFC 822 bytes): what `parsePortalMail` reads and a dead letter keeps. */
  raw: Buffer;
  uid: number;
  mailbox: string;
}

export interface ImapPollerOptions {
  /** `imaps://host[:993]`, or `imap://host[:143]` with STARTTLS (required unless the host is loopback). */
  url: string;
  user: string;
  password: string;
  /** The mailbox to read, usually `INBOX`. */
  mailbox: string;
  /** Where handled messages are moved (created when missing); unset: they stay, marked seen. */
  processedMailbox?: string;
  /** Pause between polls; a new message announced by the server (IDLE) is fetched at once. */
  pollMs: number;
  /** Backoff after a failed poll or a failed handler: min(max, base · 2^(n−1)), half of it random. */
  retryBaseMs: number;
  retryMaxMs: number;
  logger: Logger;
  /** Resolves when the message is safely handled (lead committed or dead-lettered); throws to have it fetched again. */
  onMessage: (message: PolledMessage) => Promise<void>;
}

export interface ImapPoller {
  /** Finishes the message being handled, marks it, logs out and stops polling. */
  stop(): Promise<void>;
}

export function imapRetryDelay(failures: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || (isIP(bare) === 4 && bare.startsWith('127.')) || bare === '::1';
}

/** The server as imapflow takes it; a bad URL is the caller's configuration error and throws at once. */
export function imapServerOf(url: string): { host: string; port: number; secure: boolean; doSTARTTLS: true | undefined } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:') {
    throw new Error(`Die IMAP-Adresse muss mit imaps:// oder imap:// beginnen, nicht ${parsed.protocol}//.`);
  }
  const secure = parsed.protocol === 'imaps:';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    // Password and mail never travel in clear text beyond this machine.
    doSTARTTLS: secure || isLoopback(host) ? undefined : true,
  };
}

export function startImapPoller(options: ImapPollerOptions): ImapPoller {
  const { logger, mailbox, processedMailbox } = options;
  const server = imapServerOf(options.url);
  let stopped = false;
  let handling = false;
  let client: ImapFlow | undefined;
  let wakeUp: (() => void) | undefined;
  let announced = false;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = finish;
    });
  }

  async function connected(): Promise<ImapFlow> {
    if (client?.usable) return client;
    client?.close();
    const next = new ImapFlow({
      ...server,
      auth: { user: options.user, pass: options.password },
      logger: false,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 5 * 60_000,
      // Between polls the connection idles in the mailbox (IDLE), so the server can announce new mail.
      autoIdleDelay: 1000,
    });
    // Without a listener an 'error' event would end the process; the poll that fails retries.
    next.on('error', (err: Error) => logger.warn({ err: err.message }, 'IMAP-Verbindung: Fehler'));
    // The server announces new mail while the connection idles in the mailbox: fetch it now.
    next.on('exists', () => {
      announced = true;
      wakeUp?.();
    });
    client = next;
    await next.connect();
    // Answers "not created" for an existing mailbox; a name the server refuses fails the poll with its reason.
    if (processedMailbox) await next.mailboxCreate(processedMailbox);
    return next;
  }

  /** One pass over the unseen messages; false when a handler failed (the message stays unseen). */
  async function poll(): Promise<boolean> {
    const imap = await connected();
    const lock = await imap.getMailboxLock(mailbox);
    let allHandled = true;
    try {
      const uids = (await imap.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        if (stopped) break;
        // source: BODY.PEEK[], so fetching alone does not set \Seen.
        const message = await imap.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source || stopped) continue;
        handling = true;
        try {
          await options.onMessage({ raw: message.source, uid, mailbox });
        } catch (err) {
          allHandled = false;
          logger.warn(
            { err: err instanceof Error ? err.message : String(err), uid, mailbox },
            'IMAP: Nachricht nicht übernommen, bleibt ungelesen',
          );
          continue;
        } finally {
          handling = false;
        }
        if (processedMailbox) await imap.messageMove(String(uid), processedMailbox, { uid: true });
        else await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
    return allHandled;
  }

  const running = (async () => {
    let failures = 0;
    while (!stopped) {
      let delay = options.pollMs;
      announced = false;
      try {
        if (await poll()) failures = 0;
        else delay = imapRetryDelay(++failures, options.retryBaseMs, options.retryMaxMs);
      } catch (err) {
        delay = imapRetryDelay(++failures, options.retryBaseMs, options.retryMaxMs);
        if (!stopped)
          logger.warn(
            { err: err instanceof Error ? err.message : String(err), retryInMs: delay, failures },
            'IMAP-Abruf fehlgeschlagen, neuer Versuch folgt',
          );
        client?.close();
        client = undefined;
      }
      if (!stopped && !(announced && failures === 0)) await sleep(delay);
    }
    await client?.logout().catch(() => client?.close());
  })();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      // A connect or command under way is cut short; a message being handled is finished and marked first.
      if (!handling) client?.close();
      await running;
    },
  };
}
