-- Deliveries of submissions to an office's systems by signed webhooks (issue 17, decision 036).
-- A delivery is queued in the transaction that stores its submission, so a crash between the two
-- cannot lose one; it is delivered only when the receiver answered 2xx, never on enqueue.
CREATE TABLE submission_webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  -- The Standard Webhooks secret the receiver checks signatures with (whsec_ + base64).
  secret text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]+=*$'),
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);

CREATE TABLE submission_deliveries (
  -- Also the message's webhook-id (msg_<id>): the same on every retry.
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  webhook_id uuid NOT NULL REFERENCES submission_webhooks (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- When it is due; while an attempt runs, pushed ahead as that attempt's claim.
  next_attempt_at timestamptz,
  last_status integer,
  last_error text CHECK (length(last_error) <= 500),
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (submission_id, webhook_id),
  CHECK ((state = 'queued') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX submission_deliveries_due_idx ON submission_deliveries (next_attempt_at)
  WHERE state = 'queued';
