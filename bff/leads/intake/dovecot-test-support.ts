import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A real IMAP server for the mailbox poller's tests: Debian's dovecot (`apt-get install dovecot-imapd`;
 * .ci/run installs it when missing), started on a free loopback port with a throwaway configuration in a temp
 * directory — plain-text login on loopback, one user, a Maildir. As root (CI) dovecot keeps its privilege
 * separation with the package's `dovecot`/`dovenull` users and delivers as `nobody`; as another user it runs
 * everything as that user (dovecot's "rootless" mode, no chroot).
 */

export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestImapServer {
  url: string;
  port: number;
  user: string;
  password: string;
  /** Stops the server (the poller sees its connection drop); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Until the server greets on the port (a connection that gets "* OK"). */
async function greets(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function configuration(dir: string, port: number): string {
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const mailUser = root ? 'uid=nobody gid=nogroup' : `uid=${me.uid} gid=${me.gid}`;
  return `# Throwaway configuration of a test (bff/leads/intake/dovecot-test-support.ts)
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${root ? 'dovecot' : execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = ${mailUser} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

export async function startDovecot(): Promise<TestImapServer> {
  if (!existsSync(DOVECOT)) throw new Error(`dovecot fehlt (${DOVECOT}): apt-get install dovecot-imapd`);
  const dir = mkdtempSync(join(tmpdir(), 'mp-dovecot-'));
  // The mail user (nobody, as root) must reach and write its Maildir in this throwaway directory.
  chmodSync(dir, 0o755);
  for (const sub of ['mail', 'home']) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const user = 'vermietung';
  const password = 'test-passwort';
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  writeFileSync(config, configuration(dir, port));

  let child: ChildProcess | undefined;
  let stderr = '';
  const log = () => [stderr, existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''].join('\n').trim();

  /** Signals dovecot's whole process group: the master and the login and mail processes it started. */
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };

  async function start(): Promise<void> {
    stderr = '';
    // A process group of its own, so stopping ends every connection too, as a server going down does.
    const started = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child = started;
    const exited = new Promise<false>((resolve) => started.once('exit', () => resolve(false)));
    if (!(await Promise.race([greets(port, 10_000), exited]))) {
      signal(started.pid as number, 'SIGKILL');
      throw new Error(`dovecot startet nicht:\n${log()}`);
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running?.pid) return;
    if (running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      signal(running.pid, 'SIGTERM');
      const timer = setTimeout(() => signal(running.pid as number, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    // Mail processes that outlive the master (it leaves clients in IDLE connected) end with it.
    signal(running.pid, 'SIGKILL');
  }

  await start();
  return {
    url: `imap://127.0.0.1:${port}`,
    port,
    user,
    password,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
