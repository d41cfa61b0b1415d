import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';
import { bootTestApp } from '../http/testing.ts';

for (const kind of DB_KINDS) {
  describe(`the officials' agenda on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let base: string;
    const sockets: TestSocket[] = [];
    let ips = 10;
    const cookie: Record<string, string> = {};
    let domzale: Awaited<ReturnType<typeof bookThroughApi>>;
    let stavebni: Awaited<ReturnType<typeof bookThroughApi>>;

    const get = (url: string, who: string) =>
      okence.app.inject({
        method: 'GET',
        url,
        headers: { cookie: cookie[who]!, 'accept-language': 'en' },
        remoteAddress: '198.51.100.7',
      });
    async function post(
      url: string,
      who: string,
      form: Record<string, string>,
      csrfPage = '/staff',
    ) {
      const page = await get(csrfPage, who);
      return okence.app.inject({
        method: 'POST',
        url,
        remoteAddress: '198.51.100.7',
        headers: {
          cookie: cookie[who]!,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ ...form, _csrf: csrfFrom(page.body) }).toString(),
      });
    }

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
      domzale = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'mojca@example.si',
        name: 'Mojca Novak',
        ip: `203.0.113.${++ips}`,
      });
      stavebni = await bookThroughApi(okence, {
        organisation: 'koprivnice',
        office: 'stavebni-urad',
        service: 'konzultace-stavby',
        day: '2026-11-25',
        email: 'jan@example.cz',
        name: 'Jan Dvořák',
        ip: `203.0.113.${++ips}`,
      });
      await okence.handle.db
        .updateTable('booking')
        .set({ notes: 'Bring the old permit' })
        .where('id', '=', domzale.id)
        .execute();
      for (const email of [
        'uradnik@domzale.example',
        'admin@domzale.example',
        'urednik@koprivnice.example',
        'stavebni@koprivnice.example',
        'admin@koprivnice.example',
        'uradnik@ljutomer.example',
      ]) {
        cookie[email] = await staffCookie(okence, email, `198.18.1.${++ips}`);
      }
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence?.close();
    });

    test('the lists alone, as the live script fetches them: the same rows as the page, no layout, staff only', async () => {
      const page = await get('/staff/agenda?day=2026-11-25', 'uradnik@domzale.example');
      assert.ok(page.body.includes('data-live="/staff/agenda/list?day=2026-11-25"'));
      const list = await get('/staff/agenda/list?day=2026-11-25', 'uradnik@domzale.example');
      assert.equal(list.statusCode, 200);
      assert.equal(list.headers['cache-control'], 'no-store');
      assert.ok(list.body.includes(`<tr data-booking="${domzale.id}">`));
      assert.doesNotMatch(list.body, /<html|lobby-panel/);
      const start = await get('/staff', 'uradnik@domzale.example');
      assert.ok(start.body.includes('data-live="/staff/today/list"'));
      const today = await get('/staff/today/list', 'uradnik@domzale.example');
      assert.equal(today.statusCode, 200);
      assert.doesNotMatch(today.body, /<html|lobby-panel/);
      const anonymous = await okence.app.inject({ method: 'GET', url: '/staff/today/list' });
      assert.notEqual(anonymous.statusCode, 200);
    });

    test('the agenda of a day lists the appointment with its notes, state and links; the week view too', async () => {
      const day = await get('/staff/agenda?day=2026-11-25', 'uradnik@domzale.example');
      assert.equal(day.statusCode, 200);
      assert.match(day.body, /Mojca Novak/);
      assert.match(day.body, /Bring the old permit/);
      assert.match(day.body, /data-state="not_arrived"/);
      assert.ok(day.body.includes(`href="/staff/appointments/${domzale.id}"`));
      assert.ok(day.body.includes(`href="/staff/meetings/${domzale.id}"`));
      const week = await get('/staff/agenda?week=2026-11-26', 'uradnik@domzale.example');
      assert.equal(week.statusCode, 200);
      assert.match(week.body, /Mojca Novak/);
      assert.ok(
        week.body.includes('week=2026-11-16') && week.body.includes('week=2026-11-30'),
        'previous and next weeks are linked',
      );
      const other = await get('/staff/agenda?day=2026-11-26', 'uradnik@domzale.example');
      assert.doesNotMatch(other.body, /Mojca Novak/);
    });

    test("an official of office A does not see office B's appointments, nor another organisation's", async () => {
      for (const url of ['/staff/agenda?day=2026-11-25', '/staff/agenda?week=2026-11-25']) {
        const townHall = await get(url, 'urednik@koprivnice.example');
        assert.equal(townHall.statusCode, 200);
        assert.doesNotMatch(townHall.body, /Jan Dvořák/, `${url}: another office's citizen`);
        assert.ok(!townHall.body.includes(stavebni.id));
        const builder = await get(url, 'stavebni@koprivnice.example');
        assert.match(builder.body, /Jan Dvořák/, `${url}: the office's own official sees it`);
        const ljutomer = await get(url, 'uradnik@ljutomer.example');
        assert.doesNotMatch(ljutomer.body, /Mojca Novak|Jan Dvořák/);
      }
      // An admin sees every office of their organisation, and may filter by office.
      const admin = await get('/staff/agenda?day=2026-11-25', 'admin@koprivnice.example');
      assert.match(admin.body, /Jan Dvořák/);
      // Filtering by another organisation's office is not a way in.
      const office = await okence.handle.db
        .selectFrom('booking')
        .select('office_id')
        .where('id', '=', stavebni.id)
        .executeTakeFirstOrThrow();
      assert.equal(
        (
          await get(
            `/staff/agenda?day=2026-11-25&office=${office.office_id}`,
            'admin@domzale.example',
          )
        ).statusCode,
        404,
      );
      assert.equal(
        (
          await get(
            `/staff/agenda?day=2026-11-25&office=${office.office_id}`,
            'urednik@koprivnice.example',
          )
        ).statusCode,
        404,
      );
    });

    test('the appointment page shows details and history, and every view is audited without citizen data', async () => {
      const res = await get(`/staff/appointments/${domzale.id}`, 'uradnik@domzale.example');
      assert.equal(res.statusCode, 200);
      for (const text of [
        'Mojca Novak',
        'mojca@example.si',
        'Bring the old permit',
        'History',
        'Booked',
        'Confirmed by the citizen',
      ])
        assert.ok(res.body.includes(text), text);
      const rows = await okence.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'appointment.viewed')
        .where('object_id', '=', domzale.id)
        .execute();
      assert.equal(rows.length, 1);
      assert.doesNotMatch(JSON.stringify(rows[0]), /Mojca|mojca|permit/);
      for (const who of [
        'urednik@koprivnice.example',
        'uradnik@ljutomer.example',
        'admin@koprivnice.example',
      ]) {
        assert.equal((await get(`/staff/appointments/${domzale.id}`, who)).statusCode, 404, who);
      }
      assert.equal(
        (await get(`/staff/appointments/${stavebni.id}`, 'urednik@koprivnice.example')).statusCode,
        404,
      );
    });

    test('the lobby panel on every staff page shows who knocks, for whom and how long, only at their own offices', async () => {
      clock.set(new Date(domzale.start.getTime() - 5 * 60_000));
      for (const who of Object.keys(cookie))
        cookie[who] = await staffCookie(okence, who, `198.18.2.${++ips}`);
      const knocker = openSocket(base, `/j/${domzale.joinToken}/ws?name=Mojca`);
      sockets.push(knocker);
      await knocker.next('welcome');
      clock.set(new Date(domzale.start.getTime() - 1 * 60_000));
      const page = await get('/staff/agenda?day=2026-11-25', 'uradnik@domzale.example');
      const panel = /<aside class="lobby-panel[\s\S]*?<\/aside>/.exec(page.body)?.[0] ?? '';
      assert.match(
        panel,
        /Mojca Novak/,
        'the name from the booking, not the one typed at the door',
      );
      assert.match(panel, /waiting 4\u00a0min/);
      // Before the page's H1 it has no heading of its own; one line that opens (open without a script) when someone waits.
      assert.doesNotMatch(panel, /<h[1-6]/);
      assert.match(
        panel,
        /<details id="lobby-panel-details" open>\s*<summary><span id="lobby-panel-title"[^>]*>Waiting room<\/span> <span class="count">\(<span id="lobby-panel-count">waiting: 1<\/span>\)/,
      );
      assert.ok(
        page.body.indexOf('id="lobby-panel"') < page.body.indexOf('<h1'),
        'the panel comes before the H1',
      );
      assert.match(page.body, /data-state="in_lobby"/);
      const fragment = await get('/staff/lobby/panel', 'uradnik@domzale.example');
      assert.match(fragment.body, /Mojca Novak/);
      for (const who of ['urednik@koprivnice.example', 'uradnik@ljutomer.example']) {
        assert.doesNotMatch((await get('/staff', who)).body, /Mojca/, who);
        assert.match(
          (await get('/staff', who)).body,
          /<details id="lobby-panel-details">/,
          'closed when nobody waits',
        );
        assert.doesNotMatch((await get('/staff/lobby/panel', who)).body, /Mojca/, who);
      }
      // Citizens' pages carry no panel.
      const citizen = await okence.app.inject({ method: 'GET', url: '/o/ue-domzale' });
      assert.doesNotMatch(citizen.body, /lobby-panel/);
      await knocker.close();
      // The server lets the socket go when it sees the close, a moment after the client does.
      const end = Date.now() + 10_000;
      while (/Mojca/.test((await get('/staff/lobby/panel', 'uradnik@domzale.example')).body)) {
        if (Date.now() > end) assert.fail('Mojca is still in the lobby panel after leaving');
        await new Promise((r) => setTimeout(r, 20));
      }
    });

    test('cancelling needs a reason (kept on error); the citizen is emailed with it and METHOD:CANCEL; the time is free again', async () => {
      const long = 'x'.repeat(501);
      const tooLong = await post(
        `/staff/appointments/${domzale.id}/cancel`,
        'uradnik@domzale.example',
        { reason: long },
      );
      assert.equal(tooLong.statusCode, 400);
      assert.ok(tooLong.body.includes(long), 'what was typed is kept');
      assert.match(tooLong.body, /error-summary/);
      const empty = await post(
        `/staff/appointments/${domzale.id}/cancel`,
        'uradnik@domzale.example',
        { reason: '  ' },
      );
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /href="#reason"/);
      const refused = await post(
        `/staff/appointments/${domzale.id}/cancel`,
        'urednik@koprivnice.example',
        { reason: 'not mine' },
      );
      assert.equal(refused.statusCode, 404);
      assert.equal(
        (
          await okence.handle.db
            .selectFrom('booking')
            .select('state')
            .where('id', '=', domzale.id)
            .executeTakeFirstOrThrow()
        ).state,
        'confirmed',
      );

      const before = await okence.handle.db
        .selectFrom('booking')
        .select('ics_sequence')
        .where('id', '=', domzale.id)
        .executeTakeFirstOrThrow();
      // The citizen is waiting in the lobby when the office cancels.
      const knocker = openSocket(base, `/j/${domzale.joinToken}/ws`);
      sockets.push(knocker);
      await knocker.next('welcome');
      const ok = await post(`/staff/appointments/${domzale.id}/cancel`, 'uradnik@domzale.example', {
        reason: 'The official is ill, please book again',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, `/staff/appointments/${domzale.id}?saved=cancelled`);
      const b = await okence.handle.db
        .selectFrom('booking')
        .select(['state', 'ics_sequence'])
        .where('id', '=', domzale.id)
        .executeTakeFirstOrThrow();
      assert.equal(b.state, 'cancelled');
      assert.equal(b.ics_sequence, before.ics_sequence + 1);
      assert.equal(
        (await knocker.next('ended')).surveyUrl,
        null,
        'the waiting citizen is told, without a survey',
      );
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('dedupe_key', 'like', `booking:${domzale.id}:cancelled:%`)
        .executeTakeFirstOrThrow();
      assert.match(mail.text_body, /Reason: The official is ill, please book again/);
      assert.match(mail.ics ?? '', /METHOD:CANCEL/);
      assert.match(mail.ics ?? '', new RegExp(`SEQUENCE:${b.ics_sequence}`));
      const event = await okence.handle.db
        .selectFrom('booking_event')
        .selectAll()
        .where('booking_id', '=', domzale.id)
        .executeTakeFirstOrThrow();
      assert.equal(event.reason, 'The official is ill, please book again');
      assert.equal(event.actor_role, 'staff');
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'appointment.cancelled')
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(audit), /ill|Mojca/);
      const page = await get(
        `/staff/appointments/${domzale.id}?saved=cancelled`,
        'uradnik@domzale.example',
      );
      assert.match(page.body, /role="status"/);
      assert.match(page.body, /Cancelled by [^<]+ on the citizen’s behalf/);
      assert.match(page.body, /The official is ill/);
      assert.doesNotMatch(page.body, /action="[^"]*\/cancel"/, 'no second cancellation');
      const again = await post(
        `/staff/appointments/${domzale.id}/cancel`,
        'uradnik@domzale.example',
        { reason: 'twice' },
        `/staff/appointments/${domzale.id}`,
      );
      assert.equal(again.statusCode, 409);
      // Seen from the day it was booked (the time is now within the minimum notice).
      const now = clock.now();
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const avail = await okence.app.inject({
        method: 'GET',
        url: '/api/v1/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=2026-11-25&to=2026-11-25',
      });
      clock.set(now);
      const times = avail
        .json<{ days: { times: { start: string }[] }[] }>()
        .days.flatMap((d) => d.times.map((x) => new Date(x.start).getTime()));
      assert.ok(times.includes(domzale.start.getTime()), 'the time is offered again');
    });

    test('marking a no-show from the appointment page ends the meeting, is audited and shows in the history', async () => {
      // Possible from ten minutes after the start (the session is signed in again after the jump).
      clock.set(new Date(stavebni.start.getTime() + 10 * 60_000));
      cookie['stavebni@koprivnice.example'] = await staffCookie(
        okence,
        'stavebni@koprivnice.example',
        `198.18.1.${++ips}`,
      );
      const res = await post(
        `/staff/meetings/${stavebni.id}/no-show`,
        'stavebni@koprivnice.example',
        { back: 'appointment', confirmed: 'yes' },
      );
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/staff/appointments/${stavebni.id}?saved=no_show`);
      const m = await okence.handle.db
        .selectFrom('meeting')
        .select(['no_show', 'ended_at'])
        .where('booking_id', '=', stavebni.id)
        .executeTakeFirstOrThrow();
      assert.equal(m.no_show, true);
      assert.equal(
        (
          await okence.handle.db
            .selectFrom('audit_event')
            .select('id')
            .where('action', '=', 'appointment.no_show')
            .where('object_id', '=', stavebni.id)
            .execute()
        ).length,
        1,
      );
      const page = await get(`/staff/appointments/${stavebni.id}`, 'stavebni@koprivnice.example');
      assert.match(page.body, /recorded that the citizen did not attend/);
      assert.match(page.body, /data-state="no_show"/);
    });

    test('ending the meeting from the room is audited too, without citizen data', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-26',
        email: 'peter@example.si',
        name: 'Peter Kos',
        ip: `203.0.113.${++ips}`,
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const official = await staffCookie(okence, 'uradnik@domzale.example', `198.18.3.${++ips}`);
      const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie: official });
      sockets.push(room);
      await room.next('room');
      room.send({ type: 'end' });
      await room.next('ended');
      const rows = await okence.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('object_id', '=', b.id)
        .execute();
      assert.deepEqual(
        rows.map((r) => r.action),
        ['meeting.ended'],
      );
      assert.ok(rows[0]!.actor_staff_id);
      assert.doesNotMatch(JSON.stringify(rows), /Peter|peter@/);
    });
  });
}
