import { THEME_COLOURS, type Embedding, type EmbeddingChange, embeddingChange, type ThemeColour } from '../contract/embedding.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import { insertAuditEntry } from '../settings/repository.ts';
import * as repository from './repository.ts';
import type { Tenant } from './repository.ts';

/**
 * The housing company's admins keep where its widgets may be embedded and their colours (docs/portal-admin.md):
 * one transaction per change with its `embedding.changed` entry in the audit log. The origin policy
 * (origins.ts) reads the list again within 30 s.
 */
export const EMBEDDING_CHANGED = 'embedding.changed';

const isColour = (key: string): key is ThemeColour => (THEME_COLOURS as readonly string[]).includes(key);

function viewOf(tenant: Tenant): Embedding {
  return {
    allowedOrigins: tenant.allowedOrigins,
    colours: Object.fromEntries(Object.entries(tenant.theme).filter(([key]) => isColour(key))),
  };
}

async function scopeTenant(tx: Parameters<typeof repository.findScopeTenant>[0]): Promise<Tenant> {
  const tenant = await repository.findScopeTenant(tx);
  if (!tenant) throw new AppError(404, 'tenant_not_found', 'Hausverwaltung nicht gefunden.');
  return tenant;
}

export function createEmbeddingUseCases(db: Database, selfOrigin: () => string) {
  return {
    read(actor: TenantContext): Promise<Embedding> {
      return withTenant(db, actor, async (tx) => viewOf(await scopeTenant(tx)));
    },

    /**
     * Replaces the list and the colours. The page the admin works from must stay in the list: removing it would
     * lock the admin out of the very form they use (the BFF's own address needs no entry).
     */
    change(actor: TenantContext, input: EmbeddingChange, requestOrigin: string | undefined): Promise<Embedding> {
      const change = embeddingChange.parse(input);
      if (requestOrigin && requestOrigin !== selfOrigin() && !change.allowedOrigins.includes(requestOrigin)) {
        throw new AppError(
          409,
          'origin_in_use',
          `Die Adresse, von der aus Sie gerade arbeiten (${requestOrigin}), kann nicht entfernt werden: Sie würden sich selbst aussperren.`,
        );
      }
      return withTenant(db, actor, async (tx) => {
        const tenant = await scopeTenant(tx);
        const theme = Object.fromEntries(Object.entries(tenant.theme).filter(([key]) => !isColour(key)));
        const updated = {
          ...tenant,
          allowedOrigins: change.allowedOrigins,
          theme: { ...theme, ...change.colours } as Record<string, string>,
        };
        await repository.updateScopeEmbedding(tx, updated);
        await insertAuditEntry(tx, {
          tenantId: actor.tenantId,
          actorAccountId: actor.accountId,
          action: EMBEDDING_CHANGED,
          details: {
            added: change.allowedOrigins.filter((origin) => !tenant.allowedOrigins.includes(origin)),
            removed: tenant.allowedOrigins.filter((origin) => !change.allowedOrigins.includes(origin)),
            colours: change.colours,
          },
        });
        return viewOf(updated);
      });
    },
  };
}
