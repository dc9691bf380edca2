-- hoso schema v1: PostgreSQL 15 SQL, the same text on PGlite.
-- Person-keyed tables carry person_id in their primary key so they can be hash-partitioned by it
-- (design.md, Storage). Code lists and facilities are small reference tables.

CREATE TABLE hub_settings (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE facilities (
  facility_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,            -- 5-char MA_CSKCB (standards.md §7.1)
  gln text UNIQUE,                      -- 13-digit identifier, the push sender_id
  name text NOT NULL,
  province_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hospital', 'commune_station', 'clinic', 'mobile_team')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE facility_keys (
  key_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id uuid NOT NULL REFERENCES facilities,
  public_key_pem text NOT NULL,
  fingerprint text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX facility_keys_facility ON facility_keys (facility_id) WHERE status = 'active';

CREATE TABLE accounts (
  account_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('facility', 'steward', 'analyst', 'clinician', 'commune', 'citizen', 'system')),
  facility_id uuid REFERENCES facilities,
  scope_province text,                  -- null: the whole nation
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The embedded population registry (the registry is a port; this table is its local adapter).
CREATE TABLE registry_persons (
  personal_id text PRIMARY KEY,
  full_name text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL,
  province_code text,
  commune_code text,
  address text,
  ethnicity text,
  phone text,
  guardian_personal_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE persons (
  person_id uuid PRIMARY KEY,
  personal_id text UNIQUE,              -- null for a provisional person awaiting identity review
  kind text NOT NULL CHECK (kind IN ('registry', 'provisional')),
  full_name text,
  birth_date date,
  sex text,
  province_code text,
  commune_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The inbox: every push as received (bytes + sha256), written before any answer (invariant 1).
-- It is also the work queue: workers claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE submissions (
  submission_id uuid PRIMARY KEY,
  facility_id uuid NOT NULL REFERENCES facilities,
  channel text NOT NULL,
  msg_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  body bytea NOT NULL,
  sha256 text NOT NULL,
  size_bytes int NOT NULL,
  status text NOT NULL CHECK (status IN ('received', 'processing', 'done', 'refused')),
  attempts int NOT NULL DEFAULT 0,
  lease_until timestamptz,
  http_status int,
  response json,           -- json keeps the text as written: replays are byte-identical
  record_count int,
  accepted_count int,
  rejected_count int,
  review_count int,
  finished_at timestamptz
);
CREATE UNIQUE INDEX submissions_msg_id ON submissions (msg_id);
CREATE INDEX submissions_queue ON submissions (received_at) WHERE status IN ('received', 'processing');
CREATE INDEX submissions_facility ON submissions (facility_id, received_at DESC);

CREATE TABLE submission_records (
  submission_id uuid NOT NULL REFERENCES submissions,
  idx int NOT NULL,
  ma_lk text,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'unchanged', 'rejected', 'review')),
  person_id uuid,
  checkup_id uuid,
  version int,
  findings jsonb NOT NULL,
  PRIMARY KEY (submission_id, idx)
);

-- One row per (facility, MA_LK): the lock point that serialises re-pushes of one check-up and
-- remembers its current version (invariant 2).
CREATE TABLE checkup_keys (
  facility_id uuid NOT NULL REFERENCES facilities,
  ma_lk text NOT NULL,
  version int NOT NULL,
  person_id uuid NOT NULL,
  checkup_id uuid NOT NULL,
  content_sha256 text NOT NULL,
  retracted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, ma_lk)
);

CREATE TABLE checkups (
  person_id uuid NOT NULL,
  checkup_id uuid NOT NULL,
  facility_id uuid NOT NULL REFERENCES facilities,
  ma_lk text NOT NULL,
  version int NOT NULL,
  status text NOT NULL CHECK (status IN ('current', 'superseded', 'entered-in-error')),
  identity_status text NOT NULL CHECK (identity_status IN ('linked', 'review')),
  submission_id uuid NOT NULL,
  exam_time timestamp,
  exam_date date,
  age_group text,
  form_type text,
  health_class text,
  target_groups text[] NOT NULL DEFAULT '{}',
  funding_source text,
  late boolean NOT NULL DEFAULT false,
  record jsonb NOT NULL,
  findings jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz,
  retract_reason text,
  PRIMARY KEY (person_id, checkup_id)
);
CREATE INDEX checkups_key ON checkups (facility_id, ma_lk, version);
CREATE INDEX checkups_person_date ON checkups (person_id, exam_date DESC) WHERE status = 'current';

CREATE TABLE observations (
  person_id uuid NOT NULL,
  checkup_id uuid NOT NULL,
  seq int NOT NULL,
  key text,
  loinc text,
  category text NOT NULL,
  service_code text,
  local_code text,
  name text NOT NULL,
  value_raw text,
  unit_raw text,
  value numeric,
  unit text,
  value_text text,
  interpretation text,
  flags text[] NOT NULL DEFAULT '{}',
  effective_date date,
  PRIMARY KEY (person_id, checkup_id, seq)
);
CREATE INDEX observations_trend ON observations (person_id, key, effective_date);

CREATE TABLE conditions (
  person_id uuid NOT NULL,
  checkup_id uuid NOT NULL,
  seq int NOT NULL,
  icd10 text NOT NULL,
  text text,
  kind text NOT NULL,
  PRIMARY KEY (person_id, checkup_id, seq)
);

-- Outbox / change feed: "new or corrected result for person X" (read by VNeID, follow-up, indicators).
CREATE TABLE events (
  event_id bigserial PRIMARY KEY,
  person_id uuid NOT NULL,
  checkup_id uuid,
  kind text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit of every read of a person's data by anyone but that person (invariant 5).
CREATE TABLE audit_log (
  audit_id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  actor_role text NOT NULL,
  actor_facility_id uuid,
  person_id uuid,
  action text NOT NULL,
  purpose text,
  outcome text NOT NULL,
  request_id text
);
CREATE INDEX audit_log_person ON audit_log (person_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
