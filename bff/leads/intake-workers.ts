import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { findTenantBySlug } from '../tenants/use-cases.ts';
import { startImapPoller, type ImapPoller } from './intake/imap-poller.ts';
import { DEAD_LETTER_DAYS, type LeadIntakePathUseCases } from './intake-path-use-cases.ts';

/**
 * The intake paths that run by themselves (docs/lead-intake.md): the portal mailbox poller, the OpenImmo folder
 * and the purge of old dead letters. Each names its housing company by slug in the configuration, checked at start.
 *
 * Several instances: every instance polls the mailbox (IMAP has no lease to share), and a mail fetched by two at
 * once is one lead — the Message-ID is a unique delivery key in the database, the second instance finds the first's
 * lead. The folder and the purge are scheduled jobs (bff/jobs/): one instance at a time claims the run.
 */

/** The company of a configured intake, by its slug; a slug that names none stops the start (a typo must not lose mail). */
async function tenantOf(db: Database, slug: string, variable: string): Promise<string> {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw new Error(`${variable}=${slug}: keine Hausverwaltung mit diesem Kürzel`);
  return tenant.id;
}

/** The mailbox poller of the configuration, ready to start (its company checked now); undefined without LEAD_IMAP_URL. */
export async function leadMailboxOf(deps: {
  config: Config;
  db: Database;
  logger: Logger;
  intake: LeadIntakePathUseCases;
}): Promise<(() => ImapPoller) | undefined> {
  const { config, logger } = deps;
  if (!config.LEAD_IMAP_URL || !config.LEAD_IMAP_TENANT) return undefined;
  const url = config.LEAD_IMAP_URL;
  const tenantId = await tenantOf(deps.db, config.LEAD_IMAP_TENANT, 'LEAD_IMAP_TENANT');
  return () =>
    startImapPoller({
      url,
      user: config.LEAD_IMAP_USER ?? '',
      password: config.LEAD_IMAP_PASSWORD ?? '',
      mailbox: config.LEAD_IMAP_MAILBOX,
      processedMailbox: config.LEAD_IMAP_PROCESSED_MAILBOX,
      pollMs: config.LEAD_IMAP_POLL_MS,
      retryBaseMs: config.LEAD_IMAP_RETRY_BASE_MS,
      retryMaxMs: config.LEAD_IMAP_RETRY_MAX_MS,
      logger,
      // Resolves once the mail is a lead or a dead letter (committed): only then is it marked or moved.
      onMessage: async (message) => {
        const outcome = await deps.intake.takeMail(tenantId, message.raw);
        if (outcome.deadLetter) logger.warn({ uid: message.uid, reason: outcome.deadLetter.reasonCode }, 'Portal-Mail in der Fehlerliste');
      },
    });
}

/** Where a handled file goes: `done/` when read (or delivered before), `failed/` when it is a dead letter. */
export const FOLDER_DONE = 'done';
export const FOLDER_FAILED = 'failed';

/** A file written this recently may still be arriving (an FTP upload under way): the next run takes it. */
const DEFAULT_SETTLE_MS = 2000;

async function moveAside(dir: string, sub: string, name: string, now: Date): Promise<void> {
  await mkdir(join(dir, sub), { recursive: true });
  let target = join(dir, sub, name);
  if (existsSync(target)) target = join(dir, sub, `${now.toISOString().replace(/[:.]/g, '-')}-${name}`);
  await rename(join(dir, name), target);
}

/**
 * The OpenImmo folder (source `openimmo-ftp`): each file in it becomes leads or a dead letter, then moves to `done/`
 * or `failed/`, only after the commit. A database that is away leaves the file where it is and fails the run (the
 * next run takes it); a file another instance moved meanwhile is skipped; the same file twice is one lead each.
 */
export async function readOpenImmoFolder(deps: {
  dir: string;
  tenantId: string;
  intake: LeadIntakePathUseCases;
  logger: Logger;
  now: Date;
  settleMs?: number;
  signal?: AbortSignal;
}): Promise<{ read: number; failed: number }> {
  const { dir, logger } = deps;
  const counts = { read: 0, failed: 0 };
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (deps.signal?.aborted) break;
    // Hidden files and the usual names of a transfer under way are not files yet.
    if (!entry.isFile() || entry.name.startsWith('.') || /\.(?:part|tmp|filepart|crdownload)$/i.test(entry.name)) continue;
    const path = join(dir, entry.name);
    let bytes: Buffer;
    try {
      const info = await stat(path);
      if (Date.now() - info.mtimeMs < (deps.settleMs ?? DEFAULT_SETTLE_MS)) continue;
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const outcome = await deps.intake.takeFolderFile(deps.tenantId, bytes, entry.name);
    try {
      await moveAside(dir, outcome.deadLetter ? FOLDER_FAILED : FOLDER_DONE, entry.name, deps.now);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (outcome.deadLetter) {
      counts.failed++;
      logger.warn({ file: entry.name, reason: outcome.deadLetter.reasonCode }, 'OpenImmo-Datei in der Fehlerliste');
    } else counts.read++;
  }
  await purgeHandledFiles(dir, deps.now);
  return counts;
}

/**
 * The handled files hold the people's enquiries as they came: `done/` and `failed/` keep them as long as the dead
 * letters (DEAD_LETTER_DAYS, counted from the move), then they are deleted.
 */
async function purgeHandledFiles(dir: string, now: Date): Promise<void> {
  const cutoff = now.getTime() - DEAD_LETTER_DAYS * 24 * 3_600_000;
  for (const sub of [FOLDER_DONE, FOLDER_FAILED]) {
    const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(dir, sub, entry.name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.ctimeMs < cutoff) await rm(path, { force: true });
    }
  }
}

export async function openImmoFolderJob(deps: {
  config: Config;
  db: Database;
  logger: Logger;
  intake: LeadIntakePathUseCases;
}): Promise<ScheduledJob | undefined> {
  const { config } = deps;
  if (!config.LEAD_OPENIMMO_DIR || !config.LEAD_OPENIMMO_TENANT) return undefined;
  const dir = config.LEAD_OPENIMMO_DIR;
  const tenantId = await tenantOf(deps.db, config.LEAD_OPENIMMO_TENANT, 'LEAD_OPENIMMO_TENANT');
  await mkdir(dir, { recursive: true });
  return {
    name: 'lead-openimmo-folder',
    everyMs: config.LEAD_OPENIMMO_POLL_MS,
    run: ({ now, signal }) => readOpenImmoFolder({ dir, tenantId, intake: deps.intake, logger: deps.logger, now, signal }),
  };
}

/** Dead letters and delivery records past their time (DEAD_LETTER_DAYS and after), every company's, hourly. */
export function deadLetterPurgeJob(intake: LeadIntakePathUseCases): ScheduledJob {
  return { name: 'lead-dead-letters-purge', everyMs: 3_600_000, run: ({ now }) => intake.purgeExpired(now) };
}
