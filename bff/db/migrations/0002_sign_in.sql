-- Sign-in: the last accepted TOTP time step per account, so that a code is accepted at most once
-- (replay protection); a later code must belong to a later step.
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;
