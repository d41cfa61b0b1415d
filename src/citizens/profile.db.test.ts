import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { offlineProviders, providersFile } from '../config/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';
import type { VerifiedIdentity } from './service.ts';
import { mailedCode } from './testing.ts';

type Jar = Record<string, string>;

const byEmail = (email: string): VerifiedIdentity => ({
  providerId: 'email',
  personIdentifier: email,
  loa: 'low',
  email,
});
const jana = (n: number): VerifiedIdentity => ({
  providerId: 'nia',
  personIdentifier: `CZ/CZ/profile-${n}`,
  loa: 'substantial',
  givenName: 'Jana',
  familyName: 'Dvořáková',
  dateOfBirth: '1975-05-04',
  address: 'Náměstí 1, Kopřivnice',
  email: `jana${n}@example.cz`,
});
const START = new Date('2026-11-23T07:00:00Z');

let ips = 0;
/** A fresh documentation address per request: the per-IP route limits stay out of the way. */
const nextIp = () => `198.51.100.${++ips % 250}`;

// The profile (issue 16, decision 032): eID data read-only, the phone, the e-mail changed by a
// code to the new address, "your data" and the deletion's confirmation page; and the attacks.
for (const kind of DB_KINDS) {
  describe(`the account's profile on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(START);
    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: { EID_PROVIDERS_FILE: providersFile(offlineProviders()) },
      });
    });
    after(() => okence.close());

    async function signedIn(identity: VerifiedIdentity) {
      const { token } = await okence.services.citizens.signIn(identity, { ip: '192.0.2.1' });
      const session = await okence.services.citizens.resolveSession(token);
      assert.ok(session);
      return { jar: { [CITIZEN_COOKIE]: token } as Jar, accountId: session.accountId };
    }
    const get = (jar: Jar, url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, cookies: jar, headers: { 'accept-language': lang } });
    /** A POST as the browser sends it after showing `url`'s page (its CSRF token), or without. */
    async function post(jar: Jar, url: string, payload: object, opts = { csrf: true }) {
      const page = await okence.app.inject({ method: 'GET', url: '/staff/sign-in' });
      return okence.app.inject({
        method: 'POST',
        url,
        remoteAddress: nextIp(),
        cookies: { ...jar, ...cookiesOf(page) },
        headers: { 'accept-language': 'en' },
        payload: opts.csrf ? { ...payload, _csrf: csrfFrom(page.body) } : payload,
      });
    }
    const account = (id: string) => okence.services.citizens.account(id);
    const auditOf = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('audit_event')
          .select('action')
          .where('object_id', '=', id)
          .execute()
      ).map((a) => a.action);
    const emailIdentities = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('citizen_identities')
          .select('person_identifier')
          .where('account_id', '=', id)
          .where('provider_id', '=', 'email')
          .execute()
      ).map((r) => r.person_identifier);
    /** Asks to change the account's e-mail to `email`: the change's id, its code page, the mailed code. */
    async function askChange(who: { jar: Jar }, email: string) {
      const res = await post(who.jar, '/account/email', { email });
      assert.equal(res.statusCode, 303, res.body);
      const location = String(res.headers.location);
      const change = /^\/account\/email\/code\?change=([0-9a-f-]{36})$/.exec(location)?.[1];
      assert.ok(change, location);
      const page = await get(who.jar, location);
      assert.equal(page.statusCode, 200);
      return { code: await mailedCode(okence, email), change, page, res };
    }
    const other = (code: string) => (code === '000000' ? '111111' : '000000');

    test('the eID’s data is shown read-only with its source and date, in each language', async () => {
      const me = await signedIn(jana(1));
      const sl = await get(me.jar, '/account', 'sl');
      assert.equal(sl.statusCode, 200);
      assert.match(sl.body, /<dd>Jana Dvořáková<\/dd>/);
      assert.match(sl.body, /<dd>4\. 5\. 1975<\/dd>/);
      assert.match(
        sl.body,
        /Vir: NIA \(Češka e-identiteta\), nazadnje posodobljeno 23\. 11\. 2026/,
      );
      const cs = await get(me.jar, '/account', 'cs');
      assert.match(
        cs.body,
        /Zdroj: Identita občana \(NIA\), naposledy aktualizováno 23\. 11\. 2026/,
      );
      const en = await get(me.jar, '/account', 'en');
      assert.match(en.body, /Source: Czech eID \(NIA\), last updated on 23\/11\/2026/);
      assert.match(en.body, /jana1@example\.cz \(not verified\)/);
      assert.match(en.body, /href="\/account\/email">Verify or change your e-mail address/);
      assert.match(en.body, /href="\/account\/phone">Add a phone number/);
      // Nothing on the page edits the eID's data.
      assert.doesNotMatch(en.body, /name="(given_name|family_name|address|date_of_birth)"/);
      assert.match(en.body, /href="\/account\/export\.json"/);
      assert.match(en.body, /href="\/account\/delete"/);
    });

    test('an e-mail sign-in says plainly that it gives no verified identity', async () => {
      const me = await signedIn(byEmail('plain@example.si'));
      const page = await get(me.jar, '/account');
      assert.match(page.body, /confirms your e-mail address, but not who you are/);
      assert.match(page.body, /plain@example\.si \(verified\)/);
      assert.doesNotMatch(page.body, /Date of birth/);
    });

    test('the phone is saved, shown, audited and removed', async () => {
      const me = await signedIn(byEmail('phone@example.si'));
      const form = await get(me.jar, '/account/phone');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="_csrf"/);
      const saved = await post(me.jar, '/account/phone', { phone: ' +386  1 234 56 78 ' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/account?saved=phone#account-profile');
      assert.equal((await account(me.accountId))?.phone, '+386 1 234 56 78');
      const page = await get(me.jar, '/account?saved=phone');
      assert.match(page.body, /role="status">Your phone number has been saved\./);
      assert.match(page.body, /<dd>\+386 1 234 56 78<\/dd>/);
      const removed = await post(me.jar, '/account/phone', { phone: '' });
      assert.equal(removed.headers.location, '/account?saved=phone_removed#account-profile');
      assert.equal((await account(me.accountId))?.phone, null);
      const audit = await auditOf(me.accountId);
      assert.equal(audit.filter((a) => a === 'citizen_account.phone_changed').length, 2);
    });

    test('a bad phone comes back with the error and what was typed; garbage changes nothing', async () => {
      const me = await signedIn(byEmail('badphone@example.si'));
      await post(me.jar, '/account/phone', { phone: '041 123 456' });
      for (const phone of ['<b>call me</b>', '9'.repeat(5000), '+386\u0000123456']) {
        const res = await post(me.jar, '/account/phone', { phone });
        assert.equal(res.statusCode, 400, phone.slice(0, 20));
        assert.match(res.body, /error-summary/);
        assert.match(res.body, /aria-invalid="true"/);
        assert.doesNotMatch(res.body, /<b>call me/);
      }
      const echoed = await post(me.jar, '/account/phone', { phone: 'abc 123' });
      assert.match(echoed.body, /value="abc 123"/);
      // A field sent twice is refused, never read as "remove".
      const twice = await okence.app.inject({
        method: 'POST',
        url: '/account/phone',
        remoteAddress: nextIp(),
        cookies: me.jar,
        payload: 'phone=&phone=',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.notEqual(twice.statusCode, 303);
      assert.equal((await account(me.accountId))?.phone, '041 123 456');
    });

    test('no CSRF token, no change; nobody signed out gets in', async () => {
      const me = await signedIn(byEmail('csrf@example.si'));
      for (const [url, payload] of [
        ['/account/phone', { phone: '041 000 000' }],
        ['/account/email', { email: 'csrf-new@example.si' }],
        ['/account/email/code', { change: crypto.randomUUID(), code: '123456' }],
        ['/account/delete', {}],
      ] as const) {
        const res = await post(me.jar, url, payload, { csrf: false });
        assert.equal(res.statusCode, 403, url);
        const stranger = await post({}, url, payload);
        assert.equal(stranger.statusCode, 303, url);
        assert.match(String(stranger.headers.location), /^\/account\/sign-in\?loa=low/);
      }
      for (const url of [
        '/account/phone',
        '/account/email',
        '/account/email/code',
        '/account/delete',
      ]) {
        const res = await get({}, url);
        assert.equal(res.statusCode, 303, url);
        assert.equal(
          res.headers.location,
          `/account/sign-in?loa=low&return=${encodeURIComponent(url)}`,
        );
      }
      const after = await account(me.accountId);
      assert.equal(after?.phone, null);
      assert.equal(after?.email, 'csrf@example.si');
      assert.ok(after, 'not deleted');
    });

    test('an eID account’s changes need its level: a low session is asked to step up', async () => {
      const me = await signedIn(jana(2));
      await okence.handle.db
        .updateTable('citizen_sessions')
        .set({ loa: 'low' })
        .where('account_id', '=', me.accountId)
        .execute();
      const page = await get(me.jar, '/account/phone');
      assert.equal(page.statusCode, 303);
      assert.equal(
        page.headers.location,
        '/account/sign-in?loa=substantial&return=%2Faccount%2Fphone',
      );
      const res = await post(me.jar, '/account/email', { email: 'stepup@example.cz' });
      assert.match(String(res.headers.location), /^\/account\/sign-in\?loa=substantial/);
      assert.equal((await get(me.jar, '/account/delete')).statusCode, 303);
    });

    test('a new e-mail is set by the code mailed to it, and the e-mail sign-in moves with it', async () => {
      const me = await signedIn(byEmail('ana@example.si'));
      const { code, change, page } = await askChange(me, 'ana.new@example.si');
      assert.match(page.body, /ana\.new@example\.si/);
      const stored = await okence.handle.db
        .selectFrom('citizen_email_changes')
        .select(['code_hash', 'account_id'])
        .where('id', '=', change)
        .executeTakeFirstOrThrow();
      assert.match(stored.code_hash, /^[0-9a-f]{64}$/, 'an HMAC, not the code');
      assert.equal(stored.account_id, me.accountId);
      const res = await post(me.jar, '/account/email/code', {
        change,
        code: code.split('').join(' '),
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account?saved=email#account-profile');
      const after = await account(me.accountId);
      assert.equal(after?.email, 'ana.new@example.si');
      assert.equal(after?.emailVerified, true);
      assert.deepEqual(await emailIdentities(me.accountId), ['ana.new@example.si']);
      assert.ok((await auditOf(me.accountId)).includes('citizen_account.email_changed'));
      // The new address signs in to the same account; the old one no longer does.
      assert.equal((await signedIn(byEmail('ana.new@example.si'))).accountId, me.accountId);
      assert.notEqual((await signedIn(byEmail('ana@example.si'))).accountId, me.accountId);
      // Replay: the used code changes nothing and is refused.
      const again = await post(me.jar, '/account/email/code', { change, code });
      assert.equal(again.statusCode, 410);
    });

    test('an eID account gets its address verified, and no e-mail sign-in', async () => {
      const me = await signedIn(jana(3));
      const form = await get(me.jar, '/account/email');
      assert.match(form.body, /value="jana3@example\.cz"/, 'the unverified address, offered');
      const { code, change } = await askChange(me, 'jana3@example.cz');
      assert.equal((await post(me.jar, '/account/email/code', { change, code })).statusCode, 303);
      assert.equal((await account(me.accountId))?.emailVerified, true);
      assert.deepEqual(await emailIdentities(me.accountId), []);
      const same = await post(me.jar, '/account/email', { email: 'JANA3@example.cz' });
      assert.equal(same.statusCode, 400);
      assert.match(same.body, /already your verified e-mail address/);
    });

    test('another account’s address: asked like any, refused only after its code', async () => {
      const owner = await signedIn(byEmail('owner@example.si'));
      const me = await signedIn(byEmail('taker@example.si'));
      const free = await askChange(me, 'free-address@example.si');
      const { code, change, res: taken } = await askChange(me, 'owner@example.si');
      // The same answer as for a free address: a code page, its own change's id, no word more.
      assert.equal(taken.statusCode, free.res.statusCode);
      assert.equal(taken.body, free.res.body);
      assert.deepEqual(Object.keys(cookiesOf(taken)), Object.keys(cookiesOf(free.res)));
      const res = await post(me.jar, '/account/email/code', { change, code });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /already used to sign in to another account/);
      assert.equal((await account(me.accountId))?.email, 'taker@example.si');
      assert.deepEqual(await emailIdentities(me.accountId), ['taker@example.si']);
      assert.deepEqual(await emailIdentities(owner.accountId), ['owner@example.si']);
    });

    test('one account cannot use a code another account asked for', async () => {
      const asker = await signedIn(byEmail('asker@example.si'));
      const thief = await signedIn(byEmail('thief@example.si'));
      const { code, change } = await askChange(asker, 'asker-new@example.si');
      const stolen = await post(thief.jar, '/account/email/code', { change, code });
      assert.equal(stolen.statusCode, 410, 'not the thief’s: as good as expired');
      assert.match(stolen.body, /no longer valid/);
      // With a change of its own pending, the thief's try is refused just the same.
      await askChange(thief, 'thief-new@example.si');
      const again = await post(thief.jar, '/account/email/code', { change, code });
      assert.equal(again.statusCode, 410);
      assert.equal((await account(thief.accountId))?.email, 'thief@example.si');
      // The asker's code was not spent nor counted.
      const mine = await post(asker.jar, '/account/email/code', { change, code });
      assert.equal(mine.statusCode, 303);
      assert.equal((await account(asker.accountId))?.email, 'asker-new@example.si');
    });

    test('the fifth wrong code locks the change; the right one no longer works', async () => {
      const me = await signedIn(byEmail('locked@example.si'));
      const { code, change } = await askChange(me, 'locked-new@example.si');
      for (let i = 1; i <= 4; i++)
        assert.equal(
          (await post(me.jar, '/account/email/code', { change, code: other(code) })).statusCode,
          400,
        );
      const fifth = await post(me.jar, '/account/email/code', { change, code: other(code) });
      assert.equal(fifth.statusCode, 410);
      assert.match(fifth.body, /entered wrongly five times/);
      assert.equal((await post(me.jar, '/account/email/code', { change, code })).statusCode, 410);
      assert.equal((await account(me.accountId))?.email, 'locked@example.si');
    });

    test('a code expires after ten minutes', async () => {
      const me = await signedIn(byEmail('late@example.si'));
      const { code, change } = await askChange(me, 'late-new@example.si');
      clock.advance(10 * 60_000);
      try {
        const res = await post(me.jar, '/account/email/code', { change, code });
        assert.equal(res.statusCode, 410);
        assert.match(res.body, /no longer valid/);
      } finally {
        clock.set(START);
      }
      assert.equal((await account(me.accountId))?.email, 'late@example.si');
    });

    test('garbage and overlong input is refused with the typed text kept', async () => {
      const me = await signedIn(byEmail('garbage@example.si'));
      const long = `${'a'.repeat(300)}@example.si`;
      const res = await post(me.jar, '/account/email', { email: long });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(`value="${long}"`));
      const bad = await post(me.jar, '/account/email', { email: 'not an address' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="not an address"/);
      const { change } = await askChange(me, 'garbage-new@example.si');
      for (const payload of [
        { change, code: 'abcdef' },
        { change, code: '1'.repeat(5000) },
      ]) {
        const r = await post(me.jar, '/account/email/code', payload);
        assert.equal(r.statusCode, 400, JSON.stringify(payload).slice(0, 60));
        assert.match(r.body, /Enter the 6 digits/);
      }
      for (const payload of [
        { change: 'not-a-uuid', code: '123456' },
        { change: [change, change], code: '123456' },
        { code: '123456' },
      ]) {
        const r = await post(me.jar, '/account/email/code', payload);
        assert.equal(r.statusCode, 410, JSON.stringify(payload).slice(0, 60));
        assert.match(r.body, /no longer valid/);
      }
      const page = await get(me.jar, '/account/email/code?change=%3Cscript%3E');
      assert.equal(page.headers.location, '/account/email');
    });

    test('changes are limited: five codes in 15 minutes per account (429 with Retry-After)', async () => {
      const me = await signedIn(byEmail('often@example.si'));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await post(me.jar, '/account/email', { email: `often${i}@example.si` })).statusCode,
        );
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
      const last = await post(me.jar, '/account/email', { email: 'often9@example.si' });
      assert.ok(Number(last.headers['retry-after']) > 0);
    });

    test('the deletion is confirmed on its own page that names the appointments ahead', async () => {
      const me = await signedIn(byEmail('leaving@example.si'));
      const ahead = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'potrdila-iz-uradnih-evidenc',
        day: '2026-11-26',
        email: 'leaving@example.si',
        name: 'Lea Ving',
      });
      await okence.services.appointments.claim(
        { accountId: me.accountId, email: 'leaving@example.si', emailVerified: true },
        [ahead.id],
      );
      const page = await get(me.jar, '/account/delete');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /These appointments ahead will be cancelled/);
      assert.match(page.body, /26 November 2026/);
      assert.match(page.body, /the offices keep your appointments/);
      assert.match(
        page.body,
        /<form method="post" action="\/account\/delete"><input type="hidden" name="_csrf"/,
      );
      const empty = await get(
        (await signedIn(byEmail('nothing@example.si'))).jar,
        '/account/delete',
        'sl',
      );
      assert.match(empty.body, /Nimate prihajajočih terminov/);
      // The form's POST deletes (the route tested in account.db.test.ts), pending changes too.
      await askChange(me, 'leaving-new@example.si');
      const res = await post(me.jar, '/account/delete', {});
      assert.equal(res.statusCode, 303);
      assert.equal(await account(me.accountId), undefined);
      const left = await okence.handle.db
        .selectFrom('citizen_email_changes')
        .select('id')
        .where('account_id', '=', me.accountId)
        .execute();
      assert.deepEqual(left, []);
    });

    test('changes are pruned a day after they expire, with their mail', async () => {
      const me = await signedIn(byEmail('prune@example.si'));
      const { change } = await askChange(me, 'prune-new@example.si');
      const rows = () =>
        okence.handle.db
          .selectFrom('citizen_email_changes')
          .select('id')
          .where('id', '=', change)
          .execute();
      clock.advance(10 * 60_000 + 23 * 3600_000);
      try {
        await okence.services.citizens.prune();
        assert.equal((await rows()).length, 1, 'kept a day for the rate limits');
        clock.advance(3600_000 + 60_000);
        await okence.services.citizens.prune();
        assert.deepEqual(await rows(), []);
        const mail = await okence.handle.db
          .selectFrom('mail_outbox')
          .select('id')
          .where('dedupe_key', '=', `citizen-code:${change}`)
          .execute();
        assert.deepEqual(mail, []);
      } finally {
        clock.set(START);
      }
    });
  });
}
