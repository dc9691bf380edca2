-- hoso schema v2: the health book's read side — citizens, system clients, consent (shares,
-- grants, break-glass), PDF verification codes, a gap-free change-feed cursor, audit columns.
-- PostgreSQL 15 SQL, the same text on PGlite.

-- A citizen is an account (role citizen, no password: sign-in is demo or OIDC only) tied to one
-- personal ID. Refresh tokens and deactivation work as for every account.
CREATE TABLE citizen_accounts (
  account_id uuid PRIMARY KEY REFERENCES accounts,
  personal_id text NOT NULL UNIQUE,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz
);

-- The name a clinician (or other staff) is shown by in a citizen's access log.
CREATE TABLE staff_profiles (
  account_id uuid PRIMARY KEY REFERENCES accounts,
  display_name text NOT NULL
);

-- One row per OIDC sign-in in flight: PKCE verifier and nonce, kept server-side, used once.
CREATE TABLE oidc_logins (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- System clients (VNeID backend…): client credentials with a signed JWT assertion (RFC 7523).
CREATE TABLE system_clients (
  account_id uuid PRIMARY KEY REFERENCES accounts,
  client_id text NOT NULL UNIQUE,
  name text NOT NULL,
  scopes text[] NOT NULL,
  jwks jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Assertion ids seen, kept until the assertion expires: a replayed jti is refused.
CREATE TABLE client_assertion_jtis (
  client_id text NOT NULL,
  jti text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, jti)
);

-- A citizen's share: a short code (stored as a keyed hash only) for a scope and a time.
CREATE TABLE shares (
  share_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code_hash text NOT NULL UNIQUE,
  personal_id text NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts,
  scope text NOT NULL CHECK (scope IN ('summary', 'everything')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX shares_person ON shares (personal_id, expires_at DESC);

-- A clinician's time-limited right to read one person: from a redeemed share, or break-glass.
CREATE TABLE access_grants (
  grant_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('share', 'break-glass')),
  share_id uuid REFERENCES shares,
  personal_id text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts,
  facility_id uuid REFERENCES facilities,
  scope text NOT NULL CHECK (scope IN ('summary', 'everything')),
  reason text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (kind <> 'break-glass' OR reason IS NOT NULL),
  CHECK (kind <> 'share' OR share_id IS NOT NULL)
);
CREATE INDEX access_grants_account ON access_grants (account_id, expires_at DESC);

-- Verification codes printed on PDFs (keyed hash → the check-up version it certifies).
CREATE TABLE checkup_verifications (
  code_hash text PRIMARY KEY,
  person_id uuid NOT NULL,
  checkup_id uuid NOT NULL,
  version int NOT NULL,
  issued_at timestamptz NOT NULL
);

-- The audit log's `purpose` says how access was had (guardian, share, break-glass, vneid,
-- verification, none); these columns add the grant used and the break-glass reason. Adding
-- columns fires no row trigger: existing rows stay as written.
ALTER TABLE audit_log ADD COLUMN grant_id uuid;
ALTER TABLE audit_log ADD COLUMN reason text;

-- Change-feed cursor: the writing transaction's id. A bigserial alone is not a safe cursor (ids
-- are taken before commit, so a slow transaction can commit a lower id after a reader has moved
-- past it); ordering by (tx, event_id) and handing out only finished transactions is gap-free.
ALTER TABLE events ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX events_feed ON events (tx, event_id);

CREATE INDEX registry_persons_guardian ON registry_persons (guardian_personal_id) WHERE guardian_personal_id IS NOT NULL;
