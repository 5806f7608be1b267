import {
  HOUSEHOLD_TYPES,
  LEAD_REJECTION_REASONS,
  LEAD_TRANSITIONS,
  SELF_DISCLOSURE_FIELDS,
  type ContactChannel,
  type ContactVerification,
  type LeadEventKind,
  type LeadStatus,
} from '../contract/enums.ts';
import type { LeadLifecycle, LeadMove } from '../contract/leads.ts';
import type { CaseAnnouncer } from '../cases/announcements.ts';
import type { CaseBackend } from '../cases/case-backend.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { aggWarnings } from './agg.ts';
import { queueLeadMail } from './lead-mail.ts';
import { appendLeadEvent, findLead, listLeadEvents, ownPermissions } from './lead-repository.ts';
import * as lifecycle from './lifecycle-repository.ts';
import type { LockedLead } from './lifecycle-repository.ts';
import {
  legalHoldOf,
  MISSING_LABELS,
  rejectionReasonText,
  rejectionTemplate,
  toContactChannels,
  toRejectionMessage,
  toSelfDisclosure,
  toViewing,
} from './lifecycle-views.ts';
import { queueWithdrawals } from './listing-publisher.ts';
import { findListing } from './listing-repository.ts';
import { leadNotFound, listingNotFound, type LeadRecord, type ListingRecord } from './model.ts';
import { toLeadCard, toLeadEvent } from './views.ts';

/**
 * The lead lifecycle (docs/leads.md, "Lifecycle"): moves between the stages with their gates, the audit trail,
 * the acceptance cascade, contact channels, viewings, self-disclosure, rejection messages, the § 21 AGG export and
 * the legal hold. Each use case is one transaction in the clerk's scope; live events follow the commit.
 *
 * Concurrency: a move locks the lead's row and compares the version the clerk saw, so of two clerks moving one
 * card exactly one wins (the other gets `409 lead_conflict`). An acceptance locks the listing's row first, then
 * the lead, then the other open leads of the listing: two acceptances on one listing run one after the other, and
 * the second finds the listing let (`409 listing_already_let`). Nothing is scored or chosen automatically.
 */

export interface LifecycleDependencies {
  db: Database;
  realtime: Realtime;
  clock: Clock;
  /** The case core's port and its announcer: the letting case is filed in the acceptance's own transaction. */
  caseBackend: CaseBackend;
  caseAnnouncer: CaseAnnouncer;
  /** Wakes the outbox worker after a commit that queued mails or portal withdrawals. */
  outbox: { wake(): void };
  /** Confirms a viewing a clerk planned to the person and asks the flat's lock for a grant (bff/viewings). */
  plannedViewings: PlannedViewingConfirmation;
}

/**
 * What a planned viewing ahead gets, in the planning's transaction: the confirmation mail (address, time, note, ICS)
 * to the person, and with `smartLock` a grant of the flat's lock over its window, stored with the viewing. Built by
 * bff/viewings/planned-viewings.ts (the lead pipeline does not depend on the viewings' mails and lock).
 */
export interface PlannedViewingConfirmation {
  confirm(
    tx: Queryable,
    input: { ctx: TenantContext; lead: LeadRecord; listing: ListingRecord; viewing: lifecycle.ViewingRecord; smartLock: boolean },
  ): Promise<{ lockGrant: { from: Date; until: Date } | null; sentTo: string | null }>;
}

const conflict = () =>
  new AppError(
    409,
    'lead_conflict',
    'Jemand anderes hat diesen Interessenten inzwischen geändert. Bitte laden Sie die Karte neu und entscheiden Sie erneut.',
  );
const STATUS_LABELS: Record<LeadStatus, string> = {
  offen: 'offen',
  kontaktiert: 'kontaktiert',
  besichtigt: 'besichtigt',
  akzeptiert: 'akzeptiert',
  abgelehnt: 'abgelehnt',
};
const transitionInvalid = (from: LeadStatus, to: LeadStatus) =>
  new AppError(
    409,
    'lead_transition_invalid',
    from === to
      ? `Der Interessent ist bereits „${STATUS_LABELS[to]}“.`
      : `Ein Interessent im Status „${STATUS_LABELS[from]}“ kann nicht nach „${STATUS_LABELS[to]}“ gezogen werden.`,
    { from, to, allowed: LEAD_TRANSITIONS[from] },
  );
const selfDisclosureLocked = () =>
  new AppError(
    409,
    'self_disclosure_locked',
    'Angaben zur Selbstauskunft (Beruf, Arbeitgeber, Einkommen, Mietschuldenfreiheit) dürfen erst ab „besichtigt“ erhoben und eingesehen werden.',
  );
const lettingOnly = () => forbidden('Dafür ist das Vermietungsrecht nötig.');

/** A full name: at least a first and a last name, neither only an initial ("J. Beispiel" is not one). */
export function isFullName(name: string): boolean {
  const parts = name.trim().split(/\s+/);
  return parts.length >= 2 && [parts[0], parts[parts.length - 1]].every((part) => /^\p{L}[\p{L}'’-]+$/u.test(part));
}

const euro = (amount: number) => `${amount.toFixed(2).replace('.', ',')} €`;
const HOUSEHOLD_LABELS: Record<(typeof HOUSEHOLD_TYPES)[number], string> = {
  single: 'Einzelperson',
  couple: 'Paar',
  family: 'Familie',
  shared: 'Wohngemeinschaft',
};

/** The rental contract draft of an accepted lead, prefilled from the lead and the listing (what the case carries). */
export function contractDraft(lead: LeadRecord, listing: ListingRecord) {
  return {
    tenant: { name: lead.name, email: lead.email, phone: lead.phone, previousAddress: lead.address },
    household: { type: lead.householdType, size: lead.householdSize, pets: lead.pets },
    desiredMoveIn: lead.desiredMoveIn,
    flat: {
      listingId: listing.id,
      title: listing.title,
      unit: listing.unitLabel,
      address: `${listing.street}, ${listing.postalCode} ${listing.city}`,
      rooms: listing.rooms,
      livingArea: listing.livingArea,
    },
    coldRent: listing.coldRent,
    serviceCharges: listing.serviceCharges,
    totalRent: Math.round((listing.coldRent + listing.serviceCharges) * 100) / 100,
    availableFrom: listing.availableFrom,
    /** Provision (§ 2 Abs. 1a WoVermittG): as the lead was told it, else the listing's. */
    commission: lead.commission ?? listing.commission,
    toComplete: ['Vertragslaufzeit', 'Kaution', 'Sondervereinbarungen'],
  };
}

function draftText(draft: ReturnType<typeof contractDraft>, leadId: string): string {
  const household = draft.household.type ? HOUSEHOLD_LABELS[draft.household.type] : 'nicht angegeben';
  return [
    'Mietvertragsentwurf (vorbefüllt aus Interessent und Inserat)',
    '',
    `Mieter/in: ${draft.tenant.name}`,
    `E-Mail: ${draft.tenant.email ?? '–'} · Telefon: ${draft.tenant.phone ?? '–'}`,
    `Bisherige Anschrift: ${draft.tenant.previousAddress ?? '–'}`,
    `Haushalt: ${household}${draft.household.size ? ` (${draft.household.size} Personen)` : ''} · Einzug gewünscht: ${draft.desiredMoveIn ?? '–'}`,
    '',
    `Wohnung: ${draft.flat.title}, ${draft.flat.unit}, ${draft.flat.address}`,
    `${draft.flat.rooms} Zimmer, ${draft.flat.livingArea} m² · verfügbar ab ${draft.availableFrom ?? '–'}`,
    `Kaltmiete: ${euro(draft.coldRent)} · Nebenkosten-Vorauszahlung: ${euro(draft.serviceCharges)} · Gesamtmiete: ${euro(draft.totalRent)}`,
    `Provision: ${draft.commission}`,
    '',
    `Noch zu ergänzen: ${draft.toComplete.join(', ')}.`,
    `Interessent: ${leadId}`,
  ].join('\n');
}

export function createLeadLifecycleUseCases(deps: LifecycleDependencies) {
  const { db, realtime, clock } = deps;

  const hasLetting = async (tx: Queryable) => (await ownPermissions(tx)).includes('letting');

  async function requireLead(tx: Queryable, leadId: string): Promise<LeadRecord> {
    const record = await findLead(tx, leadId);
    if (!record) throw leadNotFound();
    return record;
  }

  /** Self-disclosure may be read from `besichtigt` on (a lead rejected after its viewing keeps what was collected). */
  const selfDisclosureReadable = (status: LeadStatus, reachedViewing: boolean) =>
    status === 'besichtigt' || status === 'akzeptiert' || (status === 'abgelehnt' && reachedViewing);
  const selfDisclosureWritable = (status: LeadStatus) => status === 'besichtigt' || status === 'akzeptiert';

  /** What the move `to` still lacks, for a lead as it is (the move's own data, e.g. a name it sets, counted in). */
  async function missingFor(
    tx: Queryable,
    to: LeadStatus,
    lead: Pick<LockedLead, 'id' | 'name' | 'email' | 'phone' | 'householdType' | 'desiredMoveIn' | 'listingId'>,
  ): Promise<string[]> {
    const missing: string[] = [];
    if (to === 'kontaktiert') {
      if (!isFullName(lead.name)) missing.push('fullName');
      const channels = toContactChannels(lead, await lifecycle.listVerifications(tx, lead.id));
      if (!channels.some((channel) => channel.verified)) missing.push('verifiedContactChannel');
      if (!lead.householdType) missing.push('householdType');
      if (!lead.desiredMoveIn) missing.push('desiredMoveIn');
    }
    if (to === 'besichtigt') {
      const now = clock.now().getTime();
      const viewings = await lifecycle.listViewings(tx, lead.id);
      if (!viewings.some((viewing) => viewing.startsAt.getTime() + viewing.durationMinutes * 60_000 <= now)) missing.push('pastViewing');
    }
    if (to === 'akzeptiert') {
      if (!lead.listingId) missing.push('listing');
      else if ((await findListing(tx, lead.listingId))?.status === 'vermietet') missing.push('listingAvailable');
    }
    return missing;
  }

  function gateFailed(to: LeadStatus, missing: string[]): AppError {
    return new AppError(
      409,
      'lead_gate_failed',
      `Für „${STATUS_LABELS[to]}“ fehlt noch: ${missing.map((key) => MISSING_LABELS[key] ?? key).join(', ')}.`,
      { to, missing },
    );
  }

  async function lifecycleView(tx: Queryable, leadId: string): Promise<LeadLifecycle> {
    const record = await requireLead(tx, leadId);
    const facts = (await lifecycle.lifecycleFacts(tx, leadId))!;
    const [verifications, viewings, rejections] = [
      await lifecycle.listVerifications(tx, leadId),
      await lifecycle.listViewings(tx, leadId),
      await lifecycle.listRejectionMessages(tx, leadId),
    ];
    const moves = [];
    for (const to of LEAD_TRANSITIONS[record.status]) moves.push({ to, missing: await missingFor(tx, to, record) });
    return {
      lead: toLeadCard(record),
      contactChannels: toContactChannels(facts, verifications),
      contactMessage:
        facts.contactMessage && facts.contactedAt ? { text: facts.contactMessage, at: facts.contactedAt.toISOString() } : null,
      viewings: viewings.map(toViewing),
      rejectionMessage: rejections[0] ? toRejectionMessage(rejections[0]) : null,
      selfDisclosureOpen: selfDisclosureWritable(record.status),
      lettingCaseId: facts.lettingCaseId,
      legalHold: legalHoldOf(facts),
      moves,
    };
  }

  /** Rejects a locked lead: status, trail entry, prepared message. */
  async function reject(
    tx: Queryable,
    ctx: TenantContext,
    lead: LockedLead,
    reason: { code: keyof typeof LEAD_REJECTION_REASONS | undefined; text: string | undefined; details: Record<string, unknown> },
    listingTitle: string | null,
  ): Promise<void> {
    await lifecycle.changeLeadStatus(tx, lead.id, { status: 'abgelehnt' });
    await appendLeadEvent(tx, ctx.tenantId, {
      leadId: lead.id,
      actor: { role: 'staff', accountId: ctx.accountId },
      kind: 'status_changed',
      fromStatus: lead.status,
      toStatus: 'abgelehnt',
      reason: rejectionReasonText(reason.code, reason.text),
      details: { reasonCode: reason.code ?? null, ...reason.details },
    });
    await lifecycle.prepareRejectionMessage(
      tx,
      ctx.tenantId,
      lead.id,
      rejectionTemplate({ name: lead.name, listingTitle, reasonCode: reason.code ?? null }),
    );
  }

  /** After the commit: every open board of the company shows the changed cards. */
  function announce(tenantId: string, change: LeadEventKind, leads: LeadRecord[]) {
    for (const lead of leads) realtime.toStaff(tenantId, 'lead:changed', { change, lead: toLeadCard(lead) });
  }

  return {
    /** A move on the board: version check, the stage's gate, the trail entry, and for `akzeptiert` the cascade. */
    async move(ctx: TenantContext, leadId: string, move: LeadMove) {
      const outcome = await withTenant(db, ctx, async (tx) => {
        const peeked = await lifecycle.peekLead(tx, leadId);
        if (!peeked) throw leadNotFound();
        // Accepting locks the listing before the lead: acceptances on one listing queue up (and never deadlock
        // with the cascade, which locks the listing's other leads after it).
        if (move.to === 'akzeptiert' && peeked.listingId) {
          const listing = await lifecycle.lockListing(tx, peeked.listingId);
          if (listing?.status === 'vermietet') {
            throw new AppError(409, 'listing_already_let', 'Die Wohnung ist bereits vermietet: ein anderer Interessent wurde akzeptiert.');
          }
        }
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        // Self-disclosure is refused whatever else is wrong with the move: it must not travel before `besichtigt`.
        if (SELF_DISCLOSURE_FIELDS.some((field) => move[field] !== undefined)) {
          if (!selfDisclosureWritable(lead.status)) throw selfDisclosureLocked();
          throw new AppError(
            400,
            'validation_failed',
            'Die Selbstauskunft wird über „Selbstauskunft erfassen“ gespeichert, nicht mit einem Schritt.',
            {
              fields: SELF_DISCLOSURE_FIELDS.filter((field) => move[field] !== undefined).map((field) => ({
                path: field,
                code: 'custom',
                message: 'Nicht Teil eines Schritts.',
              })),
            },
          );
        }
        if (lead.version !== move.version || lead.listingId !== peeked.listingId) throw conflict();
        if (!LEAD_TRANSITIONS[lead.status].includes(move.to)) throw transitionInvalid(lead.status, move.to);
        const actor = { role: 'staff' as const, accountId: ctx.accountId };
        let lettingCase: CaseRecord | undefined;
        const alsoRejected: string[] = [];

        switch (move.to) {
          case 'kontaktiert': {
            const gated = {
              ...lead,
              name: move.name ?? lead.name,
              householdType: move.householdType ?? lead.householdType,
              desiredMoveIn: move.desiredMoveIn ?? lead.desiredMoveIn,
            };
            const missing = await missingFor(tx, 'kontaktiert', gated);
            if (missing.length) throw gateFailed('kontaktiert', missing);
            const before = await requireLead(tx, leadId);
            await lifecycle.changeLeadStatus(tx, leadId, {
              status: 'kontaktiert',
              ownerId: ctx.accountId,
              name: move.name,
              householdType: move.householdType,
              desiredMoveIn: move.desiredMoveIn,
              contactMessage: move.contactMessage,
            });
            await appendLeadEvent(tx, ctx.tenantId, {
              leadId,
              actor,
              kind: 'status_changed',
              fromStatus: lead.status,
              toStatus: 'kontaktiert',
              reason: lead.status === 'abgelehnt' ? 'Reaktiviert' : null,
              details: { contactMessage: move.contactMessage, ownerId: ctx.accountId },
            });
            if (before.ownerId !== ctx.accountId) {
              await appendLeadEvent(tx, ctx.tenantId, {
                leadId,
                actor,
                kind: 'owner_changed',
                details: { from: before.ownerId, to: ctx.accountId },
              });
            }
            break;
          }
          case 'besichtigt': {
            const missing = await missingFor(tx, 'besichtigt', lead);
            if (missing.length) {
              throw new AppError(
                409,
                'viewing_required',
                '„Besichtigt“ setzt eine Besichtigung voraus, deren Termin vorbei ist. Bitte zuerst eine Besichtigung planen und durchführen.',
                { missing },
              );
            }
            await lifecycle.changeLeadStatus(tx, leadId, { status: 'besichtigt' });
            await appendLeadEvent(tx, ctx.tenantId, {
              leadId,
              actor,
              kind: 'status_changed',
              fromStatus: lead.status,
              toStatus: 'besichtigt',
              reason: move.note ?? null,
            });
            break;
          }
          case 'akzeptiert': {
            if (!lead.listingId) {
              throw new AppError(
                409,
                'lead_without_listing',
                'Der Interessent ist keinem Inserat zugeordnet und kann nicht akzeptiert werden.',
              );
            }
            const listing = (await findListing(tx, lead.listingId))!;
            await lifecycle.changeLeadStatus(tx, leadId, { status: 'akzeptiert' });
            const accepted = await requireLead(tx, leadId);
            // (1) the letting case with the rental contract draft, through the case core's port (its outbox entry, if
            // the company has a Vorgang API, is written in this transaction too)
            const draft = contractDraft(accepted, listing);
            lettingCase = await deps.caseBackend.createCase(tx, ctx, {
              type: 'letting',
              source: 'lead',
              unitId: listing.unitId,
              applicant: { name: accepted.name, email: accepted.email, phone: accepted.phone },
              title: `Vermietung ${listing.unitLabel} an ${accepted.name}`.slice(0, 200),
              description: draftText(draft, leadId),
            });
            await lifecycle.setLettingCase(tx, leadId, lettingCase.id);
            // (2) every other open lead of the listing is rejected, each with a prepared message awaiting release
            for (const other of await lifecycle.lockOpenLeadsOfListing(tx, listing.id, leadId)) {
              await reject(
                tx,
                ctx,
                other,
                { code: 'anderweitig_vermietet', text: undefined, details: { acceptedLeadId: leadId } },
                listing.title,
              );
              alsoRejected.push(other.id);
            }
            // (3) the listing is let, and withdrawn from each portal through the outbox
            const portalIds = await lifecycle.portalIdsOf(tx, listing.id);
            await lifecycle.letListing(tx, listing.id);
            await queueWithdrawals(tx, ctx.tenantId, listing.id, portalIds);
            await appendLeadEvent(tx, ctx.tenantId, {
              leadId,
              actor,
              kind: 'status_changed',
              fromStatus: lead.status,
              toStatus: 'akzeptiert',
              reason: move.note ?? null,
              details: {
                lettingCaseId: lettingCase.id,
                caseNumber: lettingCase.caseNumber,
                // Without phone and previous address: every clerk reads the trail, those only with the letting permission.
                contractDraft: { ...draft, tenant: { name: draft.tenant.name, email: draft.tenant.email } },
                alsoRejected,
                withdrawnFrom: portalIds.map((portal) => portal.provider),
              },
            });
            break;
          }
          case 'abgelehnt': {
            if (!move.reasonCode && !move.reasonText) {
              throw new AppError(
                400,
                'rejection_reason_required',
                'Bitte einen sachlichen Ablehnungsgrund aus der Liste wählen oder eine Begründung eingeben.',
              );
            }
            const warnings = move.reasonText ? aggWarnings(move.reasonText) : [];
            if (warnings.length && !move.acknowledgeAggWarning) {
              throw new AppError(
                409,
                'agg_warning',
                `Die Begründung berührt ein nach § 19 AGG geschütztes Merkmal (${warnings.map((warning) => `${warning.label}: „${warning.term}“`).join('; ')}). ` +
                  'Eine Ablehnung darf darauf nicht beruhen. Bitte prüfen Sie die Begründung; wer dennoch ablehnt, bestätigt ausdrücklich.',
                { warnings },
              );
            }
            const listingTitle = lead.listingId ? ((await findListing(tx, lead.listingId))?.title ?? null) : null;
            await reject(
              tx,
              ctx,
              lead,
              {
                code: move.reasonCode,
                text: move.reasonText,
                details: warnings.length ? { aggWarnings: warnings, aggWarningAcknowledged: true } : {},
              },
              listingTitle,
            );
            break;
          }
        }
        const moved = await requireLead(tx, leadId);
        const others = [];
        for (const id of alsoRejected) others.push(await requireLead(tx, id));
        return { moved, others, lettingCase };
      });
      if (outcome.lettingCase) await deps.caseAnnouncer.announce(ctx.tenantId, { kind: 'created', record: outcome.lettingCase });
      deps.outbox.wake();
      announce(ctx.tenantId, 'status_changed', [outcome.moved, ...outcome.others]);
      return {
        lead: toLeadCard(outcome.moved),
        lettingCaseId: outcome.lettingCase?.id ?? null,
        alsoRejected: outcome.others.map((lead) => lead.id),
      };
    },

    lifecycle: (ctx: TenantContext, leadId: string) => withTenant(db, ctx, (tx) => lifecycleView(tx, leadId)),

    /** The clerk reached the person on a channel, or the person answered from it: the channel counts as verified. */
    async verifyContact(ctx: TenantContext, leadId: string, input: { channel: ContactChannel; how: ContactVerification }) {
      const { view, record } = await withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        const value = input.channel === 'email' ? lead.email : lead.phone;
        if (!value) {
          throw new AppError(
            409,
            'contact_channel_missing',
            input.channel === 'email'
              ? 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt.'
              : 'Für diesen Interessenten ist keine Telefonnummer hinterlegt.',
          );
        }
        await lifecycle.insertVerification(tx, ctx.tenantId, {
          leadId,
          channel: input.channel,
          value,
          how: input.how,
          verifiedBy: ctx.accountId,
        });
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'contact_verified',
          details: { channel: input.channel, how: input.how },
        });
        return { view: await lifecycleView(tx, leadId), record: await requireLead(tx, leadId) };
      });
      announce(ctx.tenantId, 'contact_verified', [record]);
      return view;
    },

    /**
     * A viewing the clerk arranged with the person: stored, in the trail, and — when it lies ahead — confirmed to the
     * person from the letting address with address, time, note and the ICS file (no mail without an e-mail address). With
     * `smartLock` the flat's lock is asked for a grant over the viewing's window; a lock that fails costs no viewing.
     */
    async planViewing(
      ctx: TenantContext,
      leadId: string,
      input: { startsAt: string; durationMinutes: number; note?: string; smartLock?: boolean },
    ) {
      const { viewing, record, sentTo } = await withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (lead.status === 'akzeptiert' || lead.status === 'abgelehnt') {
          throw new AppError(
            409,
            'lead_transition_invalid',
            `Für einen Interessenten im Status „${lead.status}“ wird keine Besichtigung mehr geplant.`,
          );
        }
        const record = await requireLead(tx, leadId);
        if (!record.listingId)
          throw new AppError(409, 'lead_without_listing', 'Bitte ordnen Sie den Interessenten zuerst einem Inserat zu.');
        const listing = await findListing(tx, record.listingId);
        if (!listing) throw listingNotFound();
        let viewing = await lifecycle.insertViewing(tx, ctx.tenantId, {
          leadId,
          startsAt: new Date(input.startsAt),
          durationMinutes: input.durationMinutes,
          note: input.note ?? null,
          createdBy: ctx.accountId,
        });
        // A viewing recorded afterwards (it took place) is neither confirmed to anyone nor given a lock grant.
        const upcoming = viewing.startsAt.getTime() > clock.now().getTime();
        const { lockGrant, sentTo } = upcoming
          ? await deps.plannedViewings.confirm(tx, { ctx, lead: record, listing, viewing, smartLock: input.smartLock ?? false })
          : { lockGrant: null, sentTo: null };
        if (lockGrant) viewing = { ...viewing, lockGrantFrom: lockGrant.from, lockGrantUntil: lockGrant.until };
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'viewing_planned',
          details: {
            viewingId: viewing.id,
            startsAt: viewing.startsAt.toISOString(),
            durationMinutes: viewing.durationMinutes,
            smartLock: lockGrant !== null,
          },
        });
        return { viewing, record, sentTo };
      });
      deps.outbox.wake();
      announce(ctx.tenantId, 'viewing_planned', [record]);
      return { ...toViewing(viewing), confirmationSentTo: sentTo };
    },

    async selfDisclosure(ctx: TenantContext, leadId: string) {
      return withTenant(db, ctx, async (tx) => {
        const lead = await requireLead(tx, leadId);
        const facts = (await lifecycle.lifecycleFacts(tx, leadId))!;
        if (!selfDisclosureReadable(lead.status, facts.reachedViewing)) throw selfDisclosureLocked();
        return toSelfDisclosure(await lifecycle.findSelfDisclosure(tx, leadId));
      });
    },

    async recordSelfDisclosure(ctx: TenantContext, leadId: string, input: Parameters<typeof lifecycle.saveSelfDisclosure>[4]) {
      return withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (!selfDisclosureWritable(lead.status)) throw selfDisclosureLocked();
        await lifecycle.saveSelfDisclosure(tx, ctx.tenantId, leadId, ctx.accountId, input);
        // The trail names which fields were written, never their values.
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'self_disclosure_recorded',
          details: { fields: Object.keys(input) },
        });
        return toSelfDisclosure(await lifecycle.findSelfDisclosure(tx, leadId));
      });
    },

    /** Saves the clerk's changes to the prepared message without sending it. */
    async editRejection(ctx: TenantContext, leadId: string, input: { subject?: string; body?: string }) {
      return withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        const pending = lead.status === 'abgelehnt' ? await lifecycle.lockPendingRejection(tx, leadId) : undefined;
        if (!pending)
          throw new AppError(409, 'rejection_message_missing', 'Es gibt keine vorbereitete Absage, die noch geändert werden kann.');
        const [current] = await lifecycle.listRejectionMessages(tx, leadId);
        await lifecycle.prepareRejectionMessage(tx, ctx.tenantId, leadId, {
          subject: input.subject ?? current.subject,
          body: input.body ?? current.body,
        });
        return toRejectionMessage((await lifecycle.listRejectionMessages(tx, leadId))[0]);
      });
    },

    /** The clerk releases the prepared message (with their edits): it is queued to the mail outbox in the same transaction. */
    async releaseRejection(ctx: TenantContext, leadId: string, input: { subject?: string; body?: string }) {
      const released = await withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        const pending = lead.status === 'abgelehnt' ? await lifecycle.lockPendingRejection(tx, leadId) : undefined;
        if (!pending) {
          throw new AppError(
            409,
            'rejection_message_missing',
            lead.status === 'abgelehnt'
              ? 'Die Absage wurde bereits freigegeben.'
              : 'Es gibt keine vorbereitete Absage: der Interessent ist nicht abgelehnt.',
          );
        }
        if (!lead.email) {
          throw new AppError(
            409,
            'lead_without_email',
            'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt. Bitte teilen Sie die Absage auf anderem Weg mit.',
          );
        }
        const message = (await lifecycle.releaseRejectionMessage(tx, leadId, { ...input, sentTo: lead.email }))!;
        await queueLeadMail(
          tx,
          ctx.tenantId,
          { id: leadId, email: lead.email },
          { subject: message.subject, text: message.body, sentBy: ctx.accountId },
        );
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'rejection_message_released',
          details: { messageId: message.id, edited: input.subject !== undefined || input.body !== undefined },
        });
        return message;
      });
      deps.outbox.wake();
      return toRejectionMessage(released);
    },

    /** § 21 AGG: the lead's decision history as JSON (letting permission; the export itself is written to the lead's trail). */
    async exportDecisions(ctx: TenantContext, leadId: string) {
      return withTenant(db, ctx, async (tx) => {
        if (!(await hasLetting(tx))) throw lettingOnly();
        const lead = await requireLead(tx, leadId);
        const facts = (await lifecycle.lifecycleFacts(tx, leadId))!;
        const exportedBy = await lifecycle.ownName(tx);
        const decisions = (await listLeadEvents(tx, leadId)).map(toLeadEvent);
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'decisions_exported',
        });
        return {
          exportedAt: clock.now().toISOString(),
          exportedBy,
          lead: {
            id: lead.id,
            name: lead.name,
            email: lead.email,
            listing: lead.listingId ? { id: lead.listingId, title: lead.listingTitle ?? '' } : null,
            status: lead.status,
            source: lead.source,
            createdAt: lead.createdAt.toISOString(),
          },
          decisions,
          viewings: (await lifecycle.listViewings(tx, leadId)).map(toViewing),
          rejectionMessages: (await lifecycle.listRejectionMessages(tx, leadId)).map(toRejectionMessage),
          legalHold: legalHoldOf(facts),
        };
      });
    },

    /** Sets or clears the legal hold (letting permission); the anonymisation job leaves a held lead as it is. */
    /** Manual assignment of an open lead (the "nicht zugeordnet" column) to an active listing, with the version seen. */
    async assignListing(ctx: TenantContext, leadId: string, input: { listingId: string; version: number }) {
      const record = await withTenant(db, ctx, async (tx) => {
        const lead = await lifecycle.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (lead.version !== input.version) throw conflict();
        if (lead.status !== 'offen') {
          throw new AppError(
            409,
            'lead_transition_invalid',
            `Nur offene Interessenten können einem Inserat zugeordnet werden; dieser ist „${STATUS_LABELS[lead.status]}“.`,
          );
        }
        const listing = await findListing(tx, input.listingId);
        if (!listing) throw listingNotFound();
        if (listing.status !== 'aktiv') {
          throw new AppError(409, 'listing_already_let', 'Dieses Inserat ist bereits vermietet: bitte ein aktives Inserat wählen.');
        }
        await lifecycle.assignListing(tx, leadId, listing.id, listing.commission);
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'listing_assigned',
          details: { listingId: listing.id, previousListingId: lead.listingId },
        });
        return requireLead(tx, leadId);
      });
      announce(ctx.tenantId, 'listing_assigned', [record]);
      return toLeadCard(record);
    },

    async setLegalHold(ctx: TenantContext, leadId: string, input: { hold: true; reason: string } | { hold: false }) {
      const { legalHold, record } = await withTenant(db, ctx, async (tx) => {
        if (!(await hasLetting(tx))) throw lettingOnly();
        if (!(await lifecycle.lockLead(tx, leadId))) throw leadNotFound();
        const reason = input.hold ? input.reason : null;
        await lifecycle.setLegalHold(tx, leadId, reason);
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: input.hold ? 'legal_hold_set' : 'legal_hold_cleared',
          reason,
        });
        return { legalHold: legalHoldOf((await lifecycle.lifecycleFacts(tx, leadId))!), record: await requireLead(tx, leadId) };
      });
      announce(ctx.tenantId, legalHold ? 'legal_hold_set' : 'legal_hold_cleared', [record]);
      return { legalHold };
    },
  };
}

export type LeadLifecycleUseCases = ReturnType<typeof createLeadLifecycleUseCases>;
