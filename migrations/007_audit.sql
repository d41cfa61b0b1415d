-- The back office's audit log: who changed what and when, and who looked at which
-- appointment. One row per action, written in the same transaction as the change it records
-- (a change that rolls back leaves no row). Objects are named by id and by their own public
-- name (a service, an office, a colleague); citizen data never goes in here, so the log can
-- outlive the retention period of the appointments it mentions.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  -- NULL for the system (the retention job) and for an account since deleted; the name stays.
  actor_staff_id uuid REFERENCES staff (id) ON DELETE SET NULL,
  actor_name text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
  actor_ip text,
  -- A dotted code such as 'service.updated' or 'appointment.viewed'; the page translates it.
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  object_type text NOT NULL CHECK (object_type ~ '^[a-z_]+$'),
  object_id text,
  -- The object's own public name at the time, for reading and searching.
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
  -- What changed: { field: [before, after] } or a few facts, never citizen data.
  detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX audit_event_org_at_idx ON audit_event (organisation_id, at DESC, id DESC);
CREATE INDEX audit_event_object_idx ON audit_event (organisation_id, object_type, object_id);
CREATE INDEX audit_event_actor_idx ON audit_event (organisation_id, actor_staff_id, at DESC);
