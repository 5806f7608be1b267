import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../server.ts';
import type { SentMail } from '../mail/mailer.ts';
import { createSecretBox, type SecretBox } from '../secrets/secret-box.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

export const TEST_ADMIN_TOKEN = 'test-platform-admin-token-0123456789';
/**
 * The key every test server of a process encrypts stored secrets with (they share one database, and a
 * server refuses to start on secrets another key sealed). Fixed test material, never a real key.
 */
export const TEST_DATA_ENCRYPTION_KEY = Buffer.alloc(32, 'mieterportal-test-key').toString('base64');
/** Seals a value the way the test servers store it (for tests that write stored secrets directly). */
export const testSecrets: SecretBox = createSecretBox(Buffer.from(TEST_DATA_ENCRYPTION_KEY, 'base64'));

let shared: Promise<TestDatabase> | undefined;

/** The process-wide test database (created on first use). */
export function testDatabase(): Promise<TestDatabase> {
  shared ??= openTestDatabase();
  return shared;
}

export async function closeTestDatabase(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

/**
 * A BFF on a free port, sharing the process's test database; `options.chatModel`: the chat's model (a scripted
 * one); `options.chatTools`: a variant of the chat's tools (the prompt-injection suite's leak check).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Pick<StartOptions, 'chatModel' | 'chatTools' | 'clock' | 'listingPublisher' | 'smartLock' | 'creditCheck'> = {},
): Promise<RunningServer> {
  const { db } = await testDatabase();
  return startServer({
    ...options,
    db,
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-test-')),
      ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
      DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      // With REDIS_URL (CI) every server of the suite would otherwise count into the same rate-limit keys.
      RATE_LIMIT_PREFIX: `mp-test-${randomBytes(6).toString('hex')}:`,
      ...env,
    },
  });
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like HTTP client: keeps cookies, fetches and sends the CSRF token, speaks JSON.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(
    readonly baseUrl: string,
    /** `language`: sent as Accept-Language on every request, as the widgets send their page's language. */
    private readonly defaults: { origin?: string; bearer?: string; language?: string } = {},
  ) {}

  /** The same browser (cookies, CSRF token) talking to another address, e.g. another BFF instance. */
  at(baseUrl: string): TestClient {
    const other = new TestClient(baseUrl, this.defaults);
    other.cookies = this.cookies;
    other.csrf = this.csrf;
    return other;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const response = await this.request('GET', '/api/session');
      this.csrf = response.body.csrfToken;
    }
    return this.csrf!;
  }

  /** Forget the cached CSRF token (after a sign-in rotated the session). */
  resetCsrf(): void {
    this.csrf = undefined;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    // Fetch the token first: before sign-in it comes with the pre-login cookie that must go with this request.
    if (stateChanging && options.csrf !== false && !this.defaults.bearer) headers['x-csrf-token'] = await this.csrfToken();
    if (body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.defaults.origin) headers.origin = this.defaults.origin;
    if (this.defaults.bearer) headers.authorization = `Bearer ${this.defaults.bearer}`;
    if (this.defaults.language) headers['accept-language'] = this.defaults.language;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/**
 * The e-mails the BFF sent to an address (newest first), once there are at least `count`: mails that
 * belong to a change are sent by the outbox worker just after the change committed.
 */
export function mailsTo(server: RunningServer, to: string, count = 1, timeoutMs = 5000): Promise<SentMail[]> {
  return mailsAbout(server, to, /(?:)/, count, timeoutMs);
}

/** As `mailsTo`, only those whose subject matches (e.g. a case's status mails beside its receipt and replies). */
export async function mailsAbout(server: RunningServer, to: string, subject: RegExp, count = 1, timeoutMs = 5000): Promise<SentMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (server.mailer.sent() ?? []).filter((mail) => mail.to === to && subject.test(mail.subject));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
