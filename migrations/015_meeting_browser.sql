-- A link alone is no key to someone's place in a meeting (issue 12). Each browser that opens a
-- join or guest link is a participant of its own, known by a key its cookie proves
-- (src/meeting/browser.ts): a reload or reconnect in that browser comes back to its row (an
-- admitted participant stays admitted), another browser on the same link knocks as a new
-- participant and the official decides. Rows from before have no key and are never matched.
ALTER TABLE meeting_participant ADD COLUMN browser_key text;
DROP INDEX meeting_participant_citizen_idx;
DROP INDEX meeting_participant_guest_idx;
CREATE UNIQUE INDEX meeting_participant_citizen_idx ON meeting_participant (booking_id, browser_key) WHERE role = 'citizen';
CREATE UNIQUE INDEX meeting_participant_guest_idx ON meeting_participant (guest_id, browser_key) WHERE role = 'guest';
