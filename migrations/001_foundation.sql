-- Foundation: tenants (organisations, offices, services, officials) and staff sign-in.
-- Texts a citizen reads are jsonb objects keyed by language: {"sl": "...", "cs": "...", "en": "..."}.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  country char(2) NOT NULL CHECK (country IN ('SI', 'CZ')),
  default_language text NOT NULL CHECK (default_language IN ('sl', 'cs', 'en')),
  time_zone text NOT NULL,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  description jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
  brand_colour text CHECK (brand_colour ~ '^#[0-9a-f]{6}$'),
  logo_svg text,
  email text,
  phone text,
  website text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  street text NOT NULL,
  postcode text NOT NULL,
  city text NOT NULL,
  email text,
  phone text,
  -- NULL means the organisation's time zone.
  time_zone text,
  position smallint NOT NULL DEFAULT 0,
  UNIQUE (organisation_id, slug)
);

-- Public opening hours of an office, in the office's local time. ISO weekday: 1 = Monday.
CREATE TABLE office_hours (
  office_id uuid NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL,
  CHECK (closes > opens),
  PRIMARY KEY (office_id, weekday, opens)
);

CREATE TABLE service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  description jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
  -- What to prepare: one item per line in each language.
  preparation jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(preparation) = 'object'),
  fee_note jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fee_note) = 'object'),
  -- Money in minor units (cents, haléře); NULL means free of charge.
  fee_minor integer CHECK (fee_minor >= 0),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  by_video boolean NOT NULL DEFAULT true,
  in_person boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  position smallint NOT NULL DEFAULT 0,
  CHECK (by_video OR in_person),
  UNIQUE (organisation_id, slug)
);

CREATE TABLE service_office (
  service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, office_id)
);

-- Staff: officials and admins, each belonging to exactly one organisation.
CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  title jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(title) = 'object'),
  role text NOT NULL CHECK (role IN ('admin', 'official')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- An email signs in to one account across all organisations.
CREATE UNIQUE INDEX staff_email_key ON staff (email);

CREATE TABLE staff_office (
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  PRIMARY KEY (staff_id, office_id)
);

CREATE TABLE service_official (
  service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, staff_id)
);

-- Sessions are looked up by the SHA-256 of the cookie value, so a database leak
-- does not hand out live sessions.
CREATE TABLE staff_session (
  token_hash text PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_session_staff_idx ON staff_session (staff_id);

CREATE TABLE sign_in_attempt (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (email, at);
CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip, at);
CREATE INDEX sign_in_attempt_at_idx ON sign_in_attempt (at);
CREATE INDEX staff_session_expires_idx ON staff_session (expires_at);
