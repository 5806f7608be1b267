import type { Database, Queryable } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import * as repository from './repository.ts';
import { readLink, signLink } from './token.ts';

/**
 * Signed public links, one mechanism for every purpose that lets a person without an account act on one thing
 * of one housing company through a link in an e-mail: booking a viewing, consenting to a credit check, later a
 * contractor's answer. A link is bound to its purpose, company and subject, expires, can be revoked, and is
 * usable once where its purpose says so. Checks in this order, each with its own stable code: malformed or
 * altered (`link_invalid`), another purpose (`link_wrong_purpose`), expired (`link_expired`), revoked
 * (`link_revoked`), used (`link_used`). The company comes only from a token whose signature holds.
 */

export const SIGNED_LINK_PURPOSES = ['viewing-booking', 'credit-check-consent', 'contractor-answer'] as const;
export type SignedLinkPurpose = (typeof SIGNED_LINK_PURPOSES)[number];

export const linkMissing = () =>
  new AppError(401, 'link_missing', 'Der Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer E-Mail vollständig.');
export const linkInvalid = () =>
  new AppError(401, 'link_invalid', 'Dieser Link ist ungültig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer E-Mail.');
export const linkWrongPurpose = () =>
  new AppError(403, 'link_wrong_purpose', 'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.');
export const linkExpired = () =>
  new AppError(410, 'link_expired', 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.');
export const linkRevoked = () =>
  new AppError(410, 'link_revoked', 'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.');
export const linkUsed = () => new AppError(410, 'link_used', 'Dieser Link wurde bereits verwendet und gilt nur einmal.');

/** A link whose checks all passed, inside the company's system scope. */
export interface OpenedLink {
  linkId: string;
  tenantId: string;
  subjectId: string;
  expiresAt: Date;
}

export interface IssuedLink {
  linkId: string;
  token: string;
  expiresAt: Date;
}

export function createSignedLinks(deps: { db: Database; key: Buffer; clock: Clock }) {
  const { db, key, clock } = deps;

  return {
    /** A new link, in the caller's transaction (staff scope or system scope of the company). */
    async issue(
      tx: Queryable,
      link: {
        tenantId: string;
        purpose: SignedLinkPurpose;
        subjectId: string;
        validForMs: number;
        singleUse?: boolean;
        createdBy?: string;
      },
    ): Promise<IssuedLink> {
      // Whole seconds: the token carries seconds, and the row must name the same moment.
      const expiresAt = new Date(Math.floor((clock.now().getTime() + link.validForMs) / 1000) * 1000);
      const linkId = await repository.insertLink(tx, {
        tenantId: link.tenantId,
        purpose: link.purpose,
        subjectId: link.subjectId,
        expiresAt,
        singleUse: link.singleUse ?? false,
        createdBy: link.createdBy ?? null,
      });
      return {
        linkId,
        token: signLink(key, { purpose: link.purpose, tenantId: link.tenantId, subjectId: link.subjectId, linkId, expiresAt }),
        expiresAt,
      };
    },

    /**
     * Checks `token` for `purpose` and runs `fn` in one transaction of the company's system scope. `consume`: the
     * link is marked used in that transaction (a failure of `fn` leaves it unused); a single-use link is always
     * consumed by a successful `fn`.
     */
    async open<T>(
      token: string | undefined,
      purpose: SignedLinkPurpose,
      fn: (tx: Queryable, link: OpenedLink) => Promise<T>,
      options: { consume?: boolean } = {},
    ): Promise<T> {
      if (!token) throw linkMissing();
      const claims = readLink(key, token.trim());
      if (!claims) throw linkInvalid();
      if (claims.purpose !== purpose) throw linkWrongPurpose();
      if (claims.expiresAt.getTime() <= clock.now().getTime()) throw linkExpired();
      return withScope(db, { role: 'system', tenantId: claims.tenantId }, async (tx) => {
        const row = await repository.findLinkForUpdate(tx, claims.linkId);
        // A signed token without its row: the company's rows are gone (or it was never issued here).
        if (!row || row.purpose !== claims.purpose || row.subjectId !== claims.subjectId) throw linkInvalid();
        if (row.revokedAt) throw linkRevoked();
        if (row.expiresAt.getTime() <= clock.now().getTime()) throw linkExpired();
        if (row.singleUse && row.usedAt) throw linkUsed();
        const result = await fn(tx, { linkId: row.id, tenantId: claims.tenantId, subjectId: row.subjectId, expiresAt: row.expiresAt });
        if (row.singleUse && options.consume !== false) await repository.markUsed(tx, row.id);
        return result;
      });
    },

    /**
     * The token of the subject's newest live link, signed again from its row (tokens are never stored, and the same
     * claims give the same token): for a later mail to the same person, e.g. when the waitlist promotes them.
     */
    async currentToken(tx: Queryable, tenantId: string, purpose: SignedLinkPurpose, subjectId: string): Promise<string | undefined> {
      const row = await repository.latestLiveLink(tx, purpose, subjectId);
      return row && signLink(key, { purpose, tenantId, subjectId, linkId: row.id, expiresAt: row.expiresAt });
    },

    /** Staff revoke a link of their company: it answers `link_revoked` from now on. */
    async revoke(ctx: TenantContext, linkId: string): Promise<void> {
      const revoked = await withTenant(db, ctx, (tx) => repository.revokeLink(tx, linkId));
      if (!revoked) throw notFound('Diesen Link gibt es nicht.');
    },
  };
}

export type SignedLinks = ReturnType<typeof createSignedLinks>;
