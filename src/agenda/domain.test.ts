import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCalendarDate as isDay } from '../lib/zoned-time.ts';
import {
  agendaState,
  dayBounds,
  historyOf,
  waitedMinutes,
  weekBounds,
  type HistoryFacts,
} from './domain.ts';

const at = (iso: string) => new Date(iso);
const meeting = (
  m: Partial<{ startedAt: Date; endedAt: Date; noShow: boolean; citizenKnocking: boolean }>,
) => ({ startedAt: null, endedAt: null, noShow: false, citizenKnocking: false, ...m });

test('state: cancelled wins, then no-show, ended, started, knocking, and nothing yet', () => {
  assert.equal(
    agendaState('cancelled', meeting({ startedAt: at('2026-11-25T09:00Z') })),
    'cancelled',
  );
  assert.equal(
    agendaState('confirmed', meeting({ endedAt: at('2026-11-25T09:00Z'), noShow: true })),
    'no_show',
  );
  assert.equal(
    agendaState(
      'confirmed',
      meeting({ startedAt: at('2026-11-25T09:00Z'), endedAt: at('2026-11-25T09:20Z') }),
    ),
    'done',
  );
  assert.equal(
    agendaState(
      'confirmed',
      meeting({ startedAt: at('2026-11-25T09:00Z'), citizenKnocking: true }),
    ),
    'in_progress',
  );
  assert.equal(agendaState('confirmed', meeting({ citizenKnocking: true })), 'in_lobby');
  assert.equal(agendaState('confirmed', null), 'not_arrived');
});

test('days: only dates that exist', () => {
  assert.equal(isDay('2028-02-29'), true);
  assert.equal(isDay('2026-02-29'), false);
  assert.equal(isDay('2026-13-01'), false);
  assert.equal(isDay('2026-1-01'), false);
  assert.equal(isDay('2026-11-25T00:00'), false);
});

test('a day across the DST changes is 23 or 25 hours long, from local midnight', () => {
  const spring = dayBounds('2026-03-29', 'Europe/Ljubljana');
  assert.equal(spring.from.toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal((spring.to.getTime() - spring.from.getTime()) / 3600_000, 23);
  const autumn = dayBounds('2026-10-25', 'Europe/Prague');
  assert.equal(autumn.from.toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal((autumn.to.getTime() - autumn.from.getTime()) / 3600_000, 25);
});

test('a week runs Monday to Sunday in the zone, also across DST, with the Mondays around it', () => {
  const w = weekBounds('2026-10-28', 'Europe/Ljubljana');
  assert.deepEqual(w.days, [
    '2026-10-26',
    '2026-10-27',
    '2026-10-28',
    '2026-10-29',
    '2026-10-30',
    '2026-10-31',
    '2026-11-01',
  ]);
  assert.equal(w.previous, '2026-10-19');
  assert.equal(w.next, '2026-11-02');
  assert.equal(w.from.toISOString(), '2026-10-25T23:00:00.000Z');
  const dst = weekBounds('2026-10-25', 'Europe/Ljubljana');
  assert.equal(dst.days[0], '2026-10-19');
  assert.equal(dst.from.toISOString(), '2026-10-18T22:00:00.000Z', 'summer time on Monday');
  assert.equal(dst.to.toISOString(), '2026-10-25T23:00:00.000Z', 'winter time at the end');
  assert.equal((dst.to.getTime() - dst.from.getTime()) / 3600_000, 7 * 24 + 1);
});

test('weeks: every day of a week gives the same week, which contains it, in any zone', () => {
  const zones = ['Europe/Ljubljana', 'Europe/Prague', 'America/Santiago', 'Asia/Tehran', 'UTC'];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
      fc.constantFrom(...zones),
      (d, zone) => {
        const day = d.toISOString().slice(0, 10);
        const w = weekBounds(day, zone);
        assert.equal(w.days.length, 7);
        assert.ok(w.days.includes(day));
        for (const other of w.days) assert.deepEqual(weekBounds(other, zone).from, w.from);
        const { from, to } = dayBounds(day, zone);
        assert.ok(w.from <= from && to <= w.to);
        const hours = (w.to.getTime() - w.from.getTime()) / 3600_000;
        assert.ok(hours >= 167 && hours <= 169, `${hours} hours`);
      },
    ),
  );
});

test('waiting minutes are whole and never negative', () => {
  assert.equal(waitedMinutes(at('2026-11-25T09:00:00Z'), at('2026-11-25T09:04:59Z')), 4);
  assert.equal(waitedMinutes(at('2026-11-25T09:00:10Z'), at('2026-11-25T09:00:00Z')), 0);
});

test('history: oldest first, same instants in the order of a booking’s life, staff cancellations with their reason', () => {
  const t0 = at('2026-11-23T09:00:00Z');
  const facts: HistoryFacts = {
    createdAt: t0,
    confirmedAt: t0,
    events: [
      {
        at: at('2026-11-23T10:00:00Z'),
        kind: 'moved',
        actorRole: 'citizen',
        actorName: null,
        fromStart: at('2026-11-25T09:00Z'),
        toStart: at('2026-11-26T09:00Z'),
        reason: null,
      },
      {
        at: at('2026-11-26T09:30:00Z'),
        kind: 'cancelled',
        actorRole: 'staff',
        actorName: 'Uradnik',
        fromStart: null,
        toStart: null,
        reason: 'ill',
      },
    ],
    reminders: [
      { at: at('2026-11-25T09:00:00Z'), sent: true },
      { at: at('2026-11-26T08:00:00Z'), sent: false },
    ],
    participants: [
      { role: 'staff', name: 'Uradnik', knockedAt: null, admittedAt: at('2026-11-26T08:58:00Z') },
      {
        role: 'citizen',
        name: 'Ana',
        knockedAt: at('2026-11-26T08:55:00Z'),
        admittedAt: at('2026-11-26T08:58:00Z'),
      },
    ],
    meeting: {
      startedAt: at('2026-11-26T08:58:00Z'),
      endedAt: null,
      noShow: false,
      identityVerifiedAt: null,
    },
    meetingEvents: [],
    cancelledAt: at('2026-11-26T09:30:00Z'),
  };
  const h = historyOf(facts);
  assert.deepEqual(
    h.map((x) => x.kind),
    [
      'booked',
      'confirmed',
      'moved',
      'reminder_sent',
      'reminder_queued',
      'knocked',
      'joined',
      'admitted',
      'started',
      'cancelled',
    ],
  );
  const cancelled = h.at(-1)!;
  assert.equal(cancelled.who, 'Uradnik');
  assert.equal(cancelled.reason, 'ill');
  assert.equal(
    h.filter((x) => x.kind === 'cancelled').length,
    1,
    'cancelled_at is not counted again',
  );
  for (let i = 1; i < h.length; i++) assert.ok(h[i - 1]!.at <= h[i]!.at);
});

test('history: a cancellation from before booking_event still shows, and a no-show ends it', () => {
  const t0 = at('2026-11-23T09:00:00Z');
  const base = {
    createdAt: t0,
    confirmedAt: null,
    events: [],
    reminders: [],
    participants: [],
    meetingEvents: [],
  };
  assert.deepEqual(
    historyOf({ ...base, meeting: null, cancelledAt: at('2026-11-24T09:00:00Z') }).map(
      (x) => x.kind,
    ),
    ['booked', 'cancelled'],
  );
  assert.deepEqual(
    historyOf({
      ...base,
      meeting: {
        startedAt: null,
        endedAt: at('2026-11-25T09:10:00Z'),
        noShow: true,
        identityVerifiedAt: null,
      },
      cancelledAt: null,
    }).map((x) => x.kind),
    ['booked', 'no_show'],
  );
});

test('history: a no-show and its undoing, and an identity check and its correction, each stay as their own line', () => {
  const t0 = at('2026-11-23T09:00:00Z');
  const h = historyOf({
    createdAt: t0,
    confirmedAt: t0,
    events: [],
    reminders: [],
    participants: [],
    cancelledAt: null,
    meeting: {
      startedAt: at('2026-11-25T09:20:00Z'),
      endedAt: null,
      noShow: false,
      identityVerifiedAt: at('2026-11-25T09:25:00Z'),
    },
    meetingEvents: [
      { at: at('2026-11-25T09:12:00Z'), kind: 'no_show', actorName: 'Uradnik', documentType: null },
      {
        at: at('2026-11-25T09:14:00Z'),
        kind: 'no_show_undone',
        actorName: 'Uradnik',
        documentType: null,
      },
      {
        at: at('2026-11-25T09:22:00Z'),
        kind: 'identity_checked',
        actorName: 'Uradnik',
        documentType: 'id_card',
      },
      {
        at: at('2026-11-25T09:25:00Z'),
        kind: 'identity_checked',
        actorName: 'Vodja',
        documentType: 'passport',
      },
    ],
  });
  assert.deepEqual(
    h.map((x) => x.kind),
    [
      'booked',
      'confirmed',
      'no_show',
      'no_show_undone',
      'started',
      'identity_checked',
      'identity_checked',
    ],
  );
  assert.deepEqual(
    h.filter((x) => x.kind === 'identity_checked').map((x) => [x.who, x.document]),
    [
      ['Uradnik', 'id_card'],
      ['Vodja', 'passport'],
    ],
  );
});
