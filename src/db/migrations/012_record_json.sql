-- A check-up's record is kept as the exact JSON text the hub hashed (record/record-text.ts), in a
-- `json` column instead of `jsonb`: PostgreSQL then only validates the ~25 KB text on the way in
-- instead of converting it to its binary form (about a sixth of its CPU per push, docs/benchmarks.md),
-- and hands it back without converting it to text again. Nothing queries inside records by index;
-- the few readers that take keys out of it use the json operators. Rewrites the table once.
ALTER TABLE checkups ALTER COLUMN record TYPE json USING record::json;
-- Changing the type drops the column's compression setting (010): set it again.
DO $$
BEGIN
  ALTER TABLE checkups ALTER COLUMN record SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL; -- lz4 not compiled in (PGlite): pglz stays
END $$;
