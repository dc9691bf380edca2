-- GIAMDINHHS visits other than check-ups (MA_LOAI_KCB not 15/16) are kept as encounters in the
-- person's record and health book.
ALTER TABLE checkups ADD COLUMN kind text NOT NULL DEFAULT 'checkup' CHECK (kind IN ('checkup', 'encounter'));
