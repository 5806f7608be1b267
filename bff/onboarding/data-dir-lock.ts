import { closeSync, openSync, readFileSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite opens its data directory without any locking: two processes writing the same directory corrupt
 * it. `npm start` and the admin CLI therefore take this lock file first (a PostgreSQL server needs none).
 */
export class DataDirInUseError extends Error {}

interface LockInfo {
  pid: number;
  holder: string;
  since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirInUseError; returns the function that releases it. */
export function lockDataDir(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() } satisfies LockInfo));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLock(file)?.pid === process.pid) unlinkSync(file);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(file);
      if (owner && owner.pid !== process.pid && isRunning(owner.pid)) {
        throw new DataDirInUseError(
          `Die Datenbank in ${dataDir} wird gerade von einem anderen Prozess benutzt (${owner.holder}, PID ${owner.pid}, seit ${owner.since}). ` +
            'Die eingebettete Datenbank (PGlite) erlaubt nur einen Prozess gleichzeitig: bitte beenden Sie ihn zuerst ' +
            '(z. B. `npm start` mit Strg+C) oder setzen Sie DATABASE_URL auf einen PostgreSQL-Server.',
        );
      }
      // The holder is gone (crash, kill -9): the lock is stale.
      unlinkSync(file);
    }
  }
  throw new DataDirInUseError(`Die Sperrdatei ${file} konnte nicht angelegt werden.`);
}
