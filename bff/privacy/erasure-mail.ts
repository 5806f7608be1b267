import type { RetainedItem } from '../contract/privacy.ts';
import type { Mail } from '../mail/mailer.ts';

/**
 * The confirmation to the person once the housing company completed their erasure (Art. 12 Abs. 3, Art. 17 DSGVO):
 * what was removed, what had to stay and why, and that the account is closed. German, as the explanations it
 * quotes. It is the last mail to the address: queued after the erasure (which drops unsent mails), it leaves the
 * address in the outbox only until the company's retention of delivered mails ends (`outboxRetentionDays`).
 */
export function erasureConfirmation(to: string, companyName: string, completedAt: Date, kept: RetainedItem[]): Mail {
  const date = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' }).format(completedAt);
  const keptLines = kept.map(
    (item) => `- ${item.what}${item.keptUntil ? ` (längstens bis ${item.keptUntil.split('-').reverse().join('.')})` : ''}: ${item.reason}`,
  );
  const text = [
    'Guten Tag,',
    '',
    `${companyName} hat Ihren Antrag auf Löschung Ihrer Daten im Mieterportal am ${date} erledigt.`,
    '',
    'Gelöscht wurden Ihre Chatverläufe, Ihre Anmeldedaten und Sitzungen, Ihre E-Mail-Einstellungen und Ihre Angaben zur Erreichbarkeit. Ihr Konto ist geschlossen: Eine Anmeldung ist nicht mehr möglich.',
    ...(keptLines.length
      ? ['', 'Aufbewahrt werden muss noch (gesetzliche Pflichten):', ...keptLines]
      : ['', 'Nichts musste aufbewahrt werden.']),
    '',
    'Dies ist die letzte E-Mail des Mieterportals an diese Adresse. Fragen zur Verarbeitung Ihrer Daten beantwortet Ihre Hausverwaltung.',
    '',
    `${companyName}`,
  ].join('\n');
  return { to, subject: 'Ihr Löschantrag ist erledigt', text };
}
