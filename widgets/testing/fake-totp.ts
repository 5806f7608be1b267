/**
 * The authenticator enrolment the fake BFF answers with: a demo secret, its otpauth:// URL and a real QR
 * code of that URL, so that a designer (or a phone) can scan what the story shows. The SVG is what the BFF's
 * own `totpQrCodeSvg(fakeTotpUri)` makes (bff/auth/totp.test.ts holds the two together); the widgets show it
 * as a data: URL. Generated once: the browser tests cannot load the `qrcode` package.
 */
export const fakeTotpSecret = 'JBSWY3DPEHPK3PXP';

export const fakeTotpUri = 'otpauth://totp/Mieterportal:anna.mueller%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Mieterportal';

export const fakeTotpQrCodeSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 43 43" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h43v43H0z"/><path stroke="#000000" d="' +
  'M1 1.5h7m4 0h1m1 0h5m1 0h1m1 0h1m1 0h4m1 0h1m1 0h2m2 0h7' +
  'M1 2.5h1m5 0h1m2 0h2m1 0h2m3 0h1m2 0h2m2 0h2m2 0h3m1 0h1m1 0h1m5 0h1' +
  'M1 3.5h1m1 0h3m1 0h1m1 0h4m1 0h3m1 0h3m1 0h4m3 0h3m1 0h1m1 0h1m1 0h3m1 0h1' +
  'M1 4.5h1m1 0h3m1 0h1m1 0h3m3 0h2m5 0h1m2 0h2m1 0h1m1 0h3m2 0h1m1 0h3m1 0h1' +
  'M1 5.5h1m1 0h3m1 0h1m1 0h1m2 0h1m1 0h4m1 0h2m1 0h3m2 0h1m2 0h1m1 0h2m1 0h1m1 0h3m1 0h1' +
  'M1 6.5h1m5 0h1m1 0h1m2 0h2m2 0h1m1 0h2m1 0h3m1 0h1m2 0h1m1 0h1m2 0h1m1 0h1m5 0h1' +
  'M1 7.5h7m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h7' +
  'M9 8.5h1m1 0h3m2 0h1m2 0h1m1 0h2m2 0h1m7 0h1' +
  'M1 9.5h1m1 0h5m2 0h1m1 0h2m1 0h1m1 0h2m2 0h1m1 0h2m1 0h1m1 0h4m3 0h5' +
  'M1 10.5h1m3 0h2m2 0h3m1 0h4m1 0h1m1 0h3m1 0h1m4 0h1m1 0h2m2 0h5m1 0h1' +
  'M2 11.5h1m1 0h1m1 0h4m1 0h4m1 0h1m1 0h1m2 0h2m4 0h2m7 0h1m1 0h4' +
  'M4 12.5h3m4 0h3m3 0h1m1 0h5m3 0h3m2 0h1m1 0h2m1 0h2m1 0h2' +
  'M1 13.5h1m1 0h2m1 0h2m1 0h6m3 0h1m1 0h2m1 0h1m1 0h2m1 0h3m1 0h4m2 0h4' +
  'M1 14.5h1m2 0h2m2 0h3m2 0h2m4 0h1m7 0h1m3 0h2m2 0h3m1 0h1m1 0h1' +
  'M2 15.5h1m1 0h1m2 0h1m1 0h2m5 0h1m4 0h2m1 0h2m1 0h3m1 0h1m7 0h2' +
  'M2 16.5h1m1 0h3m1 0h1m1 0h1m1 0h4m1 0h3m2 0h1m1 0h1m2 0h2m1 0h3m3 0h1m1 0h1m2 0h1' +
  'M1 17.5h3m1 0h3m3 0h5m1 0h3m1 0h1m2 0h1m1 0h1m2 0h1m1 0h3m2 0h1m2 0h1' +
  'M1 18.5h1m3 0h2m1 0h3m1 0h1m3 0h1m7 0h1m2 0h2m1 0h3m2 0h5m1 0h1' +
  'M1 19.5h1m4 0h2m2 0h2m1 0h1m3 0h1m1 0h1m3 0h3m3 0h1m1 0h1m2 0h1m1 0h5' +
  'M2 20.5h4m3 0h1m4 0h1m1 0h1m3 0h1m4 0h2m1 0h1m4 0h1m3 0h2m1 0h1' +
  'M1 21.5h2m1 0h6m5 0h3m1 0h2m1 0h3m1 0h1m1 0h4m1 0h2m3 0h2m1 0h1' +
  'M1 22.5h1m1 0h2m1 0h1m1 0h1m1 0h2m2 0h2m4 0h3m1 0h1m1 0h2m1 0h2m1 0h4m4 0h2' +
  'M3 23.5h2m2 0h4m1 0h1m1 0h1m7 0h2m2 0h5m2 0h2m4 0h1M3 24.5h1m1 0h2m3 0h1m2 0h3m3 0h1m1 0h3m3 0h3m3 0h4m2 0h3' +
  'M3 25.5h1m1 0h1m1 0h3m1 0h1m4 0h3m1 0h1m2 0h1m1 0h1m1 0h4m1 0h2m4 0h2m1 0h1' +
  'M3 26.5h4m1 0h1m1 0h4m3 0h5m1 0h2m4 0h2m1 0h1m1 0h5m2 0h1' +
  'M1 27.5h1m4 0h2m2 0h3m1 0h2m1 0h2m3 0h2m3 0h3m6 0h2m2 0h2' +
  'M2 28.5h3m1 0h1m2 0h3m1 0h3m6 0h2m1 0h1m3 0h1m1 0h1m2 0h1m1 0h3' +
  'M2 29.5h1m2 0h7m1 0h1m1 0h1m1 0h2m4 0h4m2 0h2m1 0h4m2 0h4' +
  'M1 30.5h3m5 0h1m1 0h1m1 0h3m1 0h2m2 0h1m1 0h1m1 0h1m1 0h1m3 0h2m2 0h3m2 0h2' +
  'M1 31.5h1m2 0h1m1 0h2m3 0h3m1 0h1m3 0h2m2 0h1m1 0h1m3 0h4m5 0h1' +
  'M1 32.5h1m4 0h1m1 0h1m1 0h4m1 0h1m1 0h2m1 0h4m1 0h1m1 0h1m1 0h1m2 0h1m1 0h1m1 0h1m1 0h1m1 0h2' +
  'M1 33.5h1m1 0h1m1 0h1m1 0h1m1 0h1m3 0h2m2 0h4m5 0h1m1 0h1m1 0h1m2 0h5m1 0h2' +
  'M9 34.5h1m1 0h1m2 0h2m1 0h2m3 0h3m5 0h4m3 0h1m2 0h2M1 35.5h7m4 0h3m1 0h1m1 0h1m3 0h1m2 0h3m3 0h3m1 0h1m1 0h3' +
  'M1 36.5h1m5 0h1m1 0h7m1 0h4m1 0h2m1 0h1m5 0h3m3 0h2' +
  'M1 37.5h1m1 0h3m1 0h1m1 0h2m1 0h2m2 0h2m4 0h1m1 0h2m2 0h1m1 0h2m1 0h5m1 0h2' +
  'M1 38.5h1m1 0h3m1 0h1m1 0h1m2 0h1m2 0h3m1 0h6m1 0h1m2 0h1m2 0h1m6 0h1m1 0h1' +
  'M1 39.5h1m1 0h3m1 0h1m1 0h1m1 0h1m2 0h2m2 0h2m5 0h1m1 0h2m3 0h1m1 0h5m1 0h1' +
  'M1 40.5h1m5 0h1m2 0h1m2 0h5m4 0h1m2 0h1m1 0h3m1 0h1m1 0h1m1 0h1m1 0h1m2 0h1' +
  'M1 41.5h7m1 0h2m4 0h1m1 0h1m1 0h1m1 0h1m1 0h1m1 0h3m2 0h1m1 0h1m1 0h2m1 0h2' +
  '"/></svg>\n';

/** The recovery codes the fakes hand out after a TOTP enrolment, in the BFF's format. */
export const fakeRecoveryCodes = Array.from({ length: 10 }, (_, index) => `ABCD-EFGH-JKLM-NP${String.fromCharCode(65 + index)}Q`);
