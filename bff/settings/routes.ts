import { settingsOperations as operations } from '../contract/settings.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { requireTenant } from '../tenants/use-cases.ts';
import { createSettingsUseCases } from './use-cases.ts';

/** Company settings: the public contact, the company admins' view and change, the platform's (docs/settings.md). */
export function registerSettingsRoutes(api: Api, ctx: AppContext): void {
  const settings = createSettingsUseCases(ctx.db);

  api.route(operations.companyContact, async ({ params }) => settings.contact(params.slug));

  api.route(operations.companySettings, async ({ req }) => settings.read(tenantContext(req)));
  api.route(operations.changeCompanySettings, async ({ req, body }) => settings.change(tenantContext(req), body));

  api.route(operations.platformCompanySettings, async ({ params }) => settings.readAsPlatform(await requireTenant(ctx.db, params.slug)));
  api.route(operations.platformChangeCompanySettings, async ({ params, body }) =>
    settings.changeAsPlatform(await requireTenant(ctx.db, params.slug), body),
  );
}
