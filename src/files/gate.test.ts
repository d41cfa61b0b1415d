import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uploadGate } from './gate.ts';

test('one person has at most two uploads in progress, a group (a meeting) four; leaving frees the place once', () => {
  const gate = uploadGate({ perPerson: 2, perGroup: 4 });
  const a1 = gate.enter('m1', 'citizen');
  const a2 = gate.enter('m1', 'citizen');
  assert.ok(a1 && a2);
  assert.equal(gate.enter('m1', 'citizen'), null, 'a third from the same person');
  assert.ok(gate.enter('m2', 'citizen'), 'the same id in another meeting is another person');
  const b1 = gate.enter('m1', 'official');
  const b2 = gate.enter('m1', 'official');
  assert.ok(b1 && b2);
  assert.equal(gate.enter('m1', 'guest'), null, 'the meeting has four in progress');
  a1();
  a1(); // a second call gives back nothing more
  assert.ok(gate.enter('m1', 'guest'));
  assert.equal(gate.enter('m1', 'citizen'), null);
});
