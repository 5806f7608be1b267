import type { CreditCheckMessages } from './de.ts';

const creditCheck: CreditCheckMessages = {
  heading: 'Credit check',
  loading: 'Loading …',
  retry: 'Try again',
  bureau: (name) => `Credit bureau: ${name}`,
  consent: 'Consent',
  consentStates: {
    none: 'not requested',
    requested: (when) => `requested on ${when}`,
    given: (when) => `given on ${when}`,
    revoked: (when) => `withdrawn on ${when}`,
  },
  used: 'used for a check',
  requestConsent: 'Request consent',
  runCheck: 'Check credit',
  result: 'Result',
  noResult: 'Not checked yet.',
  reference: (reference) => `Reference ${reference}`,
  checkedAt: (when, who) => (who ? `checked on ${when} by ${who}` : `checked on ${when}`),
  classes: { unbedenklich: 'no concerns', mit_auflagen: 'with conditions', kritisch: 'critical' },
  requested: (to) => `The request is on its way by e-mail to ${to}.`,
  checked: 'The credit check is done.',
  stageHint: 'Possible from “Viewed” on.',
};
export default creditCheck;
