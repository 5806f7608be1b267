/**
 * Tenancies (Mietverhältnisse): a resident's relation to a unit. The rules computed from them live here, so
 * that no model ever has to compute a legal deadline.
 */

/**
 * § 556 Abs. 3 Satz 2 BGB: the utility statement for a billing period must reach the tenant "spätestens
 * bis zum Ablauf des zwölften Monats nach Ende des Abrechnungszeitraums" — the last day of the twelfth
 * month after the month in which the period ends. Period 01.01.–31.12.2025 → 31.12.2026;
 * 01.07.2024–30.06.2025 → 30.06.2026; a period ending 15.03.2025 → 31.03.2026. Dates as YYYY-MM-DD.
 */
export function utilityStatementDueBy(billingPeriodEnd: string): string {
  const [year, month] = billingPeriodEnd.split('-').map(Number);
  // Day 0 of the month after the twelfth month is that twelfth month's last day (UTC: no time zone shifts).
  const lastDay = new Date(Date.UTC(year, month - 1 + 12 + 1, 0));
  return lastDay.toISOString().slice(0, 10);
}
