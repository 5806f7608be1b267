-- The chat's requestAnfrage tool drafts a general request (a contact case once the resident sends it):
-- the question and the excerpt of the conversation the resident sees on the card.
ALTER TABLE chat_drafts DROP CONSTRAINT chat_drafts_kind_check;
ALTER TABLE chat_drafts ADD CONSTRAINT chat_drafts_kind_check CHECK (kind IN ('damage', 'callback', 'request'));
