import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addressedTo,
  admittedAfter,
  arrivalState,
  delivers,
  isFinal,
  MAX_BROWSERS_PER_LINK,
  mayAdmit,
  mayBringBrowser,
  maySend,
  mayTurnOut,
  PARTICIPANT_STATES,
  stateAfterDisconnect,
  type Audience,
  type Member,
} from './lobby.ts';
import { clientMessage, type Role, type ServerMessage } from './protocol.ts';

const ROLES = ['citizen', 'guest', 'staff'] as const satisfies readonly Role[];
const CLIENT_TYPES = clientMessage.options.map((o) => o.shape.type.value);
const SERVER_TYPES = [
  'welcome',
  'room',
  'peer-joined',
  'peer-left',
  'peer-media',
  'signal',
  'chat',
  'minutes',
  'identity-verified',
  'files',
  'lobby',
  'admitted',
  'denied',
  'removed',
  'invited',
  'ended',
  'knock',
  'lobby-left',
  'lobby-answered',
  'error',
  'pong',
  'sfu-answer',
  'sfu-offer',
  'sfu-candidate',
  'sfu-unavailable',
] as const satisfies readonly ServerMessage['type'][];
// The build breaks when the protocol gains a message type this list (and so these tests) lacks.
const _everyType: Exclude<ServerMessage['type'], (typeof SERVER_TYPES)[number]> extends never
  ? true
  : false = true;
/** What someone waiting may hear: their welcome, their answer, the end, errors and pongs. */
const LOBBY_HEARS = new Set(['welcome', 'admitted', 'denied', 'removed', 'ended', 'error', 'pong']);

const role = fc.constantFrom(...ROLES);
const state = fc.constantFrom(...PARTICIPANT_STATES);
const serverType = fc.constantFrom(...SERVER_TYPES);
const ids = ['a', 'b', 'c'];
const member = fc.record({
  participantId: fc.constantFrom(...ids),
  role,
  admitted: fc.boolean(),
}) satisfies fc.Arbitrary<Member>;
const audience: fc.Arbitrary<Audience> = fc.oneof(
  fc.constantFrom(...ids).map((participant) => ({ participant })),
  fc.constant({ admitted: true as const }),
  fc.constant({ staff: true as const }),
  fc.constant({ everyone: true as const }),
);

test('staff enter admitted; others go back in only when admitted before, else they knock', () => {
  for (const before of [undefined, ...PARTICIPANT_STATES]) {
    assert.equal(arrivalState('staff', before), 'admitted');
    for (const r of ['citizen', 'guest'] as const)
      assert.equal(arrivalState(r, before), before === 'admitted' ? 'admitted' : 'knocking');
  }
});

test('a link brings at most ten browsers; staff come by account, without a limit', () => {
  assert.equal(MAX_BROWSERS_PER_LINK, 10);
  assert.equal(mayBringBrowser('citizen', 9), true);
  assert.equal(mayBringBrowser('citizen', 10), false);
  assert.equal(mayBringBrowser('guest', 10), false);
  assert.equal(mayBringBrowser('staff', 1000), true);
});

test('a closed connection takes a knocker out of the lobby and keeps every other state', () => {
  assert.equal(stateAfterDisconnect('knocking'), 'left');
  for (const s of PARTICIPANT_STATES.filter((x) => x !== 'knocking'))
    assert.equal(stateAfterDisconnect(s), s);
  fc.assert(
    fc.property(state, (s) => {
      // Nobody is admitted by leaving, and leaving twice is leaving once.
      assert.equal(stateAfterDisconnect(s) === 'admitted', s === 'admitted');
      assert.equal(stateAfterDisconnect(stateAfterDisconnect(s)), stateAfterDisconnect(s));
    }),
  );
});

test('only a knocker can be let in; any participant but an official can be turned out', () => {
  for (const s of PARTICIPANT_STATES) assert.equal(mayAdmit({ state: s }), s === 'knocking');
  for (const r of ROLES) assert.equal(mayTurnOut({ role: r }), r !== 'staff');
});

test('a knocker may only ping; staff-only messages need staff; everyone admitted may signal and chat', () => {
  for (const type of CLIENT_TYPES) {
    for (const r of ROLES)
      assert.equal(maySend(r, false, type), type === 'ping', `${r} in the lobby: ${type}`);
    assert.equal(maySend('staff', true, type), true, `staff: ${type}`);
  }
  for (const type of [
    'admit',
    'deny',
    'remove',
    'minutes',
    'verify-identity',
    'invite',
    'end',
    'no-show',
    'open-folder',
  ] as const) {
    assert.equal(maySend('citizen', true, type), false);
    assert.equal(maySend('guest', true, type), false);
  }
  for (const type of ['signal', 'chat', 'media'] as const)
    assert.equal(maySend('guest', true, type), true);
});

test('someone waiting receives nothing of the room, whoever it is addressed to', () => {
  fc.assert(
    fc.property(member, audience, serverType, (m, to, type) => {
      const got = delivers(m, to, type);
      if (!m.admitted && got) assert.ok(LOBBY_HEARS.has(type), `${type} reached the lobby`);
      // What is addressed to someone in the room reaches them whatever it is.
      if (m.admitted) assert.equal(got, addressedTo(m, to));
      // Only officials in the room hear what is for staff.
      if ('staff' in to && got) assert.ok(m.role === 'staff' && m.admitted);
    }),
  );
});

test('one is in the room only from an admission delivered to one until a denial, removal or end', () => {
  // A citizen arrives and then hears whatever the hub sends to whichever audience: they hear a
  // room message only while an admission addressed to them stands.
  fc.assert(
    fc.property(
      fc.constantFrom<'citizen' | 'guest'>('citizen', 'guest'),
      fc.array(fc.tuple(audience, serverType), { maxLength: 40 }),
      (r, events) => {
        const m: Member = { participantId: 'a', role: r, admitted: false };
        m.admitted = arrivalState(r, undefined) === 'admitted';
        let letIn = false;
        for (const [to, type] of events) {
          if (!delivers(m, to, type)) continue;
          if (!LOBBY_HEARS.has(type)) assert.ok(letIn, `${type} before admission`);
          if (type === 'admitted') letIn = true;
          if (isFinal(type)) letIn = false;
          m.admitted = admittedAfter(m.admitted, type);
          assert.equal(m.admitted, letIn);
        }
      },
    ),
  );
});

test('admission lets in, a denial, removal or the end puts out, anything else changes nothing', () => {
  for (const type of SERVER_TYPES) {
    for (const before of [true, false]) {
      const expected =
        type === 'admitted' ? true : ['denied', 'removed', 'ended'].includes(type) ? false : before;
      assert.equal(admittedAfter(before, type), expected, `${type} from ${before}`);
    }
    assert.equal(isFinal(type), ['denied', 'removed', 'ended'].includes(type));
  }
});
