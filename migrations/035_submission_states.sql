-- Submission states and the needs-completion thread (issue 17, decision 041).
--
-- The history of a submission: each change of its state (who, when, the message to the
-- citizen) and each answer of the citizen in the needs-completion thread, one row each, in order.
-- It is the record of what the office asked and the citizen answered: rows are only ever added
-- (the trigger below refuses UPDATE and DELETE), and go only with their submission.
CREATE TABLE submission_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  -- 'state': staff (or the system) moved it; 'answer': the citizen answered in the thread.
  kind text NOT NULL CHECK (kind IN ('state', 'answer')),
  from_state text CHECK (from_state IN ('received', 'in_progress', 'needs_completion', 'done', 'refused')),
  to_state text NOT NULL
    CHECK (to_state IN ('received', 'in_progress', 'needs_completion', 'done', 'refused')),
  -- Who: a staff member (id and name as they were: no foreign key, the row outlives the
  -- account and is never updated), the citizen, or the system (the first 'received').
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system')),
  actor_staff_id uuid,
  actor_name text CHECK (length(actor_name) <= 200),
  message text CHECK (length(message) <= 5000),
  at timestamptz NOT NULL,
  CHECK ((actor_kind = 'staff') = (actor_staff_id IS NOT NULL))
);
CREATE INDEX submission_events_submission_idx ON submission_events (submission_id, id);

CREATE FUNCTION submission_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The submission's own deletion (with its organisation) takes its history along.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM submissions WHERE id = OLD.submission_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the history of submission % is append-only', OLD.submission_id
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER submission_events_append_only
  BEFORE UPDATE OR DELETE ON submission_events
  FOR EACH ROW EXECUTE FUNCTION submission_events_append_only();

-- Every submission so far has its first entry.
INSERT INTO submission_events (submission_id, kind, from_state, to_state, actor_kind, at)
  SELECT id, 'state', NULL, state, 'system', submitted_at FROM submissions;

-- Links to the thread for a submission sent without an account: each state change mails a new
-- one, all stay valid while the submission lives. Only the SHA-256 of the token is kept.
CREATE TABLE submission_thread_links (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
CREATE INDEX submission_thread_links_submission_idx ON submission_thread_links (submission_id);

-- The pull API's order (listSubmissions): the id of the transaction that stored the submission.
-- A reader lists only rows of transactions older than every transaction still running
-- (pg_snapshot_xmin), so a row can never appear later behind a cursor that has moved past it:
-- no gaps and no duplicates while submissions are stored concurrently. Rows stored before this
-- migration share its transaction's id and are ordered by their id among themselves.
ALTER TABLE submissions
  ADD COLUMN stored_xact bigint NOT NULL DEFAULT (pg_current_xact_id()::text)::bigint;
CREATE INDEX submissions_pull_idx ON submissions (organisation_id, stored_xact, id);
