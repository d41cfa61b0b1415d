-- Ways to sign in (issue 16, decision 029 addendum): a citizen adds a second provider to the
-- account, or removes one, by an explicit step while signed in.
--
-- An identity gets an id of its own, so that the account page can name one in a URL (remove)
-- without putting the provider's person identifier, or an e-mail address, in it.
ALTER TABLE citizen_identities ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE citizen_identities ADD CONSTRAINT citizen_identities_id_key UNIQUE (id);

-- A sign-in started to add a way to an account (a link) remembers the account and the session
-- (the SHA-256 of its cookie, as citizen_sessions keys it) it was started for: the answer is
-- attached only when it comes back to that very session, so nobody can attach their eID to
-- someone else's account by luring them to the provider (login CSRF). Both or neither.
ALTER TABLE eid_requests
  ADD COLUMN link_account_id uuid REFERENCES citizen_accounts (id) ON DELETE CASCADE;
ALTER TABLE eid_requests ADD COLUMN link_session_hash text CHECK (length(link_session_hash) <= 128);
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_link_fields CHECK (
  (link_account_id IS NULL) = (link_session_hash IS NULL)
  AND (link_account_id IS NULL OR kind IN ('saml_authn', 'oidc_authn'))
);

-- The same for an e-mail address added as a way to sign in: its code is a sign-in code bound to
-- the account and the session (a code without them is an ordinary sign-in's).
ALTER TABLE citizen_sign_in_codes
  ADD COLUMN link_account_id uuid REFERENCES citizen_accounts (id) ON DELETE CASCADE;
ALTER TABLE citizen_sign_in_codes
  ADD COLUMN link_session_hash text CHECK (length(link_session_hash) <= 128);
ALTER TABLE citizen_sign_in_codes ADD CONSTRAINT citizen_sign_in_codes_link_fields CHECK (
  (link_account_id IS NULL) = (link_session_hash IS NULL)
);
CREATE INDEX citizen_sign_in_codes_link_idx ON citizen_sign_in_codes (link_account_id, created_at)
  WHERE link_account_id IS NOT NULL;
