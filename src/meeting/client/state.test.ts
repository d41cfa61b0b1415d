import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  afterClose,
  audioFallback,
  FALLBACK_AFTER_MS,
  initialSession,
  isPolite,
  judged,
  LEAD_FACTOR,
  linkQuality,
  MAX_CONNECT_RETRIES,
  meshDiff,
  nextSpeaker,
  noSpeaker,
  RAMP_UP_MS,
  retryDelay,
  SPEECH_LEVEL,
  step,
  TAKE_OVER_MS,
  worstQuality,
  type Session,
  type SessionEvent,
  type SpeakerState,
} from './state.ts';

/** Runs events from the start; returns the session and every effect, in order. */
function run(...events: SessionEvent[]) {
  let session: Session = initialSession;
  const effects = [];
  for (const e of events) {
    const r = step(session, e);
    session = r.session;
    effects.push(...r.effects);
  }
  return { session, effects };
}

const closed = (code: number): SessionEvent => ({ type: 'closed', code });

test('join, a welcome to the lobby, then the room: each stage is drawn once', () => {
  const r = run({ type: 'join' }, { type: 'welcome', admitted: false }, { type: 'room' });
  assert.equal(r.session.stage, 'room');
  assert.deepEqual(r.effects, [
    { type: 'show', stage: 'connecting' },
    { type: 'close-peers' },
    { type: 'show', stage: 'lobby' },
    { type: 'show', stage: 'room' },
  ]);
  // A second room (after a reconnect) refreshes it without drawing the stage again.
  assert.deepEqual(step(r.session, { type: 'room' }).effects, []);
});

test('a welcome back in the room clears the status; one back to the lobby closes the peers', () => {
  const inRoom = run({ type: 'join' }, { type: 'welcome', admitted: true }, { type: 'room' });
  assert.deepEqual(step(inRoom.session, { type: 'welcome', admitted: true }).effects, [
    { type: 'clear-status' },
  ]);
  const back = step(inRoom.session, { type: 'welcome', admitted: false });
  assert.equal(back.session.stage, 'lobby');
  assert.deepEqual(back.effects, [{ type: 'close-peers' }, { type: 'show', stage: 'lobby' }]);
  const again = step(back.session, { type: 'welcome', admitted: false });
  assert.deepEqual(again.effects, [{ type: 'close-peers' }, { type: 'clear-status' }]);
});

test('the end, a denial, a removal or leaving tears down once and draws the final stage', () => {
  for (const stage of ['ended', 'denied', 'removed', 'left'] as const) {
    const r = run(
      { type: 'join' },
      { type: 'welcome', admitted: false },
      { type: 'finish', stage },
    );
    assert.equal(r.session.stage, stage);
    assert.equal(r.session.finished, true);
    assert.deepEqual(r.effects.slice(-2), [{ type: 'teardown' }, { type: 'final', stage }]);
  }
  const twice = run(
    { type: 'join' },
    { type: 'finish', stage: 'left' },
    { type: 'finish', stage: 'left' },
  );
  assert.equal(twice.effects.filter((e) => e.type === 'teardown').length, 1);
});

test('reconnects back off from 0.5 s, doubling, to at most 5 s', () => {
  assert.deepEqual(
    Array.from({ length: 8 }, (_, i) => retryDelay(i)),
    [500, 1000, 2000, 4000, 5000, 5000, 5000, 5000],
  );
  const r = run({ type: 'join' }, { type: 'welcome', admitted: false }, closed(1006), closed(1006));
  assert.deepEqual(r.effects.slice(-2), [
    { type: 'reconnect', delayMs: 500, announce: true },
    { type: 'reconnect', delayMs: 1000, announce: true },
  ]);
  // A welcome means the connection works: the next loss starts from the shortest wait again.
  const welcomed = step(r.session, { type: 'welcome', admitted: false }).session;
  assert.equal(welcomed.retries, 0);
  assert.deepEqual(step(welcomed, closed(1006)).effects, [
    { type: 'reconnect', delayMs: 500, announce: true },
  ]);
});

test('a server restarting (1012) is left at once; should that fail too, the waits back off', () => {
  const inRoom = run({ type: 'join' }, { type: 'welcome', admitted: true }, { type: 'room' });
  const restart = step(inRoom.session, closed(1012));
  assert.deepEqual(restart.effects, [{ type: 'reconnect', delayMs: 0, announce: true }]);
  assert.deepEqual(step(restart.session, closed(1012)).effects, [
    { type: 'reconnect', delayMs: 1000, announce: true },
  ]);
});

test('never connected after five tries: give up; once in the lobby or room, keep trying', () => {
  const tries = Array.from({ length: MAX_CONNECT_RETRIES }, () => closed(1006));
  const connecting = run({ type: 'join' }, ...tries);
  assert.ok(connecting.effects.every((e) => e.type !== 'reconnect' || !e.announce));
  assert.deepEqual(step(connecting.session, closed(1006)).effects, [
    { type: 'teardown' },
    { type: 'final', stage: 'error', error: 'unreachable' },
  ]);
  const inRoom = run(
    { type: 'join' },
    { type: 'welcome', admitted: true },
    { type: 'room' },
    ...tries,
    ...tries,
  );
  assert.equal(inRoom.session.finished, false);
  assert.deepEqual(inRoom.effects.at(-1), { type: 'reconnect', delayMs: 5000, announce: true });
});

test('a close code decides: another tab took over, the server refuses, or try again', () => {
  const s = run({ type: 'join' }, { type: 'welcome', admitted: false }).session;
  assert.deepEqual(afterClose(s, 4000), { kind: 'give-up', error: 'replaced' });
  for (const code of [1008, 4001, 4401, 4999])
    assert.deepEqual(afterClose(s, code), { kind: 'give-up', error: 'unavailable' }, String(code));
  for (const code of [1000, 1001, 1006, 1011, 5000])
    assert.deepEqual(afterClose(s, code), { kind: 'retry' }, String(code));
});

test('after the meeting is over for us (or the page went away), nothing reconnects', () => {
  const events = fc.array(
    fc.oneof(
      fc.constant<SessionEvent>({ type: 'join' }),
      fc.boolean().map<SessionEvent>((admitted) => ({ type: 'welcome', admitted })),
      fc.constant<SessionEvent>({ type: 'room' }),
      fc.integer({ min: 1000, max: 4999 }).map(closed),
    ),
    { maxLength: 30 },
  );
  const stop = fc.oneof(
    fc.constant<SessionEvent>({ type: 'page-hidden' }),
    fc
      .constantFrom('ended', 'denied', 'removed', 'left' as const)
      .map<SessionEvent>((stage) => ({ type: 'finish', stage })),
  );
  fc.assert(
    fc.property(events, stop, events, (before, end, after) => {
      const r = run(...before, end);
      const stage = r.session.stage;
      for (const e of after) {
        const next = step(r.session, e);
        assert.deepEqual(next.effects, []);
        assert.equal(next.session.stage, stage);
      }
    }),
  );
});

test('retry waits never shrink between welcomes and never pass 5 s', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1000, max: 1015 }), { maxLength: 20 }), (codes) => {
      const r = run(
        { type: 'join' },
        { type: 'welcome', admitted: true },
        { type: 'room' },
        ...codes.map(closed),
      );
      const delays = r.effects.flatMap((e) => (e.type === 'reconnect' ? [e.delayMs] : []));
      delays.forEach((d, i) => {
        assert.ok(d <= 5000);
        if (i > 0) assert.ok(d >= delays[i - 1]!);
      });
    }),
  );
});

const reading = (over: Partial<Parameters<typeof linkQuality>[0]> = {}) => ({
  fractionLost: 0,
  rtt: 0.05,
  bitrate: 1_000_000,
  lost: 0,
  received: 1000,
  ...over,
});
const none = { lost: 0, received: 0 };

test('quality: loss, round-trip time and (sending video) bandwidth decide, at their thresholds', () => {
  const q = (over: Partial<ReturnType<typeof reading>>, video = true) =>
    linkQuality(reading(over), none, video).quality;
  assert.equal(q({}), 'good');
  assert.equal(q({ fractionLost: 0.029 }), 'good');
  assert.equal(q({ fractionLost: 0.03 }), 'weak');
  assert.equal(q({ fractionLost: 0.1 }), 'poor');
  assert.equal(q({ rtt: 0.25 }), 'weak');
  assert.equal(q({ rtt: 0.5 }), 'poor');
  assert.equal(q({ bitrate: 199_999 }), 'weak');
  assert.equal(q({ bitrate: 79_999 }), 'poor');
  // Without video the bandwidth estimate says nothing about the call.
  assert.equal(q({ bitrate: 10_000 }, false), 'good');
  assert.equal(q({ bitrate: Infinity }), 'good');
});

test('quality: inbound loss counts only the packets since the previous reading', () => {
  // 50 lost of 1,000 overall, but none since the last reading: good.
  const before = { lost: 50, received: 950 };
  const same = linkQuality(reading({ lost: 50, received: 1950 }), before, true);
  assert.equal(same.quality, 'good');
  assert.deepEqual(same.count, { lost: 50, received: 1950 });
  // 10 lost of the next 100: poor.
  assert.equal(linkQuality(reading({ lost: 60, received: 1040 }), before, true).quality, 'poor');
});

test('quality gets no better as any figure gets worse', () => {
  const rank = { good: 0, weak: 1, poor: 2 };
  fc.assert(
    fc.property(
      fc.record({
        fractionLost: fc.double({ min: 0, max: 1, noNaN: true }),
        rtt: fc.double({ min: 0, max: 2, noNaN: true }),
        bitrate: fc.double({ min: 0, max: 5e6, noNaN: true }),
      }),
      fc.constantFrom('fractionLost', 'rtt', 'bitrate' as const),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
      (r, figure, by, video) => {
        const worse = { ...r, [figure]: figure === 'bitrate' ? r[figure] * by : r[figure] + by };
        const a = linkQuality(reading(r), none, video).quality;
        const b = linkQuality(reading(worse), none, video).quality;
        assert.ok(rank[b] >= rank[a], `${figure}: ${a} → ${b}`);
      },
    ),
  );
});

test('a connection is judged once connected for the ramp-up; the room is as good as its worst', () => {
  assert.equal(judged(true, 1000, 1000 + RAMP_UP_MS - 1), false);
  assert.equal(judged(true, 1000, 1000 + RAMP_UP_MS), true);
  assert.equal(judged(false, 0, 60_000), false);
  assert.equal(worstQuality([]), 'good');
  assert.equal(worstQuality([null, 'good']), 'good');
  assert.equal(worstQuality(['good', 'weak', null]), 'weak');
  assert.equal(worstQuality(['weak', 'poor', 'good']), 'poor');
});

test('poor for ten seconds while sending the camera falls back to audio, once', () => {
  let poorSince: number | null = null;
  const at = (now: number, quality: 'good' | 'weak' | 'poor', camera = true) => {
    const r = audioFallback(poorSince, quality, now, camera);
    poorSince = r.poorSince;
    return r.fallBack;
  };
  assert.equal(at(0, 'poor'), false);
  assert.equal(at(FALLBACK_AFTER_MS - 1, 'poor'), false);
  assert.equal(at(FALLBACK_AFTER_MS, 'poor'), true);
  // It starts afresh after a fallback.
  assert.equal(at(FALLBACK_AFTER_MS + 2000, 'poor'), false);
  // A better reading in between starts the count again.
  poorSince = null;
  assert.equal(at(0, 'poor'), false);
  assert.equal(at(5000, 'weak'), false);
  assert.equal(at(9000, 'poor'), false);
  assert.equal(at(15_000, 'poor'), false);
  assert.equal(at(19_000, 'poor'), true);
  // Without the camera (audio only, or sharing the screen) there is nothing to drop.
  poorSince = null;
  assert.equal(at(0, 'poor', false), false);
  assert.equal(at(60_000, 'poor', false), false);
});

test('the mesh: close who left, open to newcomers, restart what does not work, keep the rest', () => {
  const connections = new Map([
    ['b', true],
    ['c', false],
    ['gone', true],
  ]);
  assert.deepEqual(meshDiff(connections, ['a', 'b', 'c', 'd'], 'a'), {
    close: ['gone'],
    open: ['d'],
    restart: ['c'],
    keep: ['b'],
  });
});

test('the mesh diff: every other person ends up with exactly one connection; nobody connects to themself', () => {
  const id = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
  fc.assert(
    fc.property(fc.array(fc.tuple(id, fc.boolean())), fc.array(id), id, (conns, people, me) => {
      const connections = new Map(conns.filter(([x]) => x !== me));
      const d = meshDiff(connections, people, me);
      const others = new Set(people.filter((x) => x !== me));
      const after = new Set([...d.open, ...d.restart, ...d.keep]);
      assert.deepEqual(after, others);
      assert.equal(d.open.length + d.restart.length + d.keep.length, others.size);
      assert.ok(!after.has(me));
      for (const x of d.close) assert.ok(connections.has(x) && !others.has(x));
      for (const x of d.open) assert.ok(!connections.has(x));
      for (const x of d.restart) assert.equal(connections.get(x), false);
      for (const x of d.keep) assert.equal(connections.get(x), true);
    }),
  );
});

test('of two peers exactly one is polite', () => {
  fc.assert(
    fc.property(fc.uuid(), fc.uuid(), (a, b) => {
      fc.pre(a !== b);
      assert.notEqual(isPolite(a, b), isPolite(b, a));
    }),
  );
});

// ---------------------------------------------------------------- the active speaker

const levels = (entries: Record<string, number>) => new Map(Object.entries(entries));

test('the first to speak in a quiet room gets the big tile at once; silence keeps it', () => {
  let s = nextSpeaker(noSpeaker, levels({ ana: 0.001, bor: 0.002 }), 0);
  assert.equal(s.speaker, null);
  s = nextSpeaker(s, levels({ ana: 0.3, bor: 0.002 }), 500);
  assert.equal(s.speaker, 'ana');
  s = nextSpeaker(s, levels({ ana: 0, bor: 0 }), 60_000);
  assert.equal(s.speaker, 'ana');
});

test('someone else takes over only after leading for TAKE_OVER_MS without a break', () => {
  let s: SpeakerState = { speaker: 'ana', candidate: null, since: 0 };
  s = nextSpeaker(s, levels({ ana: 0.05, bor: 0.3 }), 1000);
  assert.deepEqual(s, { speaker: 'ana', candidate: 'bor', since: 1000 });
  s = nextSpeaker(s, levels({ ana: 0.05, bor: 0.3 }), 1000 + TAKE_OVER_MS - 1);
  assert.equal(s.speaker, 'ana');
  s = nextSpeaker(s, levels({ ana: 0.05, bor: 0.3 }), 1000 + TAKE_OVER_MS);
  assert.deepEqual(s, { speaker: 'bor', candidate: null, since: 0 });
});

test('two people talking over each other, or a cough, do not make the big tile flap', () => {
  let s: SpeakerState = { speaker: 'ana', candidate: null, since: 0 };
  // Bor and Ana take turns being loudest every half second for a minute.
  for (let t = 0; t < 60_000; t += 500) {
    const borLouder = (t / 500) % 2 === 0;
    s = nextSpeaker(s, levels({ ana: borLouder ? 0.1 : 0.4, bor: borLouder ? 0.4 : 0.1 }), t);
    assert.equal(s.speaker, 'ana');
  }
  // Only slightly louder than the speaker: not leading.
  for (let t = 0; t < 10_000; t += 500)
    s = nextSpeaker(s, levels({ ana: 0.2, bor: 0.2 * LEAD_FACTOR - 0.01 }), t);
  assert.equal(s.speaker, 'ana');
});

test('a speaker who left loses the big tile; levels below speech count as silence', () => {
  let s: SpeakerState = { speaker: 'ana', candidate: null, since: 0 };
  s = nextSpeaker(s, levels({ bor: SPEECH_LEVEL }), 100);
  assert.equal(s.speaker, null);
  s = nextSpeaker(s, levels({ bor: 0.2 }), 200);
  assert.equal(s.speaker, 'bor');
});

test('the speaker is always someone present, and changes at most once per TAKE_OVER_MS', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.double({ min: 0, max: 1, noNaN: true })),
        { maxLength: 80 },
      ),
      (readings) => {
        let s = noSpeaker;
        let lastChange = -Infinity;
        let t = 0;
        let first = true;
        for (const r of readings) {
          t += 500;
          const next = nextSpeaker(s, levels(r), t);
          if (next.speaker !== null) assert.ok(next.speaker in r);
          if (next.speaker !== s.speaker && next.speaker !== null && s.speaker !== null) {
            assert.ok(t - lastChange >= TAKE_OVER_MS);
            lastChange = t;
          } else if (next.speaker !== s.speaker) {
            if (!first) lastChange = t;
            first = false;
          }
          s = next;
        }
      },
    ),
  );
});
