import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Realtime } from '../realtime/realtime.ts';
import {
  findOpenDamageReportInMyBuilding,
  insertParticipant,
  listMyJoinedIncidents,
  type Incident,
  type Participant,
} from './incidents-repository.ts';
import type { CaseRecord } from './model.ts';
import { incidentStatusMail } from './status-mail.ts';

/**
 * Joining a reported incident ("Bereits gemeldet? – Ich bin auch betroffen"): a resident adds themselves
 * to an open damage case of their own building instead of filing a duplicate. They follow its status
 * (live and by e-mail) but never see its description, messages or reporter.
 */

export interface IncidentDependencies {
  db: Database;
  realtime: Realtime;
  mailer: Mailer;
  logger: Logger;
}

export interface IncidentView {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: Incident['status'];
  reportedAt: string;
  joinedAt: string;
}

/** Built field by field: nothing of the case beyond its number, catalogue labels and status. */
function toIncidentView(incident: Incident): IncidentView {
  return {
    caseNumber: incident.caseNumber,
    damageLocation: incident.damageLocation,
    damageCategory: incident.damageCategory,
    damageKind: incident.damageKind,
    status: incident.status,
    reportedAt: incident.reportedAt.toISOString(),
    joinedAt: incident.joinedAt.toISOString(),
  };
}

/** The incident as a participant sees it, from the staff record of its case. */
function incidentOf(record: CaseRecord, participant: Participant): Incident {
  return {
    caseNumber: record.caseNumber,
    damageLocation: record.damageLocation?.label ?? '',
    damageCategory: record.damageCategory?.label ?? '',
    damageKind: record.damageKind?.label ?? '',
    status: record.status,
    reportedAt: record.createdAt,
    joinedAt: participant.joinedAt,
  };
}

/**
 * After a committed status change: every resident who joined the case gets `incident:updated` in their
 * room and the German status e-mail. A failed e-mail is logged; it never fails the clerk's request.
 */
export async function tellParticipantsOfStatusChange(
  deps: IncidentDependencies,
  tenantId: string,
  record: CaseRecord,
  participants: Participant[],
): Promise<void> {
  for (const participant of participants) {
    const incident = toIncidentView(incidentOf(record, participant));
    deps.realtime.toResident(tenantId, participant.residentId, 'incident:updated', { change: 'status_changed', incident });
  }
  for (const participant of participants) {
    if (!participant.email) {
      deps.logger.info({ caseId: record.id, residentId: participant.residentId }, 'incident mail skipped: resident has no e-mail address');
      continue;
    }
    try {
      await deps.mailer.send(incidentStatusMail(participant.email, participant, record));
    } catch (err) {
      deps.logger.error({ err, caseId: record.id, residentId: participant.residentId }, 'incident mail failed');
    }
  }
}

export function createIncidentUseCases(deps: IncidentDependencies) {
  const { db } = deps;

  function requireResident(ctx: TenantContext): string {
    if (ctx.role !== 'resident' || !ctx.residentId) throw forbidden('Diese Funktion steht nur Mieterinnen und Mietern zur Verfügung.');
    return ctx.residentId;
  }

  return {
    async join(ctx: TenantContext, caseNumber: string): Promise<{ incident: IncidentView }> {
      const residentId = requireResident(ctx);
      const incident = await withTenant(db, ctx, async (tx) => {
        const report = await findOpenDamageReportInMyBuilding(tx, caseNumber);
        if (!report) throw notFound('Keine offene Schadensmeldung mit dieser Vorgangsnummer in Ihrem Gebäude.');
        if (report.reportedByMe) {
          throw new AppError(
            409,
            'own_report',
            'Diese Schadensmeldung haben Sie selbst erstellt; Sie erhalten dazu bereits alle Neuigkeiten.',
          );
        }
        const joinedAt = await insertParticipant(tx, { tenantId: ctx.tenantId, caseId: report.caseId, residentId });
        if (!joinedAt) throw new AppError(409, 'already_joined', 'Sie haben sich dieser Schadensmeldung bereits angeschlossen.');
        return { ...report.incident, joinedAt };
      });
      return { incident: toIncidentView(incident) };
    },

    async listJoined(ctx: TenantContext): Promise<{ items: IncidentView[] }> {
      requireResident(ctx);
      const incidents = await withTenant(db, ctx, (tx) => listMyJoinedIncidents(tx));
      return { items: incidents.map(toIncidentView) };
    },
  };
}
