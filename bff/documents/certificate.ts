import { createHash } from 'node:crypto';
import type { TenantCertificateSummary } from '../contract/documents.ts';
import type { TenancyFacts } from './document-repository.ts';
import type { CertificateInput } from './pdf.ts';

/**
 * What a Mieterbescheinigung states, and its digest: the clerk previews the certificate and releases it with
 * the digest, so a certificate whose data changed after the preview (a name corrected, another unit, a
 * Mietbeginn from the ERP, the next day) is never released unseen.
 */

/** The Berlin day a moment falls on, YYYY-MM-DD: the certificate's date. */
export function berlinDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

export function certificateSummary({ facts, caseNumber, issuedAt }: CertificateInput): TenantCertificateSummary {
  return {
    residentName: `${facts.firstName} ${facts.lastName}`,
    unitLabel: facts.unitLabel,
    address: `${facts.street}, ${facts.postalCode} ${facts.city}`,
    tenancyStart: facts.tenancyStart,
    companyName: facts.companyName,
    caseNumber,
    issuedOn: berlinDay(issuedAt),
  };
}

/** SHA-256 (hex) over every value printed on the certificate, in a fixed order. */
export function certificateDigest(input: CertificateInput): string {
  const { facts } = input;
  const printed: Record<keyof TenancyFacts, string | null> = {
    firstName: facts.firstName,
    lastName: facts.lastName,
    unitLabel: facts.unitLabel,
    street: facts.street,
    postalCode: facts.postalCode,
    city: facts.city,
    tenancyStart: facts.tenancyStart,
    companyName: facts.companyName,
  };
  const values = [1, input.caseNumber, berlinDay(input.issuedAt), ...Object.values(printed)];
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}
