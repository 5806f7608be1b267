/** Types and client for the sign-in API in docs/sign-in.md; the base of the feature clients. */
import { ManualLiveUpdates, SocketLiveUpdates, type LiveUpdates } from './live-updates.ts';
import type { ClientErrorCode, ErrorBody, ErrorCode, FieldError } from '../../bff/contract/errors.ts';
import type { BodyOf, operations, PublicTenant, Session as SessionSchema, SessionUser, TotpEnrolment } from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the elements use.
export type { SecondFactor, SessionState, SignInAudience as Audience } from '../../bff/contract/enums.ts';
export type { SessionUser, TotpEnrolment };
/** `GET /api/session` without the CSRF token, which the client keeps to itself. */
export type Session = Omit<SessionSchema, 'csrfToken'>;
export type TenantInfo = PublicTenant;
type LoginInput = BodyOf<typeof operations.login>;
type ActivateInput = BodyOf<typeof operations.activate>;
type ResetRequestInput = BodyOf<typeof operations.requestPasswordReset>;
type ResetCompleteInput = BodyOf<typeof operations.completePasswordReset>;

/**
 * An error answer of the BFF: its stable `code`, the server's `message` (only a fallback: widgets put codes
 * into words with `errorText` of localize.ts) and, from `validation_failed`, the first issue per field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Field name → its issue, from `validation_failed` (words for it: `fieldErrorText` of localize.ts). */
    readonly fields: Record<string, FieldError> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    const fields: Record<string, FieldError> = {};
    for (const field of body.error?.details?.fields ?? []) fields[field.path] ??= field;
    return new ApiError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? '', fields);
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const defaultFetch: typeof fetch = (input, init) => fetch(input, init);

/** Everything the sign-in flow needs from the BFF. Stories and tests can pass their own implementation. */
export interface SignInApi {
  session(): Promise<Session>;
  tenant(slug: string): Promise<TenantInfo>;
  login(input: LoginInput): Promise<Session>;
  verify(code: string): Promise<Session>;
  resendCode(): Promise<{ sentTo: string }>;
  activate(input: ActivateInput): Promise<Session>;
  enrollTotp(): Promise<TotpEnrolment>;
  /** Ends a TOTP enrolment; the answer carries the recovery codes, shown this once. */
  confirmTotp(code: string): Promise<Session & { recoveryCodes?: string[] }>;
  enrollEmail(): Promise<{ sentTo: string }>;
  confirmEmail(code: string): Promise<Session>;
  requestPasswordReset(input: ResetRequestInput): Promise<void>;
  completePasswordReset(input: ResetCompleteInput): Promise<void>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
}

/**
 * JSON over fetch with the session cookie. State-changing requests carry the CSRF token of the current
 * session: from `GET /api/session`, or from the answer of a sign-in step that rotated the session.
 */
export class ApiClient implements SignInApi {
  private csrfToken: string | undefined;

  constructor(
    /** Base URL of the BFF, e.g. `https://portal.example.org` or `` for the page's own origin. */
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = defaultFetch,
    /** Where live updates come from; by default socket.io to `baseUrl` (a fake `fetch` gets a silent one). */
    live?: LiveUpdates,
  ) {
    this.live = live ?? (fetchImpl === defaultFetch ? new SocketLiveUpdates(baseUrl) : new ManualLiveUpdates());
  }

  /** Live updates over the same session, shared by every element using this client. */
  readonly live: LiveUpdates;

  /**
   * The language of the elements using this client, sent as `Accept-Language` with every request so the
   * BFF answers labels (catalogue, case views) in it. The element that hands out the client sets it.
   */
  language = 'de';

  session(): Promise<Session> {
    return this.request('GET', '/api/session');
  }

  tenant(slug: string): Promise<TenantInfo> {
    return this.request('GET', `/api/tenants/${encodeURIComponent(slug)}`);
  }

  login(input: LoginInput): Promise<Session> {
    return this.request('POST', '/api/auth/login', input);
  }

  verify(code: string): Promise<Session> {
    return this.request('POST', '/api/auth/verify', { code });
  }

  resendCode(): Promise<{ sentTo: string }> {
    return this.request('POST', '/api/auth/resend-code', {});
  }

  activate(input: ActivateInput): Promise<Session> {
    return this.request('POST', '/api/auth/activate', input);
  }

  enrollTotp(): Promise<TotpEnrolment> {
    return this.request('POST', '/api/auth/enroll/totp', {});
  }

  confirmTotp(code: string): Promise<Session & { recoveryCodes?: string[] }> {
    return this.request('POST', '/api/auth/enroll/totp/confirm', { code });
  }

  enrollEmail(): Promise<{ sentTo: string }> {
    return this.request('POST', '/api/auth/enroll/email', {});
  }

  confirmEmail(code: string): Promise<Session> {
    return this.request('POST', '/api/auth/enroll/email/confirm', { code });
  }

  async requestPasswordReset(input: ResetRequestInput): Promise<void> {
    await this.request('POST', '/api/auth/password-reset', input);
  }

  async completePasswordReset(input: ResetCompleteInput): Promise<void> {
    await this.request('POST', '/api/auth/password-reset/complete', input);
  }

  async logout(): Promise<void> {
    await this.request('POST', '/api/auth/logout', {});
  }

  async logoutEverywhere(): Promise<void> {
    await this.request('POST', '/api/auth/logout-everywhere', {});
  }

  /**
   * Pauses before the repeats of a request that creates something (`idempotent`), when the first attempt
   * got no answer (network error) or a "try again shortly" (503, 409 idempotency_in_progress): one repeat
   * per entry, with the same Idempotency-Key, so the BFF files it at most once.
   */
  retryDelaysMs: readonly number[] = [1000, 3000];

  /**
   * One JSON request to the BFF. Feature clients (cases, documents, board) build on this, so every request
   * shares the session cookie, the CSRF token and the error shape. `idempotent`: the request creates
   * something; it carries a new Idempotency-Key (one per call, that is per user action) and is repeated
   * with that key when it fails on the way (docs/cases.md, "Safe to retry").
   */
  async request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options: { idempotent?: boolean; /** E.g. a signed link's `X-Link-Token`. */ headers?: Record<string, string> } = {},
  ): Promise<T> {
    if (!options.idempotent) return this.send<T>(method, path, body, undefined, undefined, options.headers);
    const key = newIdempotencyKey();
    return this.withRetries(() => this.send<T>(method, path, body, key, undefined, options.headers));
  }

  /** A GET whose answer is a text file (a calendar file), with the same error shape as JSON requests. */
  async text(path: string, headers: Record<string, string> = {}): Promise<string> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method: 'GET',
        headers: { 'accept-language': this.language, ...headers },
        credentials: 'include',
      });
    } catch {
      throw new ApiError(0, 'network_error', '');
    }
    if (!response.ok) throw await ApiError.from(response);
    return response.text();
  }

  private async send<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    idempotencyKey?: string,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json', 'accept-language': this.language };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = await this.currentCsrfToken();
    }
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch {
      throw new ApiError(0, signal?.aborted ? 'aborted' : 'network_error', '');
    }
    // A session may rotate with any change: the answer names the new token, or the next request fetches one.
    if (method !== 'GET') this.csrfToken = undefined;
    if (!response.ok) throw await ApiError.from(response);
    if (signal) return response as T;
    const text = await response.text();
    const answer: unknown = text ? JSON.parse(text) : undefined;
    if (answer && typeof answer === 'object' && 'csrfToken' in answer) {
      const { csrfToken, ...rest } = answer as { csrfToken: string };
      this.csrfToken = csrfToken;
      return rest as T;
    }
    return answer as T;
  }

  /**
   * Sends `multipart/form-data` (e.g. one file as `file`) and reports upload progress (0…1). Real
   * requests go through XMLHttpRequest, the only browser API with upload progress; a client built with its
   * own `fetch` (fakes in tests and stories) sends through that and reports 1 when done. `signal` aborts.
   */
  async upload<T>(
    path: string,
    form: FormData,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<T> {
    // Staging a file creates it: one key per upload, repeated with it like `request`'s idempotent calls.
    const key = newIdempotencyKey();
    return this.withRetries(() => this.sendForm<T>(path, form, options, key));
  }

  private async sendForm<T>(
    path: string,
    form: FormData,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal },
    idempotencyKey: string,
  ): Promise<T> {
    const csrfToken = await this.currentCsrfToken();
    this.csrfToken = undefined;
    if (this.fetchImpl !== defaultFetch) {
      let response: Response;
      try {
        response = await this.fetchImpl(this.baseUrl + path, {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'accept-language': this.language,
            'x-csrf-token': csrfToken,
            'idempotency-key': idempotencyKey,
          },
          credentials: 'include',
          body: form,
          signal: options.signal,
        });
      } catch (error) {
        if (options.signal?.aborted) throw new ApiError(0, 'aborted', '');
        throw new ApiError(0, 'network_error', String(error));
      }
      if (!response.ok) throw await ApiError.from(response);
      options.onProgress?.(1);
      return (await response.json()) as T;
    }
    const xhr = new XMLHttpRequest();
    const done = new Promise<T>((resolve, reject) => {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
      };
      xhr.onload = async () => {
        const response = new Response(xhr.responseText || null, {
          status: xhr.status,
          headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
        });
        if (!response.ok) return reject(await ApiError.from(response));
        options.onProgress?.(1);
        resolve((await response.json()) as T);
      };
      xhr.onerror = () => reject(new ApiError(0, 'network_error', ''));
      xhr.onabort = () => reject(new ApiError(0, 'aborted', ''));
    });
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.open('POST', this.baseUrl + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', this.language);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.send(form);
    return done;
  }

  /**
   * A POST whose answer is read as it arrives (Server-Sent Events of the chat): session cookie, CSRF token and
   * errors as `request`, but the open `Response` is handed back. A refusal (non-2xx) throws its `ApiError`;
   * `signal` aborts the request and the stream.
   */
  stream(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    return this.send('POST', path, body, undefined, signal ?? new AbortController().signal);
  }

  /** An absolute URL for a link (downloads), on the BFF the client talks to. */
  url(path: string): string {
    return new URL(this.baseUrl + path, location.href).href;
  }

  /** Runs `attempt`, repeating it after each of `retryDelaysMs` while it fails in a way worth repeating. */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let repeat = 0; ; repeat++) {
      try {
        return await attempt();
      } catch (error) {
        if (repeat >= this.retryDelaysMs.length || !worthRepeating(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[repeat]));
      }
    }
  }

  private async currentCsrfToken(): Promise<string> {
    if (!this.csrfToken) await this.session();
    return this.csrfToken!;
  }
}

/**
 * A new Idempotency-Key: 128 random bits as hex. `crypto.getRandomValues`, not `randomUUID`, which pages
 * served over plain http (no secure context) lack.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** No answer, or "try again shortly": the same request with the same key may be repeated. */
function worthRepeating(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === 'network_error' || error.status === 503 || error.code === 'idempotency_in_progress';
}
