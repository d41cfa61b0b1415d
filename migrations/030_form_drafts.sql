-- Citizens' drafts of answers to forms (issue 17, decision 038). Each page is written here as it
-- is posted, so a crash or a restart never loses a saved page. A draft keeps the published
-- version it was started on (a newer one carries over the answers that still fit).
CREATE TABLE form_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id uuid NOT NULL,
  version integer NOT NULL,
  -- Whose it is: a signed-in citizen's account, or (without an account) the e-mail address its
  -- resume links go to. An account's deletion takes its drafts with it.
  account_id uuid REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  language text NOT NULL CHECK (language IN ('sl', 'cs', 'en')),
  answers jsonb NOT NULL CHECK (
    jsonb_typeof(answers) = 'object' AND octet_length(answers::text) <= 1048576
  ),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Without an account: when its last resume link runs out; the draft goes then.
  expires_at timestamptz,
  -- Deleted by its holder: restorable for a while (drafts.ts RESTORE_DAYS), then purged.
  deleted_at timestamptz,
  FOREIGN KEY (form_id, version) REFERENCES form_versions (form_id, version) ON DELETE CASCADE,
  CHECK ((account_id IS NULL) = (email IS NOT NULL)),
  CHECK ((account_id IS NULL) = (expires_at IS NOT NULL))
);
-- One live draft per form and person: a second start finds the first ("continue your draft?").
CREATE UNIQUE INDEX form_drafts_one_per_account ON form_drafts (form_id, account_id)
  WHERE deleted_at IS NULL AND account_id IS NOT NULL;
CREATE UNIQUE INDEX form_drafts_one_per_email ON form_drafts (form_id, email)
  WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX form_drafts_account ON form_drafts (account_id) WHERE account_id IS NOT NULL;

-- Resume links of drafts without an account: the token is 256 random bits, stored only as its
-- SHA-256, good for opening this one draft and nothing else, until it expires.
CREATE TABLE form_draft_links (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  draft_id uuid NOT NULL REFERENCES form_drafts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX form_draft_links_draft ON form_draft_links (draft_id);
