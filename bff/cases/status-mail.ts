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

/**
 * The German e-mail a resident gets who joined a damage report of someone else: the status only — no
 * title, description or message of the reporter's case.
 */
export function incidentStatusMail(to: string, participant: { name: string; tenantName: string }, record: CaseRecord): Mail {
  const status = STATUS_LABELS[record.status];
  const damage = [record.damageKind?.label, record.damageLocation?.label].filter(Boolean).join(' – ');
  const lines = [
    `Guten Tag ${participant.name},`,
    '',
    `der Status der Schadensmeldung ${record.caseNumber}${damage ? ` (${damage})` : ''}, von der Sie ebenfalls betroffen sind, hat sich geändert: ${status}.`,
    '',
    'Den aktuellen Stand finden Sie jederzeit im Mieterportal.',
    '',
    'Mit freundlichen Grüßen',
    participant.tenantName,
  ];
  return { to, subject: `Schadensmeldung ${record.caseNumber}: ${status}`, text: lines.join('\n') };
}
