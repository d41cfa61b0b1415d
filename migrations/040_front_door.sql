-- The organisation's front door (issue 19): departments and the people citizens may contact,
-- the official notice board with its versions and attachments, the organisation's news, and its
-- accessibility statement. Texts a citizen reads of the organisation's own making are jsonb
-- objects keyed by language, as everywhere (001); a notice is an official document in one
-- language and keeps its text as posted.

-- The organisation's registration number: IČO in Czechia (8 digits), matična številka in
-- Slovenia (7 or 10 digits). The notice board's open data names its operator by it (OFN).
ALTER TABLE organisation
  ADD COLUMN registration_number text CHECK (registration_number ~ '^[0-9]{7,10}$');

-- Departments (odbor, oddelek, sektor): a tree of at most a few levels under the organisation.
CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  parent_id uuid,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  description jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
  email text CHECK (length(email) BETWEEN 3 AND 254),
  phone text CHECK (length(phone) BETWEEN 3 AND 40),
  -- Where to find it: building, floor, room, as people say it (per language).
  location jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(location) = 'object'),
  -- Office hours as people read them (per language); booking's opening hours stay in office_hours.
  office_hours jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(office_hours) = 'object'),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, slug),
  UNIQUE (id, organisation_id),
  FOREIGN KEY (parent_id, organisation_id) REFERENCES departments (id, organisation_id) ON DELETE CASCADE,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX departments_parent_idx ON departments (parent_id) WHERE parent_id IS NOT NULL;

-- People of a department as citizens may reach them. A person is shown to the public only when
-- an admin has recorded their consent (published); the admin who did and when are kept.
CREATE TABLE department_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  department_id uuid NOT NULL,
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  role jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(role) = 'object'),
  email text CHECK (length(email) BETWEEN 3 AND 254),
  phone text CHECK (length(phone) BETWEEN 3 AND 40),
  room text CHECK (length(room) BETWEEN 1 AND 100),
  office_hours jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(office_hours) = 'object'),
  -- The official's staff account, when citizens can book with this person.
  staff_id uuid REFERENCES staff (id) ON DELETE SET NULL,
  published boolean NOT NULL DEFAULT false,
  consent_recorded_at timestamptz,
  consent_recorded_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (department_id, organisation_id) REFERENCES departments (id, organisation_id) ON DELETE CASCADE,
  CHECK (NOT published OR consent_recorded_at IS NOT NULL)
);
CREATE INDEX department_people_department_idx ON department_people (department_id);

-- What a department handles: the services booked with it and the life situations it guides.
CREATE TABLE department_services (
  department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  PRIMARY KEY (department_id, service_id)
);
CREATE INDEX department_services_service_idx ON department_services (service_id);
CREATE TABLE department_situations (
  department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
  situation_id uuid NOT NULL REFERENCES life_situation (id) ON DELETE CASCADE,
  PRIMARY KEY (department_id, situation_id)
);
CREATE INDEX department_situations_situation_idx ON department_situations (situation_id);

-- The official notice board. A notice is a number per organisation (its public address,
-- /o/{org}/notices/{number}) and a list of versions; what it says is always its versions'.
CREATE TABLE notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  -- Taken down before its last day by staff (a withdrawal), with the reason shown publicly.
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 1000),
  CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL)),
  UNIQUE (organisation_id, number),
  UNIQUE (id, organisation_id)
);

-- A version of a notice: never updated, never deleted (the trigger below), so what was on the
-- board when stays provable. A correction is a new version with its reason; the version on the
-- board at an instant is the latest one created at or before it.
CREATE TABLE notice_versions (
  notice_id uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  language text NOT NULL CHECK (language IN ('sl', 'cs', 'en')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text NOT NULL CHECK (length(body) <= 20000),
  category text NOT NULL CHECK (category IN (
    'decision', 'public_decree', 'public_notice', 'auction', 'vacancy', 'council', 'planning',
    'environment', 'tender', 'elections', 'lost_property', 'other'
  )),
  -- číslo jednací / številka zadeve, and spisová značka, as the office's filing system wrote them.
  reference_number text CHECK (length(reference_number) BETWEEN 1 AND 100),
  file_mark text CHECK (length(file_mark) BETWEEN 1 AND 100),
  -- The department that posts it, and its name as it was then (a department may be renamed or
  -- removed later; the record must not change with it).
  department_id uuid,
  department_name text CHECK (length(department_name) BETWEEN 1 AND 300),
  -- Days in the organisation's time zone: on the board from the start of post_on through the
  -- end of remove_after; NULL means until further notice.
  post_on date NOT NULL,
  remove_after date,
  CHECK (remove_after IS NULL OR remove_after >= post_on),
  -- Why this version replaces the one before (NULL for the first).
  correction_note text CHECK (length(correction_note) BETWEEN 1 AND 1000),
  CHECK ((version = 1) = (correction_note IS NULL)),
  created_at timestamptz NOT NULL,
  created_by uuid,
  PRIMARY KEY (notice_id, version)
);
CREATE INDEX notice_versions_post_idx ON notice_versions (post_on, remove_after);

-- A notice's attachments (PDF), stored through files/ like the forms' attachments (033).
CREATE TABLE notice_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notice_id uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  mime text NOT NULL CHECK (length(mime) BETWEEN 3 AND 200),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  scan text NOT NULL CHECK (scan IN ('clean', 'unscanned')),
  area text NOT NULL CHECK (area ~ '^notices/[0-9a-f-]{36}$'),
  storage_name text NOT NULL CHECK (storage_name ~ '^[A-Za-z0-9_-]{16,64}$'),
  uploaded_at timestamptz NOT NULL,
  uploaded_by uuid
);
CREATE INDEX notice_files_notice_idx ON notice_files (notice_id);

-- Which files each version carries, in order. A correction lists the files it keeps again.
CREATE TABLE notice_version_files (
  notice_id uuid NOT NULL,
  version integer NOT NULL,
  file_id uuid NOT NULL REFERENCES notice_files (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (notice_id, version, file_id),
  FOREIGN KEY (notice_id, version) REFERENCES notice_versions (notice_id, version) ON DELETE CASCADE
);

-- What happened to a notice and when the system saw it: posted (the job saw its first day
-- begin), corrected, taken down (its last day ended), withdrawn. Append-only.
CREATE TABLE notice_events (
  id bigserial PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('posted', 'corrected', 'taken_down', 'withdrawn')),
  version integer NOT NULL,
  at timestamptz NOT NULL,
  actor_staff_id uuid
);
CREATE INDEX notice_events_notice_idx ON notice_events (notice_id, id);
-- The job records a posting and a taking down once, whichever instance sees it first.
CREATE UNIQUE INDEX notice_events_once_idx ON notice_events (notice_id, kind)
  WHERE kind IN ('posted', 'taken_down');

CREATE FUNCTION notice_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The notice's own deletion (with its organisation) takes its record along.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM notices WHERE id = OLD.notice_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the record of notice % is append-only', OLD.notice_id
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER notice_versions_append_only
  BEFORE UPDATE OR DELETE ON notice_versions
  FOR EACH ROW EXECUTE FUNCTION notice_records_append_only();
CREATE TRIGGER notice_version_files_append_only
  BEFORE UPDATE OR DELETE ON notice_version_files
  FOR EACH ROW EXECUTE FUNCTION notice_records_append_only();
CREATE TRIGGER notice_events_append_only
  BEFORE UPDATE OR DELETE ON notice_events
  FOR EACH ROW EXECUTE FUNCTION notice_records_append_only();

-- The organisation's own news on its home page, newest first, shown from published_on through
-- shown_until (days in the organisation's zone).
CREATE TABLE organisation_news (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  body jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(body) = 'object'),
  published_on date NOT NULL,
  shown_until date,
  CHECK (shown_until IS NULL OR shown_until >= published_on),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  created_by uuid REFERENCES staff (id) ON DELETE SET NULL
);
CREATE INDEX organisation_news_org_idx ON organisation_news (organisation_id, published_on DESC);

-- The accessibility statement in the model form of Implementing Decision (EU) 2018/1523
-- (Directive (EU) 2016/2102, art. 7). Without a row the page shows the platform's own
-- statement with the organisation's contacts.
CREATE TABLE accessibility_statements (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  compliance text NOT NULL CHECK (compliance IN ('full', 'partial', 'none')),
  -- Content that is not accessible and why (per language): non-compliance, disproportionate
  -- burden, outside the directive's scope.
  non_accessible jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(non_accessible) = 'object'),
  prepared_on date NOT NULL,
  reviewed_on date,
  method text NOT NULL CHECK (method IN ('self', 'third_party')),
  feedback_email text CHECK (length(feedback_email) BETWEEN 3 AND 254),
  feedback_phone text CHECK (length(feedback_phone) BETWEEN 3 AND 40),
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES staff (id) ON DELETE SET NULL
);
