import type { AccountOverview, AccountSession } from '../internal/account-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fakeCodes } from './fake-bff.ts';
import { fakeRecoveryCodes, fakeTotpQrCodeSvg, fakeTotpSecret, fakeTotpUri } from './fake-totp.ts';

export { fakeRecoveryCodes };

/** The endpoints a fake can be told to fail (503). */
export type AccountEndpoint = 'overview' | 'sessions' | 'end' | 'password' | 'recovery' | 'totp' | 'email';

export interface FakeAccountOptions {
  /** The person's current password (checked like the BFF: a wrong one is `wrong_password`). */
  password?: string;
  email?: string;
  secondFactor?: AccountOverview['secondFactor'];
  recoveryCodesLeft?: number;
  pendingEmail?: string | null;
  sessions?: AccountSession[];
  failing?: AccountEndpoint[];
  /** These endpoints never answer, to see their pending state. */
  pendingForever?: AccountEndpoint[];
  /** Every request is refused with 401, as the BFF refuses them without a session. */
  signedOut?: boolean;
  /** Delay of each answer in ms, to see pending states. */
  latency?: number;
}

export const fakeAccountPassword = 'Sommer-Regen-2026!';

/** Recovery codes the fake hands out, fixed so tests can look for them. */

/** Three sessions of Anna Müller: this browser, her phone and an old laptop. */
export function fakeAccountSessions(): AccountSession[] {
  return [
    {
      id: '5f0c3c1e-0000-4000-8000-000000000001',
      createdAt: '2026-03-02T08:00:00.000Z',
      lastSeenAt: '2026-03-02T09:15:00.000Z',
      device: 'Firefox unter Windows',
      current: true,
    },
    {
      id: '5f0c3c1e-0000-4000-8000-000000000002',
      createdAt: '2026-03-01T18:30:00.000Z',
      lastSeenAt: '2026-03-01T19:02:00.000Z',
      device: 'Safari unter iOS',
      current: false,
    },
    {
      id: '5f0c3c1e-0000-4000-8000-000000000003',
      createdAt: '2026-02-20T07:45:00.000Z',
      lastSeenAt: '2026-02-21T12:00:00.000Z',
      device: 'Chrome unter Linux',
      current: false,
    },
  ];
}

const wrongPassword = () => error(400, 'wrong_password', 'Das aktuelle Passwort ist falsch.');
const tooShort = (path: string) =>
  error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
    fields: [{ path, code: 'too_small', message: 'Das Passwort muss mindestens 10 Zeichen lang sein.', limit: 10, origin: 'string' }],
  });

/**
 * The account self-service of docs/sign-in.md in memory, for tests and stories:
 * `new FakeBff({ session, routes: new FakeAccount().routes })`.
 */
export class FakeAccount {
  password: string;
  overview: AccountOverview;
  sessions: AccountSession[];
  readonly failing: Set<AccountEndpoint>;
  private totpStarted = false;

  constructor(private readonly options: FakeAccountOptions = {}) {
    this.password = options.password ?? fakeAccountPassword;
    this.overview = {
      email: options.email ?? 'anna.mueller@example.org',
      secondFactor: options.secondFactor === undefined ? 'totp' : options.secondFactor,
      recoveryCodesLeft: options.recoveryCodesLeft ?? 10,
      pendingEmail: options.pendingEmail ?? null,
    };
    this.sessions = options.sessions ?? fakeAccountSessions();
    this.failing = new Set(options.failing ?? []);
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      if (!request.path.startsWith('/api/account') || request.path === '/api/account/language') return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.signedOut) return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      const route = `${request.method} ${request.path}`;
      const endpoint = this.endpointOf(route);
      if (endpoint && this.options.pendingForever?.includes(endpoint)) await new Promise(() => {});
      if (endpoint && this.failing.has(endpoint)) {
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      }
      const body = request.body as Record<string, string | undefined>;
      switch (route) {
        case 'GET /api/account':
          return json(200, this.overview);
        case 'GET /api/account/sessions':
          return json(200, { sessions: this.sessions });
        case 'DELETE /api/account/sessions': {
          const ended = this.sessions.filter((session) => !session.current).length;
          this.sessions = this.sessions.filter((session) => session.current);
          return json(200, { ended });
        }
        case 'POST /api/account/password':
          if (body.current !== this.password) return wrongPassword();
          if ((body.new ?? '').length < 10) return tooShort('new');
          this.password = body.new!;
          this.sessions = this.sessions.filter((session) => session.current);
          return new Response(null, { status: 204 });
        case 'POST /api/account/recovery-codes':
          if (body.password !== undefined && body.password !== this.password) return wrongPassword();
          if (body.password === undefined && body.code !== fakeCodes.totp)
            return error(400, 'invalid_code', 'Der Code ist falsch oder wurde bereits verwendet.');
          this.overview = { ...this.overview, recoveryCodesLeft: 10 };
          return json(200, { recoveryCodes: fakeRecoveryCodes });
        case 'POST /api/account/second-factor/totp':
          if (body.password !== this.password) return wrongPassword();
          this.totpStarted = true;
          return json(200, { secret: fakeTotpSecret, otpauthUrl: fakeTotpUri, qrCodeSvg: fakeTotpQrCodeSvg });
        case 'POST /api/account/second-factor/totp/confirm':
          if (!this.totpStarted) return error(409, 'enrolment_not_started', 'Bitte richten Sie zuerst die neue Authenticator-App ein.');
          if (body.code !== fakeCodes.totp)
            return error(400, 'invalid_code', 'Der Code ist falsch. Bitte prüfen Sie die Uhrzeit Ihres Geräts.');
          this.totpStarted = false;
          this.overview = { ...this.overview, secondFactor: 'totp', recoveryCodesLeft: 10 };
          return json(200, { recoveryCodes: fakeRecoveryCodes });
        case 'POST /api/account/email': {
          if (body.password !== this.password) return wrongPassword();
          const address = (body.new ?? '').trim().toLowerCase();
          if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
            return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
              fields: [{ path: 'new', code: 'invalid_format', message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.' }],
            });
          }
          if (address.startsWith('vergeben@'))
            return error(409, 'email_taken', 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.');
          this.overview = { ...this.overview, pendingEmail: address };
          return json(202, { sentTo: `${address.slice(0, 1)}***@${address.split('@')[1]}` });
        }
      }
      const ended = /^DELETE \/api\/account\/sessions\/([\w-]+)$/.exec(route);
      if (ended) {
        if (!this.sessions.some((session) => session.id === ended[1]))
          return error(404, 'not_found', 'Diese Sitzung gibt es nicht (mehr).');
        this.sessions = this.sessions.filter((session) => session.id !== ended[1]);
        return new Response(null, { status: 204 });
      }
      return undefined;
    },
  ];

  private endpointOf(route: string): AccountEndpoint | undefined {
    if (route === 'GET /api/account') return 'overview';
    if (route === 'GET /api/account/sessions') return 'sessions';
    if (route.startsWith('DELETE /api/account/sessions')) return 'end';
    if (route === 'POST /api/account/password') return 'password';
    if (route === 'POST /api/account/recovery-codes') return 'recovery';
    if (route.startsWith('POST /api/account/second-factor')) return 'totp';
    if (route === 'POST /api/account/email') return 'email';
    return undefined;
  }
}
