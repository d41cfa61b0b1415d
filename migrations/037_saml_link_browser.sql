-- A SAML link's answer is bound to its browser (decision 029 addendum, issue 16): the IdP's
-- cross-site POST to the ACS carries no SameSite=Lax session cookie, so the link remembers the
-- SHA-256 of a SameSite=None cookie of its own in browser_hash, as an act does (migration 036).
--
-- A pending SAML link made before this has no browser and could never be answered in a real
-- browser: it is dropped (they live 15 minutes), so that every SAML link now carries one.
DELETE FROM eid_requests
  WHERE kind = 'saml_authn' AND link_account_id IS NOT NULL AND browser_hash IS NULL;
-- A SAML sign-in carries a browser binding exactly when it authorises an act or adds a way.
ALTER TABLE eid_requests DROP CONSTRAINT eid_requests_kind_fields;
ALTER TABLE eid_requests ADD CONSTRAINT eid_requests_kind_fields CHECK (
  CASE kind
    WHEN 'saml_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL AND nonce IS NULL
      AND (browser_hash IS NOT NULL) = (act_draft_id IS NOT NULL OR link_account_id IS NOT NULL)
    WHEN 'saml_logout' THEN loa IS NULL AND nonce IS NULL AND browser_hash IS NULL
    WHEN 'oidc_authn' THEN loa IS NOT NULL AND return_to IS NOT NULL
      AND nonce IS NOT NULL AND browser_hash IS NOT NULL
  END
);
