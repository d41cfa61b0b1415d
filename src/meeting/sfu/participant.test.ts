// The order of Janus's messages, which a real Janus cannot be made to repeat: a publisher's
// `publishers` event handled before the answer to our own join (both in one read of its socket,
// as CI saw across two instances). The Janus socket is scripted here for that order alone; the
// real Janus is in intruder.db.test.ts and e2e/meeting-sfu*.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HandleEvent, JanusClient } from './janus-client.ts';
import { participantMedia } from './participant.ts';
import type { JanusRooms } from './rooms.ts';

const SELF = '00000000-0000-4000-8000-00000000000a';
const PARTNER = '00000000-0000-4000-8000-00000000000b';
const KEYS = { room: 1, pin: 'p', secret: 's' };

test("a partner's feed announced while our join is being answered is received", async () => {
  const subscribed: unknown[] = [];
  let handles = 0;
  const janus = {
    async createSession() {
      return {
        async attach(_plugin: string, onEvent: (e: HandleEvent) => void) {
          const publisher = handles++ === 0;
          return {
            async message(body: Record<string, unknown>) {
              if (publisher && body.request === 'join') {
                // The partner's feed arrives first; the join's answer (listing no one) after it.
                onEvent({
                  janus: 'event',
                  data: {
                    publishers: [
                      {
                        id: 7,
                        display: PARTNER,
                        streams: [
                          { mid: '0', type: 'audio' },
                          { mid: '1', type: 'video' },
                        ],
                      },
                    ],
                  },
                });
                return { data: { id: 1, private_id: 5, publishers: [] } };
              }
              if (!publisher && body.request === 'join') subscribed.push(body.streams);
              return { data: {} };
            },
            async trickle() {},
          };
        },
        async destroy() {},
      };
    },
  } as unknown as JanusClient;
  const rooms = {
    ensure: async () => KEYS,
    keysOf: () => KEYS,
    allowed: async () => undefined,
    kick: async () => undefined,
  } as unknown as JanusRooms;
  const media = participantMedia({
    janus,
    rooms,
    bookingId: 'b',
    participantId: SELF,
    send: () => undefined,
    admitted: async () => new Set([SELF, PARTNER]),
    log: { warn: (obj) => assert.fail(JSON.stringify(obj)) },
  });
  await media.enter();
  await media.changed(); // after the step the event queued
  assert.deepEqual(subscribed, [
    [
      { feed: 7, mid: '0' },
      { feed: 7, mid: '1' },
    ],
  ]);
});
