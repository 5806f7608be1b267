import type { CreditCheckErrorCode } from '../../internal/i18n/errors/de.ts';

/** The texts of `<lead-credit-check>` in German (staff: German and English). */
const creditCheck = {
  heading: 'Bonitätsprüfung',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  bureau: (name: string) => `Auskunftei: ${name}`,
  consent: 'Einwilligung',
  consentStates: {
    none: 'nicht angefragt',
    requested: (when: string) => `angefragt am ${when}`,
    given: (when: string) => `erteilt am ${when}`,
    revoked: (when: string) => `widerrufen am ${when}`,
  },
  used: 'für eine Prüfung verwendet',
  requestConsent: 'Einwilligung anfragen',
  runCheck: 'Bonität prüfen',
  result: 'Ergebnis',
  noResult: 'Noch nicht geprüft.',
  reference: (reference: string) => `Vorgang ${reference}`,
  checkedAt: (when: string, who: string | null) => (who ? `geprüft am ${when} von ${who}` : `geprüft am ${when}`),
  classes: { unbedenklich: 'unbedenklich', mit_auflagen: 'mit Auflagen', kritisch: 'kritisch' },
  requested: (to: string) => `Die Anfrage ist per E-Mail an ${to} unterwegs.`,
  checked: 'Die Bonität ist geprüft.',
  stageHint: 'Ab „Besichtigt“ möglich.',
  /** The BFF's refusals only this element meets (kept out of the portals' common chunk). */
  errors: {
    credit_check_stage: 'Eine Bonitätsprüfung ist erst ab „Besichtigt“ möglich und nicht mehr nach einer Absage.',
    credit_check_consent_missing:
      'Es fehlt eine gültige Einwilligung (keine erteilt, widerrufen oder schon verwendet). Bitte fragen Sie sie an.',
    credit_check_consent_present: 'Die Einwilligung liegt bereits vor. Sie können die Bonität jetzt prüfen.',
    credit_check_unavailable: 'Die Auskunftei hat nicht geantwortet. Es wurde nichts gespeichert; bitte später erneut versuchen.',
  } satisfies Record<CreditCheckErrorCode, string>,
};
export default creditCheck;
export type CreditCheckMessages = typeof creditCheck;
