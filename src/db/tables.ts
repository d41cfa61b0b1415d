import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../i18n/i18n.ts';
import type { FrontDoorTables } from './tables-front-door.ts';
import type { PaymentsTables } from './tables-payments.ts';
import type { PortalTables } from './tables-portal.ts';

/** The kinds of identity document an official may record having checked (never the number). */
export type IdentityDocument = 'id_card' | 'passport' | 'driving_licence' | 'other';

/** Row types of every table, as Kysely sees them: the counter's here, the portal's beside. */
export type Database = CounterTables & PortalTables & PaymentsTables & FrontDoorTables;

type CounterTables = {
  schema_migration: { version: number; name: string; applied_at: Generated<Date> };
  organisation: {
    id: Generated<string>;
    slug: string;
    country: 'SI' | 'CZ';
    default_language: 'sl' | 'cs' | 'en';
    time_zone: string;
    currency: string;
    name: Json<Localized>;
    description: JsonDefault<Localized>;
    brand_colour: string | null;
    logo_svg: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    created_at: Generated<Date>;
    /** Its submissions' reference numbers, e.g. `MUKO/{year}/{seq:5}` (submissions/reference.ts). */
    reference_pattern: Generated<string>;
    reminder_minutes: Generated<number[]>;
    mail_sender_name: string | null;
    mail_reply_to: string | null;
    /** The office's intake address, where submissions are mailed with their receipt (migration 034). */
    intake_email: string | null;
    /** Set while the organisation's online counter is suspended (migration 018). */
    suspended_at: Date | null;
    /** Set while a deletion is asked for; the organisation is suspended meanwhile. */
    deletion_requested_at: Date | null;
    /** IČO (CZ) or matična številka (SI): the notice board's open data names its operator by it (040). */
    registration_number: string | null;
  };
  office: {
    id: Generated<string>;
    organisation_id: string;
    slug: string;
    name: Json<Localized>;
    street: string;
    postcode: string;
    city: string;
    email: string | null;
    phone: string | null;
    time_zone: string | null;
    position: Generated<number>;
    active: Generated<boolean>;
  };
  office_hours: { office_id: string; weekday: number; opens: string; closes: string };
  service: {
    id: Generated<string>;
    organisation_id: string;
    slug: string;
    name: Json<Localized>;
    description: JsonDefault<Localized>;
    preparation: JsonDefault<Localized>;
    fee_note: JsonDefault<Localized>;
    fee_minor: number | null;
    duration_minutes: number;
    by_video: Generated<boolean>;
    in_person: Generated<boolean>;
    active: Generated<boolean>;
    position: Generated<number>;
    buffer_minutes: Generated<number>;
    capacity: Generated<number>;
    min_notice_minutes: Generated<number>;
    horizon_days: Generated<number>;
  };
  service_office: { service_id: string; office_id: string };
  staff: {
    id: Generated<string>;
    organisation_id: string;
    email: string;
    display_name: string;
    title: JsonDefault<Localized>;
    role: 'admin' | 'official';
    /** NULL while an invited account has not set its password yet. */
    password_hash: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
  };
  staff_office: { staff_id: string; office_id: string };
  service_official: { service_id: string; staff_id: string };
  staff_session: {
    token_hash: string;
    staff_id: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  };
  official_hours: {
    staff_id: string;
    office_id: string;
    weekday: number;
    starts: string;
    ends: string;
  };
  closure: {
    id: Generated<string>;
    organisation_id: string;
    office_id: string | null;
    day: string;
    note: JsonDefault<Localized>;
  };
  absence: { id: Generated<string>; staff_id: string; during: string; note: string | null };
  booking: {
    id: Generated<string>;
    organisation_id: string;
    office_id: string;
    service_id: string;
    staff_id: string;
    /** tstzrange as text: '[start,end)' */
    during: string;
    seat: number;
    state: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'locked';
    hold_expires_at: Date | null;
    citizen_name: string;
    citizen_email: string;
    citizen_phone: string | null;
    notes: string | null;
    created_at: Date;
    confirmed_at: Date | null;
    cancelled_at: Date | null;
    code_hash: string | null;
    code_attempts: Generated<number>;
    code_resends: Generated<number>;
    code_sent_at: Date | null;
    manage_token_hash: string | null;
    join_token_hash: string | null;
    ics_sequence: Generated<number>;
    language: Generated<'sl' | 'cs' | 'en'>;
    client_ip: string | null;
    /** The citizen account it belongs to (booked signed in, or claimed): migration 021. */
    citizen_account_id: Generated<string | null>;
  };
  mail_outbox: {
    id: Generated<string>;
    dedupe_key: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    ics: string | null;
    ics_method: 'REQUEST' | 'CANCEL' | null;
    state: Generated<'pending' | 'sent' | 'failed'>;
    attempts: Generated<number>;
    next_attempt_at: Date;
    claimed_until: Date | null;
    claimed_by: number | null;
    last_error: string | null;
    message_id: string | null;
    created_at: Date;
    sent_at: Date | null;
    from_name: string | null;
    reply_to: string | null;
  };
  /** Files attached to an outbox message (migration 034). */
  mail_attachments: {
    mail_id: string;
    position: number;
    filename: string;
    content_type: string;
    content: Uint8Array;
  };
  meeting: {
    booking_id: string;
    started_at: Date | null;
    ended_at: Date | null;
    ended_by: string | null;
    no_show: Generated<boolean>;
    identity_verified_at: Date | null;
    identity_verified_by: string | null;
    identity_document: IdentityDocument | null;
    minutes: Generated<string>;
    minutes_updated_at: Date | null;
  };
  meeting_guest: {
    id: Generated<string>;
    booking_id: string;
    display_name: string;
    token_hash: string;
    invited_by: string | null;
    created_at: Date;
  };
  meeting_participant: {
    id: Generated<string>;
    booking_id: string;
    role: 'citizen' | 'guest' | 'staff';
    staff_id: string | null;
    guest_id: string | null;
    display_name: string;
    state: 'knocking' | 'admitted' | 'denied' | 'removed' | 'left';
    connected: Generated<boolean>;
    knocked_at: Date | null;
    admitted_at: Date | null;
    left_at: Date | null;
    deny_message: string | null;
    browser_key: string | null;
  };
  meeting_chat: {
    id: Generated<string>;
    booking_id: string;
    participant_id: string;
    body: string;
    sent_at: Date;
    kind: Generated<'text' | 'folder'>;
  };
  folder_policy: {
    organisation_id: string;
    grace_minutes: number;
    allow_macros: Generated<boolean>;
  };
  privacy_settings: {
    organisation_id: string;
    retention_days: Generated<number>;
    dpo_name: string | null;
    dpo_email: string | null;
    postal_address: string | null;
    updated_at: Generated<Date>;
  };
  meeting_folder: {
    booking_id: string;
    organisation_id: string;
    opened_by: string | null;
    opened_at: Date;
    closes_at: Date;
    delete_at: Date;
    purged_at: Date | null;
    files_deleted: Generated<number>;
    /** bigint, read as a string to stay exact. */
    bytes_deleted: Generated<string>;
  };
  meeting_file: {
    id: Generated<string>;
    booking_id: string;
    storage_name: string;
    display_name: string;
    mime: string;
    size_bytes: number;
    sha256: string;
    uploaded_by: string | null;
    uploader_name: string;
    uploader_role: 'citizen' | 'guest' | 'staff';
    uploaded_at: Date;
    scan_state: 'clean' | 'unscanned' | 'infected';
    signature: string | null;
  };
  meeting_file_audit: {
    id: Generated<string>;
    booking_id: string;
    at: Date;
    action:
      | 'opened'
      | 'uploaded'
      | 'refused'
      | 'quarantined'
      | 'downloaded'
      | 'downloaded_all'
      | 'closed'
      | 'deleted';
    actor_role: 'citizen' | 'guest' | 'staff' | 'system' | null;
    actor_name: string | null;
    actor_staff_id: string | null;
    actor_guest_id: string | null;
    actor_ip: string | null;
    file_id: string | null;
    file_name: string | null;
    size_bytes: number | null;
    sha256: string | null;
    detail: string | null;
  };
  meeting_survey: {
    booking_id: string;
    rating: number;
    comment: string | null;
    submitted_at: Date;
  };
  meeting_relay: { id: Generated<string>; payload: string; created_at: Generated<Date> };
  rate_limit_window: { key: string; hits: number; ends_at: Date };
  sign_in_attempt: {
    id: Generated<string>;
    email: string;
    ip: string;
    succeeded: boolean;
    at: Date;
  };
  sign_in_daily: {
    organisation_id: string;
    day: string;
    succeeded: Generated<number>;
    failed: Generated<number>;
  };
  meeting_event: {
    id: Generated<string>;
    booking_id: string;
    at: Date;
    kind: 'no_show' | 'no_show_undone' | 'identity_checked' | 'identity_withdrawn';
    actor_staff_id: string | null;
    actor_name: string;
    document_type: IdentityDocument | null;
  };
  booking_event: {
    id: Generated<string>;
    booking_id: string;
    at: Date;
    kind: 'moved' | 'cancelled';
    actor_role: 'citizen' | 'staff';
    actor_staff_id: string | null;
    actor_name: string | null;
    from_start: Date | null;
    from_end: Date | null;
    to_start: Date | null;
    to_end: Date | null;
    reason: string | null;
  };
  audit_event: {
    id: Generated<string>;
    /** NULL: an installation-level (operator) event. */
    organisation_id: string | null;
    at: Date;
    actor_staff_id: string | null;
    actor_operator_id: Generated<string | null>;
    actor_name: string;
    actor_ip: string | null;
    action: string;
    object_type: string;
    object_id: string | null;
    summary: Generated<string>;
    detail: JsonDefault<Record<string, unknown>>;
  };
  operator: {
    id: Generated<string>;
    email: string;
    password_hash: string | null;
    totp_secret: string | null;
    totp_last_step: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
  };
  operator_session: {
    token_hash: string;
    operator_id: string;
    stage: 'code' | 'enrol' | 'full';
    pending_totp_secret: string | null;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  };
  invitation: {
    token_hash: string;
    operator_id: string | null;
    staff_id: string | null;
    invited_by: string;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
  };
  /** API tokens of an organisation for its systems (migration 029, src/integrations). */
  api_token: {
    id: Generated<string>;
    organisation_id: string;
    name: string;
    scopes: string[];
    token_hash: string;
    created_by: string;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
    revoked_by: string | null;
  };
  /** Failed bearer-token calls per address, for the rate limit (migration 029). */
  api_token_failure: {
    id: Generated<string>;
    ip: string;
    at: Date;
  };
  /** Citizen accounts (migration 019, src/citizens). */
  citizen_accounts: {
    id: Generated<string>;
    created_at: Date;
    given_name: string | null;
    family_name: string | null;
    /** A `date`, read as 'YYYY-MM-DD' (db.ts). */
    date_of_birth: string | null;
    address: string | null;
    identity_source: string | null;
    identity_updated_at: Date | null;
    email: string | null;
    email_verified: Generated<boolean>;
    phone: string | null;
    deleted_at: Date | null;
  };
  citizen_identities: {
    /** The identity's own id, for URLs (migration 025). */
    id: Generated<string>;
    provider_id: string;
    person_identifier: string;
    account_id: string;
    created_at: Date;
    last_sign_in_at: Date;
  };
  citizen_sessions: {
    token_hash: string;
    account_id: string;
    loa: 'low' | 'substantial' | 'high';
    provider_id: string;
    provider_session: JsonDefault<Record<string, string>>;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  };
  citizen_sign_in_codes: {
    id: Generated<string>;
    email: string;
    code_hash: string;
    organisation_id: string | null;
    ip: string | null;
    attempts: Generated<number>;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
    locked_at: Date | null;
    /** A code that adds the address as a way to sign in: its account and session (migration 025). */
    link_account_id: string | null;
    link_session_hash: string | null;
  };
  /** A pending change of an account's e-mail, by code to the new address (migration 023). */
  citizen_email_changes: {
    id: string;
    account_id: string;
    new_email: string;
    code_hash: string;
    ip: string | null;
    attempts: Generated<number>;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
    locked_at: Date | null;
  };
  citizen_sign_ins: {
    organisation_id: string | null;
    day: string;
    provider_id: string;
    loa: 'low' | 'substantial' | 'high';
    sign_ins: Generated<number>;
    new_accounts: Generated<number>;
  };
  organisation_eid_providers: { organisation_id: string; provider_id: string; enabled_at: Date };
  /** Requests a browser was sent to an eID provider with, both protocols (migrations 022, 024). */
  eid_requests: {
    id: string;
    provider_id: string;
    kind: 'saml_authn' | 'saml_logout' | 'oidc_authn';
    nonce: string | null;
    loa: 'low' | 'substantial' | 'high' | null;
    return_to: string | null;
    organisation_id: string | null;
    browser_hash: string | null;
    /** A sign-in that adds a way to an account: the account and its session (migration 025). */
    link_account_id: string | null;
    link_session_hash: string | null;
    /** A sign-in that authorises sending a draft: the draft and its account (migration 036). */
    act_draft_id: Generated<string | null>;
    act_account_id: Generated<string | null>;
    created_at: Date;
    expires_at: Date;
  };
  eid_replay: { provider_id: string; id: string; expires_at: Date };
};

/** jsonb columns: objects are written as JSON text and read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
export type JsonDefault<T> = ColumnType<T, string | undefined, string>;
