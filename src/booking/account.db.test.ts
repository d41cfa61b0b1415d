import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import type { VerifiedIdentity } from '../citizens/service.ts';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';

const CONTACT = '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact';
const byEmail = (email: string): VerifiedIdentity => ({
  providerId: 'email',
  personIdentifier: email,
  loa: 'low',
  email,
});

// The personal account's appointments (decision 032): a booking made while signed in is the
// account's, and needs no code for the verified address; an earlier one joins only when claimed.
for (const kind of DB_KINDS) {
  describe(`appointments of a citizen account on ${kind}`, () => {
    let okence: Okence;
    // Monday 23 November 2026, 08:00 in Domžale.
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    let ip = 20;
    /** A browser signed in as `identity`: its cookies, and its account's id. */
    async function signedIn(identity: VerifiedIdentity) {
      const { token } = await okence.services.citizens.signIn(identity, { ip: '192.0.2.1' });
      const session = await okence.services.citizens.resolveSession(token);
      assert.ok(session);
      return { cookies: { [CITIZEN_COOKIE]: token }, accountId: session.accountId };
    }
    const mailTo = (to: string) =>
      okence.handle.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', to)
        .execute();
    const bookingOf = (email: string) =>
      okence.handle.db
        .selectFrom('booking')
        .select(['id', 'state', 'citizen_account_id'])
        .where('citizen_email', '=', email)
        .execute();
    /** The contact form of the first free time, as the browser `cookies` sees it. */
    async function contactForm(cookies: Record<string, string>, day: string) {
      const at = await okence.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/ue-domzale/services/potrdila-iz-uradnih-evidenc/availability?office=domzale&from=${day}&to=${day}`,
      });
      const start: string = at.json().days[0].times[0].start;
      const form = await okence.app.inject({
        method: 'GET',
        url: `${CONTACT}?start=${encodeURIComponent(start)}&lang=en`,
        cookies,
      });
      assert.equal(form.statusCode, 200);
      return { start, body: form.body, cookies: { ...cookies, ...cookiesOf(form) } };
    }
    async function book(cookies: Record<string, string>, day: string, email?: string) {
      const form = await contactForm(cookies, day);
      const emailIn = /id="email"[^>]*value="([^"]*)"/.exec(form.body)?.[1] ?? '';
      return okence.app.inject({
        method: 'POST',
        url: CONTACT,
        cookies: form.cookies,
        remoteAddress: `192.0.2.${ip++}`,
        payload: {
          _csrf: csrfFrom(form.body),
          start: form.start,
          name: 'Ana Novak',
          email: email ?? emailIn,
          phone: '',
          notes: '',
        },
      });
    }

    test('signed in by e-mail: the form comes filled and the booking is confirmed without a code', async () => {
      const me = await signedIn(byEmail('ana@example.si'));
      const form = await contactForm(me.cookies, '2026-11-25');
      assert.match(form.body, /value="ana@example\.si"/, 'the account’s e-mail is filled in');
      const res = await book(me.cookies, '2026-11-25');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/m\/[^/?]+\?confirmed=1$/);
      const [b] = await bookingOf('ana@example.si');
      assert.equal(b?.state, 'confirmed');
      assert.equal(b?.citizen_account_id, me.accountId, 'the booking is the account’s');
      const mails = await mailTo('ana@example.si');
      assert.equal(mails.length, 1, 'the confirmation only, no code');
      assert.doesNotMatch(mails[0]!.text_body, /\b\d{6}\b/);
      // The account page lists it under My appointments, with its manage link.
      const account = await okence.app.inject({
        method: 'GET',
        url: '/account?lang=en',
        cookies: me.cookies,
      });
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /My appointments/);
      assert.ok(account.body.includes(String(res.headers.location).split('?')[0]!), 'its link');
    });

    test('another address, or an account without a verified one: the code is mailed as usual', async () => {
      const me = await signedIn({
        providerId: 'nia',
        personIdentifier: 'CZ/CZ/0000-account-test',
        loa: 'substantial',
        givenName: 'Petr',
        familyName: 'Svoboda',
      });
      const form = await contactForm(me.cookies, '2026-11-26');
      assert.match(form.body, /value="Petr Svoboda"/, 'the eID’s name is filled in');
      const res = await book(me.cookies, '2026-11-26', 'petr@example.cz');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/h\//);
      const [b] = await bookingOf('petr@example.cz');
      assert.equal(b?.state, 'held');
      assert.equal(b?.citizen_account_id, me.accountId, 'booked while signed in: linked');
      assert.match((await mailTo('petr@example.cz'))[0]!.text_body, /\b\d{6}\b/);
    });

    test('an earlier booking joins the account only when claimed, and only by its own address', async () => {
      const earlier = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'potrdila-iz-uradnih-evidenc',
        day: '2026-11-27',
        email: 'mojca@example.si',
        name: 'Mojca Kos',
      });
      const mojca = await signedIn(byEmail('mojca@example.si'));
      const other = await signedIn(byEmail('eve@example.si'));
      const { appointments } = okence.services;
      const account = (id: string, email: string) => ({
        accountId: id,
        email,
        emailVerified: true,
      });
      const before = await appointments.list(account(mojca.accountId, 'mojca@example.si'));
      assert.deepEqual(before.mine, [], 'never linked by itself');
      assert.deepEqual(
        before.claimable.map((b) => b.id),
        [earlier.id],
      );
      const eve = account(other.accountId, 'eve@example.si');
      assert.deepEqual((await appointments.list(eve)).claimable, []);
      assert.equal(await appointments.claim(eve, [earlier.id]), 0, 'not Eve’s address');
      const unverified = { ...account(mojca.accountId, 'mojca@example.si'), emailVerified: false };
      assert.equal(await appointments.claim(unverified, [earlier.id]), 0);
      assert.equal(
        await appointments.claim(account(mojca.accountId, 'mojca@example.si'), [earlier.id]),
        1,
      );
      const after = await appointments.list(account(mojca.accountId, 'mojca@example.si'));
      assert.deepEqual(
        after.mine.map((b) => b.id),
        [earlier.id],
      );
      assert.equal(after.claimable.length, 0);
      assert.equal(after.mine[0]!.manageHref, new URL(earlier.manageUrl).pathname);
      assert.equal(
        await appointments.claim(account(other.accountId, 'mojca@example.si'), [earlier.id]),
        0,
        'a claimed booking cannot be claimed again, even by an account with the same address',
      );
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', earlier.id)
        .execute();
      assert.ok(audit.some((a) => a.action === 'appointment.claimed'));
    });

    test('before the account goes: appointments ahead are cancelled with the e-mail, all unlinked', async () => {
      const me = await signedIn(byEmail('leaving@example.si'));
      assert.equal((await book(me.cookies, '2026-11-30')).statusCode, 303);
      const { appointments } = okence.services;
      const exported = await appointments.exportFor(me.accountId);
      assert.equal(exported.length, 1);
      assert.equal(exported[0]!.email, 'leaving@example.si');
      assert.equal(await appointments.beforeAccountDeleted(me.accountId), 1);
      const [b] = await bookingOf('leaving@example.si');
      assert.equal(b?.state, 'cancelled');
      assert.equal(b?.citizen_account_id, null, 'the office keeps it, unlinked');
      const mails = await mailTo('leaving@example.si');
      assert.equal(mails.length, 2, 'the confirmation, then the cancellation');
    });
  });
}
