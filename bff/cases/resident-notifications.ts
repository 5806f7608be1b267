import type { NotificationPreferences } from '../contract/notifications.ts';
import type { Queryable } from '../db/database.ts';
import type { Mail } from '../mail/mailer.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { wantsMail } from '../notifications/preference-repository.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { caseLink, fromCompany, signedBy, type MailRecipient } from './case-mails.ts';
import { findResidentContact } from './case-repository.ts';
import type { CaseRecord } from './model.ts';
import { receiptMail, replyMail } from './notification-mails.ts';

/**
 * The resident's e-mails about their case beside the status mail (announcements.ts), queued in the change's
 * own transaction like it: the receipt on filing and each public reply. Each goes to the resident's address
 * in their language, with the link into the case on the company's portal page when the settings name it and
 * the company's sender name, reply-to address and signature when it set them,
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
  const settings = await readCompanySettings(tx);
  const link = settings.portalPageUrl ? caseLink(settings.portalPageUrl, record.id) : undefined;
  const to = signedBy({ ...contact, email: contact.email }, settings);
  await queueMail(tx, tenantId, fromCompany(compose(to, link), settings));
}

/** In the filing's transaction: the receipt (case number, time, what happens next). */
export function queueReceiptMail(tx: Queryable, tenantId: string, record: CaseRecord): Promise<void> {
  return queueToResident(tx, tenantId, record, 'receipt', (to, link) => receiptMail(to, record, link));
}

/** In the reply's transaction: the housing company's public message on the case. */
export function queueReplyMail(tx: Queryable, tenantId: string, record: CaseRecord, body: string): Promise<void> {
  return queueToResident(tx, tenantId, record, 'replies', (to, link) => replyMail(to, record, body, link));
}
