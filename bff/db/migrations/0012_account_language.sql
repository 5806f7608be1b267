-- Each account's language (bff/contract/enums.ts LANGUAGES), German by default: the e-mails a person gets
-- and the texts the BFF writes for them follow the person, not only the page they happen to use.
ALTER TABLE accounts
  ADD COLUMN language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en', 'tr', 'pl', 'uk'));
