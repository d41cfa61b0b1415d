-- The operator's side (issue 14): operators run the installation above the organisations, and
-- everyone's first password is set through a one-time link (an invitation), never typed by
-- someone else and never a default.

-- An operator is not a staff member: no organisation, no offices, no citizen data.
CREATE TABLE operator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  -- NULL until set through an invitation link.
  password_hash text,
  -- The TOTP secret, sealed with AES-256-GCM under a key derived from the session secret
  -- (src/operator/seal.ts); NULL until enrolment is confirmed with a code.
  totp_secret text,
  -- The last 30-second step whose code was accepted: a code is never accepted twice.
  totp_last_step bigint,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Sessions of the operator console, by the SHA-256 of the cookie value, like staff_session.
-- A session passes through stages: 'code' (password right, TOTP code awaited), 'enrol' (no
-- second factor yet: only enrolment is open), 'full' (signed in).
CREATE TABLE operator_session (
  token_hash text PRIMARY KEY,
  operator_id uuid NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('code', 'enrol', 'full')),
  -- The secret offered at enrolment (sealed), until a code confirms it.
  pending_totp_secret text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX operator_session_operator_idx ON operator_session (operator_id);
CREATE INDEX operator_session_expires_idx ON operator_session (expires_at);

-- One-time links to set a password, for an operator or a staff member. Only the SHA-256 of the
-- link's token is stored. A link dies when used, when it expires, or when a new one is sent.
CREATE TABLE invitation (
  token_hash text PRIMARY KEY,
  operator_id uuid REFERENCES operator (id) ON DELETE CASCADE,
  staff_id uuid REFERENCES staff (id) ON DELETE CASCADE,
  CHECK ((operator_id IS NULL) <> (staff_id IS NULL)),
  -- Who sent it, as the dead-link page names them ("ask … for a new one").
  invited_by text NOT NULL CHECK (length(invited_by) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX invitation_staff_idx ON invitation (staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX invitation_operator_idx ON invitation (operator_id) WHERE operator_id IS NOT NULL;

-- A staff member invited by e-mail has no password until they set one; they cannot sign in.
ALTER TABLE staff ALTER COLUMN password_hash DROP NOT NULL;

-- The audit log gets an installation-level scope: operator events have no organisation (an
-- organisation's admins never see them), and name the operator who acted.
ALTER TABLE audit_event ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE audit_event ADD COLUMN actor_operator_id uuid REFERENCES operator (id) ON DELETE SET NULL;
CREATE INDEX audit_event_installation_idx ON audit_event (at DESC, id DESC) WHERE organisation_id IS NULL;
