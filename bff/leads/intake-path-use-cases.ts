import { createHash, timingSafeEqual } from 'node:crypto';
import type { LeadChannel, LeadSource } from '../contract/enums.ts';
import type { LeadDeadLetter, LeadDeadLetterReason, LeadIntakeOutcome, ManualLeadInput } from '../contract/lead-intake.ts';
import type { Database, Queryable } from '../db/database.ts';
import { fetchPage } from '../db/pagination.ts';
import { applyScope, withScope, withTenant, type Scope, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { leadWebhookSecretContext, type SecretBox } from '../secrets/secret-box.ts';
import { findTenantBySlugIn } from '../tenants/use-cases.ts';
import * as deadLetters from './dead-letter-repository.ts';
import { redactMail, redactXmlFile } from './dead-letter-redaction.ts';
import type { EnquiryProvider, ParsedEnquiry, ParseFailure, ParseResult } from './intake/enquiry.ts';
import { parseOpenImmoFeedbackFile } from './intake/openimmo-feedback.ts';
import { parsePortalMail } from './intake/portal-mail.ts';
import { announceNewLead, takeEnquiry, type Enquiry, type TakenLead } from './intake-use-cases.ts';
import { findListing } from './listing-repository.ts';
import type { LeadActor } from './model.ts';
import type { FieldValue } from './minimisation.ts';
import { toLeadCard } from './views.ts';
import * as webhookRepository from './webhook-repository.ts';
import { verifySignature, type SignatureHeaders } from './webhook-signature.ts';

/**
 * The intake paths beside the signed webhook (docs/lead-intake.md): a portal mail (from a mail relay's inbound
 * endpoint or the mailbox poller), an OpenImmo-Feedback file (from the folder or a clerk's upload), a clerk's
 * manual entry, and the dead-letter list. Each parsed enquiry goes through the one door, `takeEnquiry` (data
 * minimisation, listing by portal id, audit entry), in one transaction per message; the live events follow the
 * commit. What cannot be read — or is read but refused by the database — becomes a dead letter with its reason
 * and its raw message (self-disclosure cut out), never dropped. A database that is away throws: the relay gets
 * 503, the poller leaves the mail unread, the folder leaves the file, and each tries again.
 */

export type IntakeChannel = 'email' | 'ftp' | 'upload';

/** The webhook_deliveries namespace of a path: a file dropped in the folder and the same file uploaded are one. */
const DELIVERY_NAMESPACE: Record<IntakeChannel, string> = { email: 'mail', ftp: 'openimmo-file', upload: 'openimmo-file' };

/** Webhook secrets of this provider authenticate the mail relay (`POST /api/staff/lead-webhooks/mail/secrets`). */
export const MAIL_SECRET_PROVIDER = 'mail';

/**
 * Kept this long, then purged by the hourly job `lead-dead-letters-purge` (migrations 0029, 0036): dead letters and
 * the dedupe keys of deliveries 30 days (so are the OpenImmo folder's handled files), refused webhook calls with
 * their IP address 90 days.
 */
export const DEAD_LETTER_DAYS = 30;
export const DELIVERY_RECORD_DAYS = 30;
export const REFUSAL_RECORD_DAYS = 90;

/** Text PostgreSQL can store: no NUL character, no lone surrogate. */
const storable = (text: string) =>
  text.replaceAll('\u0000', '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const storableOrNull = (text: string | null | undefined, max: number) => {
  const value = text === null || text === undefined ? '' : storable(text).trim().slice(0, max);
  return value === '' ? null : value;
};

function sourceOf(provider: EnquiryProvider, channel: IntakeChannel): LeadSource {
  if (channel === 'ftp') return 'openimmo-ftp';
  if (channel === 'upload') return 'upload';
  return provider === 'immoscout24' || provider === 'immowelt' ? provider : 'email';
}

const CHANNEL: Record<IntakeChannel, LeadChannel> = { email: 'email', ftp: 'ftp', upload: 'upload' };

/**
 * A parsed enquiry as the lead door takes it: the portal's enquiry id is the external id, its listing id is looked up
 * at that portal, names and address are joined, the fields become an object by label (a label twice: values joined).
 * Minimisation happens in `takeEnquiry`; here only what the database cannot store is cut (lengths, NUL characters).
 */
export function enquiryFromParsed(parsed: ParsedEnquiry, channel: IntakeChannel): Enquiry {
  const contact = parsed.contact;
  const email = storableOrNull(contact.email, 254)?.toLowerCase() ?? null;
  const fields: Record<string, FieldValue> = {};
  for (const field of parsed.fields) {
    const label = storable(field.label).slice(0, 100);
    const value = storable(field.value).slice(0, 1000);
    fields[label] = label in fields ? `${fields[label]}; ${value}` : value;
  }
  const street = storableOrNull(contact.street, 150);
  const place = [contact.postcode, contact.city]
    .map((part) => storableOrNull(part, 100))
    .filter(Boolean)
    .join(' ');
  const listingId = storableOrNull(parsed.providerListingId, 100);
  return {
    source: sourceOf(parsed.provider, channel),
    channel: CHANNEL[channel],
    provider: parsed.provider,
    externalId: storableOrNull(parsed.providerEnquiryId, 200),
    listingRef: listingId ? { providers: [parsed.provider], providerListingId: listingId } : null,
    name: storable([contact.firstName, contact.lastName].filter(Boolean).join(' ')).trim().slice(0, 200),
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) && email.length >= 3 ? email : null,
    phone: storableOrNull(contact.phone, 50),
    address: storableOrNull([street, place].filter(Boolean).join(', '), 300),
    // Minimisation only shortens a message (a cut run leaves one short marker); the stored limit is 10 000.
    message: storable(parsed.message).slice(0, 9000),
    fields,
    sentAt: parsed.sentAt && !Number.isNaN(parsed.sentAt.getTime()) ? parsed.sentAt : null,
  };
}

/** The Message-ID of a raw mail (from its header block), for recognising a second delivery of it. */
export function messageIdOf(raw: Buffer): string | null {
  const headerEnd = raw.indexOf('\r\n\r\n') === -1 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n');
  const headers = raw.subarray(0, headerEnd === -1 ? Math.min(raw.length, 64 * 1024) : headerEnd).toString('latin1');
  const match = /^Message-ID:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]{1,250}>|[^\s<>]{1,250})/im.exec(headers);
  return match ? match[1] : null;
}

/** A delivery of one message or file: what it is, who brings it, and what to do with it. */
interface Delivery {
  tenantId: string;
  scope: Scope;
  actor: LeadActor;
  channel: IntakeChannel;
  bytes: Buffer;
  fileName: string | null;
  /** The same message or file again has the same key (Message-ID, else the SHA-256 of the bytes). */
  key: string;
  parse: () => Promise<ParseResult>;
  /** A clerk's choice for every enquiry of it (a dead letter's retry). */
  listingId?: string;
  /** A retry of this dead letter: removed when read, counted when not. */
  deadLetterId?: string;
}

/** A concurrent delivery of the same enquiry committed first: rolled back, tried again (it then finds that lead). */
class ConcurrentDelivery extends Error {}

/** Errors of the data, not of the database's availability: a CHECK, a NOT NULL, a value out of range. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (/^22/.test(code) || (/^23/.test(code) && code !== '23505'));
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Constant-time comparison of a presented token with a secret (hashed first, so lengths do not leak). */
const sameSecret = (presented: string, secret: string) =>
  timingSafeEqual(createHash('sha256').update(presented).digest(), createHash('sha256').update(secret).digest());

/** The secret of an `Authorization` header: `Bearer <secret>`, or Basic with the secret as the password. */
function tokenOf(authorization: string): string | undefined {
  const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value || undefined;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : decoded.slice(colon + 1) || undefined;
  }
  return undefined;
}

export interface LeadMailRequest {
  tenantSlug: string;
  headers: SignatureHeaders;
  authorization: string | undefined;
  rawBody: Buffer;
  ip: string | null;
}

export function createLeadIntakePathUseCases(deps: {
  db: Database;
  secrets: SecretBox;
  realtime: Realtime;
  clock: Clock;
  /** Answers to a clerk's mail (bff/leads/lead-mail.ts): filed in the lead's thread before a mail is read as an enquiry. */
  replies?: { takeReply(tenantId: string, raw: Buffer): Promise<boolean> };
}) {
  const { db, secrets, realtime, clock } = deps;

  /** A mail of a relay or the mailbox: an answer to a lead's mail goes to its thread, anything else is read as an enquiry. */
  async function takeMailOf(tenantId: string, raw: Buffer): Promise<LeadIntakeOutcome> {
    if (await deps.replies?.takeReply(tenantId, raw)) return { leads: [], deadLetter: null, reply: true };
    return deliver(mailDelivery(tenantId, raw, systemOf(tenantId)));
  }

  async function keepDeadLetter(delivery: Delivery, failure: { code: LeadDeadLetterReason; reason: string }): Promise<LeadIntakeOutcome> {
    const now = clock.now();
    if (delivery.deadLetterId) {
      const id = delivery.deadLetterId;
      await withScope(db, delivery.scope, (tx) => deadLetters.noteFailedRetry(tx, id, { ...failure, at: now }));
      return { leads: [], deadLetter: { id, reasonCode: failure.code, reason: failure.reason }, reply: false };
    }
    const mail = delivery.channel === 'email';
    const redacted = mail ? await redactMail(delivery.bytes) : { raw: redactXmlFile(delivery.bytes), sender: null, subject: null };
    const id = await withScope(db, delivery.scope, (tx) =>
      deadLetters.upsertDeadLetter(tx, delivery.tenantId, {
        channel: delivery.channel,
        dedupeKey: delivery.key,
        reasonCode: failure.code,
        reason: failure.reason,
        sender: redacted.sender ? storable(redacted.sender) : null,
        subject: redacted.subject ? storable(redacted.subject) : null,
        fileName: delivery.fileName ? storable(delivery.fileName) : null,
        contentType: mail ? 'message/rfc822' : 'application/xml',
        raw: redacted.raw,
        originalSize: delivery.bytes.length,
        receivedAt: now,
      }),
    );
    return { leads: [], deadLetter: { id, reasonCode: failure.code, reason: failure.reason }, reply: false };
  }

  /** Every enquiry of the message in one transaction: a lead each, or the lead an earlier delivery made. */
  async function store(delivery: Delivery, enquiries: ParsedEnquiry[]) {
    const namespace = DELIVERY_NAMESPACE[delivery.channel];
    return withScope(db, delivery.scope, async (tx) => {
      const leads: LeadIntakeOutcome['leads'] = [];
      const created: TakenLead[] = [];
      for (const [index, parsed] of enquiries.entries()) {
        const keys = [`${delivery.key}#${index + 1}`];
        // A portal's own enquiry id names the enquiry whatever mail or file carries it; a generic sender's may repeat.
        if (parsed.provider !== 'openimmo' && parsed.providerEnquiryId && !parsed.providerEnquiryId.startsWith('<')) {
          keys.push(`enquiry:${parsed.provider}:${parsed.providerEnquiryId}`.slice(0, 300));
        }
        const earlier = await webhookRepository.findDelivery(tx, namespace, keys);
        if (earlier) {
          leads.push({ leadId: earlier, duplicate: true });
          continue;
        }
        const enquiry = {
          ...enquiryFromParsed(parsed, delivery.channel),
          ...(delivery.listingId ? { listingId: delivery.listingId } : {}),
        };
        const taken = await takeEnquiry(tx, delivery.tenantId, delivery.actor, enquiry);
        if ((await webhookRepository.insertDeliveries(tx, delivery.tenantId, namespace, keys, taken.lead.id)) < keys.length) {
          throw new ConcurrentDelivery();
        }
        leads.push({ leadId: taken.lead.id, duplicate: false });
        created.push(taken);
      }
      if (delivery.deadLetterId) await deadLetters.deleteDeadLetter(tx, delivery.deadLetterId);
      return { leads, created };
    });
  }

  async function deliver(delivery: Delivery): Promise<LeadIntakeOutcome> {
    let result: ParseResult;
    try {
      result = await delivery.parse();
    } catch (error) {
      result = {
        ok: false,
        failure: {
          code: 'unreadable_mail',
          reason: `Die Nachricht konnte nicht gelesen werden (${String((error as Error)?.message ?? error).slice(0, 200)}).`,
        },
        notes: [],
      };
    }
    if (!result.ok) return keepDeadLetter(delivery, result.failure);
    let stored: Awaited<ReturnType<typeof store>>;
    try {
      try {
        stored = await store(delivery, result.enquiries);
      } catch (error) {
        if (!(error instanceof ConcurrentDelivery)) throw error;
        stored = await store(delivery, result.enquiries);
      }
    } catch (error) {
      if (!isDataError(error)) throw error;
      const detail = (error as { constraint?: string; message?: string }).constraint ?? (error as Error).message;
      return keepDeadLetter(delivery, {
        code: 'not_storable',
        reason: `Gelesen, aber nicht speicherbar (${String(detail).slice(0, 200)}). Bitte von Hand erfassen.`,
      });
    }
    for (const taken of stored.created) announceNewLead(realtime, delivery.tenantId, taken);
    return { leads: stored.leads, deadLetter: null, reply: false };
  }

  const systemOf = (tenantId: string) => ({ scope: { role: 'system', tenantId } as Scope, actor: { role: 'system' } as LeadActor });
  const staffOf = (ctx: TenantContext) => ({
    scope: { role: ctx.role, tenantId: ctx.tenantId, accountId: ctx.accountId } as Scope,
    actor: { role: 'staff', accountId: ctx.accountId } as LeadActor,
  });

  function mailDelivery(tenantId: string, raw: Buffer, who: { scope: Scope; actor: LeadActor }, provider?: EnquiryProvider): Delivery {
    const messageId = messageIdOf(raw);
    return {
      tenantId,
      ...who,
      channel: 'email',
      bytes: raw,
      fileName: null,
      key: messageId ? `message-id:${messageId}` : `sha256:${hashOf(raw)}`,
      parse: () => parsePortalMail(raw, provider ? { provider } : {}),
    };
  }

  function fileDelivery(
    tenantId: string,
    bytes: Buffer,
    channel: 'ftp' | 'upload',
    fileName: string | null,
    who: { scope: Scope; actor: LeadActor },
    provider?: EnquiryProvider,
  ): Delivery {
    return {
      tenantId,
      ...who,
      channel,
      bytes,
      fileName,
      key: `sha256:${hashOf(bytes)}`,
      parse: async () => parseOpenImmoFeedbackFile(bytes, provider ? { provider } : {}),
    };
  }

  async function requireListing(tx: Queryable, listingId: string | undefined): Promise<void> {
    if (listingId && !(await findListing(tx, listingId))) {
      throw new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
        fields: [{ path: 'listingId', code: 'custom', message: 'Dieses Inserat gibt es bei Ihrer Hausverwaltung nicht.' }],
      });
    }
  }

  /** The relay's credentials: a signature like the webhook's, or the secret as a bearer token or Basic password. */
  async function authenticate(request: LeadMailRequest): Promise<string> {
    const verdict = await withScope(db, { role: 'system' }, async (tx): Promise<{ tenantId: string } | { error: AppError }> => {
      const tenant = await findTenantBySlugIn(tx, request.tenantSlug);
      if (!tenant) return { error: new AppError(404, 'tenant_not_found', 'Unbekannte Hausverwaltung.') };
      await applyScope(tx, { role: 'system', tenantId: tenant.id });
      const refuse = async (
        reason: 'signature_missing' | 'signature_invalid' | 'signature_expired' | 'unknown_provider',
        detail: string,
      ) => {
        await webhookRepository.insertRejection(tx, tenant.id, { provider: MAIL_SECRET_PROVIDER, ip: request.ip, reason, detail });
        const messages = {
          signature_missing: 'Zugangsdaten fehlen: Authorization-Header oder Signatur.',
          signature_invalid: 'Die Zugangsdaten sind ungültig.',
          signature_expired: 'Der signierte Zeitstempel weicht mehr als 5 Minuten ab.',
          unknown_provider: 'Die Zugangsdaten sind ungültig.',
        } as const;
        return { error: new AppError(401, reason === 'unknown_provider' ? 'signature_invalid' : reason, messages[reason]) };
      };
      const stored = await webhookRepository.listActiveSecrets(tx, MAIL_SECRET_PROVIDER);
      if (!stored.length) return refuse('unknown_provider', 'Kein Geheimnis für den Mail-Eingang');
      const opened = stored.map((row) => ({ id: row.id, secret: secrets.open(row.secret, leadWebhookSecretContext(tenant.id, row.id)) }));
      if (request.authorization) {
        const token = tokenOf(request.authorization);
        if (!token) return refuse('signature_missing', 'Authorization ohne Bearer- oder Basic-Zugang');
        // Every secret is compared, so the time taken does not tell which one matched.
        const matches = opened.map((secret) => sameSecret(token, secret.secret));
        return matches.includes(true) ? { tenantId: tenant.id } : refuse('signature_invalid', 'Falsches Geheimnis');
      }
      const signature = verifySignature(request.headers, request.rawBody, opened, clock.now().getTime());
      return signature.ok ? { tenantId: tenant.id } : refuse(signature.problem, signature.detail);
    });
    if ('error' in verdict) throw verdict.error;
    return verdict.tenantId;
  }

  return {
    /** `POST /hooks/{tenantSlug}/mail`: authenticated, then read; 200 only after the leads or the dead letter committed. */
    async receiveMail(request: LeadMailRequest): Promise<LeadIntakeOutcome> {
      const tenantId = await authenticate(request);
      return takeMailOf(tenantId, request.rawBody);
    },

    /** A mail of the company's mailbox (the poller): resolves once it is a lead or a dead letter; throws to have it fetched again. */
    takeMail(tenantId: string, raw: Buffer): Promise<LeadIntakeOutcome> {
      return takeMailOf(tenantId, raw);
    },

    /** A file of the company's OpenImmo folder (source `openimmo-ftp`). */
    takeFolderFile(tenantId: string, bytes: Buffer, fileName: string): Promise<LeadIntakeOutcome> {
      return deliver(fileDelivery(tenantId, bytes, 'ftp', fileName, systemOf(tenantId)));
    },

    /** A clerk's upload (source `upload`): what cannot be read is in the dead-letter list with its reason, and in the answer. */
    uploadFile(ctx: TenantContext, file: { originalName: string; content: Buffer }): Promise<LeadIntakeOutcome> {
      return deliver(fileDelivery(ctx.tenantId, file.content, 'upload', file.originalName || null, staffOf(ctx)));
    },

    /** A clerk's manual entry (source `manuell`): the same door, minimisation and duplicate marker as every path. */
    async createManualLead(ctx: TenantContext, input: ManualLeadInput) {
      const enquiry: Enquiry = {
        source: 'manuell',
        channel: 'manuell',
        provider: null,
        externalId: null,
        listingRef: null,
        ...(input.listingId ? { listingId: input.listingId } : {}),
        name: input.name || [input.firstName, input.lastName].filter(Boolean).join(' '),
        email: input.email ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        message: input.message,
        fields: input.fields,
        sentAt: null,
      };
      const taken = await withTenant(db, ctx, async (tx) => {
        await requireListing(tx, input.listingId);
        return takeEnquiry(tx, ctx.tenantId, { role: 'staff', accountId: ctx.accountId }, enquiry);
      });
      announceNewLead(realtime, ctx.tenantId, taken);
      return { lead: toLeadCard(taken.lead), duplicateOf: taken.duplicateOf };
    },

    async listDeadLetters(ctx: TenantContext, page: { limit: number; cursor?: string }) {
      const found = await withTenant(db, ctx, (tx) =>
        fetchPage(page.limit, (limit) => deadLetters.listDeadLetters(tx, { limit, cursor: page.cursor })),
      );
      return { items: found.items.map(toDeadLetterView), nextCursor: found.nextCursor };
    },

    async deadLetterRaw(ctx: TenantContext, id: string): Promise<{ contentType: string; fileName: string; raw: Buffer }> {
      const letter = await withTenant(db, ctx, (tx) => deadLetters.findDeadLetter(tx, id));
      if (!letter) throw notFound('Kein Eintrag der Fehlerliste mit dieser Kennung.');
      const extension = letter.contentType === 'message/rfc822' ? 'eml' : 'xml';
      return { contentType: letter.contentType, fileName: `fehlerliste-${letter.id}.${extension}`, raw: letter.raw };
    },

    /** Reads a dead letter again (with the portal and listing a clerk names): read, it becomes leads and leaves the list. */
    async retryDeadLetter(
      ctx: TenantContext,
      id: string,
      input: { provider?: EnquiryProvider; listingId?: string },
    ): Promise<LeadIntakeOutcome> {
      const letter = await withTenant(db, ctx, async (tx) => {
        await requireListing(tx, input.listingId);
        return deadLetters.findDeadLetter(tx, id);
      });
      if (!letter) throw notFound('Kein Eintrag der Fehlerliste mit dieser Kennung.');
      const who = staffOf(ctx);
      const base =
        letter.channel === 'email'
          ? mailDelivery(ctx.tenantId, letter.raw, who, input.provider)
          : fileDelivery(ctx.tenantId, letter.raw, letter.channel, letter.fileName, who, input.provider);
      return deliver({
        ...base,
        key: letter.dedupeKey,
        deadLetterId: letter.id,
        ...(input.listingId ? { listingId: input.listingId } : {}),
      });
    },

    async deleteDeadLetter(ctx: TenantContext, id: string): Promise<void> {
      if (!(await withTenant(db, ctx, (tx) => deadLetters.deleteDeadLetter(tx, id)))) {
        throw notFound('Kein Eintrag der Fehlerliste mit dieser Kennung.');
      }
    },

    /** Every company's dead letters, delivery records and refusals past their time (the scheduled job, system scope). */
    purgeExpired(now: Date): Promise<number> {
      const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3_600_000);
      return withScope(db, { role: 'system' }, async (tx) => {
        const letters = await deadLetters.purgeDeadLetters(tx, daysAgo(DEAD_LETTER_DAYS));
        return letters + (await deadLetters.purgeIntakeRecords(tx, daysAgo(DELIVERY_RECORD_DAYS), daysAgo(REFUSAL_RECORD_DAYS)));
      });
    },
  };
}

export type LeadIntakePathUseCases = ReturnType<typeof createLeadIntakePathUseCases>;

function toDeadLetterView(row: deadLetters.DeadLetterRow): LeadDeadLetter {
  return {
    ...row,
    reasonCode: row.reasonCode as LeadDeadLetterReason,
    receivedAt: row.receivedAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt.toISOString(),
  };
}

export type { ParseFailure };
