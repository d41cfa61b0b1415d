import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_PEOPLE } from '../lobby.ts';
import {
  mayLetIn,
  mediaOf,
  roomKeys,
  streamsForBrowser,
  subscriptionChange,
  wantedStreams,
  type Feed,
  type SubscribedStream,
} from './rules.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const feed = (id: number, display: string, mids = ['0', '1']): Feed => ({
  id,
  display,
  streams: mids.map((mid, i) => ({ mid, type: i % 2 ? 'video' : 'audio' })),
});

test("a meeting's room keys: the same on every instance, different per booking and per installation", () => {
  const one = roomKeys('installation-secret-1', A);
  assert.deepEqual(roomKeys('installation-secret-1', A), one);
  assert.notDeepEqual(roomKeys('installation-secret-1', B), one);
  assert.notDeepEqual(roomKeys('installation-secret-2', A), one);
  assert.notEqual(one.pin, one.secret);
  fc.assert(
    fc.property(fc.string({ minLength: 16 }), fc.uuid(), (secret, booking) => {
      const k = roomKeys(secret, booking);
      assert.ok(Number.isSafeInteger(k.room) && k.room > 0, 'a room id JSON carries exactly');
      assert.ok(k.pin.length >= 40 && k.secret.length >= 40, '256-bit pin and secret');
    }),
  );
});

test('with Janus a room holds twelve, as a mesh four; staff let in only below the limit', () => {
  assert.deepEqual(mediaOf(true), { media: 'sfu', maxPeople: MAX_PEOPLE.sfu });
  assert.deepEqual(mediaOf(false), { media: 'mesh', maxPeople: 4 });
  assert.equal(mayLetIn(11, 12), true);
  assert.equal(mayLetIn(12, 12), false);
  assert.equal(mayLetIn(3, 4), true);
  assert.equal(mayLetIn(4, 4), false);
  assert.equal(mayLetIn(5, 4), false, 'past the limit by officials who came in');
});

test("a participant receives every other admitted participant's streams, never their own, never a stranger's", () => {
  const admitted = new Set([A, B]);
  const feeds = [feed(1, A), feed(2, B), feed(3, C), feed(4, 'intruder')];
  assert.deepEqual(wantedStreams(feeds, A, admitted), [
    { feed: 2, mid: '0' },
    { feed: 2, mid: '1' },
  ]);
  const data: Feed = {
    id: 5,
    display: B,
    streams: [
      { mid: '0', type: 'data' },
      { mid: '1', type: 'video', disabled: true },
      { mid: '2', type: 'video', description: 'screen' },
    ],
  };
  assert.deepEqual(wantedStreams([data], A, admitted), [{ feed: 5, mid: '2' }]);
  fc.assert(
    fc.property(
      // Janus gives every feed of a room its own id: two feeds with one id are not a case.
      fc.uniqueArray(fc.record({ id: fc.nat(), display: fc.constantFrom(A, B, C, 'x') }), {
        selector: (f) => f.id,
      }),
      fc.subarray([A, B, C]),
      fc.constantFrom(A, B, C),
      (fs, ids, self) => {
        const ok = new Set(ids);
        const byId = new Map(fs.map((f) => [f.id, f.display]));
        for (const w of wantedStreams(
          fs.map((f) => feed(f.id, f.display)),
          self,
          ok,
        )) {
          const who = fs.find((f) => f.id === w.feed)!.display;
          assert.ok(ok.has(who) && who !== self && byId.has(w.feed));
        }
      },
    ),
  );
});

test("Janus's subscribed streams are told to the browser by participant, and a stranger's not at all", () => {
  const streams: SubscribedStream[] = [
    { mid: '0', type: 'audio', active: true, feed_id: 2, feed_mid: '0', feed_display: B },
    { mid: '1', type: 'video', active: true, feed_id: 2, feed_mid: '1', feed_display: B },
    {
      mid: '2',
      type: 'video',
      active: true,
      feed_id: 2,
      feed_mid: '2',
      feed_display: B,
      feed_description: 'screen',
    },
    { mid: '3', type: 'video', active: true, feed_id: 9, feed_mid: '1', feed_display: C },
    { mid: '4', type: 'video', active: false },
    { mid: '5', type: 'data', active: true },
  ];
  assert.deepEqual(streamsForBrowser(streams, new Set([A, B])), [
    { mid: '0', participant: B, kind: 'audio', screen: false },
    { mid: '1', participant: B, kind: 'video', screen: false },
    { mid: '2', participant: B, kind: 'video', screen: true },
  ]);
});

test('a subscription changes by what is missing and what is no longer wanted', () => {
  const has: SubscribedStream[] = [
    { mid: '0', type: 'audio', feed_id: 2, feed_mid: '0' },
    { mid: '1', type: 'video', feed_id: 2, feed_mid: '1' },
    { mid: '2', type: 'video', feed_id: 3, feed_mid: '1' },
    { mid: '3', type: 'video', active: false },
  ];
  assert.deepEqual(
    subscriptionChange(has, [
      { feed: 2, mid: '0' },
      { feed: 2, mid: '1' },
      { feed: 4, mid: '1' },
    ]),
    { subscribe: [{ feed: 4, mid: '1' }], unsubscribe: [{ feed: 3, mid: '1' }] },
  );
  assert.deepEqual(subscriptionChange([], []), { subscribe: [], unsubscribe: [] });
});
