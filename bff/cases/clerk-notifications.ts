import type { Logger } from 'pino';
import type { Language } from '../contract/enums.ts';
import {
  findClerkContact as findClerk,
  listOverdueAssignedCases,
  listTenantIds,
  type ClerkContact,
  type OverdueCase,
} from './clerk-notification-repository.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import type { Mail } from '../mail/mailer.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { mailTime } from './notification-mails.ts';
import type { CaseRecord } from './model.ts';
import { toStaffCase } from './views.ts';

/**
 * What clerks are told about their cases (docs/cases.md, "Notifications"): an e-mail and a live
 * `case:notification` on the staff board when a case is assigned to them (routing at filing, or a
 * reassignment by someone else) or the resident writes on their case; and once a day one e-mail per clerk
 * listing their overdue cases (a scheduled job, so once per day however many instances run).
 */

export type ClerkNotificationReason = 'assigned' | 'resident_message';

const texts = {
  de: {
    assigned: (nr: string) => `Ihnen zugewiesen: Vorgang ${nr}`,
    assignedLine: (nr: string, title: string) => `der Vorgang ${nr} „${title}“ ist Ihnen zugewiesen worden.`,
    resident_message: (nr: string) => `Neue Nachricht der Mieterin/des Mieters zu Vorgang ${nr}`,
    resident_messageLine: (nr: string, title: string) => `zu Ihrem Vorgang ${nr} „${title}“ hat die Mieterin/der Mieter geschrieben.`,
    greeting: (name: string) => `Guten Tag ${name},`,
    deadline: 'Frist',
    board: 'Sie finden ihn im Vorgangs-Board.',
    overdue: (count: number) => (count === 1 ? 'Ein überfälliger Vorgang' : `${count} überfällige Vorgänge`),
    overdueLine: 'diese Ihnen zugewiesenen Vorgänge haben ihre Frist überschritten:',
  },
  en: {
    assigned: (nr: string) => `Assigned to you: case ${nr}`,
    assignedLine: (nr: string, title: string) => `case ${nr} “${title}” has been assigned to you.`,
    resident_message: (nr: string) => `New message from the resident on case ${nr}`,
    resident_messageLine: (nr: string, title: string) => `the resident has written on your case ${nr} “${title}”.`,
    greeting: (name: string) => `Hello ${name},`,
    deadline: 'Deadline',
    board: 'You find it on the case board.',
    overdue: (count: number) => (count === 1 ? 'One overdue case' : `${count} overdue cases`),
    overdueLine: 'these cases assigned to you are past their deadline:',
  },
};
const textsIn = (language: Language) => (language === 'en' ? texts.en : texts.de);

function caseMail(to: ClerkContact, reason: ClerkNotificationReason, record: CaseRecord): Mail {
  const t = textsIn(to.language);
  const subject = reason === 'assigned' ? t.assigned(record.caseNumber) : t.resident_message(record.caseNumber);
  const line =
    reason === 'assigned' ? t.assignedLine(record.caseNumber, record.title) : t.resident_messageLine(record.caseNumber, record.title);
  const lines = [t.greeting(to.name), '', line, `${t.deadline}: ${mailTime(record.deadlineAt, to.language)}`, '', t.board];
  return { to: to.email, subject, text: lines.join('\n') };
}

export interface ClerkNotifier {
  /** After the commit: tells the case's clerk, unless they acted themselves. Failures are logged. */
  notify(tenantId: string, change: { reason: ClerkNotificationReason; record: CaseRecord; actorAccountId?: string }): Promise<void>;
}

export function createClerkNotifier(deps: { db: Database; realtime: Realtime; logger: Logger; outbox: { wake(): void } }): ClerkNotifier {
  return {
    async notify(tenantId, { reason, record, actorAccountId }) {
      const clerkId = record.assignee?.id;
      if (!clerkId || clerkId === actorAccountId) return;
      try {
        // In the company's staff scope: a resident's own scope cannot read the clerk's address.
        const staffRecord = await withScope(deps.db, { role: 'clerk', tenantId }, async (tx) => {
          const clerk = await findClerk(tx, clerkId);
          if (clerk) await queueMail(tx, tenantId, caseMail(clerk, reason, record));
          return record;
        });
        deps.outbox.wake();
        deps.realtime.toStaffAccount(tenantId, clerkId, 'case:notification', {
          reason,
          accountId: clerkId,
          case: toStaffCase(staffRecord),
        });
      } catch (err) {
        deps.logger.error({ err, caseId: record.id }, 'clerk notification failed');
      }
    },
  };
}

/** One e-mail per clerk of one housing company with their open cases past the deadline at `now`; returns how many. */
async function announceOverdue(tx: Queryable, tenantId: string, now: Date): Promise<number> {
  const rows = await listOverdueAssignedCases(tx, now);
  const byClerk = new Map<string, OverdueCase[]>();
  for (const row of rows) byClerk.set(row.assigneeId, [...(byClerk.get(row.assigneeId) ?? []), row]);
  let sent = 0;
  for (const [clerkId, cases] of byClerk) {
    const clerk = await findClerk(tx, clerkId);
    if (!clerk) continue;
    const t = textsIn(clerk.language);
    const list = cases.map((row) => `- ${row.caseNumber} „${row.title}“ (${t.deadline}: ${mailTime(row.deadlineAt, clerk.language)})`);
    const text = [t.greeting(clerk.name), '', t.overdueLine, ...list, '', t.board].join('\n');
    await queueMail(tx, tenantId, { to: clerk.email, subject: t.overdue(cases.length), text });
    sent += 1;
  }
  return sent;
}

/** Daily, across every housing company: the overdue announcement (once per day per clerk; bff/jobs/). */
export function overdueAnnouncementJob(deps: { db: Database; outbox: { wake(): void } }): ScheduledJob {
  return {
    name: 'cases-announce-overdue',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      const tenants = await withScope(deps.db, { role: 'system' }, (tx) => listTenantIds(tx));
      let sent = 0;
      for (const tenantId of tenants) {
        sent += await withScope(deps.db, { role: 'clerk', tenantId }, (tx) => announceOverdue(tx, tenantId, now));
      }
      deps.outbox.wake();
      return sent;
    },
  };
}
