-- Pending OpenID Connect sign-ins (issue 16, decision 031): one row per redirect to the
-- provider, keyed by the `state` sent, holding the `nonce` the id_token must echo, the level
-- asked and where to go back. The callback deletes the row as it reads it (single use); a row
-- older than expires_at is refused and pruned at the next start. browser_hash binds the row to
-- the browser that started it (the SHA-256 of a short-lived cookie), so a callback replayed
-- from another browser is refused. The columns follow the SAML sign-in's pending requests.
CREATE TABLE oidc_requests (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 32 AND 128),
  provider_id text NOT NULL CHECK (length(provider_id) BETWEEN 1 AND 64),
  nonce text NOT NULL CHECK (length(nonce) BETWEEN 32 AND 128),
  loa text NOT NULL CHECK (loa IN ('low', 'substantial', 'high')),
  return_to text CHECK (length(return_to) <= 1000),
  organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
  browser_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_requests_expires_idx ON oidc_requests (expires_at);
