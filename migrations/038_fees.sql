-- Local fees (issue 18, decision 043): what an organisation charges, what each person owes, and
-- how it was paid. Money is in integer minor units (haléře, cents) with the organisation's
-- currency; never a float. Rows that record money received are never updated after the fact
-- except for the fields a state change names (a card payment settling, a statement line being
-- assigned by hand), and every such change is in the audit log.

-- Who is paid and how the bank QR code reads, per organisation (src/payments/settings).
CREATE TABLE payment_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  payee_name text NOT NULL CHECK (length(payee_name) BETWEEN 1 AND 70),
  payee_street text CHECK (length(payee_street) <= 33),
  payee_city text CHECK (length(payee_city) <= 33),
  -- Electronic IBAN form, no spaces; the service checks mod 97 and the country's format.
  iban text NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  bic text CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
  -- spayd: Czech QR Platba; upn: Slovenian UPN QR; epc: SEPA credit transfer elsewhere.
  qr_format text NOT NULL CHECK (qr_format IN ('spayd', 'upn', 'epc')),
  -- UPN QR's purpose code (ISO 20022 ExternalPurpose1Code, four capitals).
  purpose_code text NOT NULL DEFAULT 'OTHR' CHECK (purpose_code ~ '^[A-Z]{4}$'),
  -- Paying without signing in by birth number is off unless the organisation states its legal
  -- basis for processing it (seed 002); the basis is shown beside the field.
  birth_number_lookup boolean NOT NULL DEFAULT false,
  birth_number_legal_basis jsonb CHECK (jsonb_typeof(birth_number_legal_basis) = 'object'),
  updated_at timestamptz NOT NULL,
  CHECK (NOT birth_number_lookup OR birth_number_legal_basis IS NOT NULL)
);

-- Kinds of fee (dog, waste, public space, …).
CREATE TABLE fee_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 40),
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  -- Whom one obligation is for: a person, a household, or an object (a dog, a property).
  basis text NOT NULL CHECK (basis IN ('person', 'household', 'object')),
  created_at timestamptz NOT NULL,
  UNIQUE (organisation_id, code),
  UNIQUE (id, organisation_id)
);

-- A fee's rate, versioned by the ordinance that set it: the rate on a day is the row with the
-- latest effective_from on or before it. Rows are added, never changed (a new ordinance is a new row).
CREATE TABLE fee_rates (
  fee_type_id uuid NOT NULL REFERENCES fee_types (id) ON DELETE CASCADE,
  effective_from date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0 AND amount_minor < 10000000000),
  ordinance text NOT NULL CHECK (length(ordinance) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (fee_type_id, effective_from)
);

-- What one payer owes for one fee and period. The variable symbol identifies it in payments:
-- digits without leading zeros, because banks drop them (standards.md §4: match numerically).
CREATE TABLE obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  fee_type_id uuid NOT NULL,
  variable_symbol text NOT NULL CHECK (variable_symbol ~ '^[1-9][0-9]{0,9}$'),
  payer_name text NOT NULL CHECK (length(payer_name) BETWEEN 1 AND 200),
  -- payer_name folded for the lookup without signing in (lower case, no diacritics, one space).
  payer_name_key text NOT NULL CHECK (length(payer_name_key) BETWEEN 1 AND 200),
  -- HMAC-SHA-256 of the birth number under the installation's secret, when it is known; never
  -- the number itself.
  birth_number_hmac text CHECK (birth_number_hmac ~ '^[0-9a-f]{64}$'),
  citizen_account_id uuid REFERENCES citizen_accounts (id) ON DELETE SET NULL,
  -- What it is for: the dog, the property, the address (shown to the payer).
  subject text CHECK (length(subject) <= 200),
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0 AND amount_minor < 10000000000),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The last instalment's due date (or the only one's).
  due_date date NOT NULL,
  source text NOT NULL CHECK (source IN ('staff', 'form', 'import')),
  submission_id uuid REFERENCES submissions (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  cancelled_at timestamptz,
  UNIQUE (organisation_id, variable_symbol),
  UNIQUE (id, organisation_id),
  FOREIGN KEY (fee_type_id, organisation_id) REFERENCES fee_types (id, organisation_id)
);
CREATE INDEX obligations_account_idx ON obligations (citizen_account_id)
  WHERE citizen_account_id IS NOT NULL;
CREATE INDEX obligations_due_idx ON obligations (organisation_id, due_date);

-- Instalments of an obligation (at least one); their amounts add up to the obligation's (the
-- service writes both in one transaction and checks it).
CREATE TABLE obligation_instalments (
  obligation_id uuid NOT NULL REFERENCES obligations (id) ON DELETE CASCADE,
  seq smallint NOT NULL CHECK (seq BETWEEN 1 AND 24),
  due_date date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  PRIMARY KEY (obligation_id, seq)
);

-- A payer's access to one obligation's payment page without signing in: the SHA-256 of a random
-- token (as every other token here), short-lived, with the e-mail the receipt goes to.
CREATE TABLE payment_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  obligation_id uuid NOT NULL REFERENCES obligations (id) ON DELETE CASCADE,
  receipt_email text CHECK (receipt_email = lower(receipt_email) AND length(receipt_email) <= 254),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX payment_tokens_expiry_idx ON payment_tokens (expires_at);

-- A card payment through a gateway (GP webpay). order_number is the gateway's ORDERNUMBER: a
-- number of our sequence, so that a retried start never reuses one. The state becomes 'paid' only
-- after the gateway confirmed it by its own signed answer to our status query.
CREATE SEQUENCE card_order_number_seq START 100001;
CREATE TABLE card_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  obligation_id uuid NOT NULL,
  gateway text NOT NULL CHECK (gateway IN ('gpwebpay')),
  order_number bigint NOT NULL UNIQUE DEFAULT nextval('card_order_number_seq'),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  state text NOT NULL CHECK (state IN ('started', 'paid', 'declined', 'cancelled', 'expired')),
  receipt_email text CHECK (receipt_email = lower(receipt_email) AND length(receipt_email) <= 254),
  citizen_account_id uuid REFERENCES citizen_accounts (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL,
  settled_at timestamptz,
  -- The gateway's signed answer that settled it, as received (PRCODE, SRCODE, …).
  gateway_answer jsonb,
  CHECK ((state = 'started') = (settled_at IS NULL)),
  FOREIGN KEY (obligation_id, organisation_id) REFERENCES obligations (id, organisation_id)
);
CREATE INDEX card_payments_started_idx ON card_payments (started_at) WHERE state = 'started';

-- An imported bank statement (ABO/GPC or camt.053). The same file twice is refused by its hash.
CREATE TABLE bank_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('abo', 'camt053')),
  account text NOT NULL CHECK (length(account) BETWEEN 1 AND 64),
  statement_number text CHECK (length(statement_number) <= 64),
  statement_date date,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  imported_at timestamptz NOT NULL,
  imported_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  UNIQUE (organisation_id, sha256)
);

-- A credit line of a statement. line_key identifies the bank's transaction across statement
-- files (the bank's reference, or a digest of its fields and its ordinal among identical lines),
-- so that overlapping statements count a payment once.
CREATE TABLE statement_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  statement_id uuid NOT NULL REFERENCES bank_statements (id) ON DELETE CASCADE,
  line_key text NOT NULL CHECK (length(line_key) BETWEEN 1 AND 200),
  booked_on date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  variable_symbol text CHECK (variable_symbol ~ '^[1-9][0-9]{0,9}$'),
  constant_symbol text CHECK (constant_symbol ~ '^[0-9]{1,10}$'),
  specific_symbol text CHECK (specific_symbol ~ '^[0-9]{1,10}$'),
  counter_account text CHECK (length(counter_account) <= 64),
  counter_name text CHECK (length(counter_name) <= 140),
  message text CHECK (length(message) <= 500),
  UNIQUE (organisation_id, line_key)
);

-- Money received for an obligation: by bank (a statement line), by card, or recorded by staff.
-- A payment without an obligation is an unmatched bank line waiting for staff to assign it;
-- assigning it sets obligation_id once (the audit log says who and when). Partial and over
-- payments are kept as they came: what is due is the obligation's amount less their sum.
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  obligation_id uuid,
  method text NOT NULL CHECK (method IN ('bank', 'card', 'cash')),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  received_on date NOT NULL,
  statement_line_id uuid UNIQUE REFERENCES statement_lines (id),
  card_payment_id uuid UNIQUE REFERENCES card_payments (id),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  assigned_at timestamptz,
  assigned_by uuid REFERENCES staff (id) ON DELETE SET NULL,
  CHECK ((method = 'bank') = (statement_line_id IS NOT NULL)),
  CHECK ((method = 'card') = (card_payment_id IS NOT NULL)),
  CHECK (method = 'bank' OR obligation_id IS NOT NULL),
  FOREIGN KEY (obligation_id, organisation_id) REFERENCES obligations (id, organisation_id)
);
CREATE INDEX payments_obligation_idx ON payments (obligation_id) WHERE obligation_id IS NOT NULL;
CREATE INDEX payments_unmatched_idx ON payments (organisation_id, received_on)
  WHERE obligation_id IS NULL;

-- A PDF receipt per payment, rendered once and kept (as a submission's receipt).
CREATE TABLE payment_receipts (
  payment_id uuid PRIMARY KEY REFERENCES payments (id) ON DELETE CASCADE,
  pdf bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL
);
