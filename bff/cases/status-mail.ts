import type { Mail } from '../mail/mailer.ts';
import type { ResidentContact } from './case-repository.ts';
import { STATUS_LABELS, type CaseRecord } from './model.ts';

/** The German e-mail a resident gets when the status of their case changes. */
export function statusChangeMail(to: string, contact: ResidentContact, record: CaseRecord, publicMessage?: string): Mail {
  const status = STATUS_LABELS[record.status];
  const lines = [
    `Guten Tag ${contact.name},`,
    '',
    `der Status Ihres Anliegens „${record.title}“ (Vorgangsnummer ${record.caseNumber}) hat sich geändert: ${status}.`,
    ...(publicMessage ? ['', 'Nachricht Ihrer Hausverwaltung:', publicMessage] : []),
    '',
    'Den aktuellen Stand und alle Nachrichten finden Sie jederzeit im Mieterportal.',
    '',
    'Mit freundlichen Grüßen',
    contact.tenantName,
  ];
  return { to, subject: `Ihr Anliegen ${record.caseNumber}: ${status}`, text: lines.join('\n') };
}
