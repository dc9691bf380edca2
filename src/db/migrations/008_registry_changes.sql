-- The registry's change feed (issue 4 §1): deaths, and identifier history — a re-issued personal
-- ID keeps the cancelled number (Decree 70/2024 arts. 11–12: never reused), and old 9-digit ID
-- cards map to the personal ID. Name changes and guardian links update registry_persons itself.
ALTER TABLE registry_persons ADD COLUMN died_on date;
CREATE TABLE registry_former_ids (
  former_id text PRIMARY KEY,
  personal_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cancelled', 'old-id-card')),
  changed_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE registry_changes (
  change_id bigserial PRIMARY KEY,
  personal_id text NOT NULL,
  kind text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
