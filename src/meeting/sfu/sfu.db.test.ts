// The room's limit, and the SFU's messages at the lobby and without Janus, over real sockets.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp, cookiesOf } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../testing.ts';

async function listen(okence: Okence): Promise<string> {
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** A port nothing listens on: Janus "unreachable". */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`the room's limit and the SFU's messages, on ${kind}`, () => {
    const sockets: TestSocket[] = [];
    const apps: Okence[] = [];
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await Promise.all(apps.map((a) => a.close()));
    });

    async function meeting(env: Record<string, string>, ip: string) {
      const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
      const okence = await bootTestApp(kind, { clock, env });
      apps.push(okence);
      const base = await listen(okence);
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: `${kind}-${ip}@example.si`,
        name: 'Ana Novak',
        ip,
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const open = (path: string, cookie?: string) => {
        const s = openSocket(base, path, cookie ? { cookie } : {});
        sockets.push(s);
        return s;
      };
      const staff = open(
        `/staff/meetings/${b.id}/ws`,
        await staffCookie(okence, 'uradnik@domzale.example', ip),
      );
      /** Another browser on the citizen's link: it knocks; returns its socket and participant id. */
      const browser = async () => {
        const page = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}` });
        const cookie = Object.entries(cookiesOf(page))
          .map(([k, v]) => `${k}=${v}`)
          .join('; ');
        const s = open(`/j/${b.joinToken}/ws`, cookie);
        const w = await s.next('welcome');
        return { s, id: w.you.id, welcome: w };
      };
      return { staff, browser, open, ip, b, okence };
    }

    test('a mesh holds four: the official cannot let a fifth in (room_full), who stays in the lobby', async () => {
      const { staff, browser } = await meeting({}, '203.0.113.81');
      const w = await staff.next('welcome');
      assert.deepEqual([w.media, w.maxPeople], ['mesh', 4]);
      for (let i = 0; i < 3; i++) {
        const p = await browser();
        staff.send({ type: 'admit', participant: p.id });
        await p.s.next('room');
      }
      const fifth = await browser();
      staff.send({ type: 'admit', participant: fifth.id });
      assert.equal((await staff.next('error')).code, 'room_full');
      staff.send({ type: 'ping' });
      await staff.next('pong');
      assert.ok(!fifth.s.messages.some((m) => m.type === 'admitted'));
    });

    test('two officials letting the last two in at once: one gets in, the other answer is room_full', async () => {
      const { staff, browser, open, ip, b, okence } = await meeting({}, '203.0.113.83');
      await staff.next('welcome');
      const colleague = open(
        `/staff/meetings/${b.id}/ws`,
        await staffCookie(okence, 'ana.horvat@domzale.example', ip),
      );
      await colleague.next('room');
      const first = await browser();
      staff.send({ type: 'admit', participant: first.id });
      await first.s.next('room');
      // Three in a room of four; two knock and each official lets one in at the same moment.
      const [x, y] = [await browser(), await browser()];
      staff.send({ type: 'admit', participant: x.id });
      colleague.send({ type: 'admit', participant: y.id });
      // Both answers are in once one official hears room_full (a condition, polled) and one
      // knocker is admitted; then the database says who is in.
      const errors = () =>
        [...staff.messages, ...colleague.messages].filter((m) => m.type === 'error');
      for (const end = Date.now() + 10_000; errors().length === 0;) {
        assert.ok(Date.now() < end, 'no room_full: both officials let someone in past four');
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.deepEqual(
        errors().map((m) => m.type === 'error' && m.code),
        ['room_full'],
      );
      const states = await okence.handle.db
        .selectFrom('meeting_participant')
        .select('state')
        .where('id', 'in', [x.id, y.id])
        .execute();
      assert.deepEqual(states.map((r) => r.state).sort(), ['admitted', 'knocking']);
    });

    test('with Janus unreachable: a room of twelve, the admitted hear sfu-unavailable, the lobby nothing', async () => {
      const env = {
        JANUS_URL: `ws://127.0.0.1:${await deadPort()}`,
        JANUS_ADMIN_KEY: 'an-admin-key-of-16+',
      };
      const { staff, browser } = await meeting(env, '203.0.113.82');
      const w = await staff.next('welcome');
      assert.deepEqual([w.media, w.maxPeople], ['sfu', 12]);
      await staff.next('sfu-unavailable', 15_000);
      const knocker = await browser();
      knocker.s.send({
        type: 'sfu-publish',
        description: { type: 'offer', sdp: 'v=0' },
        screenMid: null,
      });
      assert.equal((await knocker.s.next('error')).code, 'forbidden');
      staff.send({ type: 'admit', participant: knocker.id });
      await knocker.s.next('sfu-unavailable', 15_000);
      const beforeAdmission = knocker.s.messages.slice(
        0,
        knocker.s.messages.findIndex((m) => m.type === 'admitted'),
      );
      assert.ok(!beforeAdmission.some((m) => m.type.startsWith('sfu-')));
    });
  });
}
