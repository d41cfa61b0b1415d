import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimumDuration, type PacerTime } from './pacing.ts';

/** A clock the work moves forward, and a wait that records what it was asked for. */
function fakeTime() {
  let now = 1000;
  const waits: number[] = [];
  const time: PacerTime = {
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  return { time, waits, spend: (ms: number) => (now += ms) };
}

test('a quick answer waits out the rest of the floor', async () => {
  const t = fakeTime();
  const pacer = minimumDuration(300, t.time);
  assert.equal(
    await pacer.run(async () => {
      t.spend(40);
      return 'found';
    }),
    'found',
  );
  assert.deepEqual(t.waits, [260]);
});

test('found and not found end at the same time whatever each cost', async () => {
  const t = fakeTime();
  const pacer = minimumDuration(300, t.time);
  const ends: number[] = [];
  for (const cost of [3, 120, 299]) {
    const start = t.time.now();
    await pacer.run(async () => t.spend(cost));
    ends.push(t.time.now() - start);
  }
  assert.deepEqual(ends, [300, 300, 300]);
});

test('a failure is paced too, then thrown', async () => {
  const t = fakeTime();
  const pacer = minimumDuration(300, t.time);
  await assert.rejects(
    pacer.run(async () => {
      t.spend(10);
      throw new Error('refused');
    }),
    /refused/,
  );
  assert.deepEqual(t.waits, [290]);
});

test('work slower than the floor does not wait at all', async () => {
  const t = fakeTime();
  await minimumDuration(300, t.time).run(async () => t.spend(450));
  assert.deepEqual(t.waits, []);
});

test('the real clock waits at least the floor', async () => {
  const pacer = minimumDuration(30);
  const start = performance.now();
  await pacer.run(async () => undefined);
  // Timers may fire a millisecond or two early against performance.now(): a small tolerance.
  assert.ok(performance.now() - start >= 27);
});
