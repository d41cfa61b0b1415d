-- Delivery of submissions to the office (issue 17, decision 040): by e-mail to the
-- organisation's intake address with the receipt attached, beside the signed webhooks of
-- migration 031; the states staff see, and the daily digest of failures.

-- The office's intake address (Czech "e-mail podatelny", Slovenian "vložišče"): a submission is
-- mailed there with its receipt when it is set.
ALTER TABLE organisation
  ADD COLUMN intake_email text CHECK (length(intake_email) BETWEEN 3 AND 254);

-- Files attached to an outbox message, written in the transaction that queues it, so a message
-- and its attachments are sent together or not at all (the worker reads them when it sends).
CREATE TABLE mail_attachments (
  mail_id uuid NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position >= 0),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  content bytea NOT NULL,
  PRIMARY KEY (mail_id, position)
);

-- A delivery is by webhook or by e-mail. It names where it goes as it was when queued
-- (`target`: the URL or the address), so that staff still see it after a receiver is removed;
-- a removed receiver leaves its deliveries with no webhook. An e-mail delivery is handed to the
-- outbox once (`mail_id`) and takes the outbox row's outcome: delivered when the SMTP server
-- accepted it.
ALTER TABLE submission_deliveries
  ADD COLUMN channel text NOT NULL DEFAULT 'webhook' CHECK (channel IN ('webhook', 'email')),
  ADD COLUMN target text CHECK (length(target) <= 2000),
  ADD COLUMN mail_id uuid REFERENCES mail_outbox (id) ON DELETE SET NULL,
  ADD COLUMN failed_at timestamptz,
  ALTER COLUMN webhook_id DROP NOT NULL,
  DROP CONSTRAINT submission_deliveries_webhook_id_fkey,
  ADD CONSTRAINT submission_deliveries_webhook_id_fkey FOREIGN KEY (webhook_id)
    REFERENCES submission_webhooks (id) ON DELETE SET NULL;
UPDATE submission_deliveries d SET target = w.url FROM submission_webhooks w
  WHERE w.id = d.webhook_id;
-- A delivery given up before this migration counts as failed when it was queued.
UPDATE submission_deliveries SET failed_at = created_at WHERE state = 'failed';
ALTER TABLE submission_deliveries
  ADD CHECK (channel = 'webhook' OR webhook_id IS NULL),
  ADD CHECK ((state = 'failed') = (failed_at IS NOT NULL));
-- One e-mail delivery per submission (a webhook delivery is one per receiver, migration 031).
CREATE UNIQUE INDEX submission_deliveries_email_idx ON submission_deliveries (submission_id)
  WHERE channel = 'email';
-- The staff's list, newest first, and the digest's failures since the last one.
CREATE INDEX submission_deliveries_created_idx ON submission_deliveries (created_at, id);
CREATE INDEX submission_deliveries_failed_idx ON submission_deliveries (failed_at)
  WHERE state = 'failed';

-- The daily digest of failed deliveries, one per organisation and local day: the row is
-- inserted in the transaction that queues the digest's mail, so two instances, or a restart,
-- never send a day's digest twice.
CREATE TABLE submission_delivery_digests (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  local_date date NOT NULL,
  failures integer NOT NULL CHECK (failures >= 1),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, local_date)
);
