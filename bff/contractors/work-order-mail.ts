import type { Mail } from '../mail/mailer.ts';

/** The e-mail that carries a work order to the contractor (German: the contractor's working language here). */

const berlin = (date: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options }).format(date);

/** „04.12.2026 um 09:30 Uhr“, in German time. */
export const appointmentText = (date: Date) =>
  `${berlin(date, { day: '2-digit', month: '2-digit', year: 'numeric' })} um ${berlin(date, { hour: '2-digit', minute: '2-digit' })} Uhr`;

export function workOrderMail(order: {
  to: string;
  contractorName: string;
  companyName: string;
  caseNumber: string;
  address: string | null;
  link: string;
  expiresAt: Date;
  pdf: Buffer;
}): Mail {
  return {
    to: order.to,
    subject: `Auftrag ${order.caseNumber} von ${order.companyName}`,
    text: [
      `Guten Tag ${order.contractorName},`,
      '',
      `${order.companyName} beauftragt Sie mit dem Vorgang ${order.caseNumber}${order.address ? ` (${order.address})` : ''}. ` +
        'Alle Angaben und die Fotos finden Sie im angehängten Auftrag (PDF).',
      '',
      'Bitte antworten Sie über diesen Link – ein Konto brauchen Sie dafür nicht:',
      order.link,
      '',
      'Dort sagen Sie einen Termin zu, lehnen den Auftrag ab oder melden die Arbeit als erledigt.',
      `Der Link gilt bis ${berlin(order.expiresAt, { dateStyle: 'medium' })}. Bitte geben Sie ihn nicht weiter.`,
      '',
      'Mit freundlichen Grüßen',
      order.companyName,
    ].join('\n'),
    attachments: [
      {
        filename: `Auftrag-${order.caseNumber}.pdf`,
        content: order.pdf.toString('base64'),
        contentType: 'application/pdf',
        encoding: 'base64',
      },
    ],
  };
}
