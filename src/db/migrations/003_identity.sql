-- Why a check-up waits for identity review: 'no-id', 'not-in-registry', 'mismatch' or
-- 'registry-unavailable' (the last ones are retried automatically when the registry answers).
ALTER TABLE checkups ADD COLUMN identity_reason text;
CREATE INDEX checkups_identity_waiting ON checkups (identity_reason) WHERE identity_status = 'review' AND status = 'current';
