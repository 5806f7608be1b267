import { z } from 'zod';
import { slug, slugParams } from './common.ts';
import { CASE_STATUSES } from './enums.ts';
import { operation } from './operation.ts';

/**
 * A housing company's external Vorgang API (docs/case-backend-http.md): connecting it, the dead letters
 * its admins see, the signed status events it sends and the signed file downloads it makes. The
 * requests the BFF sends to the Vorgang API are that API's contract, in bff/case-backend-http/wire.ts.
 */

const tag = 'Vorgangs-API';

export const connectionInput = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'Bitte eine http(s)-Adresse der Vorgangs-API angeben.' }).max(500),
  apiToken: z.string().min(16, 'Das Zugangstoken muss mindestens 16 Zeichen lang sein.').max(500),
  webhookSecret: z.string().min(32, 'Das Webhook-Geheimnis muss mindestens 32 Zeichen lang sein.').max(500),
});

export const deadLetter = z
  .object({
    id: z.uuid(),
    event: z.string(),
    caseId: z.string(),
    caseNumber: z.string().nullable(),
    idempotencyKey: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    failedAt: z.string(),
  })
  .meta({ id: 'DeadLetter' });

/** An event of the Vorgang API: the status of one of our cases changed there. */
export const inboundCaseEvent = z
  .object({
    id: z.string().min(1).max(200),
    type: z.literal('case.status_changed'),
    caseId: z.uuid({ error: 'Ungültige Vorgangskennung.' }),
    status: z.enum(CASE_STATUSES),
    /** Optional text for the resident: shown with the status in the e-mail and the timeline. */
    message: z.string().trim().min(1).max(2000).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'VorgangEvent' });
export type InboundCaseEvent = z.infer<typeof inboundCaseEvent>;

/** Headers of a signed request of the Vorgang API: `v1=` + hex HMAC-SHA256 (docs/case-backend-http.md). */
export const signatureHeaders = z.object({
  'x-vorgang-timestamp': z.string().meta({ description: 'Unix-Zeit in Sekunden; höchstens 5 Minuten Abweichung' }),
  'x-vorgang-signature': z.string().meta({ description: '`v1=` + hex HMAC-SHA256 mit dem Webhook-Geheimnis' }),
});

const tenantSlugParams = z.object({ tenantSlug: slug });

export const caseBackendOperations = {
  connectCaseBackend: operation({
    operationId: 'connectCaseBackend',
    method: 'put',
    path: '/admin/tenants/:slug/case-backend',
    summary: 'Vorgangs-API der Hausverwaltung anbinden (Fälle werden ab jetzt weitergeleitet)',
    tag: 'Plattform-Admin',
    access: 'platform',
    params: slugParams,
    body: connectionInput,
    response: z.object({ baseUrl: z.string(), webhookUrl: z.string() }),
  }),
  disconnectCaseBackend: operation({
    operationId: 'disconnectCaseBackend',
    method: 'delete',
    path: '/admin/tenants/:slug/case-backend',
    summary: 'Vorgangs-API trennen (neue Fälle bleiben im Mieterportal)',
    tag: 'Plattform-Admin',
    access: 'platform',
    params: slugParams,
  }),
  listDeadLetters: operation({
    operationId: 'listDeadLetters',
    method: 'get',
    path: '/staff/case-backend/dead-letters',
    summary: 'Nicht zustellbare Weiterleitungen an die Vorgangs-API',
    tag,
    access: 'admin',
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.uuid().optional(),
    }),
    response: z.object({ items: z.array(deadLetter), nextCursor: z.uuid().nullable() }),
  }),
  retryDeadLetter: operation({
    operationId: 'retryDeadLetter',
    method: 'post',
    path: '/staff/case-backend/dead-letters/:id/retry',
    summary: 'Weiterleitung erneut versuchen (mit demselben Idempotency-Key)',
    tag,
    access: 'admin',
    params: z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) }),
    response: z.object({ id: z.uuid(), status: z.literal('pending') }),
    status: 202,
  }),
  receiveCaseBackendEvent: operation({
    operationId: 'receiveCaseBackendEvent',
    method: 'post',
    path: '/integrations/case-backend/:tenantSlug/events',
    summary: 'Statusänderung aus der Vorgangs-API (HMAC-SHA256-signiert, siehe docs/case-backend-http.md)',
    tag,
    access: 'public',
    params: tenantSlugParams,
    headers: signatureHeaders,
    rawBody: {
      contentTypes: ['application/json'],
      description: 'Ein Ereignis der Vorgangs-API; erst nach geprüfter Signatur gelesen',
      schema: inboundCaseEvent,
    },
    response: z.object({ outcome: z.enum(['applied', 'unchanged', 'duplicate']) }),
  }),
  downloadForCaseBackend: operation({
    operationId: 'downloadForCaseBackend',
    method: 'get',
    path: '/integrations/case-backend/:tenantSlug/attachments/:id',
    summary: 'Datei eines weitergeleiteten Vorgangs für die Vorgangs-API (HMAC-SHA256-signiert, siehe docs/case-backend-http.md)',
    tag,
    access: 'public',
    params: z.object({ tenantSlug: slug, id: z.uuid({ error: 'Ungültige Kennung.' }) }),
    headers: signatureHeaders,
    file: true,
  }),
};
