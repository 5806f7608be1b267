import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readLink, signedLinkKey, signLink, type LinkClaims } from './token.ts';

/** The token of a signed link: what is signed reads back; anything altered, cut or signed with another key does not. */
describe('signed link tokens', () => {
  const key = signedLinkKey('x'.repeat(48));
  const claims: LinkClaims = {
    purpose: 'viewing-booking',
    tenantId: randomUUID(),
    subjectId: randomUUID(),
    linkId: randomUUID(),
    expiresAt: new Date('2026-12-01T10:00:00Z'),
  };
  const token = signLink(key, claims);
  const payloadOf = (value: string) => JSON.parse(Buffer.from(value.split('.')[1], 'base64url').toString('utf8'));
  const withPayload = (value: string, change: Record<string, unknown>) => {
    const [version, payload, signature] = value.split('.');
    const altered = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...change };
    return [version, Buffer.from(JSON.stringify(altered)).toString('base64url'), signature].join('.');
  };

  it('reads back what was signed; the token is URL-safe and carries no secret', () => {
    assert.deepEqual(readLink(key, token), claims);
    assert.match(token, /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(Object.keys(payloadOf(token)).sort(), ['e', 'l', 'p', 's', 't']);
  });

  it('refuses a token whose company, subject, purpose or expiry was changed (the signature no longer holds)', () => {
    for (const change of [{ t: randomUUID() }, { s: randomUUID() }, { p: 'credit-check-consent' }, { e: payloadOf(token).e + 86_400 }]) {
      assert.equal(readLink(key, withPayload(token, change)), undefined, JSON.stringify(change));
    }
  });

  it('refuses a changed or cut signature, another key, another version and garbage', () => {
    const [version, payload, signature] = token.split('.');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    for (const bad of [
      `${version}.${payload}.${flipped}`,
      `${version}.${payload}.${signature.slice(0, 20)}`,
      `${version}.${payload}.`,
      `v2.${payload}.${signature}`,
      `${version}.${payload}`,
      `${token}.extra`,
      '',
      'kein.token.hier',
      `${version}.${payload}.${signature}==`,
    ]) {
      assert.equal(readLink(key, bad), undefined, bad);
    }
    assert.equal(readLink(signedLinkKey('y'.repeat(48)), token), undefined, 'another installation');
  });

  it('refuses another spelling of the right signature (the unused bits of its last character changed)', () => {
    const [version, payload, signature] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1)!);
    const sibling = alphabet[last ^ 1];
    const respelled = `${version}.${payload}.${signature.slice(0, -1)}${sibling}`;
    assert.deepEqual(Buffer.from(respelled.split('.')[2], 'base64url'), Buffer.from(signature, 'base64url'), 'decodes to the same bytes');
    assert.equal(readLink(key, respelled), undefined);
  });

  it('a validly signed payload that is not a link is refused', () => {
    const forged = signLink(key, { ...claims, purpose: 'Falscher Zweck!' });
    assert.equal(readLink(key, forged), undefined);
  });
});
