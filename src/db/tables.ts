import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../i18n/i18n.ts';

/** Row types of every table, as Kysely sees them. Kept in step with migrations/. */
export type Database = {
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
    reminder_minutes: Generated<number[]>;
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
    password_hash: string;
    active: Generated<boolean>;
    created_at: Generated<Date>;
  };
  staff_office: { staff_id: string; office_id: string };
  service_official: { service_id: string; staff_id: string };
  staff_session: { token_hash: string; staff_id: string; created_at: Date; last_seen_at: Date; expires_at: Date };
  official_hours: { staff_id: string; office_id: string; weekday: number; starts: string; ends: string };
  closure: { id: Generated<string>; organisation_id: string; office_id: string | null; day: string; note: JsonDefault<Localized> };
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
    last_error: string | null;
    message_id: string | null;
    created_at: Date;
    sent_at: Date | null;
  };
  sign_in_attempt: { id: Generated<string>; email: string; ip: string; succeeded: boolean; at: Date };
};

/** jsonb columns: objects are written as JSON text and read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
