import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { semaphore } from './semaphore.ts';

test('at most `limit` hold it at once; waiters get in in arrival order', async () => {
  const s = semaphore(2);
  const order: number[] = [];
  const a = await s.acquire();
  const b = await s.acquire();
  const c = s.acquire().then((r) => (order.push(3), r));
  const d = s.acquire().then((r) => (order.push(4), r));
  assert.deepEqual([s.active, s.waiting], [2, 2]);
  a();
  a(); // a second release of the same place changes nothing
  const rc = await c;
  assert.deepEqual([s.active, s.waiting], [2, 1]);
  b();
  const rd = await d;
  rc();
  rd();
  assert.deepEqual(order, [3, 4]);
  assert.deepEqual([s.active, s.waiting], [0, 0]);
});

test('never more than the limit at once, whatever the timing (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.nat(5), { minLength: 1, maxLength: 30 }),
      async (limit, delays) => {
        const s = semaphore(limit);
        let inside = 0;
        let most = 0;
        await Promise.all(
          delays.map(async (ms) => {
            const release = await s.acquire();
            inside++;
            most = Math.max(most, inside);
            await new Promise((r) => setTimeout(r, ms));
            inside--;
            release();
          }),
        );
        return most <= limit && s.active === 0 && s.waiting === 0;
      },
    ),
    { numRuns: 50 },
  );
});

test('a nonsense limit is a programming error', () => {
  assert.throws(() => semaphore(0));
  assert.throws(() => semaphore(1.5));
});
