-- Submissions of forms (issue 17, decision 036): each organisation's pattern of reference numbers
-- and a counter per organisation and year. The counter is moved inside the transaction that
-- stores the submission (submissions/counter.ts), so a number is taken exactly when its
-- submission is stored: unique, and without gaps, since a transaction that fails takes it back.
ALTER TABLE organisation
  ADD COLUMN reference_pattern text NOT NULL DEFAULT '{year}/{seq:5}'
  CHECK (length(reference_pattern) BETWEEN 1 AND 40);

CREATE TABLE submission_counter (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  year smallint NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  last integer NOT NULL CHECK (last >= 1),
  PRIMARY KEY (organisation_id, year)
);

-- A submission: the answers as sent, against the published form version they were filled in
-- (which never changes, migration 026), with its reference number. The receipt is made after
-- the submission is stored and kept beside it; it is the same bytes whenever it is made again
-- (forms/receipt), so a crash between the two loses nothing.
CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  form_id uuid NOT NULL,
  form_version integer NOT NULL,
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  year smallint NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  -- Who sent it: the account when signed in (kept if the account goes), and what the receipt
  -- names (names, address, e-mail) in every case.
  citizen_account_id uuid REFERENCES citizen_accounts (id) ON DELETE SET NULL,
  submitter jsonb NOT NULL CHECK (jsonb_typeof(submitter) = 'object'),
  language text NOT NULL CHECK (language IN ('sl', 'cs', 'en')),
  answers jsonb NOT NULL CHECK (
    jsonb_typeof(answers) = 'object' AND octet_length(answers::text) <= 1048576
  ),
  state text NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'in_progress', 'needs_completion', 'done', 'refused')),
  -- The SHA-256 of the token in the receipt's link: whoever has the link may read the receipt.
  receipt_token_hash text NOT NULL UNIQUE CHECK (receipt_token_hash ~ '^[0-9a-f]{64}$'),
  submitted_at timestamptz NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version),
  UNIQUE (organisation_id, reference),
  UNIQUE (organisation_id, year, seq)
);
CREATE INDEX submissions_citizen_idx ON submissions (citizen_account_id, submitted_at);
CREATE INDEX submissions_organisation_idx ON submissions (organisation_id, submitted_at, id);

CREATE TABLE submission_receipts (
  submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  pdf bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL
);
