import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from './testing.ts';
import { MAX_FRAME_BYTES, MAX_MINUTES_CHARS } from './protocol.ts';

async function listen(okence: Okence): Promise<string> {
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

for (const kind of DB_KINDS) {
  describe(`meeting sockets on ${kind}`, () => {
    let okence: Okence;
    let base: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    let official: string;
    const sockets: TestSocket[] = [];
    const open = (path: string, opts: { cookie?: string; origin?: string } = {}) => {
      const s = openSocket(base, path, opts);
      sockets.push(s);
      return s;
    };
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      base = await listen(okence);
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence.close();
    });

    /** A browser opening a page of a link: the Cookie header it carries from then on. */
    const browserOpens = async (path: string) =>
      Object.entries(cookiesOf(await okence.app.inject({ method: 'GET', url: path })))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');

    let n = 0;
    async function booking() {
      n++;
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: `c${n}@example.si`,
        name: `Citizen ${n}`,
        ip: `203.0.113.${n}`,
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      // Sessions expire after 30 idle minutes of the test clock: sign in again at the new time.
      official = await staffCookie(okence, 'uradnik@domzale.example');
      return b;
    }

    test('a knocker gets no signalling, chat or participants until admitted, and sees no one else waiting', async () => {
      const b = await booking();
      const staff = open(`/staff/meetings/${b.id}/ws?name=Janez`, { cookie: official });
      assert.equal((await staff.next('welcome')).state, 'admitted');
      await staff.next('room');
      assert.deepEqual((await staff.next('lobby')).waiting, []);

      const citizensBrowser = await browserOpens(`/j/${b.joinToken}`);
      const citizen = open(`/j/${b.joinToken}/ws?name=Ana`, { cookie: citizensBrowser });
      const welcome = await citizen.next('welcome');
      assert.equal(welcome.state, 'lobby');
      assert.deepEqual(welcome.iceServers, [], 'no third-party STUN; no TURN configured');
      const lobby = await staff.next('lobby');
      // The name from the booking, not the one in the URL.
      assert.deepEqual(
        lobby.waiting.map((w) => w.name),
        [`Citizen ${n}`],
      );
      const knocker = lobby.waiting[0]!.id;

      // The official chats and signals towards the knocker; the knocker tries to send and to read.
      staff.send({ type: 'chat', text: 'Only for the room' });
      staff.send({ type: 'signal', to: knocker, description: { type: 'offer', sdp: 'v=0' } });
      citizen.send({ type: 'chat', text: 'let me in' });
      citizen.send({ type: 'signal', to: welcome.you.id, candidate: { candidate: 'x' } });
      citizen.send({ type: 'admit', participant: knocker });
      await staff.next('chat');
      for (let i = 0; i < 3; i++) await citizen.next('error');
      await settle();
      assert.deepEqual(
        citizen.messages.map((m) => m.type),
        ['welcome', 'error', 'error', 'error'],
      );
      assert.ok(!staff.messages.some((m) => m.type === 'chat' && m.line.text === 'let me in'));

      staff.send({ type: 'admit', participant: knocker });
      await citizen.next('admitted');
      const room = await citizen.next('room');
      assert.deepEqual(room.peers.map((p) => p.name).sort(), [`Citizen ${n}`, 'Janez Novak']);
      assert.deepEqual(
        room.chat.map((c) => c.text),
        ['Only for the room'],
      );
      assert.equal((await staff.next('peer-joined')).peer.name, `Citizen ${n}`);
      staff.send({ type: 'signal', to: knocker, description: { type: 'offer', sdp: 'v=0 real' } });
      const signal = await citizen.next('signal');
      assert.equal(signal.description?.sdp, 'v=0 real');

      // A reload: the same browser comes straight back in, without a second lobby.
      await citizen.close();
      assert.equal((await staff.next('peer-left')).id, knocker);
      const again = open(`/j/${b.joinToken}/ws`, { cookie: citizensBrowser });
      assert.equal((await again.next('welcome')).state, 'admitted');
      await again.next('room');

      // A second knocker cannot see the first one, nor the room.
      const guestInvite =
        (staff.send({ type: 'invite', name: 'Tolmač' }), await staff.next('invited'));
      assert.match(guestInvite.url, /\/g\/[A-Za-z0-9_-]{43}$/);
      const guest = open(new URL(guestInvite.url).pathname + '/ws');
      assert.equal((await guest.next('welcome')).state, 'lobby');
      const guestLobby = (await staff.next('lobby')).waiting;
      assert.deepEqual(
        guestLobby.map((w) => w.name),
        ['Tolmač'],
      );
      staff.send({ type: 'deny', participant: guestLobby[0]!.id, message: 'Not today' });
      assert.equal((await guest.next('denied')).message, 'Not today');
      assert.equal((await guest.closed).code, 1000);
      assert.ok(
        !guest.messages.some((m) =>
          ['room', 'chat', 'signal', 'peer-joined', 'lobby'].includes(m.type),
        ),
      );
    });

    test("only the booking's citizen, invited guests and staff of the office enter; links stop at the end", async () => {
      const b = await booking();
      const bad = open(`/j/${'A'.repeat(43)}/ws`);
      assert.equal((await bad.closed).code, 1008);
      const noOrigin = open(`/j/${b.joinToken}/ws`, { origin: 'https://evil.example' });
      assert.equal((await noOrigin.closed).code, 1008);
      const anonymousStaff = open(`/staff/meetings/${b.id}/ws`);
      assert.equal((await anonymousStaff.closed).code, 1008);
      const otherOrg = open(`/staff/meetings/${b.id}/ws`, {
        cookie: await staffCookie(okence, 'admin@ljutomer.example'),
      });
      assert.equal((await otherOrg.closed).code, 1008);
      assert.equal(
        (
          await okence.app.inject({
            method: 'GET',
            url: `/staff/meetings/${b.id}`,
            headers: { cookie: await staffCookie(okence, 'uradnik@ljutomer.example') },
          })
        ).statusCode,
        404,
      );

      // Too early for the citizen: the page says when to come back; the socket does not open.
      clock.set(new Date(b.start.getTime() - 60 * 60_000));
      const early = (await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}` })).body;
      // The time to come back reads as a sentence (v sredo, 2. decembra 2026, ob 8.25), a link
      // checks again, and the countdown script knows the time left by the server's clock.
      const day = '(ponedeljek|torek|sredo|četrtek|petek|soboto|nedeljo)';
      assert.match(
        early,
        new RegExp(`povezave v ${day}, \\d{1,2}\\. [a-z]+a \\d{4}, ob \\d{1,2}\\.\\d{2}\\.`),
      );
      assert.match(early, new RegExp(`<a href="/j/${b.joinToken}">Preveri znova</a>`));
      assert.match(early, /data-ms-left="2700000"/);
      assert.match(
        early,
        /<script type="module" src="\/assets\/early\.js\?v=\w+" nonce="[^"]+"><\/script>/,
      );
      assert.equal((await open(`/j/${b.joinToken}/ws`).closed).code, 4410);
      clock.set(new Date(b.start.getTime() - 5 * 60_000));

      const staff = open(`/staff/meetings/${b.id}/ws`, { cookie: official });
      await staff.next('room');
      assert.deepEqual((await staff.next('lobby')).waiting, []);
      const citizen = open(`/j/${b.joinToken}/ws`);
      await citizen.next('welcome');
      const waiting = (await staff.next('lobby')).waiting;
      staff.send({ type: 'admit', participant: waiting[0]!.id });
      await citizen.next('room');
      // The longest minutes the page takes, of three-byte letters: 60 KB in one frame, kept.
      const long = '„Potrdilo“ – … '.repeat(MAX_MINUTES_CHARS).slice(0, MAX_MINUTES_CHARS);
      staff.send({ type: 'minutes', text: long });
      assert.equal((await citizen.next('minutes')).text, long);
      staff.send({ type: 'minutes', text: 'Potrdilo izdano.' });
      assert.equal((await citizen.next('minutes')).text, 'Potrdilo izdano.');
      staff.send({ type: 'verify-identity', document: 'passport' });
      assert.equal((await citizen.next('identity-verified')).document, 'passport');
      staff.send({ type: 'end' });
      const ended = await citizen.next('ended');
      assert.equal(ended.surveyUrl, `/j/${b.joinToken}/survey`);
      assert.equal((await citizen.closed).code, 1000);
      assert.equal(
        (await open(`/j/${b.joinToken}/ws`).closed).code,
        4410,
        'the link stops working when the meeting is over',
      );
      assert.equal(
        (await open(`/staff/meetings/${b.id}/ws`, { cookie: official }).closed).code,
        4410,
      );

      const page = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}` });
      assert.match(page.body, /survey/);
      const minutes = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}/minutes` });
      assert.match(minutes.body, /Potrdilo izdano\./);
      const meeting = await okence.handle.db
        .selectFrom('meeting')
        .selectAll()
        .where('booking_id', '=', b.id)
        .executeTakeFirstOrThrow();
      assert.ok(meeting.started_at && meeting.ended_at && meeting.identity_verified_at);
    });

    test('malformed, forbidden, oversized and flooding messages are dropped or closed, never crash the server', async () => {
      const b = await booking();
      const staff = open(`/staff/meetings/${b.id}/ws`, { cookie: official });
      await staff.next('room');
      for (const raw of [
        'not json',
        '{"type":"nope"}',
        '{"type":"chat","text":""}',
        JSON.stringify({ type: 'signal', to: 'x'.repeat(36) }),
        Buffer.from([1, 2, 3]),
      ])
        staff.sendRaw(raw);
      // Waited for, not slept on: under load the answers can take longer than any fixed pause.
      for (let i = 0; i < 5; i++) assert.equal((await staff.next('error')).code, 'invalid');
      // Chat is limited to a short burst: five lines pass, five are refused.
      for (let i = 0; i < 10; i++) staff.send({ type: 'chat', text: `line ${i}` });
      for (let i = 0; i < 5; i++) assert.equal((await staff.next('error')).code, 'rate_limited');
      for (let i = 0; i < 5; i++) await staff.next('chat');
      await settle();
      assert.equal(staff.messages.filter((m) => m.type === 'chat').length, 5);
      // A frame larger than any valid message closes the socket.
      const big = open(`/staff/meetings/${b.id}/ws`, { cookie: official });
      await big.next('room');
      big.sendRaw(JSON.stringify({ type: 'chat', text: 'x'.repeat(MAX_FRAME_BYTES) }));
      assert.equal((await big.closed).code, 1009);
      const health = await okence.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
    });

    test('the survey: once per booking, only after the meeting, errors keep what was typed', async () => {
      const b = await booking();
      const form = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}/survey` });
      const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const post = (payload: Record<string, string>) =>
        okence.app.inject({
          method: 'POST',
          url: `/j/${b.joinToken}/survey`,
          headers: { cookie },
          payload: { _csrf: csrf, ...payload },
        });
      const early = await post({ rating: '5' });
      assert.equal(early.statusCode, 400, 'not before the meeting took place');
      const staff = open(`/staff/meetings/${b.id}/ws`, { cookie: official });
      await staff.next('room');
      assert.deepEqual((await staff.next('lobby')).waiting, []);
      const citizen = open(`/j/${b.joinToken}/ws`);
      await citizen.next('welcome');
      staff.send({ type: 'admit', participant: (await staff.next('lobby')).waiting[0]!.id });
      await citizen.next('room');
      staff.send({ type: 'end' });
      await citizen.next('ended');
      const missing = await post({ comment: 'Hitro in prijazno' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Hitro in prijazno/);
      assert.match(missing.body, /error-summary/);
      assert.equal((await post({ rating: '4', comment: 'Hitro in prijazno' })).statusCode, 200);
      assert.match((await post({ rating: '1' })).body, /already|že/);
      const stored = await okence.handle.db
        .selectFrom('meeting_survey')
        .selectAll()
        .where('booking_id', '=', b.id)
        .execute();
      assert.deepEqual(
        stored.map((s) => [s.rating, s.comment]),
        [[4, 'Hitro in prijazno']],
      );
    });
  });
}
