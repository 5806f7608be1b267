import type { Logger } from 'pino';
import type { CreditCheckConsentPage, LeadCreditCheck } from '../contract/credit-checks.ts';
import type { CreditCheckConsentStatus } from '../contract/enums.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import { appendLeadEvent } from '../leads/lead-repository.ts';
import * as listings from '../leads/listing-repository.ts';
import { leadNotFound, listingNotFound, type ListingRecord } from '../leads/model.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import * as links from '../signed-links/repository.ts';
import { linkInvalid, linkRevoked, type OpenedLink, type SignedLinks } from '../signed-links/signed-links.ts';
import { consentRequestMail } from './mails.ts';
import { CreditCheckUnavailable, type CreditCheck } from './port.ts';
import * as repository from './repository.ts';
import { companyName } from '../viewings/repository.ts';

/**
 * Credit check of a lead (docs/leads.md, "Bonitätsprüfung"). Staff ask for consent (a mail with a signed link,
 * purpose `credit-check-consent`, subject: the lead), the person consents or withdraws on the link's page, staff run
 * the check. Gates: from `besichtigt` on (`akzeptiert` too, never a rejected lead), and only on a given consent that
 * is neither withdrawn nor used by an earlier check. Every step writes its entry to the lead's audit trail; the
 * lead's row is locked for each, so a consent and a check never cross.
 */

const PURPOSE = 'credit-check-consent';
const CHECKABLE_STATUSES = ['besichtigt', 'akzeptiert'];

const stageRefused = () =>
  new AppError(
    409,
    'credit_check_stage',
    'Eine Bonitätsprüfung ist erst möglich, wenn der Interessent die Wohnung besichtigt hat (Status „Besichtigt“), und nicht mehr nach einer Absage.',
  );
const consentMissing = () =>
  new AppError(
    409,
    'credit_check_consent_missing',
    'Für die Bonitätsprüfung fehlt eine gültige Einwilligung des Interessenten (keine erteilt, widerrufen oder schon für eine Prüfung verwendet). Bitte fragen Sie die Einwilligung an.',
  );
const consentPresent = () =>
  new AppError(
    409,
    'credit_check_consent_present',
    'Der Interessent hat bereits eingewilligt; die Einwilligung ist noch nicht verwendet. Sie können die Bonität jetzt prüfen.',
  );
const bureauUnavailable = () =>
  new AppError(
    502,
    'credit_check_unavailable',
    'Die Auskunftei hat nicht oder nicht verständlich geantwortet. Es wurde nichts gespeichert; bitte versuchen Sie es später erneut.',
  );

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function consentStatus(consent: repository.ConsentRow | undefined): CreditCheckConsentStatus {
  if (!consent) return 'none';
  if (consent.revokedAt) return 'revoked';
  return consent.givenAt ? 'given' : 'requested';
}

const usable = (consent: repository.ConsentRow | undefined) => Boolean(consent?.givenAt && !consent.revokedAt && !consent.usedAt);

export function createCreditCheckUseCases(deps: {
  db: Database;
  links: SignedLinks;
  creditCheck: CreditCheck;
  clock: Clock;
  publicUrl: () => string;
  logger: Logger;
}) {
  const { db, creditCheck, logger } = deps;
  const consentUrl = (token: string) => `${deps.publicUrl().replace(/\/+$/, '')}/bonitaet#token=${token}`;

  async function staffView(tx: Queryable, lead: repository.CreditLeadRow): Promise<LeadCreditCheck> {
    const consent = await repository.latestConsent(tx, lead.id);
    const result = await repository.latestCheck(tx, lead.id);
    const stageFits = CHECKABLE_STATUSES.includes(lead.status);
    return {
      leadId: lead.id,
      bureau: creditCheck.bureauName,
      consent: {
        status: consentStatus(consent),
        requestedAt: iso(consent?.requestedAt ?? null),
        linkExpiresAt: iso(consent?.linkExpiresAt ?? null),
        givenAt: iso(consent?.givenAt ?? null),
        revokedAt: iso(consent?.revokedAt ?? null),
        usedAt: iso(consent?.usedAt ?? null),
      },
      result: result
        ? { reference: result.reference, class: result.class, checkedAt: result.checkedAt.toISOString(), checkedBy: result.checkedBy }
        : null,
      canRequestConsent: stageFits && Boolean(lead.email) && Boolean(lead.listingId) && !usable(consent),
      canCheck: stageFits && usable(consent),
    };
  }

  /** The consent request behind a link, its lead and listing; a lead that is gone or anonymised makes the link void. */
  async function consentOf(tx: Queryable, link: OpenedLink, lock: boolean) {
    const lead = lock ? await repository.lockLead(tx, link.subjectId) : await repository.findLead(tx, link.subjectId);
    if (!lead) throw linkInvalid();
    const consent = await repository.consentOfLink(tx, link.linkId);
    if (!consent || consent.leadId !== lead.id) throw linkInvalid();
    if (lead.anonymised || !lead.listingId) throw linkRevoked();
    const listing = await listings.findListing(tx, lead.listingId);
    if (!listing) throw linkRevoked();
    return { lead, consent, listing };
  }

  async function pageOf(
    tx: Queryable,
    link: OpenedLink,
    found: { lead: repository.CreditLeadRow; consent: repository.ConsentRow; listing: ListingRecord },
  ): Promise<CreditCheckConsentPage> {
    const consent = (await repository.consentOfLink(tx, link.linkId))!;
    const { lead, listing } = found;
    const status = consentStatus(consent);
    return {
      company: { name: await companyName(tx, link.tenantId) },
      listing: { title: listing.title, address: { street: listing.street, postalCode: listing.postalCode, city: listing.city } },
      person: { name: lead.name },
      bureau: { name: creditCheck.bureauName },
      transmitted: ['name', 'address', 'birthDate'],
      kept: ['reference', 'class'],
      status: status === 'none' ? 'requested' : status,
      givenAt: iso(consent.givenAt),
      revokedAt: iso(consent.revokedAt),
      checked: Boolean(consent.usedAt),
      linkExpiresAt: link.expiresAt.toISOString(),
    };
  }

  return {
    // Staff ----------------------------------------------------------------------------------------------

    async state(ctx: TenantContext, leadId: string): Promise<LeadCreditCheck> {
      return withTenant(db, ctx, async (tx) => {
        const lead = await repository.findLead(tx, leadId);
        if (!lead) throw leadNotFound();
        return staffView(tx, lead);
      });
    },

    /** Mails the person a signed link to the consent page; an earlier consent link of the lead stops working. */
    async requestConsent(ctx: TenantContext, leadId: string, validDays: number) {
      return withTenant(db, ctx, async (tx) => {
        const lead = await repository.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (!CHECKABLE_STATUSES.includes(lead.status)) throw stageRefused();
        if (!lead.listingId) throw new AppError(409, 'lead_without_listing', 'Bitte ordnen Sie den Interessenten zuerst einem Inserat zu.');
        if (!lead.email) throw new AppError(409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse bekannt.');
        if (usable(await repository.latestConsent(tx, leadId))) throw consentPresent();
        const listing = await listings.findListing(tx, lead.listingId);
        if (!listing) throw listingNotFound();
        await links.revokeLinksOf(tx, PURPOSE, leadId);
        const issued = await deps.links.issue(tx, {
          tenantId: ctx.tenantId,
          purpose: PURPOSE,
          subjectId: leadId,
          validForMs: validDays * 86_400_000,
          createdBy: ctx.accountId,
        });
        await repository.insertConsent(tx, { tenantId: ctx.tenantId, leadId, signedLinkId: issued.linkId, requestedBy: ctx.accountId });
        const url = consentUrl(issued.token);
        await queueMail(
          tx,
          ctx.tenantId,
          consentRequestMail(lead.email, {
            name: lead.name,
            companyName: await companyName(tx, ctx.tenantId),
            listingTitle: listing.title,
            address: { street: listing.street, postalCode: listing.postalCode, city: listing.city },
            bureauName: creditCheck.bureauName,
            url,
            expiresAt: issued.expiresAt,
          }),
        );
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'credit_check_consent_requested',
          details: { linkId: issued.linkId, expiresAt: issued.expiresAt.toISOString() },
        });
        return { linkId: issued.linkId, url, expiresAt: issued.expiresAt.toISOString(), sentTo: lead.email };
      });
    },

    /**
     * Runs the check on the given consent: the bureau gets the lead's name and what the person entered; the lead keeps
     * the reference and the class. The consent is used by it and what the person entered is erased, in the same
     * transaction. A bureau that fails leaves everything as it was.
     */
    async run(ctx: TenantContext, leadId: string): Promise<LeadCreditCheck> {
      return withTenant(db, ctx, async (tx) => {
        const lead = await repository.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (!CHECKABLE_STATUSES.includes(lead.status)) throw stageRefused();
        const consent = await repository.latestConsent(tx, leadId);
        if (!consent || !usable(consent) || !consent.street) throw consentMissing();
        let outcome;
        try {
          outcome = await creditCheck.check({
            name: lead.name,
            birthDate: consent.birthDate,
            address: { street: consent.street, postalCode: consent.postalCode!, city: consent.city! },
          });
        } catch (error) {
          if (!(error instanceof CreditCheckUnavailable)) throw error;
          // Only the adapter's own words (status, connection): never the request or an answer.
          logger.warn({ leadId, cause: error.message }, 'credit check failed; nothing stored');
          throw bureauUnavailable();
        }
        await repository.insertCheck(tx, {
          tenantId: ctx.tenantId,
          leadId,
          consentId: consent.id,
          reference: outcome.reference,
          class: outcome.class,
          checkedBy: ctx.accountId,
        });
        await repository.useConsent(tx, consent.id);
        await appendLeadEvent(tx, ctx.tenantId, {
          leadId,
          actor: { role: 'staff', accountId: ctx.accountId },
          kind: 'credit_check_done',
          details: { class: outcome.class },
        });
        return staffView(tx, (await repository.findLead(tx, leadId))!);
      });
    },

    // The person, through the signed link -------------------------------------------------------------------

    page(token: string | undefined): Promise<CreditCheckConsentPage> {
      return deps.links.open(token, PURPOSE, async (tx, link) => pageOf(tx, link, await consentOf(tx, link, false)));
    },

    /** Records the consent and what the person entered; giving it again changes nothing. */
    give(token: string | undefined, input: { birthDate: string | null; address: { street: string; postalCode: string; city: string } }) {
      return deps.links.open(token, PURPOSE, async (tx, link) => {
        const found = await consentOf(tx, link, true);
        const { lead, consent } = found;
        if (consent.revokedAt || lead.status === 'abgelehnt') throw linkRevoked();
        if (!consent.givenAt) {
          await repository.giveConsent(tx, consent.id, { birthDate: input.birthDate, ...input.address });
          await appendLeadEvent(tx, link.tenantId, {
            leadId: lead.id,
            actor: { role: 'system' },
            kind: 'credit_check_consent_given',
            // Which fields were entered, never their values.
            details: { linkId: link.linkId, via: 'signed-link', birthDateGiven: input.birthDate !== null },
          });
        }
        return pageOf(tx, link, found);
      });
    },

    /** Withdraws (or declines) the consent: what the person entered is erased, and the link stops working afterwards. */
    withdraw(token: string | undefined) {
      return deps.links.open(token, PURPOSE, async (tx, link) => {
        const found = await consentOf(tx, link, true);
        const { lead, consent } = found;
        if (!consent.revokedAt) {
          await repository.revokeConsent(tx, consent.id);
          await links.revokeLink(tx, link.linkId);
          await appendLeadEvent(tx, link.tenantId, {
            leadId: lead.id,
            actor: { role: 'system' },
            kind: 'credit_check_consent_revoked',
            details: { linkId: link.linkId, via: 'signed-link', declined: !consent.givenAt, afterCheck: Boolean(consent.usedAt) },
          });
        }
        return pageOf(tx, link, found);
      });
    },
  };
}

export type CreditCheckUseCases = ReturnType<typeof createCreditCheckUseCases>;
