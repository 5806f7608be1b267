import type { NotificationPreferences } from '../contract/notifications.ts';
import type { Queryable } from '../db/database.ts';
import type { Mail } from '../mail/mailer.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { wantsMail } from '../notifications/preference-repository.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { caseLink, type MailRecipient } from './case-mails.ts';
import { findResidentContact } from './case-repository.ts';
import type { CaseRecord } from './model.ts';
import { receiptMail, replyMail } from './notification-mails.ts';

/**
 * The resident's e-mails about their case beside the status mail (announcements.ts), queued in the change's
 * own transaction like it: the receipt on filing and each public reply. Each goes to the resident's address
 * in their language, with the link into the case on the company's portal page when the settings name it,
 * unless the resident turned that kind of e-mail off (bff/notifications/).
 */

async function queueToResident(
  tx: Queryable,
  tenantId: string,
  record: CaseRecord,
  kind: keyof NotificationPreferences,
  compose: (to: MailRecipient, link: string | undefined) => Mail,
): Promise<void> {
  if (!record.residentId || !(await wantsMail(tx, record.residentId, kind))) return;
  const contact = await findResidentContact(tx, record.residentId);
  if (!contact?.email) return;
  const { portalPageUrl } = await readCompanySettings(tx);
  const link = portalPageUrl ? caseLink(portalPageUrl, record.id) : undefined;
  await queueMail(tx, tenantId, compose({ ...contact, email: contact.email }, link));
}

/** In the filing's transaction: the receipt (case number, time, what happens next). */
export function queueReceiptMail(tx: Queryable, tenantId: string, record: CaseRecord): Promise<void> {
  return queueToResident(tx, tenantId, record, 'receipt', (to, link) => receiptMail(to, record, link));
}

/** In the reply's transaction: the housing company's public message on the case. */
export function queueReplyMail(tx: Queryable, tenantId: string, record: CaseRecord, body: string): Promise<void> {
  return queueToResident(tx, tenantId, record, 'replies', (to, link) => replyMail(to, record, body, link));
}
