import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The operator's commands as separate processes, the way docs/operations.md runs them. */
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Serving {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * `npm run serve` as an operator starts it, in its own process group (npm, then node), with
 * an environment that names nothing about demos or NODE_ENV: the deployment that forgot NODE_ENV=production.
 */
export function startServe(env: Record<string, string>): Promise<Serving> {
  const child = spawnServe(env);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve did not come up:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Mieterportal läuft: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run serve exited with ${code}:\n${output}`));
    });
  });
}

function spawnServe(env: Record<string, string>): ChildProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['NODE_ENV', 'DEMO_MODE', 'MIGRATE_AT_START'].includes(name)),
  );
  return spawn('npm', ['run', 'serve'], {
    cwd: root,
    env: { ...inherited, DATABASE_URL: '', DATABASE_OWNER_URL: '', REDIS_URL: '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** `npm run serve` that is expected to refuse to start: resolves with its exit code and output. */
export function serveRefusal(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnServe(env);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`npm run serve neither started nor refused:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Mieterportal läuft/.test(output)) {
        clearTimeout(timer);
        process.kill(-child.pid!, 'SIGTERM');
        reject(new Error(`npm run serve started although it should have refused:\n${output}`));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * SIGTERM to npm, as a process manager stops it; resolves once npm is gone. npm passes the signal on and
 * then ends by the same signal, which process managers count as a clean stop.
 */
export function stopServe(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.kill('SIGTERM');
  });
}

/** Whether any process of the group `startServe` created (npm, tsx, node) still runs. */
export function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm run admin -- …` as a separate process. */
export function runAdmin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'admin', '--', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: '', DATABASE_OWNER_URL: '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
