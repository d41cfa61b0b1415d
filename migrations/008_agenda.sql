-- The officials' agenda and appointment page (issue 6, part A).
--
-- booking_event records what the booking row itself cannot tell afterwards: a move (from
-- which time to which) and a cancellation (by the citizen through the manage link, or by a
-- staff member on the citizen's behalf, with the reason they typed). It is written in the
-- same transaction as the change. Everything else in an appointment's history already has a
-- column: booking.created_at/confirmed_at/cancelled_at, meeting_participant.knocked_at and
-- admitted_at, meeting.started_at/ended_at/no_show, and the outbox rows of the reminders.
-- The reason is about a person, so it is personal data (src/privacy/anonymisation.ts erases it).
CREATE TABLE booking_event (
  id bigserial PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('moved', 'cancelled')),
  -- Who did it: the citizen (manage link) or a staff member, whose name is kept as it was.
  actor_role text NOT NULL CHECK (actor_role IN ('citizen', 'staff')),
  actor_staff_id uuid REFERENCES staff (id) ON DELETE SET NULL,
  actor_name text CHECK (length(actor_name) BETWEEN 1 AND 200),
  -- A move: the interval before and after.
  from_start timestamptz,
  from_end timestamptz,
  to_start timestamptz,
  to_end timestamptz,
  reason text CHECK (length(reason) BETWEEN 1 AND 500),
  CHECK (kind <> 'moved' OR (from_start IS NOT NULL AND to_start IS NOT NULL)),
  CHECK (actor_role <> 'staff' OR actor_name IS NOT NULL)
);
CREATE INDEX booking_event_booking_idx ON booking_event (booking_id, at);

-- The lobby panel on every staff page asks "who is knocking now?" on each page view: a
-- partial index keeps that to the few rows that are knocking, however long the history.
CREATE INDEX meeting_participant_waiting_idx ON meeting_participant (booking_id) WHERE state = 'knocking' AND connected;
