import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootOkence, type Okence } from '../boot.ts';
import { openDatabase } from '../db/db.ts';
import { bootTestApp, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from './testing.ts';

// Several instances behind a proxy share one PostgreSQL: the citizen's socket on one
// and the official's on another meet as if on one server (LISTEN/NOTIFY).
describe(
  'a meeting across two instances on PostgreSQL',
  { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' },
  () => {
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const secret = 'x'.repeat(40);
    let a: Okence;
    let b: Okence;
    const sockets: TestSocket[] = [];
    const urlOf = async (o: Okence) => {
      await o.app.listen({ port: 0, host: '127.0.0.1' });
      const address = o.app.server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    };
    before(async () => {
      a = await bootTestApp('postgres', { clock, env: { SESSION_SECRET: secret } });
      const url = (a.handle as { url?: string }).url;
      b = await bootOkence(testConfig({ SESSION_SECRET: secret }), {
        clock,
        handle: await openDatabase({ databaseUrl: url, dataDir: 'unused' }),
      });
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await b?.close();
      await a?.close();
    });

    test('knock, admit, chat and signalling (a large offer too) cross instances', async () => {
      const [baseA, baseB] = [await urlOf(a), await urlOf(b)];
      const booking = await bookThroughApi(a, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'two@example.si',
        name: 'Two Instances',
      });
      clock.set(new Date(booking.start.getTime() - 5 * 60_000));
      const staff = openSocket(baseB, `/staff/meetings/${booking.id}/ws`, {
        cookie: await staffCookie(b, 'uradnik@domzale.example'),
      });
      sockets.push(staff);
      await staff.next('room');
      await staff.next('lobby');
      const citizen = openSocket(baseA, `/j/${booking.joinToken}/ws?name=Eva`);
      sockets.push(citizen);
      const welcome = await citizen.next('welcome');
      assert.equal(welcome.state, 'lobby');
      const waiting = (await staff.next('lobby')).waiting;
      assert.deepEqual(
        waiting.map((w) => w.name),
        ['Two Instances'],
        'the name from the booking, not the URL',
      );
      staff.send({ type: 'chat', text: 'before admission' });
      await staff.next('chat');
      staff.send({ type: 'admit', participant: waiting[0]!.id });
      const room = await citizen.next('room');
      assert.deepEqual(
        room.chat.map((c) => c.text),
        ['before admission'],
      );
      assert.equal(
        citizen.messages.filter((m) => m.type === 'chat').length,
        0,
        'no chat reached the lobby',
      );
      assert.equal((await staff.next('peer-joined')).peer.name, 'Two Instances');

      const staffId = room.peers.find((p) => p.role === 'staff')!.id;
      const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\r\n'.repeat(180)}`;
      assert.ok(sdp.length > 8000, 'larger than a NOTIFY payload');
      citizen.send({ type: 'signal', to: staffId, description: { type: 'offer', sdp } });
      const offer = await staff.next('signal');
      assert.equal(offer.description?.sdp, sdp);
      assert.equal(offer.from, welcome.you.id);
      citizen.send({ type: 'chat', text: 'Dober dan' });
      assert.equal((await staff.next('chat')).line.text, 'Dober dan');
      staff.send({ type: 'end' });
      assert.equal((await citizen.next('ended')).surveyUrl, `/j/${booking.joinToken}/survey`);
    });
  },
);
