-- Where a case came from (bff/contract/enums.ts CASE_SOURCES): the portal, the tenant chat, an accepted
-- rental lead, a clerk, an e-mail. Cases filed before this migration came through the portal.
ALTER TABLE cases
  ADD COLUMN source text NOT NULL DEFAULT 'portal' CHECK (source IN ('portal', 'chat', 'lead', 'staff', 'email'));
