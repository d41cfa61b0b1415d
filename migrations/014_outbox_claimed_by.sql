-- Which worker instance holds a claim. Each instance holds a session-level advisory lock on
-- its id while it lives, so a claim whose owner's lock is free belongs to a dead instance and
-- is taken back at once instead of after its lease (up to minutes for a 6-digit code).
ALTER TABLE mail_outbox ADD COLUMN claimed_by integer;
