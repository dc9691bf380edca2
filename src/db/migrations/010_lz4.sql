-- The large values — raw push bodies, check-up records (~25 KB each) and signed answers — are
-- compressed with lz4 where the server has it: pglz took a fifth of PostgreSQL's CPU per push
-- (perf, docs/benchmarks.md). Values already stored keep their compression. PGlite is built
-- without lz4 and keeps pglz.
DO $$
BEGIN
  ALTER TABLE submissions ALTER COLUMN body SET COMPRESSION lz4;
  ALTER TABLE submissions ALTER COLUMN response SET COMPRESSION lz4;
  ALTER TABLE checkups ALTER COLUMN record SET COMPRESSION lz4;
  ALTER TABLE checkups ALTER COLUMN findings SET COMPRESSION lz4;
  ALTER TABLE submission_records ALTER COLUMN findings SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL; -- lz4 not compiled in (PGlite): pglz stays
END $$;
