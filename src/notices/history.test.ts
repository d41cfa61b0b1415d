import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boardStatus } from './board-time.ts';
import { noticeHistory, statusAt, versionOnBoardAt, type VersionTimes } from './history.ts';

const PRAGUE = 'Europe/Prague';
const at = (iso: string) => new Date(iso);

// Posted on 3 Dec (Prague), corrected on 5 Dec at 10:00 UTC, down after 18 Dec.
const corrected: VersionTimes[] = [
  {
    version: 1,
    createdAt: at('2026-12-01T08:00:00Z'),
    postOn: '2026-12-03',
    removeAfter: '2026-12-18',
  },
  {
    version: 2,
    createdAt: at('2026-12-05T10:00:00Z'),
    postOn: '2026-12-03',
    removeAfter: '2026-12-18',
  },
];

test('a correction: both versions are shown, each with the interval it was on the board', () => {
  const history = noticeHistory(corrected, null, at('2026-12-10T12:00:00Z'), PRAGUE);
  assert.equal(history.status, 'on_board');
  assert.deepEqual(
    history.shown.map((s) => [s.version, s.from.toISOString(), s.until?.toISOString()]),
    [
      [1, '2026-12-02T23:00:00.000Z', '2026-12-05T10:00:00.000Z'],
      [2, '2026-12-05T10:00:00.000Z', '2026-12-18T23:00:00.000Z'],
    ],
  );
  assert.equal(history.latest?.version, 2);
  assert.equal(history.firstUp?.toISOString(), '2026-12-02T23:00:00.000Z');
});

test('before its first day a notice shows nothing at all (scheduled)', () => {
  const history = noticeHistory(corrected.slice(0, 1), null, at('2026-12-02T22:59:59Z'), PRAGUE);
  assert.equal(history.status, 'scheduled');
  assert.deepEqual(history.shown, []);
  assert.equal(history.latest, null);
});

test('a version superseded before the notice went up was never on the board and is not shown', () => {
  const versions: VersionTimes[] = [
    { version: 1, createdAt: at('2026-12-01T08:00:00Z'), postOn: '2026-12-03', removeAfter: null },
    { version: 2, createdAt: at('2026-12-02T08:00:00Z'), postOn: '2026-12-03', removeAfter: null },
  ];
  const history = noticeHistory(versions, null, at('2026-12-04T00:00:00Z'), PRAGUE);
  assert.deepEqual(
    history.shown.map((s) => s.version),
    [2],
  );
  assert.equal(history.shown[0]?.until, null);
  assert.equal(versionOnBoardAt(versions, null, at('2026-12-02T23:00:00Z'), PRAGUE), 2);
});

test('a withdrawal ends the interval at its instant; before posting it leaves nothing public', () => {
  const withdrawn = at('2026-12-07T09:00:00Z');
  const history = noticeHistory(corrected, withdrawn, at('2026-12-10T00:00:00Z'), PRAGUE);
  assert.equal(history.status, 'withdrawn');
  assert.equal(history.lastDown?.toISOString(), withdrawn.toISOString());
  assert.equal(versionOnBoardAt(corrected, withdrawn, at('2026-12-07T08:59:59Z'), PRAGUE), 2);
  assert.equal(versionOnBoardAt(corrected, withdrawn, withdrawn, PRAGUE), null);
  const early = noticeHistory(
    corrected,
    at('2026-12-02T12:00:00Z'),
    at('2026-12-04T00:00:00Z'),
    PRAGUE,
  );
  assert.deepEqual(early.shown, []);
});

test('taken down after its last day; the archive knows when it was up', () => {
  const history = noticeHistory(corrected, null, at('2026-12-20T00:00:00Z'), PRAGUE);
  assert.equal(history.status, 'taken_down');
  assert.equal(history.lastDown?.toISOString(), '2026-12-18T23:00:00.000Z');
  assert.equal(versionOnBoardAt(corrected, null, at('2026-12-18T23:00:00Z'), PRAGUE), null);
  assert.equal(versionOnBoardAt(corrected, null, at('2026-12-05T09:59:59Z'), PRAGUE), 1);
  assert.equal(versionOnBoardAt(corrected, null, at('2026-12-05T10:00:00Z'), PRAGUE), 2);
});

const DAY = 86_400_000;
const BASE = Date.UTC(2027, 2, 20); // around a change of clocks in Europe (28 March 2027)
const dayText = (n: number) => new Date(BASE + n * DAY).toISOString().slice(0, 10);
const versionsArb = fc
  .array(
    fc.record({
      createdOffset: fc.integer({ min: 0, max: 12 * DAY }),
      postDay: fc.integer({ min: 0, max: 12 }),
      length: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((raw) =>
    raw
      .map((r) => r.createdOffset)
      .sort((a, b) => a - b)
      .map((offset, i) => ({
        version: i + 1,
        createdAt: new Date(BASE + offset),
        postOn: dayText(raw[i]!.postDay),
        removeAfter: raw[i]!.length === null ? null : dayText(raw[i]!.postDay + raw[i]!.length),
      })),
  );
const instantArb = fc.integer({ min: -DAY, max: 22 * DAY }).map((o) => new Date(BASE + o));
const withdrawalArb = fc.option(instantArb, { nil: null });
const zoneArb = fc.constantFrom('Europe/Prague', 'Europe/Ljubljana', 'UTC');

test('property: versionOnBoardAt is the version in force, when its days hold and not withdrawn', () => {
  fc.assert(
    fc.property(versionsArb, withdrawalArb, instantArb, zoneArb, (versions, withdrawn, t, zone) => {
      const inForce = versions.filter((v) => v.createdAt.getTime() <= t.getTime()).at(-1);
      const expected =
        inForce !== undefined && boardStatus(inForce, withdrawn, t, zone) === 'on_board'
          ? inForce.version
          : null;
      assert.equal(versionOnBoardAt(versions, withdrawn, t, zone), expected);
      assert.equal(statusAt(versions, withdrawn, t, zone) === 'on_board', expected !== null);
    }),
  );
});

test('property: whatever was on the board up to now is shown, and nothing else', () => {
  fc.assert(
    fc.property(
      versionsArb,
      withdrawalArb,
      instantArb,
      instantArb,
      zoneArb,
      (versions, withdrawn, now, t, zone) => {
        const shown = noticeHistory(versions, withdrawn, now, zone).shown;
        for (const s of shown) assert.ok(s.from.getTime() <= now.getTime());
        const onBoard = versionOnBoardAt(versions, withdrawn, t, zone);
        if (onBoard !== null && t.getTime() <= now.getTime()) {
          assert.ok(shown.some((s) => s.version === onBoard));
        }
        // Every shown version was on the board at its interval's start.
        for (const s of shown) {
          assert.equal(versionOnBoardAt(versions, withdrawn, s.from, zone), s.version);
        }
      },
    ),
  );
});
