import { settingsOperations as operations } from '../contract/settings.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { createSettingsUseCases } from './use-cases.ts';

export interface SettingsRouteDeps {
  /** The id of the housing company with this slug (bff/tenants/, composed in server.ts). */
  findTenantId(slug: string): Promise<string | undefined>;
}

/** Company settings: the public contact, the company admins' view and change, the platform's (docs/settings.md). */
export function registerSettingsRoutes(api: Api, ctx: AppContext, deps: SettingsRouteDeps): void {
  const settings = createSettingsUseCases(ctx.db);
  const companyOf = async (slug: string, unknown: () => AppError) => {
    const tenantId = await deps.findTenantId(slug);
    if (!tenantId) throw unknown();
    return tenantId;
  };
  const platformCompany = (slug: string) => companyOf(slug, () => notFound(`Hausverwaltung „${slug}“ nicht gefunden.`));

  api.route(operations.companyContact, async ({ params }) =>
    settings.contact(
      await companyOf(params.slug, () => new AppError(404, 'tenant_not_found', `Hausverwaltung „${params.slug}“ nicht gefunden.`)),
    ),
  );

  api.route(operations.companySettings, async ({ req }) => settings.read(tenantContext(req)));
  api.route(operations.changeCompanySettings, async ({ req, body }) => settings.change(tenantContext(req), body));

  api.route(operations.platformCompanySettings, async ({ params }) => settings.readAsPlatform(await platformCompany(params.slug)));
  api.route(operations.platformChangeCompanySettings, async ({ params, body }) =>
    settings.changeAsPlatform(await platformCompany(params.slug), body),
  );
}
