import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { recordingRoutes, type RegisteredRoute } from '../http/testing-routes.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';
import type { VerifiedIdentity } from './service.ts';

const byEmail = (email: string): VerifiedIdentity => ({
  providerId: 'email',
  personIdentifier: email,
  loa: 'low',
  email,
});
const NIA: VerifiedIdentity = {
  providerId: 'nia',
  personIdentifier: 'CZ/CZ/account-export-1',
  loa: 'substantial',
  givenName: 'Jana',
  familyName: 'Dvořáková',
  dateOfBirth: '1975-05-04',
  address: 'Náměstí 1, Kopřivnice',
  email: 'jana@example.cz',
};
// Routes under /account anyone may open: signing in and out, the signed-out page, and why a
// way to sign in was not added (a lured eID answer lands there with no session).
const OPEN = /^\/account\/(sign-in|sign-out|signed-out|ways\/refused)(\/|$)/;

// The personal account's export and deletion (decision 032), and the sweep of every /account
// route: nobody signed out gets in, and one account never reaches another's data.
for (const kind of DB_KINDS) {
  describe(`the personal account on ${kind}`, () => {
    let okence: Okence;
    let routes: RegisteredRoute[];
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      ({ booted: okence, routes } = await recordingRoutes(() => bootTestApp(kind, { clock })));
    });
    after(async () => {
      await okence.close();
    });
    async function signedIn(identity: VerifiedIdentity) {
      const { token } = await okence.services.citizens.signIn(identity, { ip: '192.0.2.1' });
      const session = await okence.services.citizens.resolveSession(token);
      assert.ok(session);
      return { cookies: { [CITIZEN_COOKIE]: token }, accountId: session.accountId };
    }
    /** A POST with a CSRF token, as a browser showing a page first would send it. */
    async function post(cookies: Record<string, string>, url: string, payload = {}) {
      const page = await okence.app.inject({ method: 'GET', url: '/staff/sign-in', cookies });
      return okence.app.inject({
        method: 'POST',
        url,
        cookies: { ...cookies, ...cookiesOf(page) },
        payload: { ...payload, _csrf: csrfFrom(page.body) },
      });
    }
    const book = (email: string, day: string) =>
      bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'potrdila-iz-uradnih-evidenc',
        day,
        email,
        name: 'Jana Dvořáková',
      });

    test('every /account route sends a signed-out browser to the citizen sign-in', async () => {
      const guarded = routes.filter(
        (r) => r.url.startsWith('/account') && r.method !== 'HEAD' && !OPEN.test(r.url),
      );
      assert.ok(guarded.length >= 3, 'the account routes were recorded');
      for (const r of guarded) {
        const res = await post({}, r.url);
        const got =
          r.method === 'GET' ? await okence.app.inject({ method: 'GET', url: r.url }) : res;
        assert.equal(got.statusCode, 303, `${r.method} ${r.url}`);
        assert.match(String(got.headers.location), /^\/account\/sign-in\?loa=/);
      }
    });

    test('the export holds the profile, identities, sessions’ times and bookings, nobody else’s', async () => {
      const jana = await signedIn(NIA);
      const other = await book('someone@example.si', '2026-11-25');
      const mine = await book('jana@example.cz', '2026-11-26');
      await okence.services.appointments.claim(
        { accountId: jana.accountId, email: 'jana@example.cz', emailVerified: true },
        [mine.id, other.id],
      );
      const res = await okence.app.inject({
        method: 'GET',
        url: '/account/export.json',
        cookies: jana.cookies,
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const data = res.json();
      assert.equal(data.profile.givenName, 'Jana');
      assert.equal(data.profile.dateOfBirth, '1975-05-04');
      assert.equal(data.profile.identitySource, 'nia');
      assert.deepEqual(
        data.identities.map((i: { providerId: string }) => i.providerId),
        ['nia'],
      );
      assert.equal(data.sessions.length, 1);
      assert.ok(!JSON.stringify(data.sessions).includes(jana.cookies[CITIZEN_COOKIE]));
      assert.deepEqual(
        data.bookings.map((b: { id: string }) => b.id),
        [mine.id],
        'only the booking made with the account’s address was claimed',
      );
      assert.ok(!res.body.includes('someone@example.si'));
    });

    test('deleting needs the level the account was made at: an e-mail code does not delete an eID account', async () => {
      const jana = await signedIn(NIA);
      const byMail = await signedIn(byEmail('jana@example.cz'));
      assert.notEqual(byMail.accountId, jana.accountId, 'an e-mail never matches an eID by itself');
      // A low session of the eID account (as a shared computer's leftover would be) is stepped up.
      await okence.handle.db
        .updateTable('citizen_sessions')
        .set({ loa: 'low' })
        .where('account_id', '=', jana.accountId)
        .execute();
      const low = await post(jana.cookies, '/account/delete');
      assert.equal(low.statusCode, 303);
      assert.match(String(low.headers.location), /^\/account\/sign-in\?loa=substantial/);
      assert.ok(await okence.services.citizens.account(jana.accountId), 'still there');
    });

    test('deleting the account cancels what is ahead with the e-mail, erases it and ends the session', async () => {
      const eva = await signedIn(byEmail('eva@example.si'));
      const ahead = await book('eva@example.si', '2026-11-27');
      await okence.services.appointments.claim(
        { accountId: eva.accountId, email: 'eva@example.si', emailVerified: true },
        [ahead.id],
      );
      const other = await signedIn(byEmail('olga@example.si'));
      // Olga cannot claim Eva's booking, nor delete anything but her own account.
      await post(other.cookies, '/account/appointments/claim', { booking: ahead.id });
      const res = await post(eva.cookies, '/account/delete');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers['set-cookie']), new RegExp(`${CITIZEN_COOKIE}=;`));
      const row = await okence.handle.db
        .selectFrom('booking')
        .select(['state', 'citizen_account_id'])
        .where('id', '=', ahead.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { state: 'cancelled', citizen_account_id: null });
      const mails = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('dedupe_key')
        .where('to_address', '=', 'eva@example.si')
        .execute();
      assert.ok(
        mails.some((m) => m.dedupe_key.startsWith('booking:') && /cancel/.test(m.dedupe_key)),
      );
      const account = await okence.handle.db
        .selectFrom('citizen_accounts')
        .selectAll()
        .where('id', '=', eva.accountId)
        .executeTakeFirstOrThrow();
      assert.equal(account.email, null);
      assert.ok(account.deleted_at);
      const left = await okence.handle.db
        .selectFrom('citizen_sessions')
        .select('account_id')
        .where('account_id', '=', eva.accountId)
        .execute();
      assert.deepEqual(left, []);
      const again = await okence.app.inject({
        method: 'GET',
        url: '/account/export.json',
        cookies: eva.cookies,
      });
      assert.equal(again.statusCode, 303, 'the old cookie signs nobody in');
      assert.ok(await okence.services.citizens.account(other.accountId), 'Olga keeps hers');
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', eva.accountId)
        .execute();
      assert.ok(audit.some((a) => a.action === 'citizen_account.deleted'));
    });
  });
}
