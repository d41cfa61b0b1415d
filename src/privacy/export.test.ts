import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ANONYMISATION_PLAN } from './anonymisation.ts';
import { placeholderEmail } from './anonymisation.ts';
import { buildCitizenExport, exportFileName, normaliseEmail, type ExportInput } from './export.ts';

// Compile-time: every column the retention erases is fetched for the export, apart from those
// left out on purpose, so a new personal column cannot be erased without being disclosed.
type Plan = typeof ANONYMISATION_PLAN;
type Personal<
  T extends 'booking' | 'meeting' | 'meeting_participant' | 'meeting_survey' | 'meeting_file_audit',
> = {
  [C in keyof Plan[T]['columns']]: Plan[T]['columns'][C] extends { action: 'keep' } ? never : C;
}[keyof Plan[T]['columns']];
type Covered<
  T extends 'booking' | 'meeting' | 'meeting_participant' | 'meeting_survey' | 'meeting_file_audit',
  Fetched,
  LeftOut,
> = [Exclude<Personal<T>, keyof Fetched | LeftOut>] extends [never] ? true : false;
const _covered: [
  // The account link is a random key; the account's own export (src/citizens) lists its bookings.
  Covered<
    'booking',
    ExportInput['bookings'][number],
    'code_hash' | 'manage_token_hash' | 'join_token_hash' | 'citizen_account_id'
  >,
  Covered<'meeting', ExportInput['meetings'][number], never>,
  // The browser key is a hash of a random cookie: nothing about the person to disclose.
  Covered<'meeting_participant', ExportInput['participants'][number], 'browser_key'>,
  Covered<'meeting_survey', ExportInput['surveys'][number], never>,
  // The actor's name is the citizen's own (already in the booking) or someone else's; a hash is no use to them.
  Covered<'meeting_file_audit', ExportInput['fileLog'][number], 'actor_name' | 'sha256'>,
] = [true, true, true, true, true];

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const B2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000003';
const ELSEWHERE = 'cccccccc-0000-4000-8000-000000000004';
const d = (s: string) => new Date(s);

function booking(
  id: string,
  email: string,
  name: string,
  start: string,
  org = ORG,
): ExportInput['bookings'][number] {
  return {
    id,
    organisation_id: org,
    state: 'confirmed',
    citizen_name: name,
    citizen_email: email,
    citizen_phone: '+386 40 123 456',
    notes: `notes of ${name}`,
    created_at: d('2026-04-01T08:00:00Z'),
    confirmed_at: d('2026-04-01T08:05:00Z'),
    cancelled_at: null,
    language: 'sl',
    client_ip: `ip-of-${name}`,
    start: d(start),
    end: new Date(d(start).getTime() + 30 * 60_000),
    office_name: 'Upravna enota Ljubljana',
    service_name: 'Splošne informacije',
    official_name: 'Maja Kos',
  };
}

function fixture(): ExportInput {
  const people = (b: string, citizen: string) => [
    {
      id: `${b}-c`,
      booking_id: b,
      role: 'citizen' as const,
      display_name: citizen,
      state: 'admitted' as const,
      knocked_at: d('2026-05-04T08:58:00Z'),
      admitted_at: d('2026-05-04T09:01:00Z'),
      left_at: d('2026-05-04T09:25:00Z'),
      deny_message: null,
    },
    {
      id: `${b}-s`,
      booking_id: b,
      role: 'staff' as const,
      display_name: 'Maja Kos',
      state: 'admitted' as const,
      knocked_at: null,
      admitted_at: d('2026-05-04T08:59:00Z'),
      left_at: null,
      deny_message: null,
    },
  ];
  return {
    email: '  Ana.Novak@Example.SI ',
    now: d('2026-06-01T12:00:00.000Z'),
    organisation: {
      id: ORG,
      slug: 'ue-ljubljana',
      country: 'SI',
      time_zone: 'Europe/Ljubljana',
      email: 'gp.ue-lj@gov.si',
      name: 'Upravna enota Ljubljana',
      retentionDays: 90,
    },
    bookings: [
      booking(B2, 'ana.novak@example.si', 'Ana Novak', '2026-05-20T07:00:00Z'),
      booking(OTHER, 'bojan@example.si', 'Bojan Zupan', '2026-05-04T09:00:00Z'),
      booking(B1, 'ANA.NOVAK@example.si', 'Ana Novak', '2026-05-04T09:00:00Z'),
      booking(ELSEWHERE, 'ana.novak@example.si', 'Ana Novak', '2026-05-05T09:00:00Z', OTHER_ORG),
    ],
    meetings: [B1, OTHER].map((b) => ({
      booking_id: b,
      started_at: d('2026-05-04T09:01:00Z'),
      ended_at: d('2026-05-04T09:25:00Z'),
      no_show: false,
      identity_verified_at: null,
      minutes: `minutes for ${b}`,
      minutes_updated_at: d('2026-05-04T09:30:00Z'),
    })),
    participants: [...people(B1, 'Ana'), ...people(OTHER, 'Bojan')],
    chat: [
      {
        id: '12',
        booking_id: B1,
        participant_id: `${B1}-c`,
        body: 'Hvala!',
        sent_at: d('2026-05-04T09:10:00Z'),
        kind: 'text',
      },
      {
        id: '10',
        booking_id: B1,
        participant_id: `${B1}-s`,
        body: 'Dober dan, gospa Novak.',
        sent_at: d('2026-05-04T09:02:00Z'),
        kind: 'text',
      },
      {
        id: '11',
        booking_id: OTHER,
        participant_id: `${OTHER}-c`,
        body: 'Bojan’s secret',
        sent_at: d('2026-05-04T09:05:00Z'),
        kind: 'text',
      },
    ],
    surveys: [
      { booking_id: B1, rating: 5, comment: 'Odlično', submitted_at: d('2026-05-04T09:26:00Z') },
      {
        booking_id: OTHER,
        rating: 1,
        comment: 'Bojan’s comment',
        submitted_at: d('2026-05-04T09:26:00Z'),
      },
    ],
    fileLog: [
      {
        id: '7',
        booking_id: B1,
        at: d('2026-05-04T09:12:00Z'),
        action: 'downloaded',
        actor_role: 'staff',
        file_name: 'vloga.pdf',
        size_bytes: 1000,
        actor_ip: 'ip-of-official',
      },
      {
        id: '6',
        booking_id: B1,
        at: d('2026-05-04T09:11:00Z'),
        action: 'uploaded',
        actor_role: 'citizen',
        file_name: 'vloga.pdf',
        size_bytes: 1000,
        actor_ip: 'ip-of-ana-upload',
      },
    ],
    mails: [
      {
        id: 'm2',
        to_address: 'ana.novak@example.si',
        subject: 'Potrditev termina',
        state: 'sent',
        created_at: d('2026-04-01T08:05:00Z'),
        sent_at: d('2026-04-01T08:05:02Z'),
      },
      {
        id: 'm1',
        to_address: 'Ana.Novak@example.si',
        subject: 'Koda za potrditev',
        state: 'sent',
        created_at: d('2026-04-01T08:00:00Z'),
        sent_at: d('2026-04-01T08:00:01Z'),
      },
      {
        id: 'm3',
        to_address: 'bojan@example.si',
        subject: 'Bojan’s mail',
        state: 'sent',
        created_at: d('2026-04-01T08:00:00Z'),
        sent_at: null,
      },
    ],
  };
}

const shuffled = (i: ExportInput): ExportInput => ({
  ...i,
  bookings: [...i.bookings].reverse(),
  participants: [...i.participants].reverse(),
  chat: [...i.chat].reverse(),
  fileLog: [...i.fileLog].reverse(),
  mails: [...i.mails].reverse(),
});

test("the export holds the citizen's bookings in this organisation, found case-insensitively, oldest first", () => {
  const out = buildCitizenExport(fixture());
  assert.equal(out.subject.email, 'ana.novak@example.si');
  assert.deepEqual(
    out.bookings.map((b) => b.id),
    [B1, B2],
  );
  assert.deepEqual(
    out.emails.map((m) => m.subject),
    ['Koda za potrditev', 'Potrditev termina'],
  );
  assert.equal(out.organisation.slug, 'ue-ljubljana');
  assert.equal(out.generatedAt, '2026-06-01T12:00:00.000Z');
});

test('nothing of another citizen or another organisation gets in', () => {
  const text = JSON.stringify(buildCitizenExport(fixture()));
  for (const leak of [
    'Bojan',
    'bojan@',
    OTHER,
    ELSEWHERE,
    'ip-of-official',
    `minutes for ${OTHER}`,
  ])
    assert.ok(!text.includes(leak), leak);
});

test('the meeting comes whole: the chat both ways in order, who took part, minutes, lobby, survey, file log', () => {
  const [first, second] = buildCitizenExport(fixture()).bookings;
  assert.ok(first?.meeting && second);
  assert.deepEqual(
    first.meeting.chat.map((c) => [c.role, c.name, c.text]),
    [
      ['staff', 'Maja Kos', 'Dober dan, gospa Novak.'],
      ['citizen', 'Ana', 'Hvala!'],
    ],
  );
  assert.deepEqual(first.meeting.participants, [
    { role: 'citizen', name: 'Ana' },
    { role: 'staff', name: 'Maja Kos' },
  ]);
  assert.equal(first.meeting.minutes, `minutes for ${B1}`);
  assert.equal(first.meeting.lobby?.knockedAt, '2026-05-04T08:58:00.000Z');
  assert.deepEqual(first.survey, {
    rating: 5,
    comment: 'Odlično',
    submittedAt: '2026-05-04T09:26:00.000Z',
  });
  assert.deepEqual(
    first.files.map((f) => [f.action, f.by, f.fromAddress]),
    [
      ['uploaded', 'citizen', 'ip-of-ana-upload'],
      ['downloaded', 'staff', null],
    ],
  );
  assert.equal(first.fromAddress, 'ip-of-Ana Novak');
  assert.deepEqual([second.meeting, second.survey, second.files], [null, null, []]);
});

test('the same rows in any order give the same export, and it survives a JSON round trip', () => {
  const a = buildCitizenExport(fixture());
  const b = buildCitizenExport(shuffled(fixture()));
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

test('mail bodies and secrets stay out even when the repository fetches them', () => {
  const input = fixture();
  input.mails = input.mails.map((m) => ({ ...m, text_body: 'join: https://x/j/SECRET-TOKEN' }));
  input.bookings = input.bookings.map((b) => ({ ...b, manage_token_hash: 'SECRET-HASH' }));
  const text = JSON.stringify(buildCitizenExport(input));
  assert.ok(!text.includes('SECRET'));
});

test('the meta section states purposes, recipients, retention and the authority as data', () => {
  const { meta } = buildCitizenExport(fixture());
  assert.equal(meta.retention.days, 90);
  assert.deepEqual(
    meta.purposes.map((p) => p.code),
    ['appointment', 'meeting', 'record', 'documents', 'feedback', 'security'],
  );
  assert.ok(meta.rights.includes('erasure') && meta.rights.includes('complaint'));
  assert.equal(meta.supervisoryAuthority.url, 'https://www.ip-rs.si/');
  const cz = fixture();
  cz.organisation = { ...cz.organisation, country: 'CZ', retentionDays: 30 };
  assert.equal(buildCitizenExport(cz).meta.supervisoryAuthority.url, 'https://uoou.gov.cz/');
  assert.equal(buildCitizenExport(cz).meta.retention.days, 30);
});

test('a search address is trimmed and lower-cased, nothing more; placeholders and non-addresses are refused', () => {
  assert.equal(normaliseEmail('  Ana.Novak+Okence@Example.SI\t'), 'ana.novak+okence@example.si');
  for (const bad of ['', '   ', 'ana', 'ana @example.si', placeholderEmail(B1)])
    assert.equal(normaliseEmail(bad), null, bad);
  assert.throws(
    () => buildCitizenExport({ ...fixture(), email: placeholderEmail(B1) }),
    RangeError,
  );
});

test('the file name names the organisation and the UTC time, never the citizen', () => {
  assert.equal(
    exportFileName('ue-ljubljana', d('2026-06-01T12:03:04.567Z')),
    'okence-ue-ljubljana-data-export-20260601T120304Z.json',
  );
  for (const bad of ['', 'UE', 'a"b', '../x', 'a b'])
    assert.throws(() => exportFileName(bad, d('2026-06-01T12:00:00Z')), RangeError, bad);
});
