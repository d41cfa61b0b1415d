-- Transactional outbox for email: a message is written in the same transaction as
-- what it announces (a booking, a code), so an acknowledged action never loses its
-- email. A worker claims due rows with FOR UPDATE SKIP LOCKED and sends them.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The same key is never queued twice (a retried request, a double click).
  dedupe_key text NOT NULL UNIQUE,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  -- Calendar invitation (RFC 5545) attached as text/calendar, with its METHOD.
  ics text,
  ics_method text CHECK (ics_method IN ('REQUEST', 'CANCEL')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- Set while a worker is sending: a row whose claim is older than the lease is claimed again.
  claimed_until timestamptz,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE state = 'pending';
