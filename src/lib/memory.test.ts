import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseMemory, releaseWhenIdle, youngGenerationBytes } from './memory.ts';

test('releaseMemory gives back the young generation that allocations grew', () => {
  // Short-lived garbage with a share that survives a while: the young generation grows.
  let keep: unknown[] = [];
  for (let i = 0; i < 2_000_000; i++) {
    keep.push({ i, s: `item ${i}` });
    if (keep.length > 50_000) keep = [];
  }
  const grown = youngGenerationBytes();
  assert.ok(grown > 1024 * 1024, `the young generation grew (${grown} bytes)`);
  releaseMemory();
  // What is left is at most the page the next allocation takes (256 KB).
  assert.ok(youngGenerationBytes() <= 512 * 1024, `${youngGenerationBytes()} bytes left`);
  assert.ok(keep.length >= 0);
});

test('releaseWhenIdle releases once per quiet spell, never while requests come', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let clock = 0;
  let releases = 0;
  const idle = releaseWhenIdle({ idleMs: 1000, now: () => clock, release: () => releases++ });
  const pass = (ms: number) => {
    for (let i = 0; i < ms / 250; i++) {
      clock += 250;
      t.mock.timers.tick(250);
    }
  };
  pass(750);
  assert.equal(releases, 0, 'not yet idle for a second');
  pass(250);
  assert.equal(releases, 1);
  pass(5000);
  assert.equal(releases, 1, 'once per quiet spell');
  // A request every half second: never idle.
  for (let i = 0; i < 10; i++) {
    idle.activity();
    pass(500);
  }
  assert.equal(releases, 1);
  pass(1000);
  assert.equal(releases, 2, 'the next quiet spell');
  idle.stop();
  pass(5000);
  idle.activity();
  pass(5000);
  assert.equal(releases, 2, 'stopped');
});
