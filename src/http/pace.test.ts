import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paceCheck } from './pace.ts';

function body() {
  const state = { bytes: 0, reading: true, done: false };
  return {
    state,
    progress: {
      bytesRead: () => state.bytes,
      reading: () => state.reading,
      done: () => state.done,
    },
  };
}

test('a body that keeps the minimum rate passes every window; one that trickles is too slow', () => {
  const fast = body();
  const check = paceCheck(fast.progress, 1000);
  for (let i = 0; i < 5; i++) {
    fast.state.bytes += 1000;
    assert.equal(check(), 'ok');
  }
  fast.state.bytes += 999;
  assert.equal(check(), 'too_slow');

  const loris = body();
  const slow = paceCheck(loris.progress, 1000);
  loris.state.bytes += 10; // a byte every few seconds
  assert.equal(slow(), 'too_slow');
});

test('a window in which the server was not reading does not count against the client', () => {
  const b = body();
  b.state.reading = false; // the handler has not started reading yet
  const check = paceCheck(b.progress, 1000);
  assert.equal(check(), 'ok');
  b.state.reading = true;
  assert.equal(check(), 'ok', 'reading only from the end of that window');
  assert.equal(check(), 'too_slow', 'a whole window of reading and nothing came');
  b.state.reading = false; // paused: the disk is behind
  assert.equal(check(), 'ok');
});

test('a complete body ends the checks', () => {
  const b = body();
  const check = paceCheck(b.progress, 1000);
  b.state.done = true;
  assert.equal(check(), 'done');
});
