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
  errors: {
    credit_check_stage: 'A credit check is possible only from “Viewed” on, and not after a rejection.',
    credit_check_consent_missing: 'There is no valid consent (none given, withdrawn or already used). Please request it.',
    credit_check_consent_present: 'Consent has already been given. You can run the credit check now.',
    credit_check_unavailable: 'The credit bureau did not answer. Nothing was stored; please try again later.',
  },
};
export default creditCheck;
