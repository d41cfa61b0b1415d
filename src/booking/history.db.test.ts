import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, staffCookie } from '../meeting/testing.ts';

const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

// Issue 12, "records that must stay true" 1: an appointment that took place, or whose time has
// come, is history. Neither the citizen (manage page, its POST routes, the API) nor staff can
// turn it into a cancellation or move it.
for (const kind of DB_KINDS) {
  describe(`past and finished appointments are read-only on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let ip = 20;
    let cookies: Record<string, string> = {};
    let staff = '';

    const book = (name: string) =>
      bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        to: '2026-11-30',
        email: `${name}@example.si`,
        name,
        ip: `203.0.113.${++ip}`,
      });
    const token = (manageUrl: string) => manageUrl.split('/m/')[1]!;
    const get = async (url: string) => {
      const res = await okence.app.inject({
        method: 'GET',
        url,
        cookies,
        headers: { 'accept-language': 'en' },
      });
      cookies = { ...cookies, ...cookiesOf(res) };
      return res;
    };
    const post = (url: string, payload: Record<string, string>, csrf: string) =>
      okence.app.inject({
        method: 'POST',
        url,
        cookies,
        headers: { 'accept-language': 'en' },
        payload: { ...payload, _csrf: csrf },
      });
    const api = (url: string, payload: object = {}) =>
      okence.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        payload,
        remoteAddress: '203.0.113.99',
      });
    const state = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('booking')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).state;
    const cancelMails = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('mail_outbox')
          .select('id')
          .where('dedupe_key', 'like', `booking:${id}:cancelled:%`)
          .execute()
      ).length;
    /** The meeting as the room leaves it: started a minute in, ended (with minutes and a survey) after `endAfter` minutes. */
    async function heldMeeting(b: { id: string; start: Date }, endAfter: number | null) {
      await okence.handle.db
        .insertInto('meeting')
        .values({
          booking_id: b.id,
          started_at: minutes(b.start, 1),
          ended_at: endAfter === null ? null : minutes(b.start, endAfter),
          minutes: 'Potrdilo izdano.',
        })
        .execute();
      if (endAfter !== null)
        await okence.handle.db
          .insertInto('meeting_survey')
          .values({
            booking_id: b.id,
            rating: 5,
            comment: null,
            submitted_at: minutes(b.start, endAfter + 1),
          })
          .execute();
    }

    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence?.close();
    });

    test('a meeting that ended early (minutes and survey saved): the manage page offers neither cancel nor move, and every path refuses', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('finished');
      const t = token(b.manageUrl);
      // The manage page as the citizen left it open before the appointment.
      const before = await get(`/m/${t}`);
      assert.match(before.body, new RegExp(`href="/m/${t}/cancel"`));
      const csrf = csrfFrom((await get(`/m/${t}/cancel`)).body);
      clock.set(minutes(b.start, 12));
      await heldMeeting(b, 10);

      const page = await get(`/m/${t}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(
        page.body,
        new RegExp(`/m/${t}/cancel|/m/${t}/move`),
        'no cancel form, no move link',
      );
      assert.match(page.body, /took place/i);
      assert.equal((await post(`/m/${t}/cancel`, { confirm: 'yes' }, csrf)).statusCode, 409);
      assert.equal((await get(`/m/${t}/cancel`)).statusCode, 409, 'no cancel question either');
      assert.equal((await get(`/m/${t}/move`)).statusCode, 409);
      const later = (
        await okence.app.inject({ method: 'GET', url: `/api/v1/bookings/${t}` })
      ).json<{ start: string }>();
      assert.equal(
        (
          await post(
            `/m/${t}/move`,
            { start: minutes(new Date(later.start), 60 * 24).toISOString() },
            csrf,
          )
        ).statusCode,
        409,
      );
      assert.equal((await api(`/bookings/${t}/cancel`)).statusCode, 409);
      assert.equal(
        (await api(`/bookings/${t}/reschedule`, { start: minutes(b.start, 24 * 60).toISOString() }))
          .statusCode,
        409,
      );

      // Staff cannot turn it into a cancellation either (signed in now: the clock has moved on days).
      staff = await staffCookie(okence, 'uradnik@domzale.example', `198.18.2.${++ip}`);
      const appointment = await okence.app.inject({
        method: 'GET',
        url: `/staff/appointments/${b.id}`,
        headers: { cookie: staff, 'accept-language': 'en' },
      });
      assert.equal(appointment.statusCode, 200, appointment.body.slice(0, 500));
      assert.doesNotMatch(appointment.body, /name="reason"/);
      const staffCancel = await okence.app.inject({
        method: 'POST',
        url: `/staff/appointments/${b.id}/cancel`,
        headers: { cookie: staff, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          reason: 'Citizen asked',
          _csrf: csrfFrom(appointment.body),
        }).toString(),
      });
      assert.equal(staffCancel.statusCode, 409);

      assert.equal(await state(b.id), 'confirmed', 'the record stays "done"');
      assert.equal(await cancelMails(b.id), 0, 'no CANCEL e-mail');
      const meeting = await okence.handle.db
        .selectFrom('meeting')
        .select(['ended_at'])
        .where('booking_id', '=', b.id)
        .executeTakeFirstOrThrow();
      assert.ok(meeting.ended_at);
    });

    test('a meeting in progress cannot be cancelled or moved by the citizen', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('inprogress');
      const t = token(b.manageUrl);
      clock.set(minutes(b.start, 5));
      await heldMeeting(b, null);
      assert.equal((await api(`/bookings/${t}/cancel`)).statusCode, 409);
      assert.equal(await state(b.id), 'confirmed');
    });

    test('a manage page rendered before the start and sent after it is refused; so is the API', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('late');
      const t = token(b.manageUrl);
      // The cancel question as the citizen opened it before the start, answered after it.
      const csrf = csrfFrom((await get(`/m/${t}/cancel`)).body);
      clock.set(minutes(b.start, 1));
      const late = await get(`/m/${t}`);
      assert.doesNotMatch(late.body, new RegExp(`/m/${t}/cancel`), 'the page no longer offers it');
      assert.equal((await post(`/m/${t}/cancel`, { confirm: 'yes' }, csrf)).statusCode, 409);
      assert.equal((await api(`/bookings/${t}/cancel`)).statusCode, 409);
      assert.equal(await state(b.id), 'confirmed');
      assert.equal(await cancelMails(b.id), 0);
    });

    test('before the start the citizen still cancels, with the CANCEL e-mail', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('intime');
      const t = token(b.manageUrl);
      clock.set(minutes(b.start, -1));
      assert.equal((await api(`/bookings/${t}/cancel`)).statusCode, 200);
      assert.equal(await state(b.id), 'cancelled');
      assert.equal(await cancelMails(b.id), 1);
    });
  });
}
