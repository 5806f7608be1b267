import { expect } from '@open-wc/testing';
import { ApiClient, ApiError } from './api-client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function recordingFetch(answers: Response[]) {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: input instanceof Request ? input.url : String(input), init });
    return answers.shift()!;
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiClient', () => {
  it('fetches the CSRF token from the session and sends it with cookies and JSON', async () => {
    const { calls, fetchImpl } = recordingFetch([
      json(200, { csrfToken: 'token-1', state: 'anonymous' }),
      json(200, { state: 'second_factor', secondFactor: 'totp' }),
    ]);
    const client = new ApiClient('https://bff.example.org', fetchImpl);
    const session = await client.login({ tenant: 'wohnbau-nord', email: 'a@example.org', password: 'x', audience: 'resident' });
    expect(session).to.deep.equal({ state: 'second_factor', secondFactor: 'totp' });
    expect(calls.map((call) => call.url)).to.deep.equal(['https://bff.example.org/api/session', 'https://bff.example.org/api/auth/login']);
    const headers = calls[1].init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).to.equal('token-1');
    expect(headers['content-type']).to.equal('application/json');
    expect(calls.every((call) => call.init.credentials === 'include')).to.be.true;
  });

  it('fetches a fresh token after each state-changing request, since sign-in steps rotate the session', async () => {
    const { calls, fetchImpl } = recordingFetch([
      json(200, { csrfToken: 'token-1', state: 'anonymous' }),
      json(200, { state: 'second_factor', secondFactor: 'totp' }),
      json(200, { csrfToken: 'token-2', state: 'second_factor' }),
      json(200, { state: 'signed_in' }),
    ]);
    const client = new ApiClient('', fetchImpl);
    await client.login({ tenant: 't', email: 'e', password: 'p', audience: 'resident' });
    await client.verify('123456');
    expect((calls[3].init.headers as Record<string, string>)['x-csrf-token']).to.equal('token-2');
  });

  it('uses the new token that the answer of a rotating sign-in step carries, and keeps it out of the result', async () => {
    const { calls, fetchImpl } = recordingFetch([
      json(200, { csrfToken: 'token-1', state: 'anonymous' }),
      json(200, { state: 'second_factor', secondFactor: 'totp', csrfToken: 'token-2' }),
      json(200, { state: 'signed_in', csrfToken: 'token-3' }),
    ]);
    const client = new ApiClient('', fetchImpl);
    const session = await client.login({ tenant: 't', email: 'e', password: 'p', audience: 'resident' });
    expect(session).to.deep.equal({ state: 'second_factor', secondFactor: 'totp' });
    await client.verify('123456');
    expect(calls.map((call) => (call.init.headers as Record<string, string>)['x-csrf-token'])).to.deep.equal([
      undefined,
      'token-1',
      'token-2',
    ]);
  });

  it('turns error bodies into an ApiError with its code, the server message and the issue of each field', async () => {
    const { fetchImpl } = recordingFetch([
      json(200, { csrfToken: 'token-1', state: 'anonymous' }),
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'Bitte prüfen Sie Ihre Eingaben.',
          details: {
            fields: [
              { path: 'password', code: 'too_small', limit: 10, origin: 'string', message: 'Zu kurz.' },
              { path: 'address.city', code: 'custom', message: 'Fehlt.' },
            ],
          },
        },
      }),
    ]);
    const error = await new ApiClient('', fetchImpl).activate({ tenant: 't', code: 'c', email: 'e', password: 'p' }).catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 400, code: 'validation_failed', message: 'Bitte prüfen Sie Ihre Eingaben.' });
    expect(error.fields).to.deep.equal({
      password: { path: 'password', code: 'too_small', limit: 10, origin: 'string', message: 'Zu kurz.' },
      'address.city': { path: 'address.city', code: 'custom', message: 'Fehlt.' },
    });
  });

  it('reports an unreachable server as network_error', async () => {
    const error = await new ApiClient('', () => Promise.reject(new TypeError('Failed to fetch'))).session().catch((e) => e);
    expect(error).to.include({ status: 0, code: 'network_error' });
  });

  it('accepts empty answers (202, 204)', async () => {
    const { fetchImpl } = recordingFetch([json(200, { csrfToken: 't', state: 'signed_in' }), new Response(null, { status: 204 })]);
    await new ApiClient('', fetchImpl).logout();
  });
});
