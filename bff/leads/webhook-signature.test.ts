import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hmacSha256, signStandardWebhook, signXSignature, verifySignature, type SignatureHeaders } from './webhook-signature.ts';

/**
 * The verifier against real vectors: testdata/signature-test-vectors.json, copied unchanged from the corpus —
 * "signature-test-vectors.json — standard-webhooks/standard-webhooks @b2fa7b87 : libraries/*\/tests (fixed sign
 * vector, multi-sig, invalid cases) + spec/standard-webhooks.md (Apache-2.0); GitHub vector from
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries. All expected values recomputed
 * locally." The Standard Webhooks vectors pass with the clock at their own time and fail with today's; GitHub's
 * body-only vector checks the HMAC primitive only, since a signature without a signed timestamp never passes.
 */
interface Vector {
  name: string;
  secret: string;
  headers?: SignatureHeaders;
  payload?: string;
}
const vectors = JSON.parse(readFileSync(new URL('./testdata/signature-test-vectors.json', import.meta.url), 'utf8')) as {
  standard_webhooks: { valid: Vector[]; invalid: Vector[] };
  github_hmac: { secret: string; payload: string; expected_hex: string; negative: { payload: string; header: string } };
};
const vectorTimeMs = (vector: Vector) => Number(vector.headers?.['webhook-timestamp'] ?? 1614265330) * 1000;
const secretsOf = (secret: string) => [{ id: 'secret-1', secret }];

describe('lead webhook signatures', () => {
  describe('Standard Webhooks vectors (standard-webhooks @b2fa7b87)', () => {
    for (const vector of vectors.standard_webhooks.valid) {
      it(`${vector.name}: valid with the clock at the vector's time`, () => {
        const verdict = verifySignature(vector.headers!, Buffer.from(vector.payload!), secretsOf(vector.secret), vectorTimeMs(vector));
        assert.deepEqual(verdict, {
          ok: true,
          scheme: 'standard-webhooks',
          secretId: 'secret-1',
          webhookId: vector.headers!['webhook-id'],
        });
      });
      it(`${vector.name}: expired with today's clock`, () => {
        const verdict = verifySignature(vector.headers!, Buffer.from(vector.payload!), secretsOf(vector.secret), Date.now());
        assert.equal(verdict.ok || verdict.problem, 'signature_expired');
      });
    }

    it('the fixed vector also verifies with the secret without its whsec_ prefix, and signing reproduces it', () => {
      const [fixed] = vectors.standard_webhooks.valid;
      const bare = fixed.secret.slice('whsec_'.length);
      assert.equal(verifySignature(fixed.headers!, Buffer.from(fixed.payload!), secretsOf(bare), vectorTimeMs(fixed)).ok, true);
      const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = fixed.headers!;
      assert.equal(signStandardWebhook(fixed.secret, id!, timestamp!, fixed.payload!), signature);
    });

    for (const vector of vectors.standard_webhooks.invalid.filter((v) => v.headers)) {
      it(`${vector.name}: refused`, () => {
        const verdict = verifySignature(vector.headers!, Buffer.from(vector.payload!), secretsOf(vector.secret), vectorTimeMs(vector));
        assert.equal(verdict.ok, false);
        const expected = /missing|non_numeric/.test(vector.name) ? 'signature_missing' : 'signature_invalid';
        assert.equal(!verdict.ok && verdict.problem, expected);
      });
    }

    it('empty_secret: a secret without key bytes verifies nothing', () => {
      const [fixed] = vectors.standard_webhooks.valid;
      const empty = vectors.standard_webhooks.invalid.find((v) => v.name === 'empty_secret')!;
      const verdict = verifySignature(fixed.headers!, Buffer.from(fixed.payload!), secretsOf(empty.secret), vectorTimeMs(fixed));
      assert.equal(!verdict.ok && verdict.problem, 'signature_invalid');
    });

    it('rotation: the valid signature is found whichever of several secrets signed it', () => {
      const [fixed] = vectors.standard_webhooks.valid;
      const secrets = [
        { id: 'new', secret: 'whsec_' + Buffer.alloc(24, 7).toString('base64') },
        { id: 'old', secret: fixed.secret },
      ];
      const verdict = verifySignature(fixed.headers!, Buffer.from(fixed.payload!), secrets, vectorTimeMs(fixed));
      assert.equal(verdict.ok && verdict.secretId, 'old');
    });
  });

  describe("GitHub's body-only vector", () => {
    it('checks the HMAC primitive', () => {
      const { secret, payload, expected_hex, negative } = vectors.github_hmac;
      assert.equal(hmacSha256(secret, payload).toString('hex'), expected_hex);
      assert.notEqual(hmacSha256(secret, negative.payload).toString('hex'), expected_hex);
    });

    it('is never accepted as a webhook signature: no signed timestamp', () => {
      const { secret, payload, expected_hex } = vectors.github_hmac;
      for (const headers of [{ 'x-signature': `sha256=${expected_hex}` }, { 'x-signature': `sha256=${expected_hex}`, 'x-timestamp': '' }]) {
        const verdict = verifySignature(headers, Buffer.from(payload), secretsOf(secret), Date.now());
        assert.equal(!verdict.ok && verdict.problem, 'signature_missing');
      }
      const timed = verifySignature(
        { 'x-signature': `sha256=${expected_hex}`, 'x-timestamp': String(Math.floor(Date.now() / 1000)) },
        Buffer.from(payload),
        secretsOf(secret),
        Date.now(),
      );
      assert.equal(!timed.ok && timed.problem, 'signature_invalid');
    });
  });

  describe('X-Signature over <X-Timestamp>.<raw body>', () => {
    const secret = 'whsec_' + Buffer.alloc(32, 3).toString('base64');
    const body = Buffer.from('{"name":"Jana Beispiel","email":"jana@example.org"}');
    const now = 1_795_000_000_000;
    const timestamp = String(now / 1000);

    it('passes within 5 minutes either side, is expired beyond, invalid with another secret or another body', () => {
      const headers = { 'x-signature': signXSignature(secret, timestamp, body), 'x-timestamp': timestamp };
      assert.equal(verifySignature(headers, body, secretsOf(secret), now + 299_000).ok, true);
      assert.equal(verifySignature(headers, body, secretsOf(secret), now - 299_000).ok, true);
      const late = verifySignature(headers, body, secretsOf(secret), now + 301_000);
      assert.equal(!late.ok && late.problem, 'signature_expired');
      const early = verifySignature(headers, body, secretsOf(secret), now - 301_000);
      assert.equal(!early.ok && early.problem, 'signature_expired');
      const other = verifySignature(headers, body, secretsOf(secret + 'x'), now);
      assert.equal(!other.ok && other.problem, 'signature_invalid');
      const tampered = verifySignature(headers, Buffer.from(body.toString().replace('Jana', 'Eve')), secretsOf(secret), now);
      assert.equal(!tampered.ok && tampered.problem, 'signature_invalid');
    });

    it('a signature over the body alone (without the timestamp) is invalid', () => {
      const bodyOnly = 'sha256=' + hmacSha256(secret, body).toString('hex');
      const verdict = verifySignature({ 'x-signature': bodyOnly, 'x-timestamp': timestamp }, body, secretsOf(secret), now);
      assert.equal(!verdict.ok && verdict.problem, 'signature_invalid');
    });

    it('malformed headers are refused without comparing: no sha256= prefix, short hex, timestamp in milliseconds', () => {
      const valid = signXSignature(secret, timestamp, body);
      for (const [headers, problem] of [
        [{ 'x-signature': valid.slice(7), 'x-timestamp': timestamp }, 'signature_invalid'],
        [{ 'x-signature': valid.slice(0, -2), 'x-timestamp': timestamp }, 'signature_invalid'],
        [{ 'x-signature': valid, 'x-timestamp': String(now) }, 'signature_missing'],
        [{ 'x-signature': valid, 'x-timestamp': '1.5e9' }, 'signature_missing'],
        [{}, 'signature_missing'],
      ] as const) {
        const verdict = verifySignature(headers, body, secretsOf(secret), now);
        assert.equal(!verdict.ok && verdict.problem, problem, JSON.stringify(headers));
      }
    });
  });
});
