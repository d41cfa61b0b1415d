import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { offlineProviders, providersFile } from '../config/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { hashToken } from '../identity/service.ts';
import { fixedClock } from '../lib/clock.ts';
import type { VerifiedIdentity } from './service.ts';
import { askForCode, mailedCode, postCode } from './testing.ts';

type Jar = Record<string, string>;

const byEmail = (email: string): VerifiedIdentity => ({
  providerId: 'email',
  personIdentifier: email,
  loa: 'low',
  email,
});
const nia = (n: number): VerifiedIdentity => ({
  providerId: 'nia',
  personIdentifier: `CZ/CZ/ways-${n}`,
  loa: 'substantial',
  givenName: 'Jana',
  familyName: 'Dvořáková',
  dateOfBirth: '1975-05-04',
});

let ips = 0;
const nextIp = () => `198.51.100.${++ips % 250}`;

// Ways to sign in (issue 16, decision 029 addendum): an address added by a mailed code in the
// session that asked, a way removed after a confirmation (never the last), and the refusals.
for (const kind of DB_KINDS) {
  describe(`the account's ways to sign in on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: { EID_PROVIDERS_FILE: providersFile(offlineProviders()) },
      });
      await okence.services.eidProviders.enableEverywhere();
    });
    after(() => okence.close());

    async function signedIn(identity: VerifiedIdentity) {
      const { token } = await okence.services.citizens.signIn(identity, { ip: '192.0.2.1' });
      const session = await okence.services.citizens.resolveSession(token);
      assert.ok(session);
      return { jar: { [CITIZEN_COOKIE]: token } as Jar, accountId: session.accountId, token };
    }
    const get = (jar: Jar, url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, cookies: jar, headers: { 'accept-language': lang } });
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
    const db = () => okence.handle.db;
    const waysOf = async (accountId: string) =>
      (
        await db()
          .selectFrom('citizen_identities')
          .select(['id', 'provider_id', 'person_identifier'])
          .where('account_id', '=', accountId)
          .orderBy('created_at')
          .orderBy('provider_id')
          .execute()
      ).map((r) => ({ id: r.id, way: `${r.provider_id}:${r.person_identifier}` }));
    const auditOf = async (id: string) =>
      (
        await db()
          .selectFrom('audit_event')
          .select(['action', 'detail'])
          .where('object_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((a) => {
        const d = a.detail as { provider?: string; reason?: string } | null;
        return [a.action, d?.provider, d?.reason].filter(Boolean).join(' ');
      });
    /** Asks to add `email`: the pending code's id and the mailed code. */
    async function askEmail(jar: Jar, email: string) {
      const res = await post(jar, '/account/ways/email', { email });
      assert.equal(res.statusCode, 303, res.body);
      const pending = /pending=([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1];
      assert.ok(pending);
      return { pending, code: await mailedCode(okence, email) };
    }

    test('the section lists the ways with their dates and offers the providers the account lacks', async () => {
      const me = await signedIn(nia(1));
      const page = await get(me.jar, '/account');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h2 id="account-ways">Ways to sign in<\/h2>/);
      assert.match(page.body, /Added: 23\/11\/2026/);
      assert.match(page.body, /This is your only way to sign in/);
      // NIA is had; the other configured providers and the e-mail code are offered.
      assert.doesNotMatch(page.body, /action="\/auth\/saml\/nia\/link"/);
      assert.match(page.body, /action="\/auth\/saml\/sipass\/link"/);
      assert.match(page.body, /href="\/account\/ways\/email"/);
      const sl = await get(me.jar, '/account', 'sl');
      assert.match(sl.body, /Načini prijave/);
      const cs = await get(me.jar, '/account', 'cs');
      assert.match(cs.body, /Způsoby přihlášení/);
    });

    test('an address is added by its code in the session that asked; it then signs in to the same account', async () => {
      const me = await signedIn(nia(2));
      const { pending, code } = await askEmail(me.jar, 'jana2@example.cz');
      const codePage = await get(me.jar, `/account/ways/email/code?pending=${pending}`);
      assert.equal(codePage.statusCode, 200);
      assert.match(codePage.body, /jana2@example\.cz/);
      const done = await post(me.jar, '/account/ways/email/code', { pending, code });
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, '/account?saved=way_added#account-ways');
      // The session was not switched, and kept its level.
      const session = await okence.services.citizens.resolveSession(me.token);
      assert.equal(session?.accountId, me.accountId);
      assert.equal(session?.loa, 'substantial');
      assert.deepEqual((await waysOf(me.accountId)).map((w) => w.way).sort(), [
        'email:jana2@example.cz',
        'nia:CZ/CZ/ways-2',
      ]);
      assert.ok((await auditOf(me.accountId)).includes('citizen_account.way_added email'));
      const notice = await get(me.jar, '/account?saved=way_added');
      assert.match(notice.body, /The new way to sign in has been added/);
      assert.match(notice.body, /Code by e-mail to jana2@example\.cz/);
      // Signing in with the address later reaches the same account.
      clock.advance(1000);
      const asked = await askForCode(okence, 'jana2@example.cz');
      const signIn = await postCode(okence, asked, await mailedCode(okence, 'jana2@example.cz'));
      assert.equal(signIn.statusCode, 303);
      const again = await okence.services.citizens.resolveSession(
        cookiesOf(signIn)[CITIZEN_COOKIE]!,
      );
      assert.equal(again?.accountId, me.accountId);
      // A link code is no sign-in code, and a sign-in code adds nothing.
      assert.equal((await get(me.jar, '/account/ways/email')).statusCode, 404, 'e-mail had');
    });

    test('an e-mail session rises to the eID’s level when an eID is added (the rule), never falls', async () => {
      const me = await signedIn(byEmail('low@example.cz'));
      const ways = okence.services.ways;
      const intent = await ways.linkIntent(
        { accountId: me.accountId, loa: 'low' },
        me.token,
        'nia',
      );
      assert.equal(intent.loa, 'substantial');
      assert.deepEqual(await ways.link(intent, nia(3), hashToken(me.token)), {
        ok: true,
        already: false,
      });
      const session = await okence.services.citizens.resolveSession(me.token);
      assert.equal(session?.loa, 'substantial');
      const account = await okence.services.citizens.account(me.accountId);
      assert.equal(account?.givenName, 'Jana', 'the eID’s data, as a sign-in with it would');
    });

    test('an address that is another account’s sign-in is refused after its code; nothing changes', async () => {
      const owner = await signedIn(byEmail('taken@example.cz'));
      const me = await signedIn(nia(4));
      const { pending, code } = await askEmail(me.jar, 'taken@example.cz');
      const res = await post(me.jar, '/account/ways/email/code', { pending, code });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /already signs in to another account/);
      assert.match(res.body, /delete that other account/);
      assert.deepEqual(
        (await waysOf(me.accountId)).map((w) => w.way),
        ['nia:CZ/CZ/ways-4'],
      );
      assert.deepEqual(
        (await waysOf(owner.accountId)).map((w) => w.way),
        ['email:taken@example.cz'],
      );
      assert.deepEqual((await auditOf(me.accountId)).slice(-1), [
        'citizen_account.way_refused email owned',
      ]);
    });

    test('a code confirmed in another session of the same account, or by another account, is refused', async () => {
      const me = await signedIn(nia(5));
      const { pending, code } = await askEmail(me.jar, 'five@example.cz');
      // The same person signed in again elsewhere: another session.
      const second = await signedIn(nia(5));
      const res = await post(second.jar, '/account/ways/email/code', { pending, code });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /not made in this browser session/);
      assert.equal((await waysOf(me.accountId)).length, 1);
      // Another account does not even find the pending code.
      const stranger = await signedIn(nia(6));
      const theirs = await post(stranger.jar, '/account/ways/email/code', { pending, code });
      assert.equal(theirs.statusCode, 303);
      assert.equal(theirs.headers.location, '/account/ways/email');
      assert.equal((await waysOf(stranger.accountId)).length, 1);
      // Without the CSRF token, the address is not even asked for.
      const noCsrf = await post(
        me.jar,
        '/account/ways/email',
        { email: 'x@example.cz' },
        {
          csrf: false,
        },
      );
      assert.equal(noCsrf.statusCode, 403);
    });

    test('a way is removed after its confirmation; the last one never; another account’s is not found', async () => {
      const me = await signedIn(byEmail('two@example.cz'));
      await okence.services.ways.link(
        { accountId: me.accountId, sessionHash: hashToken(me.token) },
        nia(7),
        hashToken(me.token),
      );
      const [emailWay, niaWay] = await waysOf(me.accountId);
      assert.ok(emailWay && niaWay);
      const stranger = await signedIn(byEmail('stranger@example.cz'));
      const [strangerWay] = await waysOf(stranger.accountId);
      // Another account's way, by its id, on the confirmation and the form: not found.
      assert.equal((await get(me.jar, `/account/ways/${strangerWay!.id}/remove`)).statusCode, 404);
      const foreign = await post(me.jar, `/account/ways/${strangerWay!.id}/remove`, {});
      assert.equal(foreign.statusCode, 404);
      assert.equal((await waysOf(stranger.accountId)).length, 1);
      assert.equal((await get(me.jar, '/account/ways/not-a-uuid/remove')).statusCode, 404);
      // The confirmation says the eID's data goes with the last eID.
      const confirm = await get(me.jar, `/account/ways/${niaWay.id}/remove`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /date of birth, address\) will be removed/);
      // Without the CSRF token nothing is removed.
      const noCsrf = await post(me.jar, `/account/ways/${niaWay.id}/remove`, {}, { csrf: false });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal((await waysOf(me.accountId)).length, 2);
      const removed = await post(me.jar, `/account/ways/${niaWay.id}/remove`, {});
      assert.equal(removed.statusCode, 303, removed.body);
      assert.equal(removed.headers.location, '/account?saved=way_removed#account-ways');
      const account = await okence.services.citizens.account(me.accountId);
      assert.equal(account?.givenName, null);
      assert.equal(account?.identitySource, null);
      assert.ok((await auditOf(me.accountId)).includes('citizen_account.way_removed nia'));
      // The last way stays, whatever is posted.
      const last = await post(me.jar, `/account/ways/${emailWay.id}/remove`, {});
      assert.equal(last.statusCode, 409);
      assert.match(last.body, /only way you can sign in/);
      assert.equal((await waysOf(me.accountId)).length, 1);
      // Signed out: the sign-in page.
      const out = await get({}, `/account/ways/${emailWay.id}/remove`);
      assert.equal(out.statusCode, 303);
      assert.match(String(out.headers.location), /^\/account\/sign-in/);
    });

    test('a deleted account’s pending codes to add an address go with it', async () => {
      const me2 = await signedIn(nia(9));
      await askEmail(me2.jar, 'pending@example.cz');
      const codes = async () =>
        (
          await db()
            .selectFrom('citizen_sign_in_codes')
            .select('email')
            .where('link_account_id', '=', me2.accountId)
            .execute()
        ).length;
      assert.equal(await codes(), 1);
      await okence.services.account.delete(me2.accountId);
      assert.equal(await codes(), 0);
    });

    test('an e-mail session cannot add an eID to an account an eID vouched for (a step-up first)', async () => {
      const me = await signedIn(nia(8));
      await okence.services.ways.link(
        { accountId: me.accountId, sessionHash: hashToken(me.token) },
        byEmail('eight@example.cz'),
        hashToken(me.token),
      );
      const low = await signedIn(byEmail('eight@example.cz'));
      assert.equal(low.accountId, me.accountId);
      const res = await post(low.jar, '/auth/saml/sipass/link', {});
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/account\/sign-in\?loa=substantial/);
      const remove = await get(
        low.jar,
        `/account/ways/${(await waysOf(me.accountId))[0]!.id}/remove`,
      );
      assert.equal(remove.statusCode, 303, 'removal needs the account’s level too');
    });
  });
}
