import type { AdminErasureRequest, ErasureOutcome, ErasureRequest, PrivacyExport, PrivacyOverview } from '../contract/privacy.ts';
import type { Database } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { emailHash } from '../auth/use-cases.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { accessInformation, retainedItems } from './explanations.ts';
import { exportFileName, renderExportPdf } from './pdf.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { findScopeTenant } from '../tenants/repository.ts';
import { erasureConfirmation } from './erasure-mail.ts';
import * as repo from './repository.ts';

/**
 * Art. 15 / Art. 17 DSGVO self-service (docs/data-subject-rights.md). The resident's export reads in the scope `privacy` with the
 * resident and account of the session (never from the request); an erasure runs in the admin's scope through
 * erase_resident() (migration 0041), which deletes or anonymises what may go and keeps what must stay.
 */
export interface PrivacyUseCases {
  overview(ctx: TenantContext): Promise<PrivacyOverview>;
  exportData(ctx: TenantContext): Promise<PrivacyExport>;
  exportPdf(ctx: TenantContext): Promise<{ fileName: string; content: Buffer }>;
  requestErasure(ctx: TenantContext): Promise<ErasureRequest>;
  listRequests(ctx: TenantContext): Promise<AdminErasureRequest[]>;
  complete(ctx: TenantContext, id: string): Promise<AdminErasureRequest>;
}

const residentOf = (ctx: TenantContext): string => {
  if (ctx.role !== 'resident' || !ctx.residentId) throw forbidden('Diese Funktion steht nur Mieterinnen und Mietern zur Verfügung.');
  return ctx.residentId;
};
const adminOnly = (ctx: TenantContext): void => {
  if (ctx.role !== 'admin') throw forbidden('Löschanträge bearbeiten nur Administratorinnen und Administratoren der Hausverwaltung.');
};

function asRequest(row: repo.ErasureRequestRow): ErasureRequest {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

function asAdminRequest(row: repo.ErasureRequestRow): AdminErasureRequest {
  return {
    ...asRequest(row),
    residentName: `${row.first_name} ${row.last_name}`,
    externalRef: row.external_ref,
    unit: row.unit,
    completedBy: row.completed_by_name,
    outcome: (row.outcome as ErasureOutcome | null) ?? null,
  };
}

export function createPrivacyUseCases(db: Database, now: () => Date = () => new Date()): PrivacyUseCases {
  const privacyScope = (ctx: TenantContext, residentId: string) =>
    ({ role: 'privacy', tenantId: ctx.tenantId, accountId: ctx.accountId, residentId }) as const;

  async function exportData(ctx: TenantContext): Promise<PrivacyExport> {
    const residentId = residentOf(ctx);
    const at = now();
    return withScope(db, privacyScope(ctx, residentId), async (tx) => {
      const person = await repo.findPerson(tx, residentId);
      // The session names the resident and the account together; a mismatch is no one's export.
      if (!person || person.accountId !== ctx.accountId) throw notFound();
      const company = await repo.companyName(tx, ctx.tenantId);
      const sections = await repo.exportSections(tx, person, emailHash(person.email ?? person.accountId));
      return {
        format: 'mieterportal-auskunft',
        version: 1,
        generatedAt: at.toISOString(),
        controller: { name: company },
        subject: { name: `${person.firstName} ${person.lastName}`, email: person.email, externalRef: person.externalRef },
        information: accessInformation(company),
        sections,
      };
    });
  }

  return {
    async overview(ctx) {
      const residentId = residentOf(ctx);
      return withTenant(db, ctx, async (tx) => {
        const request = await repo.findOwnRequest(tx, residentId);
        const at = now();
        return {
          erasureRequest: request ? asRequest(request) : null,
          retained: retainedItems(await repo.retentionFacts(tx, residentId, at), at),
        };
      });
    },

    exportData,

    async exportPdf(ctx) {
      const data = await exportData(ctx);
      return { fileName: `${exportFileName(data.generatedAt)}.pdf`, content: await renderExportPdf(data) };
    },

    async requestErasure(ctx) {
      const residentId = residentOf(ctx);
      return withTenant(db, ctx, async (tx) => {
        const id = await repo.insertRequest(tx, ctx.tenantId, residentId, ctx.accountId);
        if (!id)
          throw new AppError(
            409,
            'erasure_already_requested',
            'Sie haben die Löschung Ihrer Daten bereits beantragt. Die Hausverwaltung bearbeitet Ihren Antrag.',
          );
        return asRequest((await repo.findRequest(tx, id))!);
      });
    },

    async listRequests(ctx) {
      adminOnly(ctx);
      return withTenant(db, ctx, async (tx) => (await repo.listRequests(tx)).map(asAdminRequest));
    },

    async complete(ctx, id) {
      adminOnly(ctx);
      return withTenant(db, ctx, async (tx) => {
        const request = await repo.findRequest(tx, id, true);
        if (!request) throw notFound('Diesen Löschantrag gibt es nicht.');
        if (request.status !== 'open') throw new AppError(409, 'erasure_request_completed', 'Dieser Löschantrag ist bereits erledigt.');
        const at = now();
        const person = (await repo.findPerson(tx, request.resident_id))!;
        const facts = await repo.retentionFacts(tx, request.resident_id, at);
        const counts = await repo.eraseResident(tx, request.resident_id, emailHash(person.email ?? person.accountId), at);
        if (!counts) throw new AppError(409, 'erasure_request_completed', 'Dieser Löschantrag ist bereits erledigt.');
        const outcome: ErasureOutcome = { removed: counts.removed, anonymised: counts.anonymised, kept: retainedItems(facts, at) };
        await repo.markCompleted(tx, id, ctx.accountId, outcome, at);
        await repo.logErasure(tx, ctx.tenantId, ctx.accountId, { requestId: id, removed: counts.removed, kept: counts.kept });
        if (person.email) {
          const company = await findScopeTenant(tx);
          await queueMail(tx, ctx.tenantId, erasureConfirmation(person.email, company?.name ?? 'Ihre Hausverwaltung', at, outcome.kept));
        }
        return asAdminRequest((await repo.findRequest(tx, id))!);
      });
    },
  };
}
