-- Resident lifecycle from the ERP (docs/onboarding.md, "Updates and move-outs"): the resident list marks a
-- move-out with its date. Access ends with that day (Europe/Berlin): sign-in is refused from the next day on
-- and sessions of the account end. The resident's data stays and follows the retention rules that exist
-- (cases under the company's duties, conversations purged by chat-purge-expired).
ALTER TABLE residents ADD COLUMN moved_out_on date;
