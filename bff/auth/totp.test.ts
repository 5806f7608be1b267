import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fakeTotpQrCodeSvg, fakeTotpSecret, fakeTotpUri } from '../../widgets/testing/fake-totp.ts';
import { totpQrCodeSvg, totpUri } from './totp.ts';

describe('TOTP enrolment', () => {
  it('the widgets’ fake enrolment shows the QR code the BFF makes for the same otpauth:// URL', async () => {
    assert.equal(totpUri(fakeTotpSecret, 'anna.mueller@example.org', 'Mieterportal'), fakeTotpUri);
    assert.equal(fakeTotpQrCodeSvg, await totpQrCodeSvg(fakeTotpUri));
  });
});
