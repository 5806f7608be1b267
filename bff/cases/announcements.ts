import type { Logger } from 'pino';
import { RESIDENT_EVENT_KINDS, type CaseEventKind } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { wantsMail } from '../notifications/preference-repository.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { findCase, findResidentContact } from './case-repository.ts';
import { listParticipants, type Participant } from './incident-repository.ts';
import type { CaseRecord } from './model.ts';
import { caseLink, fromCompany, incidentStatusMail, signedBy, statusChangeMail } from './case-mails.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { incidentOf, toIncidentView, toResidentCase, toStaffCase } from './views.ts';

/**
 * The one path by which a committed change of a case reaches people: clerks of the housing company
 * (board), the case's resident, and for a status change the residents who joined the incident, live and
 * by e-mail. The e-mails are queued in the change's own transaction (`queueStatusMails`), so they are sent
 * exactly when the change commits and retried while the mail server is down; the live events follow the
 * commit (`announce`).
 */

export interface CaseChange {
  kind: CaseEventKind;
  /** The case after the change, as the acting scope read it. */
  record: CaseRecord;
  /** A resident acted: their scope cannot read what clerks see (names), so the board's view is read anew. */
  byResident?: boolean;
  /** Residents who joined the incident, for a status change (from `queueStatusMails`). */
  participants?: Participant[];
}

/** In the status change's transaction: the status mail to the resident and one to each resident who joined. */
export async function queueStatusMails(
  tx: Queryable,
  tenantId: string,
  record: CaseRecord,
  publicMessage?: string,
): Promise<Participant[]> {
  const wanted = record.residentId ? await wantsMail(tx, record.residentId, 'statusChanges') : false;
  const contact = wanted && record.residentId ? await findResidentContact(tx, record.residentId) : undefined;
  const participants = await listParticipants(tx, record.id);
  if (!contact?.email && !participants.some((participant) => participant.email)) return participants;
  // The company's sender name, reply-to address and signature on every resident's mail (docs/settings.md).
  const settings = await readCompanySettings(tx);
  if (contact?.email) {
    const link = settings.portalPageUrl ? caseLink(settings.portalPageUrl, record.id) : undefined;
    const to = signedBy({ ...contact, email: contact.email }, settings);
    await queueMail(tx, tenantId, fromCompany(statusChangeMail(to, record, publicMessage, link), settings));
  }
  for (const participant of participants) {
    if (!participant.email) continue;
    const to = signedBy({ ...participant, email: participant.email }, settings);
    await queueMail(tx, tenantId, fromCompany(incidentStatusMail(to, record), settings));
  }
  return participants;
}

export interface CaseAnnouncer {
  announce(tenantId: string, change: CaseChange): Promise<void>;
}

export function createCaseAnnouncer(deps: { db: Database; realtime: Realtime; logger: Logger; outbox: { wake(): void } }): CaseAnnouncer {
  const { db, realtime, logger } = deps;
  const residentSees = (kind: CaseEventKind) => (RESIDENT_EVENT_KINDS as readonly CaseEventKind[]).includes(kind);

  return {
    /** After the commit. The change is stored by now: a failure here is logged, never reported to the actor. */
    async announce(tenantId, change) {
      const { kind, record } = change;
      deps.outbox.wake();
      try {
        const staffRecord = change.byResident ? await withScope(db, { role: 'clerk', tenantId }, (tx) => findCase(tx, record.id)) : record;
        if (staffRecord)
          realtime.toStaff(tenantId, kind === 'created' ? 'case:created' : 'case:updated', {
            change: kind,
            case: toStaffCase(staffRecord),
          });
      } catch (err) {
        logger.error({ err, caseId: record.id }, 'staff notification failed');
      }
      if (record.residentId && residentSees(kind)) {
        // What the housing company did is news in "Meine Anliegen" until the resident opens the case.
        const residentCase = { ...toResidentCase(record), hasNews: !change.byResident };
        realtime.toResident(tenantId, record.residentId, 'case:updated', { change: kind, case: residentCase });
      }
      for (const participant of change.participants ?? []) {
        realtime.toResident(tenantId, participant.residentId, 'incident:updated', {
          change: kind,
          incident: toIncidentView(incidentOf(record, participant)),
        });
      }
    },
  };
}
