import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { storableInput } from '../contract/common.ts';
import type { LeadIntakeRejectionReason } from '../contract/enums.ts';
import { leadWebhookPayload, type LeadWebhookPayload } from '../contract/leads.ts';
import type { Database, Queryable } from '../db/database.ts';
import { fetchPage } from '../db/pagination.ts';
import { applyScope, withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import { validationError } from '../http/errors.ts';
import type { Clock } from '../jobs/runner.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { leadWebhookSecretContext, type SecretBox } from '../secrets/secret-box.ts';
import { findTenantBySlugIn } from '../tenants/use-cases.ts';
import { announceNewLead, takeEnquiry, type Enquiry, type TakenLead } from './intake-use-cases.ts';
import * as repository from './webhook-repository.ts';
import { verifySignature, type SignatureHeaders, type Verification } from './webhook-signature.ts';

/**
 * The signed lead webhook `POST /hooks/{tenantSlug}/leads/{provider}` (docs/leads.md) and its secrets.
 *
 * One transaction per request, in the system scope of the company named by the URL (never by the body): the
 * provider's secrets are read, the signature is checked over the raw bytes (constant-time, timestamp within
 * 5 minutes) before the body is parsed, then the enquiry goes through the intake door and its dedupe keys are
 * stored with it. A refusal writes its audit entry (source, IP, reason) and commits it; the 401/400 follows the
 * commit. 200 is answered only after the lead committed; a database that is away answers 503 with Retry-After
 * (bff/http/errors.ts), so the sender retries and nothing is lost.
 */

/** Webhook secrets of one provider that may be valid at once (a rotation needs two; a few leave room). */
const MAX_ACTIVE_SECRETS = 5;

export interface LeadWebhookRequest {
  tenantSlug: string;
  provider: string;
  headers: SignatureHeaders;
  rawBody: Buffer;
  ip: string | null;
}

/** Thrown inside the transaction when a concurrent delivery of the same enquiry committed first: rolled back, tried again. */
class ConcurrentDelivery extends Error {}

type Outcome =
  { kind: 'created'; tenantId: string; taken: TakenLead } | { kind: 'duplicate'; leadId: string } | { kind: 'refused'; error: AppError };

const REFUSALS: Record<Exclude<LeadIntakeRejectionReason, 'invalid_json' | 'validation_failed'>, AppError> = {
  signature_missing: new AppError(401, 'signature_missing', 'Signatur oder signierter Zeitstempel fehlt.'),
  signature_expired: new AppError(401, 'signature_expired', 'Der signierte Zeitstempel weicht mehr als 5 Minuten ab.'),
  signature_invalid: new AppError(401, 'signature_invalid', 'Die Signatur ist ungültig.'),
  // Says no more than a wrong signature: which providers a company has set up is not the caller's business.
  unknown_provider: new AppError(401, 'signature_invalid', 'Die Signatur ist ungültig.'),
};

/** The portal an enquiry came from, when the webhook's provider or the relay's `portal` field names one. */
function sourceOf(provider: string, portal: string | undefined): Enquiry['source'] {
  for (const candidate of [portal, provider]) {
    if (candidate === 'immoscout24' || candidate === 'immowelt') return candidate;
  }
  return 'webhook';
}

function addressOf(address: LeadWebhookPayload['address']): string | null {
  if (address === undefined) return null;
  if (typeof address === 'string') return address;
  const line = [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return line || null;
}

function enquiryOf(provider: string, payload: LeadWebhookPayload): Enquiry {
  return {
    source: sourceOf(provider, payload.portal),
    channel: 'webhook',
    provider,
    externalId: payload.enquiryId ?? null,
    listingRef: payload.listingId
      ? {
          providers: [...new Set([payload.portal, provider].filter((name): name is string => !!name))],
          providerListingId: payload.listingId,
        }
      : null,
    name: payload.name || [payload.firstName, payload.lastName].filter(Boolean).join(' '),
    email: payload.email ?? null,
    phone: payload.phone ?? null,
    address: addressOf(payload.address),
    message: payload.message,
    fields: payload.fields,
    sentAt: payload.sentAt ? new Date(payload.sentAt) : null,
  };
}

/**
 * The keys that make a delivery the same enquiry: the signed webhook-id and the provider's enquiry id when
 * there are any; only without both, a hash of provider, listing, e-mail, message and send time. (An unsigned
 * id is never a key: a replayed body with a new id would otherwise count as new.)
 */
function dedupeKeys(provider: string, verdict: Extract<Verification, { ok: true }>, payload: LeadWebhookPayload): string[] {
  const keys = [
    ...(verdict.webhookId ? [`webhook-id:${verdict.webhookId}`] : []),
    ...(payload.enquiryId ? [`enquiry:${payload.enquiryId}`] : []),
  ];
  if (keys.length) return keys;
  const content = JSON.stringify([provider, payload.listingId ?? null, payload.email ?? null, payload.message, payload.sentAt ?? null]);
  return [`hash:${createHash('sha256').update(content).digest('hex')}`];
}

/**
 * A verified delivery in the company's system scope: the same enquiry again (any of its keys known) answers with
 * its lead; otherwise it becomes a lead through the intake door, its keys stored with it. (The demo seed delivers
 * its enquiries this way too.)
 */
export async function storeDelivery(
  tx: Queryable,
  tenantId: string,
  provider: string,
  payload: LeadWebhookPayload,
  keys: string[],
): Promise<Exclude<Outcome, { kind: 'refused' }>> {
  const earlier = await repository.findDelivery(tx, provider, keys);
  if (earlier) return { kind: 'duplicate', leadId: earlier };
  const taken = await takeEnquiry(tx, tenantId, { role: 'system' }, enquiryOf(provider, payload));
  if ((await repository.insertDeliveries(tx, tenantId, provider, keys, taken.lead.id)) < keys.length) throw new ConcurrentDelivery();
  return { kind: 'created', tenantId, taken };
}

export function createLeadWebhookUseCases(deps: {
  db: Database;
  secrets: SecretBox;
  realtime: Realtime;
  clock: Clock;
  publicUrl: () => string;
}) {
  const { db, secrets } = deps;
  // The secrets of provider `mail` authenticate the mail relay's inbound endpoint (docs/lead-intake.md).
  const webhookUrl = (tenantSlug: string, provider: string) =>
    `${deps.publicUrl().replace(/\/+$/, '')}/hooks/${tenantSlug}/${provider === 'mail' ? 'mail' : `leads/${provider}`}`;

  async function refuse(
    tx: Queryable,
    tenantId: string,
    request: LeadWebhookRequest,
    reason: LeadIntakeRejectionReason,
    detail: string,
  ): Promise<void> {
    await repository.insertRejection(tx, tenantId, { provider: request.provider, ip: request.ip, reason, detail: detail.slice(0, 500) });
  }

  async function attempt(request: LeadWebhookRequest): Promise<Outcome> {
    return withScope(db, { role: 'system' }, async (tx): Promise<Outcome> => {
      const tenant = await findTenantBySlugIn(tx, request.tenantSlug);
      if (!tenant) return { kind: 'refused', error: new AppError(404, 'tenant_not_found', 'Unbekannte Hausverwaltung.') };
      await applyScope(tx, { role: 'system', tenantId: tenant.id });

      const stored = await repository.listActiveSecrets(tx, request.provider);
      if (!stored.length) {
        await refuse(tx, tenant.id, request, 'unknown_provider', `Kein Geheimnis für ${request.provider}`);
        return { kind: 'refused', error: REFUSALS.unknown_provider };
      }
      const opened = stored.map((row) => ({ id: row.id, secret: secrets.open(row.secret, leadWebhookSecretContext(tenant.id, row.id)) }));
      const verdict = verifySignature(request.headers, request.rawBody, opened, deps.clock.now().getTime());
      if (!verdict.ok) {
        await refuse(tx, tenant.id, request, verdict.problem, verdict.detail);
        return { kind: 'refused', error: REFUSALS[verdict.problem] };
      }

      // Only now, with the signature held, is the body read.
      let json: unknown;
      try {
        json = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        await refuse(tx, tenant.id, request, 'invalid_json', 'Kein gültiges JSON');
        return { kind: 'refused', error: new AppError(400, 'invalid_json', 'Die Anfrage enthält kein gültiges JSON.') };
      }
      // A text PostgreSQL cannot store is a 400 like any invalid field: a 5xx would make the sender retry forever.
      const parsed = storableInput.pipe(leadWebhookPayload).safeParse(json);
      if (!parsed.success) {
        const error = validationError(parsed.error);
        const fields = (error.details?.fields as Array<{ path: string }>).map((field) => field.path || '(Wurzel)');
        await refuse(tx, tenant.id, request, 'validation_failed', `Ungültige Felder: ${fields.join(', ')}`);
        return { kind: 'refused', error };
      }
      return storeDelivery(tx, tenant.id, request.provider, parsed.data, dedupeKeys(request.provider, verdict, parsed.data));
    });
  }

  return {
    async receive(request: LeadWebhookRequest): Promise<{ leadId: string; duplicate: boolean }> {
      let outcome: Outcome;
      try {
        outcome = await attempt(request);
      } catch (error) {
        if (!(error instanceof ConcurrentDelivery)) throw error;
        // The twin has committed by now: this attempt finds its delivery and answers with its lead.
        outcome = await attempt(request);
      }
      if (outcome.kind === 'refused') throw outcome.error;
      if (outcome.kind === 'duplicate') return { leadId: outcome.leadId, duplicate: true };
      announceNewLead(deps.realtime, outcome.tenantId, outcome.taken);
      return { leadId: outcome.taken.lead.id, duplicate: false };
    },

    /** Providers with secrets, each with its webhook address; the secrets themselves are never shown again. */
    async list(ctx: TenantContext, tenantSlug: string) {
      const rows = await withTenant(db, ctx, (tx) => repository.listSecrets(tx));
      const providers = [...new Set(rows.map((row) => row.provider))];
      return {
        items: providers.map((provider) => ({
          provider,
          url: webhookUrl(tenantSlug, provider),
          secrets: rows.filter((row) => row.provider === provider).map(toSecretView),
        })),
      };
    },

    /**
     * A new secret for the provider, generated (`whsec_` + 32 random bytes, base64: fits both schemes) or the one
     * the provider issued. The others stay valid until revoked, so the sender can switch over without a gap.
     */
    async createSecret(ctx: TenantContext, tenantSlug: string, provider: string, given?: string) {
      const value = given ?? `whsec_${randomBytes(32).toString('base64')}`;
      const row = await withTenant(db, ctx, async (tx) => {
        const active = await repository.listActiveSecrets(tx, provider);
        if (active.length >= MAX_ACTIVE_SECRETS) {
          throw new AppError(
            409,
            'too_many_secrets',
            `Für ${provider} sind bereits ${MAX_ACTIVE_SECRETS} Geheimnisse gültig. Bitte zuerst ein altes widerrufen.`,
          );
        }
        const id = randomUUID();
        return repository.insertSecret(tx, ctx.tenantId, {
          id,
          provider,
          sealed: secrets.seal(value, leadWebhookSecretContext(ctx.tenantId, id)),
          hint: value.slice(-4),
          createdBy: ctx.accountId,
        });
      });
      return { secret: toSecretView(row), value, url: webhookUrl(tenantSlug, provider) };
    },

    async revokeSecret(ctx: TenantContext, secretId: string): Promise<void> {
      if (!(await withTenant(db, ctx, (tx) => repository.revokeSecret(tx, secretId)))) {
        throw new AppError(404, 'not_found', 'Kein gültiges Webhook-Geheimnis mit dieser Kennung.');
      }
    },

    async rejections(ctx: TenantContext, page: { limit: number; cursor?: string }) {
      const found = await withTenant(db, ctx, (tx) =>
        fetchPage(page.limit, (limit) => repository.listRejections(tx, { limit, cursor: page.cursor })),
      );
      return { items: found.items.map((row) => ({ ...row, at: row.at.toISOString() })), nextCursor: found.nextCursor };
    },
  };
}

export type LeadWebhookUseCases = ReturnType<typeof createLeadWebhookUseCases>;

function toSecretView(row: repository.SecretRow) {
  return {
    id: row.id,
    provider: row.provider,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
