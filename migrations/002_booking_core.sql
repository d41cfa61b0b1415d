-- Booking core: when officials work, how services are booked, and bookings that can
-- never overlap. Availability is derived from these minus bookings and live holds.

ALTER TABLE service
  ADD COLUMN buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
  ADD COLUMN capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
  ADD COLUMN min_notice_minutes integer NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 43200),
  ADD COLUMN horizon_days integer NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 730);

-- Minutes before an appointment at which reminders go out.
ALTER TABLE organisation
  ADD COLUMN reminder_minutes integer[] NOT NULL DEFAULT '{1440,60}';

-- When an official receives appointments at an office, in the office's local time.
CREATE TABLE official_hours (
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts time NOT NULL,
  ends time NOT NULL,
  CHECK (ends > starts),
  PRIMARY KEY (staff_id, office_id, weekday, starts)
);

-- Days an organisation (or one of its offices, when office_id is set) is closed,
-- besides the public holidays computed in code.
CREATE TABLE closure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  office_id uuid REFERENCES office (id) ON DELETE CASCADE,
  day date NOT NULL,
  note jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(note) = 'object')
);
CREATE INDEX closure_org_day_idx ON closure (organisation_id, day);

CREATE TABLE absence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  during tstzrange NOT NULL CHECK (NOT isempty(during)),
  note text
);
CREATE INDEX absence_staff_idx ON absence USING gist (staff_id, during);

-- A hold (unconfirmed, expires) or a booking. Each takes one seat of one official
-- for [start, end). The exclusion constraint makes a double booking impossible:
-- two live rows (held or confirmed) for the same official and seat cannot overlap,
-- whatever the application does. Group appointments use seats 1..capacity.
CREATE TABLE booking (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  seat smallint NOT NULL CHECK (seat >= 1),
  state text NOT NULL CHECK (state IN ('held', 'confirmed', 'cancelled', 'expired', 'locked')),
  hold_expires_at timestamptz,
  citizen_name text NOT NULL,
  citizen_email text NOT NULL,
  citizen_phone text,
  notes text,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  CHECK (state <> 'held' OR hold_expires_at IS NOT NULL),
  CONSTRAINT booking_no_overlap EXCLUDE USING gist (staff_id WITH =, seat WITH =, during WITH &&)
    WHERE (state IN ('held', 'confirmed'))
);
CREATE INDEX booking_office_during_idx ON booking USING gist (office_id, during) WHERE state IN ('held', 'confirmed');
CREATE INDEX booking_email_idx ON booking (citizen_email, created_at);
