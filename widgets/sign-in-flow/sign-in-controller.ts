import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import { ApiError, type Audience, type Session, type SignInApi, type TotpEnrolment } from '../internal/api-client.ts';
import type { Messages } from '../internal/localize.ts';
import { sessionContext } from '../internal/session-context.ts';
import type { SignInRequest, SignInStep } from '../events/sign-in-request.ts';
import { SignedInEvent } from '../events/signed-in.ts';
import { SignedOutEvent } from '../events/signed-out.ts';

/** The query parameter of the password-reset link the BFF mails. */
export const resetTokenParameter = 'mp-reset';

export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly tenant: string;
  readonly audience: Audience;
  readonly apiClient: SignInApi;
}

/**
 * The connected layer of the sign-in flow: turns `mp-sign-in-request`s into API calls, keeps the state
 * `<mp-sign-in-flow>` shows and shares the session with nested elements through `sessionContext`.
 */
export class SignInController implements ReactiveController {
  /** `undefined` until `GET /api/session` has answered. */
  session?: Session;
  step: SignInStep = 'login';
  busy = false;
  error?: ApiError;
  /** A confirmation, as a function of the texts so it follows a change of language. */
  notice?: (msg: Messages) => string;
  sentTo?: string;
  totpEnrolment?: TotpEnrolment;
  /** After enrolling an authenticator app: the recovery codes, shown this once before the portal opens. */
  recoveryCodes: string[] = [];

  /** The signed-in session held back while the recovery codes are shown. */
  private afterCodes?: Session;

  private readonly provider: ContextProvider<typeof sessionContext>;
  private resetToken?: string;

  constructor(private readonly host: SignInHost) {
    host.addController(this);
    this.provider = new ContextProvider(host, { context: sessionContext });
  }

  hostConnected(): void {
    if (!this.session) void this.load();
  }

  /** Reads the session, and a reset token from the page URL (removed from the URL right away). */
  async load(): Promise<void> {
    const url = new URL(location.href);
    const token = url.searchParams.get(resetTokenParameter);
    if (token) {
      this.resetToken = token;
      this.step = 'reset-complete';
      url.searchParams.delete(resetTokenParameter);
      history.replaceState(history.state, '', url);
    }
    await this.run(async () => this.enter(await this.host.apiClient.session()));
    // The session could not be read: show the sign-in with the error rather than wait forever.
    if (!this.session) {
      await this.enter({ state: 'anonymous' });
      this.host.requestUpdate();
    }
  }

  readonly handle = (request: SignInRequest): Promise<void> => {
    const api = this.host.apiClient;
    const tenant = this.host.tenant;
    switch (request.action) {
      case 'show':
        this.step = request.step;
        this.error = undefined;
        this.notice = undefined;
        this.host.requestUpdate();
        return Promise.resolve();
      case 'login':
        return this.run(async () =>
          this.enter(await api.login({ tenant, email: request.email, password: request.password, audience: this.host.audience })),
        );
      case 'verify':
        return this.run(async () => this.enter(await api.verify(request.code)));
      case 'resend-code':
        return this.run(async () => {
          const { sentTo } = await api.resendCode();
          this.sentTo = sentTo;
          this.notice = (msg) => msg.codeResent(sentTo);
        });
      case 'activate':
        return this.run(async () =>
          this.enter(await api.activate({ tenant, code: request.code, email: request.email, password: request.password })),
        );
      case 'enroll-totp':
        return this.run(() => this.startTotpEnrolment());
      case 'confirm-totp':
        return this.run(async () => {
          const { recoveryCodes, ...next } = await api.confirmTotp(request.code);
          if (!recoveryCodes?.length) return this.enter(next);
          // Shown once, before the portal replaces the sign-in: the person notes them first.
          this.recoveryCodes = recoveryCodes;
          this.afterCodes = next;
          this.step = 'recovery-codes';
        });
      case 'codes-noted':
        return this.run(async () => {
          const next = this.afterCodes ?? (await api.session());
          this.recoveryCodes = [];
          this.afterCodes = undefined;
          await this.enter(next);
        });
      case 'enroll-email':
        return this.run(async () => {
          const resent = this.step === 'enroll-email';
          const { sentTo } = await api.enrollEmail();
          this.sentTo = sentTo;
          this.step = 'enroll-email';
          if (resent) this.notice = (msg) => msg.codeResent(sentTo);
        });
      case 'confirm-email':
        return this.run(async () => this.enter(await api.confirmEmail(request.code)));
      case 'request-reset':
        return this.run(async () => {
          await api.requestPasswordReset({ tenant, email: request.email, returnUrl: location.href });
          this.step = 'reset-sent';
        });
      case 'complete-reset':
        return this.run(async () => {
          await api.completePasswordReset({ tenant, token: this.resetToken ?? '', password: request.password });
          this.resetToken = undefined;
          this.step = 'login';
          this.notice = (msg) => msg.resetDone;
        });
      case 'cancel':
        return this.run(async () => {
          await api.logout();
          await this.enter({ state: 'anonymous' });
          this.step = 'login';
        });
    }
  };

  readonly signOut = (everywhere: boolean): Promise<void> =>
    this.run(async () => {
      await (everywhere ? this.host.apiClient.logoutEverywhere() : this.host.apiClient.logout());
      await this.enter({ state: 'anonymous' });
      this.step = 'login';
      this.notice = (msg) => (everywhere ? msg.signedOutEverywhere : msg.signedOut);
      this.host.dispatchEvent(new SignedOutEvent({ everywhere }));
    });

  /** Takes a session state from the API and moves to the step it calls for. */
  private async enter(next: Session): Promise<void> {
    const user = next.user ?? this.session?.user;
    this.session = next.state === 'anonymous' ? next : { ...next, user };
    this.provider.setValue(this.session);
    switch (next.state) {
      case 'second_factor':
        this.step = 'second-factor';
        break;
      case 'enroll':
        // Staff can only enrol an authenticator app: skip the choice.
        if (next.enrollOptions?.length === 1 && next.enrollOptions[0] === 'totp') await this.startTotpEnrolment();
        else this.step = 'enroll-choice';
        break;
      case 'signed_in':
        if (this.session.user) this.host.dispatchEvent(new SignedInEvent({ user: this.session.user }));
        break;
    }
  }

  private async startTotpEnrolment(): Promise<void> {
    this.totpEnrolment = await this.host.apiClient.enrollTotp();
    this.step = 'enroll-totp';
  }

  /**
   * A failed request may have ended the pending sign-in on the server (too many wrong codes, a lock, an
   * expired session): then show the step the server's state calls for, with the error that explains why.
   */
  private async followServerState(): Promise<void> {
    if (!this.session || this.error?.code === 'network_error') return;
    try {
      const current = await this.host.apiClient.session();
      if (current.state === this.session.state) return;
      await this.enter(current);
      if (current.state === 'anonymous') this.step = 'login';
    } catch {
      // The first error is the one to show; the session is read again with the next request.
    }
  }

  /** Runs one request: busy meanwhile, the error kept for the form, the host re-rendered around it. */
  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = undefined;
    this.notice = undefined;
    this.host.requestUpdate();
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, 'unexpected', '');
      await this.followServerState();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
