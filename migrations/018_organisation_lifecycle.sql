-- Organisations from the operator's side (issue 14): an operator suspends an organisation's
-- online counter and resumes it, or asks for it to be deleted after a waiting period.
-- Nothing is deleted by a suspension: its citizen pages say it is suspended, its staff cannot
-- sign in, its bookings stay. A deletion request suspends the organisation too, and the
-- deletion itself runs once the waiting period has passed (decision 023).
ALTER TABLE organisation ADD COLUMN suspended_at timestamptz;
ALTER TABLE organisation ADD COLUMN deletion_requested_at timestamptz;
ALTER TABLE organisation ADD CONSTRAINT organisation_deletion_suspends
  CHECK (deletion_requested_at IS NULL OR suspended_at IS NOT NULL);
-- The deletion job looks for requests whose waiting period is over.
CREATE INDEX organisation_deletion_idx ON organisation (deletion_requested_at) WHERE deletion_requested_at IS NOT NULL;
