-- An organisation's data-protection settings (GDPR): how many calendar days the personal data of
-- a past appointment is kept before the retention job anonymises it, and who its data protection
-- officer is, for the public privacy notice. No row: the defaults (90 days, no officer named).
-- A table of its own rather than columns on organisation, so the privacy domain owns what it writes.
CREATE TABLE privacy_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  retention_days integer NOT NULL DEFAULT 90 CHECK (retention_days BETWEEN 1 AND 3650),
  dpo_name text CHECK (length(dpo_name) BETWEEN 1 AND 200),
  dpo_email text CHECK (length(dpo_email) BETWEEN 3 AND 254),
  -- The controller's postal address for data requests; the notice falls back to the offices'.
  postal_address text CHECK (length(postal_address) BETWEEN 1 AND 500),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The retention job looks for bookings whose address is not yet a placeholder, by organisation;
-- the admin's search looks bookings up by the normalised address within one organisation.
CREATE INDEX booking_org_email_idx ON booking (organisation_id, citizen_email);
