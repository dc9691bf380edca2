-- hoso schema v4: identity review (issue 4) — review cases with the matcher's result, the history
-- of stewards' decisions (each one undoable), persons the registry does not know, merged persons,
-- and the matcher's automatic decisions with their score breakdown.
-- PostgreSQL 15 SQL, the same text on PGlite.

-- 'unregistered': a person the population registry does not know (a foreigner with a passport, a
-- newborn not yet registered) — a steward's "new person" decision or the matcher's 'new'.
ALTER TABLE persons DROP CONSTRAINT persons_kind_check;
ALTER TABLE persons ADD CONSTRAINT persons_kind_check CHECK (kind IN ('registry', 'provisional', 'unregistered'));
-- A person merged into another keeps its row, so an undo can move the check-ups back.
ALTER TABLE persons ADD COLUMN merged_into uuid;

-- One case per provisional person waiting for a steward. `province_code` is the facility's province,
-- `person_province_code` the one the record gives for the person: a provincial steward sees both.
CREATE TABLE identity_cases (
  case_id uuid PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,          -- queue order and page cursor
  person_id uuid NOT NULL,                -- the provisional person holding the waiting check-up(s)
  checkup_id uuid NOT NULL,               -- the version shown: the latest one sent
  facility_id uuid NOT NULL REFERENCES facilities,
  province_code text NOT NULL,
  person_province_code text,
  reason text NOT NULL CHECK (reason IN ('no-id', 'not-in-registry', 'mismatch', 'registry-unavailable', 'unmerged')),
  match jsonb,                            -- the matcher's result: decision, score, breakdown, candidates
  evidence_key text,                      -- records saying exactly the same about their person share it
  rejected text[] NOT NULL DEFAULT '{}',  -- candidates' personal IDs a steward ruled out
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'linked', 'new-person', 'withdrawn')),
  resolved_person_id uuid,
  version int NOT NULL DEFAULT 1,         -- optimistic concurrency: a decision names the version it saw
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid REFERENCES accounts
);
CREATE UNIQUE INDEX identity_cases_open_person ON identity_cases (person_id) WHERE status = 'open';
CREATE INDEX identity_cases_queue ON identity_cases (status, province_code, seq);
CREATE INDEX identity_cases_queue_resident ON identity_cases (status, person_province_code, seq);
CREATE INDEX identity_cases_evidence ON identity_cases (evidence_key) WHERE status = 'open';

-- Every steward decision, append-only but for `undone_by`. `effects` holds what changed (check-ups
-- moved with their previous identity status, persons' kind and merged_into, cases' state) so an
-- undo can put each thing back, and refuse when something has changed since.
CREATE TABLE identity_decisions (
  decision_id uuid PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  action text NOT NULL CHECK (action IN ('link', 'reject-candidate', 'new-person', 'merge', 'unmerge', 'undo')),
  case_id uuid,                           -- the case decided on
  case_ids uuid[] NOT NULL DEFAULT '{}',  -- every case the decision changed (siblings settled along)
  from_person_id uuid,
  to_person_id uuid,
  personal_id text,                       -- the registry person linked, or the candidate rejected
  checkup_ids uuid[] NOT NULL DEFAULT '{}',
  effects jsonb NOT NULL,
  reason text,
  scope_province text,                    -- the deciding steward's province (null: the nation)
  decided_by uuid NOT NULL REFERENCES accounts,
  decided_at timestamptz NOT NULL,
  undoes uuid REFERENCES identity_decisions,
  undone_by uuid REFERENCES identity_decisions
);
CREATE INDEX identity_decisions_cases ON identity_decisions USING gin (case_ids);
CREATE INDEX identity_decisions_from ON identity_decisions (from_person_id) WHERE from_person_id IS NOT NULL;
CREATE INDEX identity_decisions_to ON identity_decisions (to_person_id) WHERE to_person_id IS NOT NULL;

-- The matcher's automatic decisions at intake (linked or new person) with their breakdown; review
-- decisions keep theirs in identity_cases.match. Keyed by check-up version (ids are unique).
CREATE TABLE identity_matches (
  checkup_id uuid PRIMARY KEY,
  decision text NOT NULL CHECK (decision IN ('linked', 'review', 'new')),
  personal_id text,
  score double precision NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Moving a person's rows (merge, unmerge, link) finds them by person.
CREATE INDEX events_person ON events (person_id, checkup_id);
CREATE INDEX submission_records_person ON submission_records (person_id, checkup_id) WHERE person_id IS NOT NULL;
CREATE INDEX checkup_verifications_person ON checkup_verifications (person_id, checkup_id);
