/**
 * What anonymising a booking does to every table, as data: a repository translates it into
 * SQL, and the types below tie it to `Database`, so adding, renaming or dropping a column or a
 * table fails the build here until someone decides what happens to its personal data.
 */
import type { SelectType } from 'kysely';
import type { Database } from '../db/tables.ts';
import { FRONT_DOOR_PLAN } from './anonymisation-front-door.ts';
import { PAYMENTS_PLAN } from './anonymisation-payments.ts';
import { SUBMISSIONS_PLAN } from './anonymisation-submissions.ts';

/**
 * What an anonymised name reads as. A dash is language-neutral, so a view that shows it
 * untranslated still reads as "no value"; it fits the display-name CHECKs (1 to 80 characters).
 */
export const ANONYMISED = '—';

// RFC 6761 §6.4: names under .invalid never resolve, so a mail to the placeholder cannot be
// delivered anywhere. The subdomain keeps the address valid for validators that want a dot.
const PLACEHOLDER_PREFIX = 'anonymised+';
const PLACEHOLDER_DOMAIN = '@anonymised.invalid';
const PLACEHOLDER_PATTERN = /^anonymised\+[0-9a-f-]{36}@anonymised\.invalid$/;

/**
 * The email an anonymised booking keeps: citizen_email is NOT NULL, and a per-booking address
 * keeps anonymised bookings from grouping together as "one person" in any query by email.
 */
export function placeholderEmail(bookingId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw new RangeError(`not a booking id: ${bookingId}`);
  return `${PLACEHOLDER_PREFIX}${bookingId.toLowerCase()}${PLACEHOLDER_DOMAIN}`;
}

/** True for an address made by placeholderEmail: never send to it, never export for it. */
export function isPlaceholderEmail(address: string): boolean {
  return PLACEHOLDER_PATTERN.test(address.trim().toLowerCase());
}

/** True once a booking has been anonymised; the job uses it to skip rows it already did. */
export function isAnonymisedBooking(row: { citizen_email: string }): boolean {
  return isPlaceholderEmail(row.citizen_email);
}

/** The SQL translation of the placeholder: `prefix || booking.id || suffix`. */
export const PLACEHOLDER_EMAIL_PARTS = {
  prefix: PLACEHOLDER_PREFIX,
  suffix: PLACEHOLDER_DOMAIN,
} as const;

/**
 * Prefixes of the outbox dedupe keys that name a booking (`<prefix>:<booking id>:…`): the outbox
 * has no booking_id column, so these keys are how its rows are found (src/booking/lifecycle.ts).
 */
export const BOOKING_MAIL_PREFIXES = ['booking', 'code', 'reminder'] as const;

/**
 * Prefixes of outbox keys of mail to staff and operators, never to citizens: `invitation:<hash of
 * the link's token>` (src/identity/invitations.ts), a submission to the office's intake address
 * (`submission-delivery:<delivery id>`, whose attached receipt is deleted once sent) and the
 * daily digest of failed deliveries (`delivery-digest:…`, src/submissions). No booking's
 * retention reaches them.
 */
export const STAFF_MAIL_PREFIXES = [
  'invitation',
  'submission-delivery',
  'delivery-digest',
] as const;

/**
 * Prefixes of outbox keys of mail to a citizen that belongs to no booking and is worthless soon
 * after: `citizen-code:<request id>` (an e-mail sign-in code, src/citizens), which the citizens'
 * pruning job deletes a day after it was queued, and `form-draft-link:<hash of the token>` (a
 * draft's resume link, src/forms/drafts.ts), which the drafts' purge deletes when the link expires,
 * and `submission-state:<submission>:…` (a submission's state change, src/submissions/handling.ts),
 * forgotten 30 days after it was queued: the thread keeps what it said; `payment-receipt:<payment>`
 * (a payment's receipt, src/payments/receipts.ts), forgotten 30 days after it was queued: the
 * receipt itself stays with the payment; and `payment-link:…` (a fee's payment link,
 * src/payments/pay), forgotten with the link a day after it expired.
 */
export const SHORT_LIVED_MAIL_PREFIXES = [
  'citizen-code',
  'form-draft-link',
  'submission-state',
  'payment-receipt',
  'payment-link',
] as const;

/** LIKE patterns matching the outbox rows of one booking. */
export function bookingMailPatterns(bookingId: string): string[] {
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw new RangeError(`not a booking id: ${bookingId}`);
  return BOOKING_MAIL_PREFIXES.map((p) => `${p}:${bookingId.toLowerCase()}:%`);
}

type Table = keyof Database;
type ColumnOf<T extends Table> = keyof Database[T] & string;
type ValueOf<T extends Table, C extends ColumnOf<T>> = SelectType<Database[T][C]>;

/**
 * What happens to one column. The conditional members make a wrong rule a type error: NULL only
 * into a nullable column, text only into a text column, and nothing but 'keep' for the rest.
 * 'replace' leaves a NULL as NULL (nothing to hide, and NULL keeps its meaning, e.g. "the system").
 */
export type ColumnRule<V> =
  | { action: 'keep'; why: string }
  | (null extends V ? { action: 'erase'; to: null; why: string } : never)
  | ('' extends V ? { action: 'erase'; to: ''; why: string } : never)
  | (string extends V ? { action: 'replace'; with: typeof ANONYMISED; why: string } : never)
  | (string extends V ? { action: 'placeholder_email'; why: string } : never);

/** How rows of a table belong to a booking being anonymised. */
export type Link<T extends Table> =
  | (T extends 'booking' ? { by: 'id' } : never)
  | ('booking_id' extends ColumnOf<T> ? { by: 'booking_id' } : never)
  | ('dedupe_key' extends ColumnOf<T>
      ? { by: 'dedupe_key'; prefixes: typeof BOOKING_MAIL_PREFIXES }
      : never);

/** The treatment of one table when a booking's personal data goes. */
export type TablePlan<T extends Table> =
  | {
      treatment: 'anonymise';
      link: Link<T>;
      columns: { [C in ColumnOf<T>]: ColumnRule<ValueOf<T, C>> };
    }
  | { treatment: 'delete_rows'; link: Link<T>; why: string }
  | { treatment: 'pruned_elsewhere'; by: string; within: string; why: string }
  | { treatment: 'no_citizen_data'; why: string };

/** One entry per table of the database: a new table does not compile until it has one. */
export type AnonymisationPlan = { [T in Table]: TablePlan<T> };

const keep = (why: string) => ({ action: 'keep', why }) as const;
const toNull = (why: string) => ({ action: 'erase', to: null, why }) as const;
const replaced = (why: string) => ({ action: 'replace', with: ANONYMISED, why }) as const;

const STATS = 'statistics (who served what, when, how it went) without saying who the citizen was';
const LINK = 'joins the row to its booking; the booking itself is anonymised';
const STAFF = 'identifies a staff member acting in office, not the citizen';
const FREE_TEXT = 'free text may name or describe anyone';

export const ANONYMISATION_PLAN = {
  booking: {
    treatment: 'anonymise',
    link: { by: 'id' },
    columns: {
      id: keep('the key the anonymised rows keep pointing at'),
      organisation_id: keep(STATS),
      office_id: keep(STATS),
      service_id: keep(STATS),
      staff_id: keep(STAFF),
      during: keep(STATS),
      seat: keep(STATS),
      state: keep(STATS),
      hold_expires_at: keep('a system deadline, says nothing about the citizen'),
      citizen_name: replaced('the name; NOT NULL, so it is replaced rather than erased'),
      citizen_email: {
        action: 'placeholder_email',
        why: 'the address; NOT NULL, so a non-deliverable placeholder takes its place',
      },
      citizen_phone: toNull('the phone number'),
      notes: toNull(FREE_TEXT),
      created_at: keep(STATS),
      confirmed_at: keep(STATS),
      cancelled_at: keep(STATS),
      code_hash: toNull('a secret with no use once the booking is past'),
      code_attempts: keep(STATS),
      code_resends: keep(STATS),
      code_sent_at: keep(STATS),
      manage_token_hash: toNull(
        'turns off the manage link, which would show an anonymised booking',
      ),
      join_token_hash: toNull('turns off the join link'),
      ics_sequence: keep('a counter of calendar updates'),
      language: keep(STATS),
      client_ip: toNull(
        'the address the booking came from; only needed for the hourly abuse limits',
      ),
      citizen_account_id: toNull('ties the booking to a person through their account'),
    },
  },
  meeting: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      booking_id: keep(LINK),
      started_at: keep(STATS),
      ended_at: keep(STATS),
      ended_by: keep(STAFF),
      no_show: keep(STATS),
      identity_verified_at: keep(
        'only that identity was checked; nothing of the document is stored',
      ),
      identity_verified_by: keep(STAFF),
      identity_document: keep(
        'the kind of document checked (identity card, passport, …); never its number',
      ),
      minutes: { action: 'erase', to: '', why: `${FREE_TEXT}; NOT NULL with '' as its default` },
      minutes_updated_at: keep(STATS),
    },
  },
  meeting_guest: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      id: keep('participants point at it; deleting would cascade to their rows and the statistics'),
      booking_id: keep(LINK),
      display_name: replaced('a third person’s name (interpreter, relative); NOT NULL'),
      token_hash: keep(
        'the hash of a random link token, not personal; NOT NULL UNIQUE, so it cannot be blanked',
      ),
      invited_by: keep(STAFF),
      created_at: keep(STATS),
    },
  },
  meeting_participant: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      id: keep('chat lines and file records point at it'),
      booking_id: keep(LINK),
      role: keep(STATS),
      staff_id: keep(STAFF),
      guest_id: keep(LINK),
      display_name: replaced(
        'the name shown in the meeting, staff too: staff_id still says who served',
      ),
      state: keep(STATS),
      connected: keep('a live flag, false long before retention ends'),
      knocked_at: keep('statistics: time waited in the lobby'),
      admitted_at: keep('statistics: time waited in the lobby'),
      left_at: keep(STATS),
      deny_message: toNull(FREE_TEXT),
      browser_key: toNull(
        'binds the place in the meeting to a browser; no use once the meeting is over',
      ),
    },
  },
  meeting_chat: {
    treatment: 'delete_rows',
    link: { by: 'booking_id' },
    why: `${FREE_TEXT}; body must hold 1 to 2000 characters, and no statistic uses the chat`,
  },
  meeting_survey: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      booking_id: keep(LINK),
      rating: keep('statistics: satisfaction'),
      comment: toNull(FREE_TEXT),
      submitted_at: keep(STATS),
    },
  },
  meeting_file_audit: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      id: keep('order of the log'),
      booking_id: keep(LINK),
      at: keep(STATS),
      action: keep(STATS),
      actor_role: keep(STATS),
      actor_name: replaced('who acted; staff stay accountable through actor_staff_id'),
      actor_staff_id: keep(STAFF),
      actor_guest_id: keep(LINK),
      actor_ip: toNull('where from; needed only while a dispute about the files is plausible'),
      file_id: keep('points at a file row long deleted'),
      file_name: replaced('file names often carry names ("Novak_birth_certificate.pdf")'),
      size_bytes: keep(STATS),
      sha256: toNull('identifies the document itself to anyone who holds a copy'),
      detail: keep('a refusal code, a virus signature or a count, written by the system'),
    },
  },
  mail_outbox: {
    treatment: 'delete_rows',
    link: { by: 'dedupe_key', prefixes: BOOKING_MAIL_PREFIXES },
    why: 'address and bodies (name, time, links) of mail long sent; any state, as a pending reminder for a past appointment is moot',
  },
  meeting_file: {
    treatment: 'pruned_elsewhere',
    by: 'the meeting folder job (src/files)',
    within: 'the folder policy grace period, at most 7 days after the meeting',
    why: 'rows and files on disk go together; deleting rows here would orphan files',
  },
  meeting_folder: {
    treatment: 'no_citizen_data',
    why: 'times, the staff member who opened it, and how many files (and bytes) were deleted',
  },
  meeting_event: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      id: keep('a row number, says nothing about anyone'),
      booking_id: keep(LINK),
      at: keep(STATS),
      kind: keep(STATS),
      actor_staff_id: keep(STAFF),
      actor_name: keep(STAFF),
      document_type: keep('the kind of document checked; never its number'),
    },
  },
  meeting_relay: {
    treatment: 'pruned_elsewhere',
    by: 'the meeting relay pruner',
    within: '1 minute',
    why: 'signalling payloads (they carry network addresses)',
  },
  rate_limit_window: {
    treatment: 'pruned_elsewhere',
    by: 'the rate limit window purge (src/jobs.ts)',
    within: 'a minute after its window ends',
    why: 'client addresses as the keys of rate limits (decision 055)',
  },
  sign_in_daily: {
    treatment: 'no_citizen_data',
    why: 'anonymous counts of staff sign-ins per organisation and day (src/stats)',
  },
  sign_in_attempt: {
    treatment: 'pruned_elsewhere',
    by: 'staff sign-in (src/identity)',
    within: '24 hours',
    why: 'staff emails and addresses, kept only for rate limits',
  },
  staff_session: { treatment: 'no_citizen_data', why: 'staff sessions, deleted when they expire' },
  citizen_accounts: {
    treatment: 'pruned_elsewhere',
    by: 'the citizen deleting the account (src/citizens)',
    within: 'the deletion',
    why: 'an account outlives any one booking; it goes when its holder deletes it',
  },
  citizen_identities: {
    treatment: 'pruned_elsewhere',
    by: 'the account deletion (src/citizens)',
    within: 'the deletion',
    why: "the provider's person identifier, which belongs to the account",
  },
  citizen_sessions: {
    treatment: 'pruned_elsewhere',
    by: 'citizen sessions (src/citizens)',
    within: 'the absolute session timeout',
    why: "sessions and the provider's logout data, deleted when they expire",
  },
  citizen_sign_in_codes: {
    treatment: 'pruned_elsewhere',
    by: 'the citizen session pruner (src/citizens)',
    within: '24 hours after the code expires',
    why: 'an e-mail address and an IP address, kept only for the code and the rate limits',
  },
  citizen_email_changes: {
    treatment: 'pruned_elsewhere',
    by: 'the citizen session pruner and the account deletion (src/citizens)',
    within: '24 hours after the code expires',
    why: 'a new e-mail address and an IP address, kept only for the code and the rate limits',
  },
  citizen_sign_ins: {
    treatment: 'no_citizen_data',
    why: 'anonymous counts of citizen sign-ins per organisation, provider, level and day',
  },
  organisation_eid_providers: { treatment: 'no_citizen_data', why: 'settings' },
  forms: { treatment: 'no_citizen_data', why: "an organisation's forms" },
  form_versions: {
    treatment: 'no_citizen_data',
    why: 'form definitions written by admins, and which staff member published each',
  },
  form_drafts: {
    treatment: 'pruned_elsewhere',
    by: 'the form drafts purge job and the account deletion (src/forms)',
    within: '30 days after deletion, or when its last resume link expires (30 days)',
    why: "a citizen's answers not yet sent, and the e-mail address of a draft without an account",
  },
  form_attachments: {
    treatment: 'pruned_elsewhere',
    by: 'the form drafts purge job (src/forms/attachments.ts): a file whose draft or submission is gone',
    within: 'the purge after its draft is purged or sent without it, or its submission deleted',
    why: "files a citizen attached to a form: with the draft's life, then the submission's",
  },
  form_draft_links: {
    treatment: 'pruned_elsewhere',
    by: 'the form drafts purge job (src/forms)',
    within: 'an hour after the link expires',
    why: 'hashes of resume links, which name only the draft',
  },
  eid_requests: {
    treatment: 'pruned_elsewhere',
    by: 'the eID prune job (src/eid)',
    within: '10 minutes after the request expires',
    why: 'a sign-in or sign-out in progress (SAML, OIDC): random ids, a level, a path, no person; a link also the account and its session hash, an act the draft and account',
  },
  eid_replay: {
    treatment: 'pruned_elsewhere',
    by: 'the eID prune job (src/eid)',
    within: 'the end of the assertion it remembers',
    why: 'ids of SAML messages already used, no person',
  },
  staff: {
    treatment: 'no_citizen_data',
    why: 'staff accounts; their data goes with the account, not with a booking',
  },
  absence: { treatment: 'no_citizen_data', why: 'staff absences' },
  schema_migration: { treatment: 'no_citizen_data', why: 'migration bookkeeping' },
  organisation: { treatment: 'no_citizen_data', why: 'the public body and its public contacts' },
  office: { treatment: 'no_citizen_data', why: 'public office addresses' },
  ...SUBMISSIONS_PLAN,
  ...PAYMENTS_PLAN,
  ...FRONT_DOOR_PLAN,
  mail_attachments: {
    treatment: 'pruned_elsewhere',
    by: 'the mail worker (src/mail): the files go when the message is recorded sent, and with their message',
    within: 'the transaction that records the message sent',
    why: "a receipt mailed to an office's intake address: the submission as a document",
  },
  submission_counter: {
    treatment: 'no_citizen_data',
    why: 'the last reference number per organisation and year',
  },
  office_hours: { treatment: 'no_citizen_data', why: 'opening hours' },
  service: { treatment: 'no_citizen_data', why: 'service settings' },
  service_office: { treatment: 'no_citizen_data', why: 'settings' },
  life_situation: {
    treatment: 'no_citizen_data',
    why: "an organisation's public guides to life situations (src/situations)",
  },
  life_situation_service: { treatment: 'no_citizen_data', why: 'settings' },
  staff_office: { treatment: 'no_citizen_data', why: 'settings' },
  service_official: { treatment: 'no_citizen_data', why: 'settings' },
  official_hours: { treatment: 'no_citizen_data', why: 'working hours' },
  closure: { treatment: 'no_citizen_data', why: 'closed days' },
  folder_policy: { treatment: 'no_citizen_data', why: 'settings' },
  privacy_settings: {
    treatment: 'no_citizen_data',
    why: 'retention days and the public contacts of the data protection officer',
  },
  booking_event: {
    treatment: 'anonymise',
    link: { by: 'booking_id' },
    columns: {
      id: keep('a row number, says nothing about anyone'),
      booking_id: keep(LINK),
      at: keep(STATS),
      kind: keep(STATS),
      actor_role: keep(STATS),
      actor_staff_id: keep(STAFF),
      actor_name: keep(STAFF),
      from_start: keep(STATS),
      from_end: keep(STATS),
      to_start: keep(STATS),
      to_end: keep(STATS),
      reason: toNull(`${FREE_TEXT}: a cancellation's reason is about the citizen`),
    },
  },
  audit_event: {
    treatment: 'no_citizen_data',
    why: 'staff actions; objects named by id and their own public names, never by citizen data (src/audit)',
  },
  operator: {
    treatment: 'no_citizen_data',
    why: 'operator accounts of the installation (src/operator); operators see counts, never citizen data',
  },
  operator_session: {
    treatment: 'no_citizen_data',
    why: 'operator sessions, deleted when they expire',
  },
  invitation: {
    treatment: 'no_citizen_data',
    why: 'one-time links to set a staff or operator password; only hashes of their tokens',
  },
  api_token: {
    treatment: 'no_citizen_data',
    why: "an organisation's API tokens for its systems: a name, scopes, the token's hash, staff ids",
  },
  api_token_failure: {
    treatment: 'pruned_elsewhere',
    by: 'the API token failure pruner (src/integrations)',
    within: '1 hour',
    why: 'addresses of calls with a wrong token, kept only for the rate limit',
  },
} as const satisfies AnonymisationPlan;

/** A table the retention job changes, with its treatment. */
export type PlanStep = { table: Table; plan: AnonymisationPlan[Table] };

/**
 * The tables the job changes for one booking, to run in one transaction, the booking last: its
 * placeholder email is what marks the work as done, so whatever runs the steps without a
 * transaction still leaves an unfinished booking to be found and redone.
 */
export function anonymisationPlan(): PlanStep[] {
  const steps = (Object.keys(ANONYMISATION_PLAN) as Table[])
    .map((table): PlanStep => ({ table, plan: ANONYMISATION_PLAN[table] }))
    .filter((s) => s.plan.treatment === 'anonymise' || s.plan.treatment === 'delete_rows');
  return [
    ...steps.filter((s) => s.table !== 'booking'),
    ...steps.filter((s) => s.table === 'booking'),
  ];
}
