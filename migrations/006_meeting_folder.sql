-- The meeting folder: documents the citizen and the official exchange during a meeting.
-- Contents live on disk under generated names (FILES_DIR, outside any web root); the
-- database keeps what the folder page lists and, apart from it, an audit log of who
-- uploaded and downloaded what (names, sizes, hashes, never contents) that outlives the files.

-- How long an organisation keeps folder files on disk after a meeting ends (the folder itself
-- closes at the end). No row: 0 minutes.
CREATE TABLE folder_policy (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  grace_minutes integer NOT NULL CHECK (grace_minutes BETWEEN 0 AND 10080)
);

CREATE TABLE meeting_folder (
  booking_id uuid PRIMARY KEY REFERENCES booking (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  opened_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  opened_at timestamptz NOT NULL,
  -- The latest the folder stays open: the meeting link's last moment when it opened, brought
  -- forward when the meeting ends or its booking is cancelled or moved (a moved meeting opens a
  -- fresh folder).
  closes_at timestamptz NOT NULL,
  -- When the files go: the closing time plus the organisation's grace period, brought forward
  -- with it.
  delete_at timestamptz NOT NULL,
  -- Set once the files are deleted from disk and their rows removed; the folder stays closed.
  purged_at timestamptz
);
CREATE INDEX meeting_folder_due_idx ON meeting_folder (delete_at) WHERE purged_at IS NULL;

CREATE TABLE meeting_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES meeting_folder (booking_id) ON DELETE CASCADE,
  storage_name text NOT NULL UNIQUE CHECK (storage_name ~ '^[0-9a-f-]{36}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  mime text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid REFERENCES meeting_participant (id) ON DELETE SET NULL,
  uploader_name text NOT NULL,
  uploader_role text NOT NULL CHECK (uploader_role IN ('citizen', 'guest', 'staff')),
  uploaded_at timestamptz NOT NULL,
  -- clean: scanned and clean; unscanned: no scanner configured; infected: quarantined, never downloadable.
  scan_state text NOT NULL CHECK (scan_state IN ('clean', 'unscanned', 'infected')),
  signature text
);
CREATE INDEX meeting_file_booking_idx ON meeting_file (booking_id, uploaded_at);

CREATE TABLE meeting_file_audit (
  id bigserial PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL CHECK (action IN ('opened', 'uploaded', 'refused', 'quarantined', 'downloaded', 'downloaded_all', 'closed', 'deleted')),
  actor_role text CHECK (actor_role IN ('citizen', 'guest', 'staff', 'system')),
  -- Who, as authenticated (the staff account, the guest link, the booking's citizen), and from where.
  actor_name text,
  actor_staff_id uuid,
  actor_guest_id uuid,
  actor_ip text,
  file_id uuid,
  file_name text,
  size_bytes integer,
  sha256 text,
  detail text
);
CREATE INDEX meeting_file_audit_booking_idx ON meeting_file_audit (booking_id, id);

-- A chat line can be the folder's announcement, which each participant's page turns into
-- a link to their own folder address (the citizen's differs from the official's).
ALTER TABLE meeting_chat ADD COLUMN kind text NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'folder'));
