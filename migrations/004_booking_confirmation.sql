-- Confirming a hold by an emailed code, and the links and calendar identity of a booking.
ALTER TABLE booking
  -- HMAC of the current code, bound to the hold (the key is not in the database).
  ADD COLUMN code_hash text,
  ADD COLUMN code_attempts smallint NOT NULL DEFAULT 0,
  ADD COLUMN code_resends smallint NOT NULL DEFAULT 0,
  ADD COLUMN code_sent_at timestamptz,
  -- SHA-256 of the manage and join tokens (the tokens are derived from the id by HMAC).
  ADD COLUMN manage_token_hash text UNIQUE,
  ADD COLUMN join_token_hash text UNIQUE,
  -- The calendar UID never changes; SEQUENCE rises with every move or cancellation.
  ADD COLUMN ics_sequence integer NOT NULL DEFAULT 0,
  ADD COLUMN language text NOT NULL DEFAULT 'sl' CHECK (language IN ('sl', 'cs', 'en')),
  ADD COLUMN client_ip text;
CREATE INDEX booking_client_ip_idx ON booking (client_ip, created_at);
