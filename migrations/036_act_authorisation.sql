-- Act authorisation by a fresh eID sign-in (issue 17, decision 042; Czech act 12/2020 Sb. §4): a
-- form with `authoriseAct` is sent only after the citizen signs in again, forced, just before
-- sending, and the proof of that sign-in is kept with the submission.
--
-- The sign-in is a pending eID request like any other, remembering the draft it authorises and
-- the account that holds it. The browser is bound by browser_hash (the SHA-256 of a cookie):
-- OIDC's own cookie, or for SAML a cookie of the act's that is sent with the IdP's cross-site
-- POST (the citizen's Lax session cookie is not, decision 030).
ALTER TABLE eid_requests
  ADD COLUMN act_draft_id uuid REFERENCES form_drafts (id) ON DELETE CASCADE;
ALTER TABLE eid_requests
  ADD COLUMN act_account_id uuid REFERENCES citizen_accounts (id) ON DELETE CASCADE;
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_act_fields CHECK (
  (act_draft_id IS NULL) = (act_account_id IS NULL)
  AND (act_draft_id IS NULL OR (kind IN ('saml_authn', 'oidc_authn')
    AND browser_hash IS NOT NULL AND link_account_id IS NULL))
);
-- A SAML sign-in now carries a browser binding when it authorises an act.
ALTER TABLE eid_requests DROP CONSTRAINT eid_requests_kind_fields;
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_kind_fields CHECK (
  CASE kind
    WHEN 'saml_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL
      AND nonce IS NULL AND (browser_hash IS NULL OR act_draft_id IS NOT NULL)
    WHEN 'saml_logout' THEN loa IS NULL AND nonce IS NULL AND browser_hash IS NULL
    WHEN 'oidc_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL
      AND nonce IS NOT NULL AND browser_hash IS NOT NULL
  END
);

-- The proof kept with a submission: who vouched (provider, protocol), when the citizen signed in
-- (the AuthnInstant or auth_time), the answer's id (the SAML Response ID; the id_token's jti, or
-- its hash where it has none), the level reached, and the SHA-256 of the signed answer (the
-- Response XML the signature covers, or the id_token's signed JWT) as received. One answer
-- authorises one act: the unique keys refuse its second use on any instance.
CREATE TABLE submission_act_authorisations (
  submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  method text NOT NULL CHECK (method IN ('fresh_eid_sign_in')),
  provider_id text NOT NULL CHECK (length(provider_id) BETWEEN 1 AND 64),
  protocol text NOT NULL CHECK (protocol IN ('saml', 'oidc')),
  authn_instant timestamptz NOT NULL,
  response_id text NOT NULL CHECK (length(response_id) BETWEEN 1 AND 300),
  loa text NOT NULL CHECK (loa IN ('substantial', 'high')),
  response_sha256 text NOT NULL CHECK (response_sha256 ~ '^[0-9a-f]{64}$'),
  authorised_at timestamptz NOT NULL,
  UNIQUE (provider_id, response_id),
  UNIQUE (response_sha256)
);
