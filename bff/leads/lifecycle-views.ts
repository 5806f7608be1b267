import { z } from 'zod';
import { CONTACT_CHANNELS, LEAD_REJECTION_REASONS, type LeadRejectionReason } from '../contract/enums.ts';
import type { contactChannelView, leadViewing, rejectionMessage, selfDisclosure } from '../contract/leads.ts';
import type {
  LifecycleFacts,
  RejectionMessageRecord,
  SelfDisclosureRecord,
  VerificationRecord,
  ViewingRecord,
} from './lifecycle-repository.ts';

/** Records of the lifecycle → the contract's shapes, and the texts the lifecycle prepares (German). */

type ContactChannelView = z.output<typeof contactChannelView>;

/** Each channel of the lead, and whether its current address or number was verified (the newest verification counts). */
export function toContactChannels(
  facts: Pick<LifecycleFacts, 'email' | 'phone'>,
  verifications: VerificationRecord[],
): ContactChannelView[] {
  return CONTACT_CHANNELS.map((channel) => {
    const current = channel === 'email' ? facts.email : facts.phone;
    const verification = current ? verifications.find((entry) => entry.channel === channel && entry.value === current) : undefined;
    return {
      channel,
      present: current !== null,
      verified: verification ? { at: verification.verifiedAt.toISOString(), how: verification.how, by: verification.verifiedBy } : null,
    };
  });
}

export function toViewing(record: ViewingRecord): z.output<typeof leadViewing> {
  return {
    id: record.id,
    startsAt: record.startsAt.toISOString(),
    durationMinutes: record.durationMinutes,
    note: record.note,
    createdBy: { id: record.createdById, label: record.createdByName },
    createdAt: record.createdAt.toISOString(),
    lockGrant:
      record.lockGrantFrom && record.lockGrantUntil
        ? { from: record.lockGrantFrom.toISOString(), until: record.lockGrantUntil.toISOString() }
        : null,
  };
}

export function toRejectionMessage(record: RejectionMessageRecord): z.output<typeof rejectionMessage> {
  return {
    id: record.id,
    subject: record.subject,
    body: record.body,
    preparedAt: record.preparedAt.toISOString(),
    releasedAt: record.releasedAt?.toISOString() ?? null,
    releasedBy: record.releasedBy,
    sentTo: record.sentTo,
  };
}

export function toSelfDisclosure(record: SelfDisclosureRecord | undefined): z.output<typeof selfDisclosure> {
  return {
    profession: record?.profession ?? null,
    employer: record?.employer ?? null,
    incomeBand: record?.incomeBand ?? null,
    rentDebtFreeCertificate: record?.rentDebtFreeCertificate ?? null,
    recordedAt: record?.recordedAt.toISOString() ?? null,
  };
}

export const legalHoldOf = (facts: Pick<LifecycleFacts, 'legalHold' | 'legalHoldReason' | 'legalHoldSince'>) =>
  facts.legalHold && facts.legalHoldReason && facts.legalHoldSince
    ? { reason: facts.legalHoldReason, since: facts.legalHoldSince.toISOString() }
    : null;

/** What a move's gate found missing, in the clerk's words. */
export const MISSING_LABELS: Record<string, string> = {
  fullName: 'vollständiger Name (Vor- und Nachname)',
  verifiedContactChannel: 'ein bestätigter Kontaktweg (erreicht oder Antwort erhalten)',
  householdType: 'Haushalt (Einzelperson, Paar, Familie oder Wohngemeinschaft)',
  desiredMoveIn: 'gewünschtes Einzugsdatum',
  pastViewing: 'eine Besichtigung, deren Termin vorbei ist',
  listing: 'ein zugeordnetes Inserat',
  listingAvailable: 'ein noch nicht vermietetes Inserat',
};

/**
 * The prepared rejection message (German): polite, without the internal reason — except "anderweitig vermietet",
 * which the person may be told as it is. The clerk edits it before releasing it.
 */
export function rejectionTemplate(input: { name: string; listingTitle: string | null; reasonCode: LeadRejectionReason | null }) {
  const flat = input.listingTitle ? `die Wohnung „${input.listingTitle}“` : 'unsere Wohnung';
  const because =
    input.reasonCode === 'anderweitig_vermietet'
      ? 'Die Wohnung ist inzwischen anderweitig vermietet.'
      : 'Nach sorgfältiger Prüfung können wir Ihnen die Wohnung leider nicht anbieten.';
  return {
    subject: input.listingTitle ? `Ihre Anfrage: ${input.listingTitle}`.slice(0, 200) : 'Ihre Mietanfrage',
    body: [
      `Guten Tag ${input.name},`,
      '',
      `vielen Dank für Ihr Interesse an ${flat}. ${because}`,
      '',
      'Wir wünschen Ihnen für Ihre weitere Wohnungssuche viel Erfolg.',
      '',
      'Mit freundlichen Grüßen',
      'Ihre Hausverwaltung',
    ].join('\n'),
  };
}

/** The reason of a rejection as the trail stores it: the catalogue's label, the clerk's text, or both. */
export function rejectionReasonText(reasonCode: LeadRejectionReason | undefined, reasonText: string | undefined): string {
  return [reasonCode ? LEAD_REJECTION_REASONS[reasonCode] : null, reasonText].filter(Boolean).join(' – ');
}
