// Janus's own wall (decision 054), tested by talking to a real Janus directly, as someone who
// got past the operator's loopback binding and holds the API secret would: without the pin,
// without an admitted connection's token, with a turned-out participant's token,
// asking to record, loading Record&Play, or
// reaching the admin API — each refused. Okence's side runs as in production.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp, cookiesOf } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../testing.ts';
import { janusClient, JanusError, type JanusHandle } from './janus-client.ts';
import { KEYFRAME_EVERY_S, VIDEOROOM } from './rooms.ts';
import { roomKeys } from './rules.ts';
import { startJanus, type TestJanus } from './testing-janus.ts';

const SECRET = randomBytes(24).toString('hex');
const quiet = { warn: () => undefined };

async function refused(p: Promise<unknown>, codes: number[]): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof JanusError, String(err));
    assert.ok(codes.includes(err.code), `${err.message} (expected ${codes.join(' or ')})`);
    return true;
  });
}

/** Polls until `check` holds (Janus's state follows Okence's requests asynchronously). */
async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let janus: TestJanus;
before(async () => {
  janus = await startJanus();
});
after(async () => {
  await janus.stop();
});

for (const kind of DB_KINDS) {
  describe(`an intruder at Janus, on ${kind}`, () => {
    let okence: Okence;
    let base: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const sockets: TestSocket[] = [];
    let raw: ReturnType<typeof janusClient>;
    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: {
          JANUS_URL: janus.url,
          JANUS_API_SECRET: janus.apiSecret,
          JANUS_ADMIN_KEY: janus.adminKey,
          SESSION_SECRET: SECRET,
        },
      });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
      raw = janusClient({ url: janus.url, apiSecret: janus.apiSecret, log: quiet });
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await raw.close();
      await okence.close();
    });
    const open = (path: string, cookie?: string) => {
      const s = openSocket(base, path, cookie ? { cookie } : {});
      sockets.push(s);
      return s;
    };

    test('no pin, no token, a turned-out token, no private id, recording, Record&Play, the admin API: all refused', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: `${kind}@example.si`,
        name: 'Ana Novak',
        ip: '203.0.113.71',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const keys = roomKeys(SECRET, b.id);
      const staff = open(
        `/staff/meetings/${b.id}/ws`,
        await staffCookie(okence, 'uradnik@domzale.example'),
      );
      assert.equal((await staff.next('welcome')).media, 'sfu');
      const page = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}` });
      const cookie = Object.entries(cookiesOf(page))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const ana = open(`/j/${b.joinToken}/ws`, cookie);
      const anaId = (await ana.next('welcome')).you.id;
      staff.send({ type: 'admit', participant: anaId });
      await ana.next('room');

      const session = await raw.createSession(() => undefined);
      const events: { data?: Record<string, unknown> }[] = [];
      const h: JanusHandle = await session.attach(VIDEOROOM, (e) => events.push(e));
      const participants = async () => {
        const { data } = await h.message({ request: 'listparticipants', room: keys.room });
        return (data.participants as { id: number; display: string }[]) ?? [];
      };
      const displays = async () => (await participants()).map((p) => p.display);
      await until(async () => (await displays()).includes(anaId), 'Ana publishes in Janus');
      // The room is private: not in the list of rooms.
      const { data: rooms } = await h.message({ request: 'list' });
      assert.ok(!(rooms.list as { room: number }[]).some((r) => r.room === keys.room));
      // With the admin key it is listed: no recording, and a keyframe asked of each camera
      // every ten seconds (a stream added to a receiving connection waits for one).
      const { data: all } = await h.message({ request: 'list', admin_key: janus.adminKey });
      const room = (all.list as { room: number; record: boolean; fir_freq: number }[]).find(
        (r) => r.room === keys.room,
      );
      assert.deepEqual(room && { record: room.record, fir_freq: room.fir_freq }, {
        record: false,
        fir_freq: KEYFRAME_EVERY_S,
      });

      const join = { request: 'join', ptype: 'publisher', room: keys.room, display: anaId };
      await refused(h.message(join), [429, 433]);
      await refused(h.message({ ...join, pin: 'guessed' }), [433]);
      await refused(h.message({ ...join, pin: keys.pin }), [433]);
      await refused(h.message({ ...join, pin: keys.pin, token: `${anaId}.guessed` }), [433]);
      // A subscriber without a publisher's private id: e2e/meeting-sfu-relay.test.ts (that needs a feed sending media).
      await refused(
        h.message({ request: 'enable_recording', room: keys.room, record: true }),
        [429, 433],
      );
      await refused(
        h.message({ request: 'allowed', room: keys.room, action: 'disable', secret: 'guessed' }),
        [433],
      );

      // Suppose Ana's token leaked (read here with the room's secret, which only Okence has):
      // the intruder joins with it, posing as Ana; the official turns Ana out; the token no
      // longer opens the room and every feed shown as Ana is kicked.
      const { data: acl } = await h.message({
        request: 'allowed',
        room: keys.room,
        secret: keys.secret,
        action: 'add',
        allowed: [],
      });
      const token = (acl.allowed as string[]).find((t) => t.startsWith(anaId))!;
      assert.ok(token, 'Ana has a token of her own connection');
      const posing = await session.attach(VIDEOROOM, (e) => events.push(e));
      const joined = await posing.message({ ...join, pin: keys.pin, token });
      assert.equal(joined.data.videoroom, 'joined');
      // Asking to record without the room's secret changes nothing (lock_record).
      const rec = await posing.message({ request: 'configure', record: true, filename: 'x' });
      assert.equal(rec.data.configured, 'ok');
      staff.send({ type: 'remove', participant: anaId });
      await ana.next('removed');
      await until(
        async () => !(await displays()).includes(anaId),
        'both feeds shown as Ana kicked',
      );
      const again = await session.attach(VIDEOROOM, () => undefined);
      await refused(again.message({ ...join, pin: keys.pin, token }), [433]);

      // Only the VideoRoom is loaded, and there is no admin API.
      await refused(
        session.attach('janus.plugin.recordplay', () => undefined),
        [460],
      );
      await refused(
        session.attach('janus.plugin.streaming', () => undefined),
        [460],
      );
      await refused(raw.request({ janus: 'list_sessions' }), [457, 403]);
      assert.equal(await adminAnswers(janus.url), false);
      // Without the API secret Janus refuses even to open a session.
      const noSecret = janusClient({ url: janus.url, apiSecret: undefined, log: quiet });
      await refused(
        noSecret.createSession(() => undefined),
        [403],
      );
      await noSecret.close();

      // The end destroys the room.
      staff.send({ type: 'end' });
      await staff.next('ended');
      const probe = await session.attach(VIDEOROOM, () => undefined);
      await until(
        async () => !(await probe.message({ request: 'exists', room: keys.room })).data.exists,
        'the room destroyed at the end',
      );
      await session.destroy();
    });
  });
}

/** Whether anything answers Janus's admin protocol on the API's port. */
function adminAnswers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'janus-admin-protocol');
    const done = (ok: boolean) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 2000);
    ws.on('open', () =>
      ws.send(JSON.stringify({ janus: 'list_sessions', transaction: 't', admin_secret: 'x' })),
    );
    ws.on('message', (data: Buffer) => done(String(data).includes('"success"')));
    ws.on('error', () => done(false));
    ws.on('close', () => done(false));
  });
}
