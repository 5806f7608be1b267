-- Idempotency keys are claimed, worked and answered in one transaction (bff/db/unit-of-work.ts): a
-- committed key always holds its answer, and an attempt at the same moment waits on the row itself, so
-- the claim and its lease are no longer needed. Nullable rather than dropped, so that instances of the
-- previous release keep working against this schema during a rolling upgrade; a later release drops them.
ALTER TABLE idempotency_keys ALTER COLUMN claim_id DROP NOT NULL, ALTER COLUMN locked_until DROP NOT NULL;
