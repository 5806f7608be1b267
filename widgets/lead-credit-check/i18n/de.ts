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
};
export default creditCheck;
export type CreditCheckMessages = typeof creditCheck;
