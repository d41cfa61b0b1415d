-- Records that must stay true (issue 12).
--
-- meeting_event keeps what the meeting row alone would overwrite: each no-show and its undoing,
-- and each identity check with the document type, including corrections. A correction is a new
-- row; earlier rows stay. meeting.no_show/ended_at and meeting.identity_* hold the current
-- state and are changed in the same transaction as the row that explains the change. Only the
-- type of document is kept, never its number.
CREATE TABLE meeting_event (
  id bigserial PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('no_show', 'no_show_undone', 'identity_checked', 'identity_withdrawn')),
  -- The staff member, whose name is kept as it was (the account may be renamed or removed).
  actor_staff_id uuid REFERENCES staff (id) ON DELETE SET NULL,
  actor_name text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
  document_type text CHECK (document_type IN ('id_card', 'passport', 'driving_licence', 'other')),
  CHECK ((kind = 'identity_checked') = (document_type IS NOT NULL))
);
CREATE INDEX meeting_event_booking_idx ON meeting_event (booking_id, at, id);

-- The current identity check's document type (NULL: not checked, or checked before this column).
ALTER TABLE meeting ADD COLUMN identity_document text
  CHECK (identity_document IN ('id_card', 'passport', 'driving_licence', 'other'));

-- What a folder held when its files were deleted, so the appointment page can still say that
-- there were files. Counts only: names go with the files (and the audit log's are anonymised).
ALTER TABLE meeting_folder ADD COLUMN files_deleted integer NOT NULL DEFAULT 0 CHECK (files_deleted >= 0);
ALTER TABLE meeting_folder ADD COLUMN bytes_deleted bigint NOT NULL DEFAULT 0 CHECK (bytes_deleted >= 0);
