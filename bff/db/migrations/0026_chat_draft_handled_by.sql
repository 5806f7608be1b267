-- Who handles a case filed from a chat draft, as its confirmation said (routing rule: 'clerk', else 'office'):
-- a second press of "absenden" answers the same confirmation. Null for drafts filed before this column.
ALTER TABLE chat_drafts ADD COLUMN filed_handled_by text CHECK (filed_handled_by IN ('clerk', 'office'));
