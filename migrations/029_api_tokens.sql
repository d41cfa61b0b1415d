-- API tokens (issue 17): an organisation's admin creates a token for a system that calls the staff
-- API (the filing system pulling submissions), and revokes it. Only the SHA-256 of the token is
-- stored; the token itself is shown once, when it is created (src/integrations, decision 037).
CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  -- What the admin calls it ("GINIS intake"), so a list of tokens says which system holds which.
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  -- A closed set that grows with the staff API (integrations/domain.ts SCOPES); at least one.
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  -- Hex SHA-256 of the whole token: a token is found by this, never compared in the clear.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- Staff accounts are deactivated, never deleted but with their organisation (which takes the
  -- tokens with it in the same statement).
  created_by uuid NOT NULL REFERENCES staff (id),
  created_at timestamptz NOT NULL,
  -- Written at most once a minute per token, not on every call (integrations/domain.ts).
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES staff (id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_token_organisation_idx ON api_token (organisation_id, created_at);

-- Failed calls with a bearer token per address, for the rate limit (as sign_in_attempt is for the
-- staff sign-in); pruned an hour after the window they count in.
CREATE TABLE api_token_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ip text NOT NULL CHECK (length(ip) <= 64),
  at timestamptz NOT NULL
);
CREATE INDEX api_token_failure_ip_idx ON api_token_failure (ip, at);
