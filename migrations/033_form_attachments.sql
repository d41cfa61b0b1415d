-- Files a citizen attaches to a form (issue 17, decision 039). A file belongs to one draft while
-- the form is filled in, then to the submission it was sent with; the file itself is kept by the
-- file-safety module under FILES_DIR/<area>/<storage_name> (forms/<draft id>), written and flushed
-- before its row commits. A row that belongs to neither (its draft purged or sent without it, its
-- submission deleted) is an orphan: the purge removes its file, then the row.
CREATE TABLE form_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id uuid REFERENCES form_drafts (id) ON DELETE SET NULL,
  submission_id uuid REFERENCES submissions (id) ON DELETE SET NULL,
  -- The form field it was uploaded for (`proof`, `dog.0.vaccination`): shown, and what an answer
  -- of the draft names by the row's id.
  field text NOT NULL CHECK (field ~ '^[a-z][a-z0-9-]{0,39}(\.[0-9]{1,3}\.[a-z][a-z0-9-]{0,39})?$'),
  -- The name to show and to offer on download (files/names.ts made it from the uploader's).
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  mime text NOT NULL CHECK (length(mime) BETWEEN 3 AND 200),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  scan text NOT NULL CHECK (scan IN ('clean', 'unscanned')),
  area text NOT NULL CHECK (area ~ '^forms/[0-9a-f-]{36}$'),
  storage_name text NOT NULL CHECK (storage_name ~ '^[A-Za-z0-9_-]{16,64}$'),
  uploaded_at timestamptz NOT NULL,
  CHECK (draft_id IS NULL OR submission_id IS NULL)
);
CREATE INDEX form_attachments_draft_idx ON form_attachments (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX form_attachments_submission_idx ON form_attachments (submission_id)
  WHERE submission_id IS NOT NULL;
CREATE INDEX form_attachments_orphan_idx ON form_attachments (uploaded_at)
  WHERE draft_id IS NULL AND submission_id IS NULL;
