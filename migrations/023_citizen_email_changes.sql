-- A citizen changing the account's e-mail (issue 16, decision 032 addendum): a 6-digit code
-- mailed to the new address under the sign-in code's rules (src/booking/codes.ts: CSPRNG, an
-- HMAC bound to the row and its account, ten minutes, one use, locked at the fifth wrong try).
-- A row belongs to one account and is only ever checked for it. Rows go with their account's
-- deletion and are pruned a day after they expire; ip and the times serve the rate limits.
CREATE TABLE citizen_email_changes (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  new_email text NOT NULL CHECK (new_email = lower(new_email) AND length(new_email) <= 254),
  code_hash text NOT NULL,
  ip text,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  locked_at timestamptz
);
CREATE INDEX citizen_email_changes_account_idx ON citizen_email_changes (account_id, created_at);
CREATE INDEX citizen_email_changes_email_idx ON citizen_email_changes (new_email, created_at);
CREATE INDEX citizen_email_changes_expires_idx ON citizen_email_changes (expires_at);
