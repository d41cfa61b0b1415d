-- Statistics (src/stats). sign_in_attempt holds emails and addresses and is pruned after a day,
-- so sign-ins are also counted here, anonymously: one row per organisation and local day (in
-- the organisation's zone), incremented by the identity service on every sign-in to an account.
-- A failed attempt for an unknown email names no organisation and is not counted.
CREATE TABLE sign_in_daily (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  day date NOT NULL,
  succeeded integer NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
  failed integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
  PRIMARY KEY (organisation_id, day)
);

-- Every figure of the statistics page selects an organisation's appointments by their start.
CREATE INDEX booking_org_start_idx ON booking (organisation_id, (lower(during)));
