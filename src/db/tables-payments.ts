// Row types of the local fees' tables (issue 18, migration 038, src/payments), as Kysely sees
// them; tables.ts joins them into one Database. Money is bigint in SQL: `pg` hands it back as a
// string and PGlite as a number, so the columns are typed as what Kysely may return, and the repo
// turns them into numbers (minor units stay far below 2^53).
import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../i18n/i18n.ts';
import type { Json } from './tables.ts';

/** A bigint column of minor units: read as a string (pg) or number (PGlite), written as a number. */
type Minor = ColumnType<string | number, number, number>;
/** A date column: a calendar day as 'YYYY-MM-DD' on both databases (db.ts). */
type DateColumn = string;

export type PaymentsTables = {
  payment_settings: {
    organisation_id: string;
    payee_name: string;
    payee_street: string | null;
    payee_city: string | null;
    iban: string;
    bic: string | null;
    qr_format: 'spayd' | 'upn' | 'epc';
    purpose_code: Generated<string>;
    birth_number_lookup: Generated<boolean>;
    birth_number_legal_basis: Json<Localized> | null;
    updated_at: Date;
  };
  fee_types: {
    id: Generated<string>;
    organisation_id: string;
    code: string;
    name: Json<Localized>;
    basis: 'person' | 'household' | 'object';
    created_at: Date;
    /** 1..99: the two digits of the variable symbols allocated for it (migration 039). */
    number: number | null;
    /** The organisation's form whose submission creates an obligation of this fee (migration 039). */
    form_slug: string | null;
  };
  fee_rates: {
    fee_type_id: string;
    effective_from: DateColumn;
    amount_minor: Minor;
    ordinance: string;
    created_at: Date;
  };
  obligations: {
    id: Generated<string>;
    organisation_id: string;
    fee_type_id: string;
    variable_symbol: string;
    payer_name: string;
    payer_name_key: string;
    birth_number_hmac: string | null;
    citizen_account_id: string | null;
    subject: string | null;
    period: string;
    amount_minor: Minor;
    currency: string;
    due_date: DateColumn;
    source: 'staff' | 'form' | 'import';
    submission_id: string | null;
    created_at: Date;
    created_by: string | null;
    cancelled_at: Date | null;
    /** Where receipts and reminders go, when known (migration 039). */
    payer_email: string | null;
  };
  obligation_instalments: {
    obligation_id: string;
    seq: number;
    due_date: DateColumn;
    amount_minor: Minor;
  };
  payment_tokens: {
    token_hash: string;
    obligation_id: string;
    receipt_email: string | null;
    created_at: Date;
    expires_at: Date;
  };
  card_payments: {
    id: Generated<string>;
    organisation_id: string;
    obligation_id: string;
    gateway: 'gpwebpay';
    order_number: ColumnType<string | number, never, never>;
    amount_minor: Minor;
    currency: string;
    state: 'started' | 'paid' | 'declined' | 'cancelled' | 'expired';
    receipt_email: string | null;
    citizen_account_id: string | null;
    started_at: Date;
    settled_at: Date | null;
    gateway_answer: Json<Record<string, string>> | null;
  };
  bank_statements: {
    id: Generated<string>;
    organisation_id: string;
    format: 'abo' | 'camt053';
    account: string;
    statement_number: string | null;
    statement_date: DateColumn | null;
    file_name: string;
    sha256: string;
    imported_at: Date;
    imported_by: string | null;
  };
  statement_lines: {
    id: Generated<string>;
    organisation_id: string;
    statement_id: string;
    line_key: string;
    booked_on: DateColumn;
    amount_minor: Minor;
    currency: string;
    variable_symbol: string | null;
    constant_symbol: string | null;
    specific_symbol: string | null;
    counter_account: string | null;
    counter_name: string | null;
    message: string | null;
  };
  payments: {
    id: Generated<string>;
    organisation_id: string;
    obligation_id: string | null;
    method: 'bank' | 'card' | 'cash';
    amount_minor: Minor;
    currency: string;
    received_on: DateColumn;
    statement_line_id: string | null;
    card_payment_id: string | null;
    recorded_at: Date;
    recorded_by: string | null;
    assigned_at: Date | null;
    assigned_by: string | null;
  };
  payment_receipts: { payment_id: string; pdf: Uint8Array; sha256: string; created_at: Date };
};
