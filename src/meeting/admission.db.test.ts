import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from './testing.ts';

async function listen(okence: Okence): Promise<string> {
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

// A join link is no key to the citizen's place in the meeting: it is in mail, history and
// (before issue 12) logs. The admission belongs to the browser that was let in.
for (const kind of DB_KINDS) {
  describe(`admission bound to the browser on ${kind}`, () => {
    let okence: Okence;
    let base: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const sockets: TestSocket[] = [];
    const open = (path: string, cookie?: string) => {
      const s = openSocket(base, path, cookie ? { cookie } : {});
      sockets.push(s);
      return s;
    };
    /** The next lobby list with someone in it (an admission's empty list may come first). */
    const lobbyWithSomeone = async (staff: TestSocket) => {
      for (;;) {
        const { waiting } = await staff.next('lobby');
        if (waiting.length) return waiting;
      }
    };
    /** A browser opening a page of a link: the Cookie header it carries from then on. */
    const browserOpens = async (path: string) => {
      const page = await okence.app.inject({ method: 'GET', url: path });
      assert.equal(page.statusCode, 200);
      return Object.entries(cookiesOf(page))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    };
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      base = await listen(okence);
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence.close();
    });

    test('a second browser on the join link knocks, flagged to the official; the citizen stays; a reload of the citizen gets straight back in', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'ana@example.si',
        name: 'Ana Novak',
        ip: '203.0.113.70',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const official = await staffCookie(okence, 'uradnik@domzale.example');
      const staff = open(`/staff/meetings/${b.id}/ws`, official);
      await staff.next('room');
      assert.deepEqual((await staff.next('lobby')).waiting, []);

      const anasBrowser = await browserOpens(`/j/${b.joinToken}`);
      const ana = open(`/j/${b.joinToken}/ws`, anasBrowser);
      assert.equal((await ana.next('welcome')).state, 'lobby');
      const knock = (await staff.next('lobby')).waiting;
      assert.deepEqual(
        knock.map((k) => [k.name, k.sameLink]),
        [['Ana Novak', null]],
      );
      staff.send({ type: 'admit', participant: knock[0]!.id });
      await ana.next('room');
      staff.send({ type: 'chat', text: 'Dober dan' });
      await ana.next('chat');

      // Someone else with the link, in another browser, and a name of their choosing in the URL.
      const otherBrowser = await browserOpens(`/j/${b.joinToken}`);
      assert.notEqual(otherBrowser, anasBrowser);
      const intruder = open(`/j/${b.joinToken}/ws?name=Uradnik`, otherBrowser);
      const welcome = await intruder.next('welcome');
      assert.equal(welcome.state, 'lobby', 'not let in by the link alone');
      assert.match(anasBrowser, /__Host-okence-meet=/);
      assert.equal(welcome.you.name, 'Ana Novak', 'the name comes from the booking, not the URL');
      const second = await lobbyWithSomeone(staff);
      assert.deepEqual(
        second.map((k) => [k.name, k.sameLink]),
        [['Ana Novak', 'in_room']],
        'the official sees a second browser on the link',
      );
      // Ana is still in: her socket answers, and hears the room.
      ana.send({ type: 'ping' });
      await ana.next('pong');
      staff.send({ type: 'chat', text: 'Samo za sobo' });
      await ana.next('chat');
      assert.ok(
        !intruder.messages.some((m) =>
          ['room', 'chat', 'peer-joined', 'minutes', 'lobby'].includes(m.type),
        ),
        'the knocker hears nothing of the room',
      );
      // Nor does the second browser read the folder's pages (403), while Ana's browser does.
      const folderAs = (cookie: string) =>
        okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}/files`, headers: { cookie } });
      assert.equal((await folderAs(otherBrowser)).statusCode, 403);
      assert.equal((await folderAs(anasBrowser)).statusCode, 200);
      // Without any cookie: a knocker too.
      const bare = open(`/j/${b.joinToken}/ws`);
      assert.equal((await bare.next('welcome')).state, 'lobby');
      await staff.next('lobby');

      // Ana reloads: her browser comes straight back in, no second lobby.
      await ana.close();
      const again = open(`/j/${b.joinToken}/ws`, anasBrowser);
      assert.equal((await again.next('welcome')).state, 'admitted');
      const room = await again.next('room');
      assert.deepEqual(
        room.chat.map((c) => c.text),
        ['Dober dan', 'Samo za sobo'],
      );
      assert.equal(intruder.messages.filter((m) => m.type === 'welcome').length, 1);

      // The official turns the second browser away; Ana stays.
      staff.send({ type: 'deny', participant: second[0]!.id, message: '' });
      await intruder.next('denied');
      again.send({ type: 'ping' });
      await again.next('pong');
    });

    test('a guest link works the same way: a second browser knocks, the guest’s own reload returns', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-26',
        email: 'bor@example.si',
        name: 'Bor Kos',
        ip: '203.0.113.71',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const official = await staffCookie(okence, 'uradnik@domzale.example');
      const staff = open(`/staff/meetings/${b.id}/ws`, official);
      await staff.next('room');
      await staff.next('lobby');
      staff.send({ type: 'invite', name: 'Tolmač' });
      const path = new URL((await staff.next('invited')).url).pathname;
      const guestBrowser = await browserOpens(path);
      const guest = open(`${path}/ws`, guestBrowser);
      await guest.next('welcome');
      staff.send({ type: 'admit', participant: (await lobbyWithSomeone(staff))[0]!.id });
      await guest.next('room');
      const other = open(`${path}/ws`, await browserOpens(path));
      assert.equal((await other.next('welcome')).state, 'lobby');
      assert.deepEqual(
        (await lobbyWithSomeone(staff)).map((k) => [k.name, k.sameLink]),
        [['Tolmač', 'in_room']],
      );
      await guest.close();
      const back = open(`${path}/ws`, guestBrowser);
      assert.equal((await back.next('welcome')).state, 'admitted');
    });
  });
}
