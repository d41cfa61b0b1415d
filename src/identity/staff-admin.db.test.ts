import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { auditService } from '../audit/service.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import { AppError } from '../lib/errors.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { tenantsService } from '../tenants/service.ts';
import type { StaffPrincipal } from './domain.ts';
import { staffAccounts } from './staff-admin.ts';

const GOOD = 'lipov čaj na pohorju 1987';

for (const kind of DB_KINDS) {
  describe(`staff accounts and passwords on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    let ips = 0;
    const ip = () => `198.51.100.${++ips}`;
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const principal = async (email: string): Promise<StaffPrincipal> => {
      const s = await db()
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'role', 'display_name', 'email'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return {
        id: s.id,
        organisationId: s.organisation_id,
        role: s.role,
        displayName: s.display_name,
        email: s.email,
      };
    };
    const accounts = () =>
      staffAccounts({
        db: db(),
        clock,
        tenants: tenantsService({ handle: okence.handle }),
        audit: auditService({ db: db(), clock }),
        invitations: okence.invitations,
        invalidate: () => {},
      });
    /** A sign-in from an address of its own, so the per-address limits of other tests do not interfere. */
    const signIn = async (email: string, password: string) => {
      const from = ip();
      const form = await okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in',
        remoteAddress: from,
      });
      return okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        remoteAddress: from,
        cookies: cookiesOf(form),
        payload: { email, password, _csrf: csrfFrom(form.body) },
      });
    };

    /** The last invitation mailed to an address: its link's path. */
    const linkIn = async (to: string) => {
      const mail = await db()
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', to)
        .executeTakeFirstOrThrow();
      return new URL(/https?:\/\/\S+\/set-password\/\S+/.exec(mail.text_body)![0]).pathname;
    };
    /** Opens a set-password link and posts a password, as a browser would. */
    const setPassword = async (path: string, password: string) => {
      const from = ip();
      const form = await okence.app.inject({
        method: 'GET',
        url: path,
        remoteAddress: from,
        headers: { 'accept-language': 'en' },
      });
      if (form.statusCode !== 200) return form;
      return okence.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: from,
        headers: { 'accept-language': 'en' },
        cookies: cookiesOf(form),
        payload: { password, _csrf: csrfFrom(form.body) },
      });
    };

    test('an admin invites an official: no password is typed for them; the link refuses a breached password with the reason, sets a good one once, and then they can sign in and be booked', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, ip());
      const form = await admin.get('/staff/admin/officials/new');
      assert.doesNotMatch(
        form.body,
        /type="password"/,
        'the admin types no password for someone else',
      );
      const office = /name="offices" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
      const service = /name="services" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
      const typed = {
        displayName: 'Nina Zupan',
        email: 'Nina.Zupan@domzale.example',
        title_sl: 'Svetovalka',
        role: 'official',
        offices: [office],
        services: [service],
      };
      const long = await admin.post('/staff/admin/officials', {
        ...typed,
        title_en: 'x'.repeat(121),
      });
      assert.equal(long.statusCode, 400, 'a title over its limit is refused on the server too');
      assert.match(long.body, /href="#title_en"/);
      assert.match(long.body, /value="Nina Zupan"/, 'typed values are kept');

      const ok = await admin.post('/staff/admin/officials', typed);
      assert.equal(ok.statusCode, 303, ok.body);
      const row = await db()
        .selectFrom('staff')
        .select(['id', 'role', 'email', 'password_hash'])
        .where('email', '=', 'nina.zupan@domzale.example')
        .executeTakeFirstOrThrow();
      assert.equal(row.role, 'official');
      assert.equal(row.password_hash, null);
      assert.equal(ok.headers.location, `/staff/admin/officials/${row.id}?invited=1`);
      const page = await admin.get(ok.headers.location);
      assert.match(page.body, /The invitation was sent to nina\.zupan@domzale\.example/);
      assert.match((await admin.get('/staff/admin/officials')).body, /Invited, no password yet/);
      assert.equal((await signIn('nina.zupan@domzale.example', '')).statusCode, 400);
      assert.equal(
        (await signIn('nina.zupan@domzale.example', 'anything at all here')).statusCode,
        401,
        'no password, no sign-in',
      );

      const link = await linkIn('nina.zupan@domzale.example');
      const weak = await setPassword(link, 'password1234');
      assert.equal(weak.statusCode, 400);
      assert.match(
        weak.body,
        /href="#password">This password is on a list of common or leaked passwords/,
      );
      assert.doesNotMatch(weak.body, /password1234/, 'never the password');
      const named = await setPassword(link, 'nina zupan');
      assert.match(named.body, /must not contain the person’s name/);
      const set = await setPassword(link, GOOD);
      assert.equal(set.statusCode, 303);
      assert.equal(set.headers.location, '/staff/sign-in?password_set=1');
      assert.equal((await signIn('nina.zupan@domzale.example', GOOD)).statusCode, 303);
      const dead = await setPassword(link, `${GOOD} again`);
      assert.equal(dead.statusCode, 410, 'the link died with its use');
      assert.match(dead.body, /already been used/);
      const entry = await db()
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'staff.created')
        .where('object_id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(
        JSON.stringify(entry),
        /lipov|scrypt/,
        'the audit entry holds no password',
      );
      const actions = (
        await db()
          .selectFrom('audit_event')
          .select('action')
          .where('object_id', '=', row.id)
          .execute()
      ).map((e) => e.action);
      assert.deepEqual(actions.filter((a) => a !== 'staff.created').sort(), [
        'password.set',
        'staff.invited',
      ]);
      // The new official is bookable at once: the availability page lists them for weekly hours.
      // Everything made on the admin pages works with /staff/availability: a service only she holds
      // has no free times until her weekly hours are set there, and then it has them at once.
      const made = await admin.post('/staff/admin/services', {
        slug: 'svetovanje-nina',
        name_sl: 'Svetovanje',
        fee: '',
        durationMinutes: '30',
        byVideo: '1',
        active: '1',
        offices: [office],
        officials: [row.id],
        position: '0',
      });
      assert.equal(made.statusCode, 303, made.body);
      const free = async () => {
        const res = await okence.app.inject({
          method: 'GET',
          url: '/api/v1/organisations/ue-domzale/services/svetovanje-nina/availability?office=domzale&from=2026-11-23&to=2026-11-29',
        });
        return res
          .json<{ days: { date: string; times: unknown[] }[] }>()
          .days.filter((d) => d.times.length);
      };
      assert.deepEqual(await free(), []);
      const availability = await admin.get('/staff/availability');
      assert.match(availability.body, /Nina Zupan/);
      assert.equal(
        (
          await admin.post('/staff/availability/hours', {
            staffId: row.id,
            officeId: office,
            d4: '09:00-10:00',
          })
        ).statusCode,
        303,
      );
      assert.deepEqual(
        (await free()).map((d) => [d.date, d.times.length]),
        [['2026-11-26', 2]],
      );

      const dup = await admin.post('/staff/admin/officials', typed);
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /An account with this email already exists/);
    });

    test('the last admin cannot demote or deactivate themselves; with a second admin they can, and a deactivated account is signed out and refused', async () => {
      const admin = await browserFor(okence, 'admin@ljutomer.example', undefined, ip());
      const me = await principal('admin@ljutomer.example');
      const demote = await admin.post(`/staff/admin/officials/${me.id}`, {
        displayName: me.displayName,
        email: me.email,
        role: 'official',
      });
      assert.equal(demote.statusCode, 400);
      assert.match(demote.body, /must keep at least one active admin/);
      const off = await admin.post(`/staff/admin/officials/${me.id}/active`, { active: '0' });
      assert.equal(off.statusCode, 400);
      assert.match(off.body, /must keep at least one active admin/);
      assert.equal((await principal('admin@ljutomer.example')).role, 'admin');

      // Promote the official; now the first admin may step down, and the official's old session still works until deactivated.
      const officialId = (await principal('uradnik@ljutomer.example')).id;
      const official = await browserFor(okence, 'uradnik@ljutomer.example', undefined, ip());
      assert.equal(
        (
          await admin.post(`/staff/admin/officials/${officialId}`, {
            displayName: 'Marko Kolar',
            email: 'uradnik@ljutomer.example',
            role: 'admin',
          })
        ).statusCode,
        303,
      );
      const roleEntry = await db()
        .selectFrom('audit_event')
        .select('detail')
        .where('action', '=', 'staff.role_changed')
        .where('object_id', '=', officialId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(roleEntry.detail.role, ['official', 'admin']);
      assert.equal((await official.get('/staff')).statusCode, 200);
      assert.equal(
        (await admin.post(`/staff/admin/officials/${officialId}/active`, { active: '0' }))
          .statusCode,
        303,
      );
      assert.equal(
        (await official.get('/staff')).statusCode,
        303,
        'the deactivated account’s session ended at once',
      );
      assert.equal(
        await db()
          .selectFrom('staff_session')
          .select('token_hash')
          .where('staff_id', '=', officialId)
          .executeTakeFirst(),
        undefined,
      );
      const refused = await signIn('uradnik@ljutomer.example', DEMO_PASSWORD);
      assert.equal(refused.statusCode, 401, 'a deactivated account cannot sign in');
      // Reactivated, they are again one of two admins.
      assert.equal(
        (await admin.post(`/staff/admin/officials/${officialId}/active`, { active: '1' }))
          .statusCode,
        303,
      );
      assert.equal((await signIn('uradnik@ljutomer.example', DEMO_PASSWORD)).statusCode, 303);
      // Now the first admin may step down; they land on the start page, not on an admin page they lost.
      const stepDown = await admin.post(`/staff/admin/officials/${me.id}`, {
        displayName: me.displayName,
        email: me.email,
        role: 'official',
      });
      assert.equal(stepDown.statusCode, 303);
      assert.equal(stepDown.headers.location, '/staff');
      assert.equal((await admin.get('/staff/admin')).statusCode, 403);
    });

    test('two admins demoting each other at the same time: exactly one succeeds, one admin remains', async () => {
      const a = await principal('admin@koprivnice.example');
      const bId = (await principal('urednik@koprivnice.example')).id;
      await db().updateTable('staff').set({ role: 'admin' }).where('id', '=', bId).execute();
      const b = await principal('urednik@koprivnice.example');
      const service = accounts();
      const input = async (p: StaffPrincipal) => {
        const row = (await service.get(a, p.id)).account;
        return {
          displayName: row.display_name,
          email: row.email,
          title: row.title,
          role: 'official' as const,
          officeIds: row.officeIds,
          serviceIds: row.serviceIds,
        };
      };
      const [ia, ib] = await Promise.all([input(a), input(b)]);
      const results = await Promise.allSettled([
        service.update(a, b.id, ib),
        service.update(b, a.id, ia),
      ]);
      assert.equal(
        results.filter((r) => r.status === 'fulfilled').length,
        1,
        JSON.stringify(results),
      );
      const failure = results.find((r) => r.status === 'rejected')!.reason as AppError;
      assert.ok(
        failure instanceof AppError &&
          (failure.code === 'forbidden' || failure.code === 'invalid_input'),
        String(failure),
      );
      const admins = await db()
        .selectFrom('staff')
        .select('id')
        .where('organisation_id', '=', a.organisationId)
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .execute();
      assert.equal(admins.length, 1);
      // And deactivating each other at once ends the same way.
      const survivor = admins[0]!.id === a.id ? a : b;
      const other = survivor === a ? b : a;
      await db().updateTable('staff').set({ role: 'admin' }).where('id', '=', other.id).execute();
      const again = await Promise.allSettled([
        service.setActive(survivor, other.id, false),
        service.setActive(other, survivor.id, false),
      ]);
      assert.equal(again.filter((r) => r.status === 'fulfilled').length, 1);
      const left = await db()
        .selectFrom('staff')
        .select('id')
        .where('organisation_id', '=', a.organisationId)
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .execute();
      assert.equal(left.length, 1);
    });

    test('changing one’s own password: the current one is required, the policy applies, other sessions end', async () => {
      const ipA = ip();
      const here = await browserFor(okence, 'ana.horvat@domzale.example', undefined, ipA);
      const elsewhere = await browserFor(okence, 'ana.horvat@domzale.example', undefined, ip());
      assert.equal((await here.get('/staff/account/password')).statusCode, 200);
      const wrong = await here.post('/staff/account/password', {
        currentPassword: 'not it',
        newPassword: GOOD,
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /href="#currentPassword">The current password is not correct/);
      const weak = await here.post('/staff/account/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'ana.horvat@domzale',
      });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /must not contain the email address/);
      const ok = await here.post('/staff/account/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: GOOD,
      });
      assert.equal(ok.statusCode, 303);
      assert.equal((await here.get('/staff')).statusCode, 200, 'this session goes on');
      assert.equal((await elsewhere.get('/staff')).statusCode, 303, 'the other session ended');
      assert.equal((await signIn('ana.horvat@domzale.example', DEMO_PASSWORD)).statusCode, 401);
      assert.equal((await signIn('ana.horvat@domzale.example', GOOD)).statusCode, 303);
      const entry = await db()
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'password.changed')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.stringify(entry.detail), '{}');
    });

    test('wrong current passwords count as failed sign-ins: the sixth try is refused, and so is signing in', async () => {
      const me = await browserFor(okence, 'uradnik@domzale.example', undefined, ip());
      for (let i = 0; i < 5; i++) {
        clock.advance(1000); // after the sign-in that cleared the count
        assert.equal(
          (
            await me.post('/staff/account/password', {
              currentPassword: `guess ${i}`,
              newPassword: GOOD,
            })
          ).statusCode,
          400,
        );
      }
      assert.equal(
        (
          await me.post('/staff/account/password', {
            currentPassword: DEMO_PASSWORD,
            newPassword: GOOD,
          })
        ).statusCode,
        429,
      );
      assert.equal((await signIn('uradnik@domzale.example', DEMO_PASSWORD)).statusCode, 429);
    });

    test('sign-in stays throttled: 10 posts a minute from one address, then 429', async () => {
      const from = '192.0.2.77';
      const form = await okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in',
        remoteAddress: from,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await okence.app.inject({
          method: 'POST',
          url: '/staff/sign-in',
          remoteAddress: from,
          cookies: cookiesOf(form),
          payload: {
            email: `nobody${i}@example.si`,
            password: 'wrong password here',
            _csrf: csrfFrom(form.body),
          },
        });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
    });
  });
}
