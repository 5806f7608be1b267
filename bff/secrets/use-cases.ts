import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { listTenants } from '../tenants/use-cases.ts';
import * as repository from './repository.ts';
import {
  apiTokenContext,
  leadWebhookSecretContext,
  SecretBoxError,
  totpSecretContext,
  webhookSecretContext,
  type SecretBox,
} from './secret-box.ts';

export interface SealReport {
  sealed: number;
  resealed: number;
}

/**
 * Start-up step: every stored secret ends up sealed with the current key. Plaintext (rows from before
 * migration 0017) is sealed, values of a previous key (DATA_ENCRYPTION_PREVIOUS_KEYS) are re-sealed; a value
 * that no configured key opens stops the start with a clear message, before anything is served.
 */
export async function sealStoredSecrets(db: Database, box: SecretBox): Promise<SealReport> {
  const report: SealReport = { sealed: 0, resealed: 0 };
  const unknownKeys = new Set<string>();
  const reseal = (value: string, context: string): string | undefined => {
    if (!box.isSealed(value)) {
      report.sealed += 1;
      return box.seal(value, context);
    }
    if (box.keyIdOf(value) === box.keyId) return undefined;
    if (!box.canOpen(value)) {
      unknownKeys.add(box.keyIdOf(value)!);
      return undefined;
    }
    report.resealed += 1;
    return box.seal(box.open(value, context), context);
  };

  for (const tenant of await listTenants(db)) {
    await withScope(db, { role: 'auth', tenantId: tenant.id }, async (tx) => {
      for (const { accountId, value } of await repository.listTotpSecrets(tx)) {
        const sealed = reseal(value, totpSecretContext(accountId));
        if (sealed) await repository.replaceTotpSecret(tx, accountId, value, sealed);
      }
    });
    await withScope(db, { role: 'admin', tenantId: tenant.id }, async (tx) => {
      for (const { id, value } of await repository.listLeadWebhookSecrets(tx)) {
        const sealed = reseal(value, leadWebhookSecretContext(tenant.id, id));
        if (sealed) await repository.replaceLeadWebhookSecret(tx, id, value, sealed);
      }
      const stored = await repository.findConnectionSecrets(tx);
      if (!stored) return;
      const apiToken = reseal(stored.apiToken, apiTokenContext(tenant.id));
      const webhookSecret = reseal(stored.webhookSecret, webhookSecretContext(tenant.id));
      if (apiToken || webhookSecret) {
        await repository.replaceConnectionSecrets(tx, {
          apiToken: apiToken ?? stored.apiToken,
          webhookSecret: webhookSecret ?? stored.webhookSecret,
        });
      }
    });
  }
  if (unknownKeys.size) {
    throw new SecretBoxError(
      `DATA_ENCRYPTION_KEY passt nicht zu den gespeicherten Geheimnissen: Sie sind mit dem Schlüssel ${[...unknownKeys].join(', ')} ` +
        `verschlüsselt, konfiguriert ist ${box.keyId}. Den richtigen Schlüssel setzen oder nach einem Wechsel den alten in ` +
        'DATA_ENCRYPTION_PREVIOUS_KEYS angeben (docs/encryption.md, „Schlüsselwechsel“).',
    );
  }
  return report;
}
