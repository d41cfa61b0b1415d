import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';

// The booking id travels in /h/<id> URLs, browser history and staff pages: once the booking is
// confirmed, confirming it again must give no link to anyone, and wrong codes still count.
for (const kind of DB_KINDS) {
  describe(`confirming a confirmed booking on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    let ip = 10;
    const api = (url: string, payload?: object) =>
      okence.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        remoteAddress: `192.0.2.${ip}`,
        ...(payload ? { payload } : {}),
      });
    const codeFor = async (email: string) => {
      const rows = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', email)
        .orderBy('created_at', 'desc')
        .execute();
      return (
        /(\d{6})/.exec(rows.find((r) => /\d{6}/.test(r.text_body))?.text_body ?? '')?.[1] ?? ''
      );
    };
    const stateOf = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('booking')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).state;

    /** A confirmed booking made through the API; its hold id, its code and a wrong code. */
    async function confirmedBooking(day: string, email: string) {
      ip++;
      const avail = await okence.app.inject({
        method: 'GET',
        remoteAddress: `192.0.2.${ip}`,
        url: `/api/v1/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=${day}&to=${day}`,
      });
      const start = avail.json().days[0].times[0].start;
      const hold = await api('/organisations/koprivnice/services/konzultace-stavby/holds', {
        office: 'stavebni-urad',
        start,
        name: 'Jan Novák',
        email,
        language: 'en',
      });
      const { holdId } = hold.json();
      const code = await codeFor(email);
      const first = await api(`/holds/${holdId}/confirm`, { code });
      assert.equal(first.statusCode, 200);
      assert.match(first.json().joinUrl, /\/j\//, 'the first, right confirmation gives the links');
      return { holdId: String(holdId), code, wrong: code === '000000' ? '999999' : '000000' };
    }

    test('API: a wrong code gives nothing and counts; the fifth locks the codes but keeps the booking', async () => {
      const b = await confirmedBooking('2026-11-25', 'api-wrong@example.cz');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await api(`/holds/${b.holdId}/confirm`, { code: b.wrong });
        statuses.push(res.statusCode);
        assert.doesNotMatch(res.body, /\/j\/|\/m\//, 'no link in the answer to a wrong code');
      }
      assert.deepEqual(statuses, [422, 422, 422, 422, 429]);
      const right = await api(`/holds/${b.holdId}/confirm`, { code: b.code });
      assert.equal(right.statusCode, 429, 'locked: even the right code gets no answer now');
      assert.equal(
        await stateOf(b.holdId),
        'confirmed',
        'wrong codes never cancel a confirmed booking',
      );
    });

    test('API: the right code again says "already confirmed", without the links', async () => {
      const b = await confirmedBooking('2026-11-30', 'api-again@example.cz');
      const again = await api(`/holds/${b.holdId}/confirm`, { code: b.code });
      assert.equal(again.statusCode, 409);
      assert.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(again.json().code, 'conflict');
      assert.deepEqual(
        again.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['path.holdId', 'already_confirmed']],
      );
      assert.match(again.json().errors[0].message, /already confirmed/i);
      assert.doesNotMatch(again.body, /\/j\/|\/m\//);
    });

    test('pages: a wrong code gives nothing, the right one again lands on "already confirmed"', async () => {
      const b = await confirmedBooking('2026-12-02', 'page@example.cz');
      let cookies: Record<string, string> = {};
      const get = async (url: string) => {
        const res = await okence.app.inject({
          method: 'GET',
          url,
          cookies,
          remoteAddress: `192.0.2.${ip}`,
        });
        cookies = { ...cookies, ...cookiesOf(res) };
        return res;
      };
      const post = async (url: string, payload: Record<string, string>, token: string) =>
        okence.app.inject({
          method: 'POST',
          url,
          cookies,
          remoteAddress: `192.0.2.${ip}`,
          payload: { ...payload, _csrf: token },
        });

      // Back in the browser's history: the code page says the booking is confirmed, with no form.
      const page = await get(`/h/${b.holdId}?lang=en`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /already confirmed/);
      assert.doesNotMatch(page.body, /\/j\/|\/m\//);
      const token = csrfFrom((await get('/staff/sign-in?lang=en')).body);

      const wrong = await post(`/h/${b.holdId}/confirm?lang=en`, { code: b.wrong }, token);
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.headers.location, undefined);
      assert.doesNotMatch(wrong.body, /\/j\/|\/m\//);
      assert.match(wrong.body, /Attempts left: 4/);

      // A double submit by the citizen: a page that says so, not an error and not the links.
      const again = await post(`/h/${b.holdId}/confirm?lang=en`, { code: b.code }, token);
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers.location, undefined);
      assert.match(again.body, /already confirmed/);
      assert.match(again.body, /confirmation email/);
      assert.doesNotMatch(again.body, /\/j\/|\/m\//);

      const more: number[] = [];
      for (let i = 0; i < 4; i++)
        more.push(
          (await post(`/h/${b.holdId}/confirm?lang=en`, { code: b.wrong }, token)).statusCode,
        );
      assert.deepEqual(more, [422, 422, 422, 429], 'the fifth wrong code locks');
      const locked = await post(`/h/${b.holdId}/confirm?lang=en`, { code: b.code }, token);
      assert.equal(locked.statusCode, 429);
      assert.doesNotMatch(locked.body, /\/j\/|\/m\//);
      assert.equal(await stateOf(b.holdId), 'confirmed');
    });
  });
}
