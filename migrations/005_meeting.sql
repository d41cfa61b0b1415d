-- The meeting of a booking: who knocked and was let in, the chat, the minutes, the
-- identity check, how long it lasted, and the citizen's survey. Media never passes
-- through the server; only these facts are kept with the booking.

CREATE TABLE meeting (
  booking_id uuid PRIMARY KEY REFERENCES booking (id) ON DELETE CASCADE,
  -- The first admission of someone other than staff: the meeting is in progress from then.
  started_at timestamptz,
  ended_at timestamptz,
  ended_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  no_show boolean NOT NULL DEFAULT false,
  identity_verified_at timestamptz,
  identity_verified_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
  minutes_updated_at timestamptz
);

-- Personal guest links an official hands out (a colleague, an interpreter, another party).
CREATE TABLE meeting_guest (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX meeting_guest_booking_idx ON meeting_guest (booking_id);

-- Everyone who came to the meeting: the citizen (one row), each guest (one row per
-- link) and each staff member (one row per person). A row keeps its admission across
-- reconnects and reloads, so nobody passes the lobby twice.
CREATE TABLE meeting_participant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('citizen', 'guest', 'staff')),
  staff_id uuid REFERENCES staff (id) ON DELETE SET NULL,
  guest_id uuid REFERENCES meeting_guest (id) ON DELETE CASCADE,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  state text NOT NULL CHECK (state IN ('knocking', 'admitted', 'denied', 'removed', 'left')),
  -- Whether the participant has an open connection now (a knocker who closed the tab leaves the lobby).
  connected boolean NOT NULL DEFAULT false,
  knocked_at timestamptz,
  admitted_at timestamptz,
  left_at timestamptz,
  deny_message text,
  CHECK ((role = 'staff') = (staff_id IS NOT NULL) OR role <> 'staff'),
  CHECK (role <> 'guest' OR guest_id IS NOT NULL)
);
CREATE UNIQUE INDEX meeting_participant_citizen_idx ON meeting_participant (booking_id) WHERE role = 'citizen';
CREATE UNIQUE INDEX meeting_participant_guest_idx ON meeting_participant (guest_id) WHERE role = 'guest';
CREATE UNIQUE INDEX meeting_participant_staff_idx ON meeting_participant (booking_id, staff_id) WHERE role = 'staff';

CREATE TABLE meeting_chat (
  id bigserial PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES meeting_participant (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  sent_at timestamptz NOT NULL
);
CREATE INDEX meeting_chat_booking_idx ON meeting_chat (booking_id, id);

-- One survey per booking.
CREATE TABLE meeting_survey (
  booking_id uuid PRIMARY KEY REFERENCES booking (id) ON DELETE CASCADE,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text CHECK (length(comment) <= 2000),
  submitted_at timestamptz NOT NULL
);

-- Live events larger than a NOTIFY payload (8000 bytes; an SDP offer with screen
-- sharing comes close) travel by reference: the row is read by every instance and
-- pruned after a minute.
CREATE TABLE meeting_relay (
  id bigserial PRIMARY KEY,
  payload text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
