// Row types of the organisation's front door (issue 19, migration 040): departments and their
// people, the official notice board, the organisation's news and its accessibility statement, as
// Kysely sees them; tables.ts joins them into one Database.
import type { Generated } from 'kysely';
import type { Localized } from '../i18n/i18n.ts';
import type { Json, JsonDefault } from './tables.ts';

/** A date column: a calendar day as 'YYYY-MM-DD' on both databases (db.ts). */
type DateColumn = string;

/** A notice's category (migration 040's check); its words per language are the i18n's. */
export type NoticeCategory =
  | 'decision'
  | 'public_decree'
  | 'public_notice'
  | 'auction'
  | 'vacancy'
  | 'council'
  | 'planning'
  | 'environment'
  | 'tender'
  | 'elections'
  | 'lost_property'
  | 'other';

export type FrontDoorTables = {
  departments: {
    id: Generated<string>;
    organisation_id: string;
    parent_id: string | null;
    slug: string;
    name: Json<Localized>;
    description: JsonDefault<Localized>;
    email: string | null;
    phone: string | null;
    location: JsonDefault<Localized>;
    office_hours: JsonDefault<Localized>;
    position: Generated<number>;
    created_at: Date;
    updated_at: Date;
  };
  /** Shown to the public only while published, which needs a recorded consent (the check). */
  department_people: {
    id: Generated<string>;
    organisation_id: string;
    department_id: string;
    full_name: string;
    role: JsonDefault<Localized>;
    email: string | null;
    phone: string | null;
    room: string | null;
    office_hours: JsonDefault<Localized>;
    staff_id: string | null;
    published: Generated<boolean>;
    consent_recorded_at: Date | null;
    consent_recorded_by: string | null;
    position: Generated<number>;
    created_at: Date;
    updated_at: Date;
  };
  department_services: { department_id: string; service_id: string };
  department_situations: { department_id: string; situation_id: string };
  notices: {
    id: Generated<string>;
    organisation_id: string;
    /** Per organisation from 1: the notice's public address /o/{org}/notices/{number}. */
    number: number;
    created_at: Date;
    created_by: string | null;
    withdrawn_at: Date | null;
    withdrawn_by: string | null;
    withdrawal_reason: string | null;
  };
  /** Append-only (migration 040's trigger): a correction is a new version. */
  notice_versions: {
    notice_id: string;
    version: number;
    language: 'sl' | 'cs' | 'en';
    title: string;
    body: string;
    category: NoticeCategory;
    reference_number: string | null;
    file_mark: string | null;
    department_id: string | null;
    department_name: string | null;
    post_on: DateColumn;
    remove_after: DateColumn | null;
    correction_note: string | null;
    created_at: Date;
    created_by: string | null;
  };
  notice_files: {
    id: Generated<string>;
    notice_id: string;
    name: string;
    mime: string;
    size_bytes: number;
    sha256: string;
    scan: 'clean' | 'unscanned';
    area: string;
    storage_name: string;
    uploaded_at: Date;
    uploaded_by: string | null;
  };
  /** Append-only: which files each version carries, in order. */
  notice_version_files: { notice_id: string; version: number; file_id: string; position: number };
  /** Append-only; posted and taken_down once per notice (a unique index). */
  notice_events: {
    id: Generated<string>;
    notice_id: string;
    kind: 'posted' | 'corrected' | 'taken_down' | 'withdrawn';
    version: number;
    at: Date;
    actor_staff_id: string | null;
  };
  organisation_news: {
    id: Generated<string>;
    organisation_id: string;
    title: Json<Localized>;
    body: JsonDefault<Localized>;
    published_on: DateColumn;
    shown_until: DateColumn | null;
    created_at: Date;
    updated_at: Date;
    created_by: string | null;
  };
  accessibility_statements: {
    organisation_id: string;
    compliance: 'full' | 'partial' | 'none';
    non_accessible: JsonDefault<Localized>;
    prepared_on: DateColumn;
    reviewed_on: DateColumn | null;
    method: 'self' | 'third_party';
    feedback_email: string | null;
    feedback_phone: string | null;
    updated_at: Date;
    updated_by: string | null;
  };
};
