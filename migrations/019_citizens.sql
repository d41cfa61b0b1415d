-- Citizen accounts (issue 16, decision 029): people sign in by a national eID (NIA, SI-PASS)
-- or by a code e-mailed to them. An account belongs to no organisation: the same person may
-- deal with several. It is keyed on the identifier each provider gives (citizen_identities),
-- never on a birth number.

CREATE TABLE citizen_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL,
  -- What the eID said, read-only for the citizen, with the provider that said it and when.
  given_name text CHECK (length(given_name) <= 200),
  family_name text CHECK (length(family_name) <= 200),
  date_of_birth date,
  address text CHECK (length(address) <= 500),
  identity_source text,
  identity_updated_at timestamptz,
  -- What the citizen keeps up to date. An e-mail sign-in verifies its address.
  email text CHECK (email = lower(email) AND length(email) <= 254),
  email_verified boolean NOT NULL DEFAULT false,
  phone text CHECK (length(phone) <= 40),
  -- Set when the account is deleted; its identities and sessions are removed at once.
  deleted_at timestamptz
);

-- How a person is recognised: one provider's PersonIdentifier (NIA: "CZ/CZ/…"), or, for the
-- e-mail sign-in (provider 'email'), the verified address. One identity → one account.
CREATE TABLE citizen_identities (
  provider_id text NOT NULL CHECK (length(provider_id) BETWEEN 1 AND 64),
  person_identifier text NOT NULL CHECK (length(person_identifier) BETWEEN 1 AND 512),
  account_id uuid NOT NULL REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL,
  PRIMARY KEY (provider_id, person_identifier)
);
CREATE INDEX citizen_identities_account_idx ON citizen_identities (account_id);

-- Citizen sessions, by the SHA-256 of the cookie value (as staff_session), separate from staff.
-- provider_session holds what the provider's logout needs (SAML NameID and SessionIndex, OIDC
-- id_token_hint).
CREATE TABLE citizen_sessions (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  loa text NOT NULL CHECK (loa IN ('low', 'substantial', 'high')),
  provider_id text NOT NULL,
  provider_session jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX citizen_sessions_account_idx ON citizen_sessions (account_id);
CREATE INDEX citizen_sessions_expires_idx ON citizen_sessions (expires_at);

-- E-mail sign-in: a 6-digit code per request, stored as an HMAC bound to the row's id (the
-- booking code's rules, src/booking/codes.ts). The browser that asked holds the id in a signed
-- cookie. Rows are pruned a day after they expire; ip serves the per-address limit.
CREATE TABLE citizen_sign_in_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  code_hash text NOT NULL,
  organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  ip text,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  locked_at timestamptz
);
CREATE INDEX citizen_sign_in_codes_email_idx ON citizen_sign_in_codes (email, created_at);
CREATE INDEX citizen_sign_in_codes_ip_idx ON citizen_sign_in_codes (ip, created_at);

-- Anonymous counts for the statistics: sign-ins and accounts registered, per organisation the
-- sign-in started from (NULL: from no organisation's page), provider, level and local day.
CREATE TABLE citizen_sign_ins (
  organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
  day date NOT NULL,
  provider_id text NOT NULL,
  loa text NOT NULL CHECK (loa IN ('low', 'substantial', 'high')),
  sign_ins integer NOT NULL DEFAULT 0 CHECK (sign_ins >= 0),
  new_accounts integer NOT NULL DEFAULT 0 CHECK (new_accounts >= 0),
  CONSTRAINT citizen_sign_ins_key UNIQUE NULLS NOT DISTINCT (organisation_id, day, provider_id, loa)
);

-- Which configured eID providers an organisation offers (a row: on). The providers themselves
-- are configured per installation (EID_PROVIDERS_FILE), not in the database.
CREATE TABLE organisation_eid_providers (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  provider_id text NOT NULL CHECK (length(provider_id) BETWEEN 1 AND 64),
  enabled_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, provider_id)
);
