-- The personal account's appointments (issue 16, decision 032): a booking made while signed in
-- belongs to that account; an earlier one made with the account's verified e-mail joins it only
-- when the citizen confirms it is theirs. Deleting the account unlinks its bookings, which the
-- office keeps under its own retention (the anonymisation job clears the link as well).
ALTER TABLE booking
  ADD COLUMN citizen_account_id uuid REFERENCES citizen_accounts (id) ON DELETE SET NULL;
CREATE INDEX booking_citizen_account_idx ON booking (citizen_account_id, created_at)
  WHERE citizen_account_id IS NOT NULL;

