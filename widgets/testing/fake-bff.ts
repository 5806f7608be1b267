import type { ErrorCode } from '../../bff/contract/errors.ts';
import { ApiClient, type Session, type SessionUser, type SecondFactor } from '../internal/api-client.ts';
import { ManualLiveUpdates } from '../internal/live-updates.ts';
import { contractViolation } from './contract-check.ts';
import { fakeRecoveryCodes, fakeTotpQrCodeSvg, fakeTotpSecret, fakeTotpUri } from './fake-totp.ts';

/**
 * An in-memory BFF that answers `fetch` like docs/sign-in.md, for tests and stories. Pass `fakeBff.fetch`
 * to `new ApiClient('', fakeBff.fetch)`. Codes are fixed so tests can type them.
 */
export const fakeCodes = {
  totp: '123456',
  email: '654321',
  activation: 'ABCD-EFGH-JKLM',
  resetToken: 'reset-token-1',
} as const;

export interface FakeAccount {
  email: string;
  password: string;
  displayName: string;
  role: SessionUser['role'];
  /** Not set: the account still has to enrol a second factor after the password. */
  secondFactor?: SecondFactor;
}

export interface FakeBffOptions {
  tenant?: { slug: string; name: string };
  accounts?: FakeAccount[];
  /** The session the fake starts in, e.g. `{ state: 'signed_in', user }` for a story. */
  session?: Session;
  /** The theme `GET /api/tenants/:slug` answers with. */
  theme?: Record<string, string>;
  /** Delay of each answer in ms, to see busy states. */
  latency?: number;
  /** Role of accounts created by activation; staff may only enrol an authenticator app. */
  activatesAs?: SessionUser['role'];
  /** More routes (cases, documents, board fakes), asked in order before the sign-in routes. */
  routes?: FakeRoute[];
  /** Answer every request with this error (e.g. to show a network failure). */
  failWith?: { status: number; code: ErrorCode; message: string };
}

/** A request as fake routes see it: JSON `body`, or `form` for multipart uploads. */
export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  body: Record<string, unknown>;
  form?: FormData;
  /** The request's Idempotency-Key (creating requests of the widgets send one). */
  idempotencyKey: string | null;
  /** Every header of the request (e.g. a signed link's X-Link-Token). */
  headers: Headers;
}

/** Answers a request it knows, or `undefined` to let the next route try. */
export type FakeRoute = (request: FakeRequest) => Response | undefined | Promise<Response | undefined>;

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  csrfToken: string | null;
  /** The `Accept-Language` the widget sent. */
  language: string | null;
  /** The `Idempotency-Key` the widget sent. */
  idempotencyKey: string | null;
}

export const defaultFakeAccounts: FakeAccount[] = [
  { email: 'anna.mueller@example.org', password: 'richtig-geheim', displayName: 'Anna Müller', role: 'resident', secondFactor: 'totp' },
  { email: 'bernd.schulz@example.org', password: 'richtig-geheim', displayName: 'Bernd Schulz', role: 'resident', secondFactor: 'email' },
  { email: 'sachbearbeitung@example.org', password: 'richtig-geheim', displayName: 'Clara Kaiser', role: 'clerk', secondFactor: 'totp' },
];

export class FakeBff {
  readonly requests: RecordedRequest[] = [];
  session: Session;
  private readonly tenant: { slug: string; name: string };
  private readonly accounts: FakeAccount[];
  private csrfToken = 'csrf-1';
  private pending?: FakeAccount;
  private failures = new Map<string, number>();
  private wrongCodes = 0;

  constructor(private readonly options: FakeBffOptions = {}) {
    this.tenant = options.tenant ?? { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' };
    this.accounts = options.accounts ?? defaultFakeAccounts.map((account) => ({ ...account }));
    this.session = options.session ?? { state: 'anonymous' };
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://fake.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const form = init.body instanceof FormData ? init.body : undefined;
    const headers = new Headers(init.headers);
    const csrfToken = headers.get('x-csrf-token');
    const idempotencyKey = headers.get('idempotency-key');
    this.requests.push({ method, path: url.pathname, body, csrfToken, language: headers.get('accept-language'), idempotencyKey });
    if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
    if (this.options.failWith) return error(this.options.failWith.status, this.options.failWith.code, this.options.failWith.message);
    if (method !== 'GET' && csrfToken !== this.csrfToken)
      return error(403, 'csrf_invalid', 'Die Sitzung ist abgelaufen. Bitte laden Sie die Seite neu.');
    return this.checked(method, url.pathname, await this.route(method, url, body ?? {}, form, idempotencyKey, headers));
  };

  /** Every violation of the contract any answer of this fake made (see `checked`). */
  readonly contractViolations: string[] = [];

  private async route(
    method: string,
    url: URL,
    body: Record<string, unknown>,
    form: FormData | undefined,
    idempotencyKey: string | null,
    headers: Headers,
  ): Promise<Response> {
    for (const route of this.options.routes ?? []) {
      const answer = await route({ method, path: url.pathname, url, body, form, idempotencyKey, headers });
      if (answer) return answer;
    }
    return this.answer(method, url.pathname, body);
  }

  /**
   * A fake must answer exactly as the BFF may (the contract's schemas). A violation is recorded and thrown
   * outside the request, so the test (or story check) that made the request fails instead of the widget
   * quietly showing a network error.
   */
  private async checked(method: string, path: string, answer: Response): Promise<Response> {
    // A stream is checked as it is read, not before: the widget must see its events as they come.
    if (answer.headers.get('content-type')?.startsWith('text/event-stream')) {
      void contractViolation(method, path, answer).then((violation) => this.recordViolation(violation));
      return answer;
    }
    this.recordViolation(await contractViolation(method, path, answer));
    return answer;
  }

  private recordViolation(violation: string | undefined): void {
    if (violation) {
      this.contractViolations.push(violation);
      setTimeout(() => {
        throw new Error(`Fake BFF drifted from the contract: ${violation}`);
      });
    }
  }

  /** Live updates a test or story pushes with `bff.live.emit('case:updated', …)`. */
  readonly live = new ManualLiveUpdates();

  /** A client talking to this fake (for `.client=` in tests and stories). */
  client(): ApiClient {
    const client = new ApiClient('', this.fetch, this.live);
    // A fake's failures are meant as they are: no repeats (a test of repeats sets its own delays).
    client.retryDelaysMs = [];
    return client;
  }

  /** Paths of the requests made so far, e.g. `POST /api/auth/login`. */
  get calls(): string[] {
    return this.requests.map((request) => `${request.method} ${request.path}`);
  }

  private answer(method: string, path: string, body: Record<string, unknown>): Response {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /api/session':
        return json(200, { csrfToken: this.csrfToken, ...this.session });
      case `GET /api/tenants/${this.tenant.slug}`:
        return json(200, { ...this.tenant, theme: this.options.theme ?? {} });
      case 'POST /api/auth/login':
        return this.login(body);
      case 'POST /api/auth/verify':
        return this.confirmCode(String(body.code), this.pending?.secondFactor === 'email' ? fakeCodes.email : fakeCodes.totp);
      case 'POST /api/auth/resend-code':
        return json(200, { sentTo: maskEmail(this.pending?.email ?? '') });
      case 'POST /api/auth/activate':
        return this.activate(body);
      case 'POST /api/auth/enroll/totp':
        return json(200, { secret: fakeTotpSecret, otpauthUrl: fakeTotpUri, qrCodeSvg: fakeTotpQrCodeSvg });
      case 'POST /api/auth/enroll/totp/confirm':
        return this.confirmCode(String(body.code), fakeCodes.totp, fakeRecoveryCodes);
      case 'POST /api/auth/enroll/email':
        return json(200, { state: 'enroll', sentTo: maskEmail(this.pending?.email ?? '') });
      case 'POST /api/auth/enroll/email/confirm':
        return this.confirmCode(String(body.code), fakeCodes.email);
      case 'POST /api/auth/password-reset':
        return new Response(null, { status: 202 });
      case 'POST /api/auth/password-reset/complete':
        if (body.token !== fakeCodes.resetToken) {
          return error(400, 'invalid_reset_token', 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.');
        }
        if (String(body.password).length < 10) return passwordTooShort();
        return new Response(null, { status: 204 });
      case 'POST /api/auth/logout':
      case 'POST /api/auth/logout-everywhere':
        this.session = { state: 'anonymous' };
        this.rotateSession();
        return new Response(null, { status: 204 });
    }
    return error(404, 'not_found', 'Nicht gefunden.');
  }

  private login(body: Record<string, unknown>): Response {
    const email = String(body.email);
    const failures = this.failures.get(email) ?? 0;
    if (failures >= 5) {
      return error(429, 'locked', 'Zu viele Fehlversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.');
    }
    const account = this.accounts.find((candidate) => candidate.email === email && candidate.password === body.password);
    const staff = body.audience === 'staff';
    if (!account || (account.role === 'resident') === staff) {
      this.failures.set(email, failures + 1);
      return error(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
    }
    this.pending = account;
    this.rotateSession();
    this.session = account.secondFactor
      ? { state: 'second_factor', secondFactor: account.secondFactor, user: this.userOf(account) }
      : { state: 'enroll', enrollOptions: this.enrollOptionsOf(account), user: this.userOf(account) };
    return json(200, { ...this.session, csrfToken: this.csrfToken });
  }

  private activate(body: Record<string, unknown>): Response {
    if (String(body.code).replace(/[\s-]/g, '').toUpperCase() !== fakeCodes.activation.replace(/-/g, '')) {
      return error(400, 'invalid_activation_code', 'Der Aktivierungscode ist ungültig oder abgelaufen.');
    }
    if (String(body.password).length < 10) return passwordTooShort();
    const account: FakeAccount = {
      email: String(body.email),
      password: String(body.password),
      displayName: 'Dana Neumann',
      role: this.options.activatesAs ?? 'resident',
    };
    this.accounts.push(account);
    this.pending = account;
    this.rotateSession();
    this.session = { state: 'enroll', enrollOptions: this.enrollOptionsOf(account), user: this.userOf(account) };
    return json(200, { ...this.session, csrfToken: this.csrfToken });
  }

  private confirmCode(code: string, expected: string, recoveryCodes?: string[]): Response {
    if (!this.pending) return error(400, 'invalid_code', 'Bitte melden Sie sich erneut an.');
    if (code !== expected) {
      this.wrongCodes += 1;
      if (this.wrongCodes < 5) return error(400, 'invalid_code', 'Der Code ist falsch oder abgelaufen.');
      // Like the BFF: after 5 wrong codes the pending sign-in ends.
      this.pending = undefined;
      this.wrongCodes = 0;
      this.session = { state: 'anonymous' };
      return error(400, 'too_many_wrong_codes', 'Zu viele falsche Codes. Bitte melden Sie sich erneut an.');
    }
    this.wrongCodes = 0;
    this.rotateSession();
    this.session = { state: 'signed_in', user: this.userOf(this.pending) };
    // Like the BFF: a TOTP enrolment's answer carries the recovery codes, this once.
    return json(200, { ...this.session, csrfToken: this.csrfToken, ...(recoveryCodes ? { recoveryCodes } : {}) });
  }

  private userOf(account: FakeAccount): SessionUser {
    return { role: account.role, displayName: account.displayName, tenant: this.tenant };
  }

  private enrollOptionsOf(account: FakeAccount): SecondFactor[] {
    return account.role === 'resident' ? ['totp', 'email'] : ['totp'];
  }

  /** Like the BFF: a new session id, so the old CSRF token no longer works; sign-in answers carry the new one. */
  private rotateSession(): void {
    this.csrfToken = `csrf-${Number(this.csrfToken.slice(5)) + 1}`;
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function error(status: number, code: ErrorCode, message: string, details?: unknown): Response {
  return json(status, { error: { code, message, ...(details ? { details } : {}) } });
}

function passwordTooShort(): Response {
  return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
    fields: [
      { path: 'password', code: 'too_small', limit: 10, origin: 'string', message: 'Das Passwort muss mindestens 10 Zeichen lang sein.' },
    ],
  });
}

function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
