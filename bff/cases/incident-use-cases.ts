import type { JoinedIncident } from '../contract/cases.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { findOpenDamageReportInMyBuilding, insertParticipant, listMyJoinedIncidents } from './incident-repository.ts';
import { toIncidentView } from './views.ts';

/**
 * Joining a reported incident ("Bereits gemeldet? – Ich bin auch betroffen"): a resident adds themselves
 * to an open damage case of their own building instead of filing a duplicate. They follow its status
 * (live and by e-mail, bff/cases/announcements.ts) but never see its description, messages or reporter.
 */
export function createIncidentUseCases(db: Database) {
  function requireResident(ctx: TenantContext): string {
    if (ctx.role !== 'resident' || !ctx.residentId) throw forbidden('Diese Funktion steht nur Mieterinnen und Mietern zur Verfügung.');
    return ctx.residentId;
  }

  return {
    async join(ctx: TenantContext, caseNumber: string): Promise<{ incident: JoinedIncident }> {
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
      return { incident: toIncidentView(incident, ctx.language) };
    },

    async listJoined(ctx: TenantContext): Promise<{ items: JoinedIncident[] }> {
      requireResident(ctx);
      const incidents = await withTenant(db, ctx, (tx) => listMyJoinedIncidents(tx));
      return { items: incidents.map((incident) => toIncidentView(incident, ctx.language)) };
    },
  };
}
