import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { findAudienceIdByRef, findStaffAccountByEmail, hasDocuments, insertDocument } from './document-repository.ts';
import type { Audience, DocumentCategory, DocumentReaders } from './model.ts';
import { renderLetter } from './pdf.ts';

/** A letter for the demo companies' "Meine Dokumente", addressed by ERP reference. */
export interface DemoDocument {
  title: string;
  category: DocumentCategory;
  audience: Audience;
  /** External reference of the resident, unit or building. */
  ref: string;
  /** Of a unit's or building's people: everyone (default), its tenants or its owners. */
  readers?: DocumentReaders;
  fileName: string;
  paragraphs: string[];
  /** How many days ago it was published (the inbox is sorted by it). */
  daysAgo: number;
}

/**
 * Publishes the demo letters as the demo clerk, once: a company that has any document is left alone, so a
 * restart neither duplicates them nor brings back what was there.
 */
export async function seedDemoDocuments(
  db: Database,
  company: { tenantId: string; name: string; clerkEmail: string },
  documents: DemoDocument[],
): Promise<void> {
  const clerkId = await withScope(db, { role: 'admin', tenantId: company.tenantId }, (tx) =>
    findStaffAccountByEmail(tx, company.clerkEmail),
  );
  if (!clerkId) return;
  await withScope(db, { role: 'clerk', tenantId: company.tenantId, accountId: clerkId }, async (tx) => {
    if (await hasDocuments(tx)) return;
    const oldestFirst = [...documents].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const document of oldestFirst) {
      const audienceId = await findAudienceIdByRef(tx, document.audience, document.ref);
      if (!audienceId) continue;
      const issuedAt = new Date(Date.now() - document.daysAgo * 86_400_000);
      const content = await renderLetter({ issuer: company.name, title: document.title, paragraphs: document.paragraphs, issuedAt });
      await insertDocument(tx, {
        tenantId: company.tenantId,
        title: document.title,
        category: document.category,
        fileName: document.fileName,
        contentType: 'application/pdf',
        content,
        audience: document.audience,
        audienceId,
        readers: document.readers ?? 'all',
        caseId: null,
        publishedBy: clerkId,
        publishedAt: issuedAt,
      });
    }
  });
}
