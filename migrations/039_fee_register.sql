-- The fee register (issue 18, decision 043). A fee type's number is the two digits of the
-- variable symbols allocated for it (YY FF SSSSSS, src/payments/domain.ts); form_slug names the
-- organisation's form whose submission creates an obligation of this fee (the dog notice makes
-- the dog fee). The service always gives a number; the column allows none so that rows written
-- before this migration (and other domains' test fixtures) stay valid: such a fee type gets
-- symbols only when given one.
ALTER TABLE fee_types ADD COLUMN number smallint CHECK (number BETWEEN 1 AND 99);
ALTER TABLE fee_types ADD CONSTRAINT fee_types_number_key UNIQUE (organisation_id, number);
ALTER TABLE fee_types ADD COLUMN form_slug text CHECK (length(form_slug) <= 80);
CREATE UNIQUE INDEX fee_types_form_idx ON fee_types (organisation_id, form_slug)
  WHERE form_slug IS NOT NULL;
-- A submission makes at most one obligation, whatever retries the event.
CREATE UNIQUE INDEX obligations_submission_idx ON obligations (submission_id)
  WHERE submission_id IS NOT NULL;
-- Where the payer's receipts and reminders go, when the office or the finance system knows it.
ALTER TABLE obligations ADD COLUMN payer_email text
  CHECK (payer_email = lower(payer_email) AND length(payer_email) <= 254);
