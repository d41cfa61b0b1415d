-- eID sign-in by SAML (issue 16, decision 030): what a browser was sent to a provider with, and the
-- answers already used.
--
-- eid_requests: one row per sign-in (or single logout) started here. id is the SAML
-- AuthnRequest ID (the response's InResponseTo) or the OIDC state; nonce is OIDC's (NULL for
-- SAML). Kept in the database, not in memory, so that the instance that answers the provider's
-- callback need not be the one that sent the browser there.
CREATE TABLE eid_requests (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 128),
  provider_id text NOT NULL CHECK (length(provider_id) BETWEEN 1 AND 64),
  kind text NOT NULL CHECK (kind IN ('saml_authn', 'saml_logout', 'oidc_authn')),
  nonce text CHECK (length(nonce) <= 128),
  loa text NOT NULL CHECK (loa IN ('low', 'substantial', 'high')),
  return_to text NOT NULL CHECK (length(return_to) <= 500),
  organisation uuid REFERENCES organisation (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX eid_requests_expires_idx ON eid_requests (expires_at);

-- eid_replay: the ids of responses, assertions and requests already answered, until the
-- answer could no longer be valid anyway. The primary key makes "seen" atomic across instances:
-- a second insert of the same id, on any instance, inserts nothing and is refused.
CREATE TABLE eid_replay (
  provider_id text NOT NULL,
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 300),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (provider_id, id)
);
CREATE INDEX eid_replay_expires_idx ON eid_replay (expires_at);
