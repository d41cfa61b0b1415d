import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SfuStream } from '../protocol.ts';
import {
  LAYER_WIDTHS,
  SIMULCAST_ENCODINGS,
  layerFor,
  layoutOrder,
  receivePlan,
  tileKey,
  tilesByMid,
  type TileView,
} from './sfu-layout.ts';

const stream = (mid: string, participant: string, kind: 'audio' | 'video', screen = false) =>
  ({ mid, participant, kind, screen }) satisfies SfuStream;

test('the camera is sent in three layers, highest first as Janus expects, each half the size of the one before', () => {
  assert.deepEqual(
    SIMULCAST_ENCODINGS.map((e) => [e.rid, e.scaleResolutionDownBy ?? 1]),
    [
      ['h', 1],
      ['m', 2],
      ['l', 4],
    ],
  );
  const rates = SIMULCAST_ENCODINGS.map((e) => e.maxBitrate ?? 0);
  assert.ok(rates[0]! > rates[1]! && rates[1]! > rates[2]! && rates[2]! > 0);
});

test('a tile gets the lowest layer that fills it, counting device pixels', () => {
  assert.equal(layerFor(120, 1), 0);
  assert.equal(layerFor(200, 1), 0);
  assert.equal(layerFor(201, 1), 1);
  assert.equal(layerFor(120, 2), 1); // a small tile on a sharp phone screen
  assert.equal(layerFor(400, 1), 1);
  assert.equal(layerFor(401, 1), 2);
  assert.equal(layerFor(900, 1), 2);
  // A broken ratio counts as 1, not as nothing.
  assert.equal(layerFor(300, 0), 1);
  assert.equal(LAYER_WIDTHS.length, 3);
});

test('a larger tile never gets a lower layer', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 4000, noNaN: true }),
      fc.double({ min: 0, max: 4000, noNaN: true }),
      fc.constantFrom(1, 1.5, 2, 3),
      (a, b, dpr) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return layerFor(small, dpr) <= layerFor(large, dpr);
      },
    ),
  );
});

test('received mids go to their participant’s tile; a screen to a tile of its own; our own are skipped', () => {
  const byMid = tilesByMid(
    [
      stream('0', 'ana', 'audio'),
      stream('1', 'ana', 'video'),
      stream('2', 'ana', 'video', true),
      stream('3', 'me', 'video'),
      // A screen flag on sound means nothing: it plays from the person's tile.
      stream('4', 'bor', 'audio', true),
    ],
    'me',
  );
  assert.deepEqual(
    [...byMid].map(([mid, s]) => [mid, s.tile, s.kind]),
    [
      ['0', 'ana', 'audio'],
      ['1', 'ana', 'video'],
      ['2', 'ana:screen', 'video'],
      ['4', 'bor', 'audio'],
    ],
  );
  assert.equal(tileKey('ana', true), 'ana:screen');
});

test('the receive plan: a layer per shown tile, none for tiles out of sight, none at all in audio-only mode', () => {
  const streams = [
    stream('0', 'ana', 'audio'),
    stream('1', 'ana', 'video'),
    stream('2', 'bor', 'video'),
    stream('3', 'cene', 'video'),
    stream('4', 'ana', 'video', true),
    stream('10', 'dan', 'video'),
  ];
  const views = new Map<string, TileView>([
    ['ana', { visible: true, width: 500 }],
    ['bor', { visible: true, width: 150 }],
    ['cene', { visible: false, width: 300 }],
    ['ana:screen', { visible: true, width: 150 }],
    ['dan', { visible: true, width: 0 }],
  ]);
  assert.deepEqual(receivePlan(streams, 'me', views, 1, false), [
    { mid: '1', video: true, substream: 2 },
    { mid: '10', video: false },
    { mid: '2', video: true, substream: 0 },
    { mid: '3', video: false },
    { mid: '4', video: true, substream: 2 },
  ]);
  assert.ok(receivePlan(streams, 'me', views, 1, true).every((s) => !s.video));
  // A tile not drawn (yet) gets no video.
  assert.deepEqual(receivePlan([stream('7', 'eva', 'video')], 'me', new Map(), 1, false), [
    { mid: '7', video: false },
  ]);
});

test('layout: shared screens first and large, then the speaker (large while nobody shares), then the room’s order', () => {
  const people = [{ id: 'ana' }, { id: 'bor' }, { id: 'cene' }];
  assert.deepEqual(
    layoutOrder(people, [], 'bor').map((p) => [p.key, p.large]),
    [
      ['bor', true],
      ['ana', false],
      ['cene', false],
    ],
  );
  assert.deepEqual(
    layoutOrder(people, ['cene'], 'bor').map((p) => [p.key, p.large]),
    [
      ['cene:screen', true],
      ['bor', false],
      ['ana', false],
      ['cene', false],
    ],
  );
  // No speaker yet, or one who left: the room's order, nobody large.
  for (const speaker of [null, 'gone'])
    assert.deepEqual(
      layoutOrder(people, ['gone'], speaker).map((p) => [p.key, p.large]),
      [
        ['ana', false],
        ['bor', false],
        ['cene', false],
      ],
    );
});

test('layout: every person exactly once, whoever speaks or shares', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }),
      fc.subarray(['a', 'b', 'c', 'x']),
      fc.option(fc.constantFrom('a', 'b', 'x')),
      (ids, screens, speaker) => {
        const placed = layoutOrder(
          ids.map((id) => ({ id })),
          screens,
          speaker,
        );
        const cameras = placed.filter((p) => !p.screen).map((p) => p.key);
        assert.deepEqual([...cameras].sort(), [...ids].sort());
        assert.ok(placed.filter((p) => p.screen).every((p) => ids.includes(p.participant)));
        assert.ok(placed.filter((p) => p.large && !p.screen).length <= 1);
      },
    ),
  );
});
