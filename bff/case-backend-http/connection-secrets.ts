import { apiTokenContext, webhookSecretContext, type SecretBox } from '../secrets/secret-box.ts';
import type { CaseBackendConnection } from './connection-repository.ts';

/** A connection as stored: its API token and webhook secret encrypted, each bound to the housing company. */
export function sealConnection(secrets: SecretBox, tenantId: string, connection: CaseBackendConnection): CaseBackendConnection {
  return {
    baseUrl: connection.baseUrl,
    apiToken: secrets.seal(connection.apiToken, apiTokenContext(tenantId)),
    webhookSecret: secrets.seal(connection.webhookSecret, webhookSecretContext(tenantId)),
  };
}

/** A stored connection with its credentials decrypted, for the one request or check that needs them. */
export function openConnection(secrets: SecretBox, tenantId: string, stored: CaseBackendConnection): CaseBackendConnection {
  return {
    baseUrl: stored.baseUrl,
    apiToken: secrets.open(stored.apiToken, apiTokenContext(tenantId)),
    webhookSecret: secrets.open(stored.webhookSecret, webhookSecretContext(tenantId)),
  };
}
