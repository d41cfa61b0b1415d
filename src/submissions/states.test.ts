import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isFinal,
  MESSAGE_MAX,
  STATES,
  staffActions,
  transition,
  type Action,
  type SubmissionState,
} from './states.ts';

const ACTIONS: Action[] = ['start', 'ask', 'done', 'refuse', 'answer'];
const state = fc.constantFrom(...STATES);
const action = fc.constantFrom(...ACTIONS);

test('the office’s path: received → in progress → needs completion → answered → done', () => {
  let s: SubmissionState = 'received';
  for (const [a, to] of [
    ['start', 'in_progress'],
    ['ask', 'needs_completion'],
    ['answer', 'in_progress'],
    ['ask', 'needs_completion'],
    ['answer', 'in_progress'],
    ['done', 'done'],
  ] as const) {
    const r = transition(s, a, 'text');
    assert.ok(r.ok, `${a} from ${s}`);
    assert.equal(r.to, to);
    s = r.to;
  }
});

test('an ask, a refusal and an answer need a message; taking it in hand and done do not', () => {
  assert.deepEqual(transition('in_progress', 'ask', '  '), {
    ok: false,
    error: 'message_required',
  });
  assert.deepEqual(transition('received', 'refuse', ''), { ok: false, error: 'message_required' });
  assert.deepEqual(transition('needs_completion', 'answer', '\n'), {
    ok: false,
    error: 'message_required',
  });
  assert.deepEqual(transition('received', 'start', ' '), {
    ok: true,
    to: 'in_progress',
    message: null,
  });
  assert.deepEqual(transition('in_progress', 'done', ' Hotovo. '), {
    ok: true,
    to: 'done',
    message: 'Hotovo.',
  });
  assert.deepEqual(transition('received', 'ask', 'x'.repeat(MESSAGE_MAX + 1)), {
    ok: false,
    error: 'message_too_long',
  });
});

test('the citizen answers only when asked', () => {
  for (const s of STATES)
    assert.equal(transition(s, 'answer', 'Přikládám').ok, s === 'needs_completion', s);
});

test('property: nothing leaves done or refused', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<SubmissionState>('done', 'refused'),
      action,
      fc.string(),
      (s, a, m) => {
        assert.equal(transition(s, a, m).ok, false);
        assert.ok(isFinal(s));
      },
    ),
  );
});

test('property: nothing ever leads back to received, and every allowed move changes the state', () => {
  fc.assert(
    fc.property(state, action, fc.string({ minLength: 1 }), (s, a, m) => {
      const r = transition(s, a, `${m}x`);
      if (!r.ok) return;
      assert.notEqual(r.to, 'received');
      assert.notEqual(r.to, s);
    }),
  );
});

test('property: the page offers exactly the staff actions the rule allows', () => {
  fc.assert(
    fc.property(state, (s) => {
      const allowed = (['start', 'ask', 'done', 'refuse'] as const).filter(
        (a) => transition(s, a, 'why').ok,
      );
      assert.deepEqual(staffActions(s), allowed);
    }),
  );
});

test('property: from every state but the final ones, done and refused are reachable', () => {
  fc.assert(
    fc.property(state, (s) => {
      if (isFinal(s)) return;
      assert.ok(transition(s, 'done', '').ok);
      assert.ok(transition(s, 'refuse', 'why').ok);
    }),
  );
});
