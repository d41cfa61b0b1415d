/**
 * A citizen's copy of their data (GDPR Art. 15), made by an admin on request. The repository
 * fetches rows by email; this decides what goes in and filters again, so a repository that
 * fetches too much still cannot leak another citizen's bookings.
 *
 * Included: the bookings made with the address in this organisation, each with its meeting (the
 * whole chat, as it is a conversation about them; who took part, by the names shown in the
 * meeting; the minutes), the survey and the folder's file log, and the emails sent to the address.
 * Left out: code and link token hashes (security data that helps only an attacker), other
 * people's network addresses, and mail bodies, which repeat the booking and carry its live
 * manage and join links.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/tables.ts';
import { isPlaceholderEmail } from './anonymisation.ts';
import { SUPERVISORY_AUTHORITIES } from './domain.ts';

/** Bumped when a field changes meaning or goes, so a reader can tell exports apart. */
export const EXPORT_SCHEMA_VERSION = 1;

type Row<T extends keyof Database> = Selectable<Database[T]>;

export type ExportInput = {
  /** The address as the admin typed it. */
  email: string;
  now: Date;
  organisation: Pick<Row<'organisation'>, 'id' | 'slug' | 'country' | 'time_zone' | 'email'> & {
    name: string;
    retentionDays: number;
  };
  bookings: (Pick<
    Row<'booking'>,
    | 'id'
    | 'organisation_id'
    | 'state'
    | 'citizen_name'
    | 'citizen_email'
    | 'citizen_phone'
    | 'notes'
    | 'created_at'
    | 'confirmed_at'
    | 'cancelled_at'
    | 'language'
    | 'client_ip'
  > & {
    start: Date;
    end: Date;
    office_name: string;
    service_name: string;
    official_name: string;
  })[];
  meetings: Pick<
    Row<'meeting'>,
    | 'booking_id'
    | 'started_at'
    | 'ended_at'
    | 'no_show'
    | 'identity_verified_at'
    | 'minutes'
    | 'minutes_updated_at'
  >[];
  participants: Pick<
    Row<'meeting_participant'>,
    | 'id'
    | 'booking_id'
    | 'role'
    | 'display_name'
    | 'state'
    | 'knocked_at'
    | 'admitted_at'
    | 'left_at'
    | 'deny_message'
  >[];
  chat: Pick<
    Row<'meeting_chat'>,
    'id' | 'booking_id' | 'participant_id' | 'body' | 'sent_at' | 'kind'
  >[];
  surveys: Pick<Row<'meeting_survey'>, 'booking_id' | 'rating' | 'comment' | 'submitted_at'>[];
  fileLog: Pick<
    Row<'meeting_file_audit'>,
    'id' | 'booking_id' | 'at' | 'action' | 'actor_role' | 'file_name' | 'size_bytes' | 'actor_ip'
  >[];
  mails: Pick<
    Row<'mail_outbox'>,
    'id' | 'to_address' | 'subject' | 'state' | 'created_at' | 'sent_at'
  >[];
};

/**
 * The form an address is searched and compared in: trimmed and lower-cased, as the booking form
 * stores it. Nothing more (no dropping of +tags or dots): those can be different people's
 * addresses. Null for something that cannot be a citizen's address, placeholders included.
 */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || isPlaceholderEmail(email)) return null;
  return email;
}

/** The export for one citizen, as a JSON-serialisable object with a stable order. */
export function buildCitizenExport(input: ExportInput) {
  const email = normaliseEmail(input.email);
  if (email === null) throw new RangeError('not an address that can be searched for');
  const org = input.organisation;
  const bookings = input.bookings
    .filter((b) => b.organisation_id === org.id && b.citizen_email.trim().toLowerCase() === email)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || compare(a.id, b.id));
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    subject: { email },
    organisation: {
      slug: org.slug,
      name: org.name,
      country: org.country,
      timeZone: org.time_zone,
      contactEmail: org.email,
    },
    meta: processingMeta(org.country, org.retentionDays),
    bookings: bookings.map((b) => bookingSection(b, input)),
    emails: input.mails
      .filter((m) => m.to_address.trim().toLowerCase() === email)
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || compare(a.id, b.id))
      .map((m) => ({
        subject: m.subject,
        state: m.state,
        createdAt: m.created_at.toISOString(),
        sentAt: iso(m.sent_at),
      })),
  };
}

export type CitizenExport = ReturnType<typeof buildCitizenExport>;

function bookingSection(b: ExportInput['bookings'][number], input: ExportInput) {
  const own = <R extends { booking_id: string }>(rows: R[]) =>
    rows.filter((r) => r.booking_id === b.id);
  const meeting = own(input.meetings)[0];
  const survey = own(input.surveys)[0];
  const people = own(input.participants).sort(
    (x, y) =>
      rank(x.role) - rank(y.role) || compare(x.display_name, y.display_name) || compare(x.id, y.id),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const me = people.find((p) => p.role === 'citizen');
  return {
    id: b.id,
    state: b.state,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    office: b.office_name,
    service: b.service_name,
    official: b.official_name,
    contact: { name: b.citizen_name, email: b.citizen_email, phone: b.citizen_phone },
    notes: b.notes,
    language: b.language,
    createdAt: b.created_at.toISOString(),
    confirmedAt: iso(b.confirmed_at),
    cancelledAt: iso(b.cancelled_at),
    fromAddress: b.client_ip,
    meeting: meeting
      ? {
          startedAt: iso(meeting.started_at),
          endedAt: iso(meeting.ended_at),
          noShow: meeting.no_show,
          identityCheckedAt: iso(meeting.identity_verified_at),
          minutes: meeting.minutes,
          minutesUpdatedAt: iso(meeting.minutes_updated_at),
          lobby: me
            ? {
                state: me.state,
                knockedAt: iso(me.knocked_at),
                admittedAt: iso(me.admitted_at),
                leftAt: iso(me.left_at),
                messageFromOffice: me.deny_message,
              }
            : null,
          participants: people.map((p) => ({ role: p.role, name: p.display_name })),
          chat: own(input.chat)
            .sort((x, y) => x.sent_at.getTime() - y.sent_at.getTime() || compareSerial(x.id, y.id))
            .map((c) => ({
              at: c.sent_at.toISOString(),
              role: byId.get(c.participant_id)?.role ?? null,
              name: byId.get(c.participant_id)?.display_name ?? null,
              kind: c.kind,
              text: c.body,
            })),
        }
      : null,
    survey: survey
      ? {
          rating: survey.rating,
          comment: survey.comment,
          submittedAt: survey.submitted_at.toISOString(),
        }
      : null,
    files: own(input.fileLog)
      .sort((x, y) => x.at.getTime() - y.at.getTime() || compareSerial(x.id, y.id))
      // Only the citizen's own network address: the others belong to staff and guests.
      .map((f) => ({
        at: f.at.toISOString(),
        action: f.action,
        by: f.actor_role,
        file: f.file_name,
        bytes: f.size_bytes,
        fromAddress: f.actor_role === 'citizen' ? f.actor_ip : null,
      })),
  };
}

type Country = ExportInput['organisation']['country'];

/**
 * The Art. 15(1) information as data: purposes with the data each uses, recipients, how long,
 * where the data came from, the rights and the authority. Codes are stable for a translated view;
 * the English text is for a person reading the raw file.
 */
function processingMeta(country: Country, retentionDays: number) {
  return {
    purposes: [
      {
        code: 'appointment',
        text: 'arrange, confirm, remind of, move or cancel the appointment',
        data: ['name', 'email', 'phone', 'notes', 'emails'],
      },
      {
        code: 'meeting',
        text: 'hold the video meeting and let you in from the lobby',
        data: ['participants', 'lobby', 'chat'],
      },
      {
        code: 'record',
        text: 'record what was done in the meeting',
        data: ['minutes', 'identityCheckedAt'],
      },
      { code: 'documents', text: 'exchange documents in the meeting folder', data: ['files'] },
      {
        code: 'feedback',
        text: 'improve the service from your rating and comment',
        data: ['survey'],
      },
      {
        code: 'security',
        text: 'limit abuse of the booking form and the folder',
        data: ['fromAddress'],
      },
    ],
    recipients: [
      { code: 'officials', text: 'officials of this organisation who handle the service' },
      {
        code: 'meeting_participants',
        text: 'people the official brings into the meeting (chat, names, folder)',
      },
      {
        code: 'operator',
        text: 'the operator hosting the system for the organisation, as its processor',
      },
    ],
    retention: {
      days: retentionDays,
      countsFrom:
        'the end of the appointment, its cancellation or the end of its meeting, whichever is latest',
      afterwards:
        'name, contact, notes, chat, minutes, comments and file names are erased; anonymous statistics stay',
      filesDeleted: 'the documents themselves are deleted shortly after the meeting',
    },
    source: 'you, through the booking form and the meeting; the official, for the minutes',
    rights: ['access', 'rectification', 'erasure', 'restriction', 'objection', 'complaint'],
    supervisoryAuthority: {
      name: SUPERVISORY_AUTHORITIES[country].name,
      url: SUPERVISORY_AUTHORITIES[country].url,
    },
  };
}

/**
 * The download's file name: the organisation and the UTC time, never the citizen's address,
 * since file names end up in download folders, logs and mail subjects.
 */
export function exportFileName(orgSlug: string, now: Date): string {
  // The slug goes into a Content-Disposition header: only the characters its CHECK allows.
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(orgSlug))
    throw new RangeError(`not an organisation slug: ${orgSlug}`);
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `okence-${orgSlug}-data-export-${stamp}.json`;
}

const ROLE_ORDER = ['citizen', 'staff', 'guest'] as const;
const rank = (role: (typeof ROLE_ORDER)[number]) => ROLE_ORDER.indexOf(role);
// Code-point order, not localeCompare: the output must not depend on the server's locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// bigserial ids arrive as decimal text: a shorter one is smaller.
const compareSerial = (a: string, b: string) => a.length - b.length || compare(a, b);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
