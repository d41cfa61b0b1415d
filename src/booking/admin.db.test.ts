import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';

for (const kind of DB_KINDS) {
  describe(`appointment settings on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });

    async function signIn(email: string) {
      const form = await okence.app.inject({ method: 'GET', url: '/staff/sign-in' });
      let cookies = cookiesOf(form);
      const res = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        cookies,
        payload: { email, password: DEMO_PASSWORD, _csrf: csrfFrom(form.body) },
      });
      cookies = { ...cookies, ...cookiesOf(res) };
      return {
        get: (url: string) => okence.app.inject({ method: 'GET', url, cookies }),
        post: async (url: string, payload: Record<string, string>) => {
          const page = await okence.app.inject({ method: 'GET', url: '/staff', cookies });
          return okence.app.inject({
            method: 'POST',
            url,
            cookies,
            payload: { ...payload, _csrf: csrfFrom(page.body) },
          });
        },
      };
    }
    const freeDays = async () => {
      const res = await okence.app.inject({
        method: 'GET',
        url: '/api/v1/organisations/ue-ljutomer/services/splosne-informacije/availability?office=ljutomer&from=2026-11-23&to=2026-11-29',
      });
      return res.json().days as { date: string; times: { start: string }[] }[];
    };

    test("an admin closes a day and changes an official's hours; citizens see it at once", async () => {
      const admin = await signIn('admin@ljutomer.example');
      const page = await admin.get('/staff/availability?lang=en');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Marko Kolar/);
      const staffId = /name="staffId" value="([^"]+)"/.exec(page.body)![1]!;
      const officeId = /name="officeId" value="([^"]+)"/.exec(page.body)![1]!;
      assert.ok((await freeDays()).some((d) => d.date === '2026-11-25'));

      const closed = await admin.post('/staff/availability/closures', {
        day: '2026-11-25',
        officeId: '',
        note: 'Kolektivni dopust',
      });
      assert.equal(closed.statusCode, 303);
      assert.ok(!(await freeDays()).some((d) => d.date === '2026-11-25'), 'the closed day is gone');

      // Bad hours come back with the error and what was typed.
      const bad = await admin.post('/staff/availability/hours', {
        staffId,
        officeId,
        d1: '10:00-09:00',
        d2: '09:00-11:00',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /error-summary/);
      assert.match(bad.body, /value="10:00-09:00"/);
      const ok = await admin.post('/staff/availability/hours', {
        staffId,
        officeId,
        d2: '09:00-11:00',
        d3: '',
        d4: '',
        d5: '',
      });
      assert.equal(ok.statusCode, 303);
      const days = await freeDays();
      assert.deepEqual(
        days.map((d) => d.date),
        ['2026-11-24'],
      );
      assert.equal(days[0]!.times.length, 8, '09:00–11:00 in 15-minute slots');
    });

    test("an absence removes the official's slots in that time; reminders are set per organisation", async () => {
      const admin = await signIn('admin@ljutomer.example');
      const page = await admin.get('/staff/availability?lang=en');
      const staffId = /name="staffId" value="([^"]+)"/.exec(page.body)![1]!;
      const before = (await freeDays()).find((d) => d.date === '2026-11-24')!.times.length;
      const bad = await admin.post('/staff/availability/absences', {
        staffId,
        from: '2026-11-24T10:00',
        to: '2026-11-24T09:00',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="2026-11-24T10:00"/);
      assert.equal(
        (
          await admin.post('/staff/availability/absences', {
            staffId,
            from: '2026-11-24T09:00',
            to: '2026-11-24T10:00',
          })
        ).statusCode,
        303,
      );
      const after = (await freeDays()).find((d) => d.date === '2026-11-24')?.times.length ?? 0;
      assert.equal(after, before - 4, 'one hour of 15-minute slots is gone');
      assert.equal(
        (await admin.post('/staff/availability/reminders', { minutes: 'soon' })).statusCode,
        400,
      );
      assert.equal(
        (await admin.post('/staff/availability/reminders', { minutes: '60, 2880' })).statusCode,
        303,
      );
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('reminder_minutes')
        .where('slug', '=', 'ue-ljutomer')
        .executeTakeFirstOrThrow();
      assert.deepEqual(org.reminder_minutes, [2880, 60]);
      const absenceId = /absences\/([0-9a-f-]{36})\/delete/.exec(
        (await admin.get('/staff/availability')).body,
      )![1]!;
      assert.equal(
        (await admin.post(`/staff/availability/absences/${absenceId}/delete`, {})).statusCode,
        303,
      );
      assert.equal((await freeDays()).find((d) => d.date === '2026-11-24')!.times.length, before);
    });

    test('garbage in the query or an id that is not one gives the page or a clear 400, never a 500', async () => {
      const admin = await signIn('admin@ljutomer.example');
      for (const q of ['saved=1&saved=1', `saved=${'1'.repeat(5000)}`, 'saved[]=1']) {
        const page = await admin.get(`/staff/availability?${q}&lang=en`);
        assert.equal(page.statusCode, 200, q);
        assert.doesNotMatch(page.body, /Saved\. Citizens see/, q);
      }
      for (const url of [
        '/staff/availability/closures/not-an-id/delete',
        '/staff/availability/absences/1/delete',
        '/staff/availability/services/x/delete'.replace('/delete', ''),
      ]) {
        const res = await admin.post(`${url}?lang=en`, {});
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /Please check what you entered/, url);
      }
    });

    test('the meeting folder grace period is set per organisation, from 0 to 7 days', async () => {
      const admin = await signIn('admin@ljutomer.example');
      for (const grace of ['-1', '10081', '1.5', 'soon', '']) {
        const bad = await admin.post('/staff/availability/files', { grace });
        assert.equal(bad.statusCode, 400, grace);
        assert.match(bad.body, /aria-invalid="true"/);
        assert.match(
          bad.body,
          new RegExp(`id="file-grace" name="grace" value="${grace.replace('.', '\\.')}"`),
          'what was typed comes back',
        );
      }
      assert.equal(
        (await admin.post('/staff/availability/files', { grace: '1440' })).statusCode,
        303,
      );
      const grace = async (slug: string) =>
        (
          await okence.handle.db
            .selectFrom('folder_policy')
            .innerJoin('organisation', 'organisation.id', 'folder_policy.organisation_id')
            .select('grace_minutes')
            .where('slug', '=', slug)
            .executeTakeFirst()
        )?.grace_minutes ?? 0;
      assert.equal(await grace('ue-ljutomer'), 1440);
      assert.equal(await grace('ue-domzale'), 0, 'another organisation keeps its own');
      assert.match(
        (await admin.get('/staff/availability')).body,
        /id="file-grace" name="grace" value="1440"/,
      );
      const official = await signIn('uradnik@ljutomer.example');
      assert.equal(
        (await official.post('/staff/availability/files', { grace: '0' })).statusCode,
        403,
      );
      assert.equal(await grace('ue-ljutomer'), 1440);
    });

    test('documents with macros are refused until an admin accepts them; the change is audited', async () => {
      const admin = await signIn('admin@ljutomer.example');
      const macros = async (slug: string) =>
        (
          await okence.handle.db
            .selectFrom('folder_policy')
            .innerJoin('organisation', 'organisation.id', 'folder_policy.organisation_id')
            .select('allow_macros')
            .where('slug', '=', slug)
            .executeTakeFirst()
        )?.allow_macros ?? false;
      assert.equal(await macros('ue-ljutomer'), false, 'off unless turned on');
      assert.doesNotMatch(
        (await admin.get('/staff/availability')).body,
        /id="file-macros" name="macros" value="on" checked/,
      );
      assert.equal(
        (await admin.post('/staff/availability/files', { grace: '60', macros: 'on' })).statusCode,
        303,
      );
      assert.equal(await macros('ue-ljutomer'), true);
      assert.equal(await macros('ue-domzale'), false, 'another organisation keeps its own');
      assert.match(
        (await admin.get('/staff/availability')).body,
        /id="file-macros" name="macros" value="on" checked/,
      );
      assert.equal(
        (await admin.post('/staff/availability/files', { grace: '60' })).statusCode,
        303,
      );
      assert.equal(await macros('ue-ljutomer'), false);
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('action', '=', 'file_macros.updated')
        .orderBy('at')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.detail),
        [{ allowMacros: true }, { allowMacros: false }],
      );
    });

    test('service rules change the slots at once and bad numbers are refused', async () => {
      const admin = await signIn('admin@ljutomer.example');
      const page = await admin.get('/staff/availability?lang=en');
      const serviceId = /action="\/staff\/availability\/services\/([0-9a-f-]{36})"/.exec(
        page.body,
      )![1]!;
      const bad = await admin.post(`/staff/availability/services/${serviceId}`, {
        durationMinutes: '0',
        bufferMinutes: '0',
        capacity: '1',
        minNoticeMinutes: '0',
        horizonDays: '30',
      });
      assert.equal(bad.statusCode, 400);
      const ok = await admin.post(`/staff/availability/services/${serviceId}`, {
        durationMinutes: '30',
        bufferMinutes: '0',
        capacity: '1',
        minNoticeMinutes: '0',
        horizonDays: '30',
      });
      assert.equal(ok.statusCode, 303);
      let times = 0;
      for (let i = 0; i < 50 && times !== 4; i++) {
        times = (await freeDays())[0]?.times.length ?? 0;
        if (times !== 4) await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(times, 4, '09:00–11:00 in 30-minute slots');
    });

    test("officials and other organisations' admins cannot read or change these settings", async () => {
      const official = await signIn('uradnik@ljutomer.example');
      assert.equal((await official.get('/staff/availability')).statusCode, 403);
      const ljutomerAdmin = await signIn('admin@ljutomer.example');
      const page = await ljutomerAdmin.get('/staff/availability');
      const staffId = /name="staffId" value="([^"]+)"/.exec(page.body)![1]!;
      const officeId = /name="officeId" value="([^"]+)"/.exec(page.body)![1]!;
      const closureId = /closures\/([0-9a-f-]{36})\/delete/.exec(page.body)![1]!;
      const other = await signIn('admin@koprivnice.example');
      assert.equal(
        (await other.post('/staff/availability/hours', { staffId, officeId, d1: '08:00-09:00' }))
          .statusCode,
        404,
      );
      assert.equal(
        (await other.post(`/staff/availability/closures/${closureId}/delete`, {})).statusCode,
        404,
      );
      assert.equal(
        (await other.post('/staff/availability/closures', { day: '2026-12-01', officeId }))
          .statusCode,
        404,
      );
    });
  });
}
