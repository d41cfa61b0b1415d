-- One table of pending eID requests for both protocols (issue 16, decisions 030 and 031):
-- oidc_requests (020) and eid_requests (022) held the same thing, a browser sent to a provider
-- and not yet back, so eid_requests now holds the OpenID Connect sign-ins too and oidc_requests
-- goes. A row is what a browser was sent away with:
--   saml_authn   an AuthnRequest (id: its ID, the response's InResponseTo);
--   saml_logout  a LogoutRequest of our sign-out (id: its ID; no level, no way back);
--   oidc_authn   an authorisation request (id: the state), with the nonce the id_token must
--                echo and browser_hash, the SHA-256 of a cookie binding it to one browser.
ALTER TABLE eid_requests RENAME COLUMN organisation TO organisation_id;
ALTER TABLE eid_requests ADD COLUMN browser_hash text CHECK (length(browser_hash) <= 128);
ALTER TABLE eid_requests ALTER COLUMN loa DROP NOT NULL;
ALTER TABLE eid_requests ALTER COLUMN return_to DROP NOT NULL;
ALTER TABLE eid_requests DROP CONSTRAINT eid_requests_return_to_check;
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_return_to_check
  CHECK (length(return_to) <= 1000);
-- What each kind must carry, so no code path can store a sign-in without its level or an
-- OIDC sign-in without its nonce and browser.
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_kind_fields CHECK (
  CASE kind
    WHEN 'saml_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL
      AND nonce IS NULL AND browser_hash IS NULL
    WHEN 'saml_logout' THEN loa IS NULL AND nonce IS NULL AND browser_hash IS NULL
    WHEN 'oidc_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL
      AND nonce IS NOT NULL AND browser_hash IS NOT NULL
  END
);

-- Sign-ins under way while upgrading carry on (they are at most 15 minutes old).
INSERT INTO eid_requests (id, provider_id, kind, nonce, loa, return_to, organisation_id,
                          browser_hash, created_at, expires_at)
SELECT id, provider_id, 'oidc_authn', nonce, loa, coalesce(return_to, '/account'),
       organisation_id, browser_hash, created_at, expires_at
FROM oidc_requests
ON CONFLICT (id) DO NOTHING;
DROP TABLE oidc_requests;
