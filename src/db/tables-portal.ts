// Row types of the citizen portal's tables (issue 17 on), as Kysely sees them; the counter's
// are in tables.ts, which joins both into one Database. Kept in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../i18n/i18n.ts';
import type { Json, JsonDefault } from './tables.ts';

type SubmissionStateColumn = 'received' | 'in_progress' | 'needs_completion' | 'done' | 'refused';

export type PortalTables = {
  /** An organisation's forms (migration 026, src/forms). */
  forms: { id: Generated<string>; organisation_id: string; slug: string; created_at: Date };
  /** Versions of a form's definition; a published one never changes (migration 026's trigger). */
  form_versions: {
    form_id: string;
    version: number;
    definition: Json<unknown>;
    created_at: Date;
    updated_at: Date;
    published_at: Date | null;
    published_by: string | null;
  };
  /** An organisation's guide to a life situation (migration 027, src/situations). */
  life_situation: {
    id: Generated<string>;
    organisation_id: string;
    slug: string;
    title: Json<Localized>;
    summary: JsonDefault<Localized>;
    audience: JsonDefault<Localized>;
    preparation: JsonDefault<Localized>;
    fees: JsonDefault<Localized>;
    deadlines: JsonDefault<Localized>;
    legal_basis: JsonDefault<Localized>;
    department: JsonDefault<Localized>;
    video_path: string | null;
    captions_path: string | null;
    rpp_codes: ColumnType<string[], string[] | undefined, string[]>;
    /** The form engine's forms this situation offers, by slug (decision 035). */
    form_slugs: ColumnType<string[], string[] | undefined, string[]>;
    position: Generated<number>;
    updated_at: Generated<Date>;
  };
  life_situation_service: {
    situation_id: string;
    service_id: string;
    organisation_id: string;
    position: Generated<number>;
  };
  /** The last reference number given per organisation and year (migration 028). */
  submission_counter: { organisation_id: string; year: number; last: number };
  /** Citizens' submissions of forms (migration 028). */
  submissions: {
    id: Generated<string>;
    organisation_id: string;
    form_id: string;
    form_version: number;
    reference: string;
    year: number;
    seq: number;
    citizen_account_id: string | null;
    submitter: Json<unknown>;
    language: 'sl' | 'cs' | 'en';
    answers: Json<unknown>;
    state: Generated<SubmissionStateColumn>;
    receipt_token_hash: string;
    submitted_at: Date;
    /** What the sender named this sending (a draft's id), unique per organisation (migration 032). */
    idempotency_key: string | null;
    /** The storing transaction's id: the pull API's order (migration 035). */
    stored_xact: Generated<string>;
  };
  /** A submission's history, append-only: state changes and the citizen's answers (migration 035). */
  submission_events: {
    id: Generated<string>;
    submission_id: string;
    kind: 'state' | 'answer';
    from_state: SubmissionStateColumn | null;
    to_state: SubmissionStateColumn;
    actor_kind: 'staff' | 'citizen' | 'system';
    actor_staff_id: string | null;
    actor_name: string | null;
    message: string | null;
    at: Date;
  };
  /** Links to the thread of a submission sent without an account: SHA-256 of the token (035). */
  submission_thread_links: { token_hash: string; submission_id: string; created_at: Date };
  submission_receipts: { submission_id: string; pdf: Uint8Array; sha256: string; created_at: Date };
  /** The proof of an act authorised by a fresh eID sign-in (migration 036, forms/act.ts). */
  submission_act_authorisations: {
    submission_id: string;
    method: 'fresh_eid_sign_in';
    provider_id: string;
    protocol: 'saml' | 'oidc';
    authn_instant: Date;
    response_id: string;
    loa: 'substantial' | 'high';
    response_sha256: string;
    authorised_at: Date;
  };
  /** Citizens' drafts of answers, saved page by page (migration 030, src/forms/drafts.ts). */
  form_drafts: {
    id: Generated<string>;
    form_id: string;
    version: number;
    account_id: string | null;
    email: string | null;
    language: 'sl' | 'cs' | 'en';
    answers: Json<Record<string, unknown>>;
    created_at: Date;
    updated_at: Date;
    expires_at: Date | null;
    deleted_at: Date | null;
  };
  /** Files attached to a draft, then to its submission (migration 033, src/forms/attachments.ts). */
  form_attachments: {
    id: Generated<string>;
    draft_id: string | null;
    submission_id: string | null;
    field: string;
    name: string;
    mime: string;
    size_bytes: number;
    sha256: string;
    scan: 'clean' | 'unscanned';
    area: string;
    storage_name: string;
    uploaded_at: Date;
  };
  /** Resume links of drafts without an account: SHA-256 of the token (migration 030). */
  form_draft_links: { token_hash: string; draft_id: string; created_at: Date; expires_at: Date };
  /** Where an organisation's submissions are posted, signed (migration 031). */
  submission_webhooks: {
    id: Generated<string>;
    organisation_id: string;
    url: string;
    secret: string;
    created_at: Date;
    disabled_at: Date | null;
  };
  /** One submission's delivery to one webhook, with its attempts (migration 031). */
  submission_deliveries: {
    id: Generated<string>;
    submission_id: string;
    /** Null for an e-mail delivery, and once its receiver was removed (migration 034). */
    webhook_id: string | null;
    channel: Generated<'webhook' | 'email'>;
    /** Where it goes, as when it was queued: the URL or the intake address. */
    target: string | null;
    /** An e-mail delivery's outbox message, once handed over. */
    mail_id: string | null;
    failed_at: Date | null;
    state: Generated<'queued' | 'delivered' | 'failed'>;
    attempts: Generated<number>;
    next_attempt_at: Date | null;
    last_status: number | null;
    last_error: string | null;
    delivered_at: Date | null;
    created_at: Date;
  };
  /** The daily digest of failed deliveries sent for an organisation's local day (migration 034). */
  submission_delivery_digests: {
    organisation_id: string;
    local_date: string;
    failures: number;
    sent_at: Date;
  };
};
