-- Every mail to an interested person is filed in the lead's thread (bff/leads/lead-mail.ts, queueLeadMail): besides a
-- clerk's own messages also the viewing invitation and confirmation, a booking's waitlist and cancellation mails and
-- the released rejection. Mails the system sends on its own (a booking through the signed link, a place from the
-- waitlist) have no clerk: an outgoing message may now be without `sent_by`, written in the system scope.
ALTER TABLE lead_messages DROP CONSTRAINT lead_messages_check;
ALTER TABLE lead_messages ADD CONSTRAINT lead_messages_sender CHECK (direction = 'out' OR sent_by IS NULL);

DROP POLICY lead_messages_append ON lead_messages;
CREATE POLICY lead_messages_append ON lead_messages FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (
    (app_is_staff() AND direction = 'out' AND sent_by = app_account())
    OR (app_role() = 'system' AND sent_by IS NULL)));
