-- Organisation administration (issue 6, part B): offices can be deactivated, and mail to
-- citizens carries the organisation's own sender name and reply-to address.

-- A deactivated office leaves the citizen pages; its bookings stay (and keep working).
ALTER TABLE office ADD COLUMN active boolean NOT NULL DEFAULT true;

-- The From address stays the installation's MAIL_FROM (SPF/DKIM are set up for it); the
-- organisation chooses only the display name and where replies go.
ALTER TABLE organisation ADD COLUMN mail_sender_name text CHECK (length(mail_sender_name) BETWEEN 1 AND 100);
ALTER TABLE organisation ADD COLUMN mail_reply_to text CHECK (length(mail_reply_to) BETWEEN 3 AND 254);

-- What the worker puts on the message, fixed when it is queued (a later settings change does
-- not rewrite mail already waiting).
ALTER TABLE mail_outbox ADD COLUMN from_name text;
ALTER TABLE mail_outbox ADD COLUMN reply_to text;
