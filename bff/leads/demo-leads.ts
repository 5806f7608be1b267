import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { leadWebhookPayload, listingInput, type ListingPortalId } from '../contract/leads.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { findUnitId } from '../onboarding/repository.ts';
import { leadWebhookSecretContext, type SecretBox } from '../secrets/secret-box.ts';
import { insertListing, replacePortalIds, takenPortalIds } from './listing-repository.ts';
import { insertSecret, listActiveSecrets } from './webhook-repository.ts';
import { storeDelivery } from './webhook-use-cases.ts';

/**
 * Demo listings, webhook secrets and enquiries for `npm start` (DEMO ONLY: the secrets are public, printed at
 * start). Each runs once: a listing is known by its first portal id, a secret by its value, an enquiry by its
 * enquiry id — so the seed can run at every start. Enquiries go through the webhook's own door after the
 * signature (minimisation, listing by portal id, dedupe), as if the portals had sent them.
 */

export interface DemoListing {
  unitRef: string;
  title: string;
  rooms: number;
  livingArea: number;
  coldRent: number;
  serviceCharges: number;
  availableFrom: string | null;
  commission: string;
  portalIds: ListingPortalId[];
}

export interface DemoEnquiry {
  /** The webhook's provider (its URL), e.g. immoscout24 or estatesync. */
  provider: string;
  payload: z.input<typeof leadWebhookPayload> & { enquiryId: string };
}

export interface DemoLeads {
  listings: DemoListing[];
  /** Webhook secret per provider, public by design (printed at start, in docs/leads.md's example). */
  webhookSecrets: Record<string, string>;
  enquiries: DemoEnquiry[];
}

export async function seedDemoLeads(
  db: Database,
  secrets: SecretBox,
  company: { tenantId: string; clerkId: string },
  demo: DemoLeads,
): Promise<void> {
  const { tenantId } = company;
  await withScope(db, { role: 'clerk', tenantId, accountId: company.clerkId }, async (tx) => {
    for (const { unitRef, portalIds, ...fields } of demo.listings) {
      if ((await takenPortalIds(tx, null, portalIds.slice(0, 1))).length) continue;
      const unitId = (await findUnitId(tx, unitRef))!;
      const input = listingInput.parse({ ...fields, unitId, portalIds });
      const id = await insertListing(tx, tenantId, input, company.clerkId);
      await replacePortalIds(tx, tenantId, id, input.portalIds);
    }
  });
  await withScope(db, { role: 'admin', tenantId }, async (tx) => {
    for (const [provider, value] of Object.entries(demo.webhookSecrets)) {
      const stored = await listActiveSecrets(tx, provider);
      if (stored.some((row) => secrets.open(row.secret, leadWebhookSecretContext(tenantId, row.id)) === value)) continue;
      const id = randomUUID();
      await insertSecret(tx, tenantId, {
        id,
        provider,
        sealed: secrets.seal(value, leadWebhookSecretContext(tenantId, id)),
        hint: value.slice(-4),
        createdBy: null,
      });
    }
  });
  await withScope(db, { role: 'system', tenantId }, async (tx) => {
    for (const { provider, payload } of demo.enquiries) {
      await storeDelivery(tx, tenantId, provider, leadWebhookPayload.parse(payload), [`enquiry:${payload.enquiryId}`]);
    }
  });
}
