-- A submission sent twice from one draft (a retried POST, a crash between storing it and
-- removing the draft) is one submission (issue 17): the caller names what it sends with a key,
-- unique per organisation, and a second send with the key finds the first.
ALTER TABLE submissions
  ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX submissions_idempotency_idx ON submissions (organisation_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
