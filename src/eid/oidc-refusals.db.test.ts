// Refused OIDC sign-ins through the real flow (a NIA-like provider on loopback): each shows a
// page in the person's language, writes an audit entry, and creates no account and no session.
// The token-level hostile cases (foreign key, wrong issuer or audience, expired, unencrypted)
// are in oidc/client.test.ts, with tokens minted there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { cookiesOf } from '../http/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { OIDC_BROWSER_COOKIE } from './oidc-routes.ts';
import { signInAtProvider } from './oidc/testing-provider.ts';
import { bootWithNiaLike, PROVIDER } from './testing-oidc.ts';

for (const kind of DB_KINDS) {
  describe(`refused OIDC sign-ins on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof bootWithNiaLike>>;
    before(async () => {
      t = await bootWithNiaLike(kind);
    });
    after(() => t?.close());

    const count = async (table: 'citizen_accounts' | 'citizen_sessions') =>
      Number(
        (
          await t.okence.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const refusals = async () =>
      t.okence.handle.db
        .selectFrom('audit_event')
        .select(['detail', 'organisation_id'])
        .where('action', '=', 'eid.oidc_refused')
        .orderBy('at', 'desc')
        .execute();

    /** A callback that must be refused: its page, its audit entry, nothing created. */
    async function refused(
      url: string,
      browser: string | undefined,
      expect: { status: number; reason: string; text: RegExp },
    ) {
      const [accounts, sessions, audited] = [
        await count('citizen_accounts'),
        await count('citizen_sessions'),
        (await refusals()).length,
      ];
      const u = new URL(url);
      const res = await t.okence.app.inject({
        method: 'GET',
        url: u.pathname + u.search,
        headers: { 'accept-language': 'cs' },
        cookies: browser ? { [OIDC_BROWSER_COOKIE]: browser } : {},
      });
      assert.equal(res.statusCode, expect.status, res.body);
      assert.match(res.body, /Přihlášení se nepodařilo/);
      assert.match(res.body, expect.text);
      assert.equal(cookiesOf(res)[CITIZEN_COOKIE], undefined, 'no session cookie');
      assert.equal(await count('citizen_accounts'), accounts, 'no account');
      assert.equal(await count('citizen_sessions'), sessions, 'no session');
      const entries = await refusals();
      assert.equal(entries.length, audited + 1, 'one audit entry');
      const detail = entries[0]!.detail as { reason: string };
      assert.equal(detail.reason, expect.reason);
      return entries[0]!;
    }

    test('a lower level than asked is refused', async () => {
      const { location, browser } = await t.start('loa=high&o=ue-domzale');
      const back = await signInAtProvider(location, { level: 'substantial' });
      const entry = await refused(back, browser, {
        status: 400,
        reason: 'loa_too_low',
        text: /nižší úrovni záruky/,
      });
      assert.notEqual(entry.organisation_id, null, 'audited in the organisation’s log');
    });

    test('a replayed callback (its state used once) is refused', async () => {
      const { location, browser } = await t.start();
      const back = await signInAtProvider(location);
      const first = await t.callback(back, browser);
      assert.equal(first.statusCode, 303);
      await refused(back, browser, {
        status: 400,
        reason: 'unknown_state',
        text: /už bylo použito/,
      });
    });

    test('a callback in another browser (no binding cookie, or another one) is refused', async () => {
      const { location } = await t.start();
      const back = await signInAtProvider(location);
      await refused(back, undefined, { status: 400, reason: 'browser_mismatch', text: /vypršelo/ });
      const again = await t.start();
      const back2 = await signInAtProvider(again.location);
      await refused(back2, 'x'.repeat(43), {
        status: 400,
        reason: 'browser_mismatch',
        text: /vypršelo/,
      });
    });

    test('an unknown state, and a state past its 15 minutes, are refused', async () => {
      await refused(
        `https://okence.test/auth/oidc/${PROVIDER}/callback?state=${'s'.repeat(43)}&code=c`,
        'b',
        {
          status: 400,
          reason: 'unknown_state',
          text: /vypršelo/,
        },
      );
      const { location, browser } = await t.start();
      const back = await signInAtProvider(location);
      const state = new URL(back).searchParams.get('state')!;
      await t.okence.handle.db
        .updateTable('eid_requests')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', state)
        .execute();
      await refused(back, browser, { status: 400, reason: 'unknown_state', text: /vypršelo/ });
    });

    test('an id_token with another nonce than the pending sign-in’s is refused', async () => {
      const { location, browser } = await t.start();
      const back = await signInAtProvider(location);
      // As if the code had been obtained for another sign-in (code injection).
      await t.okence.handle.db
        .updateTable('eid_requests')
        .set({ nonce: 'z'.repeat(43) })
        .where('id', '=', new URL(back).searchParams.get('state')!)
        .execute();
      await refused(back, browser, { status: 400, reason: 'nonce', text: /nebylo možné ověřit/ });
    });

    test('cancelled at the provider: its error comes back and is shown as such', async () => {
      const { location, browser } = await t.start();
      const state = new URL(location).searchParams.get('state')!;
      await refused(
        `https://okence.test/auth/oidc/${PROVIDER}/callback?state=${state}&error=access_denied`,
        browser,
        { status: 400, reason: 'cancelled', text: /zrušeno/ },
      );
    });

    test('a callback naming another issuer (RFC 9207 iss) is refused', async () => {
      const { location, browser } = await t.start();
      const back = new URL(await signInAtProvider(location));
      assert.equal(back.searchParams.get('iss'), t.nia.issuer, 'the provider names itself');
      back.searchParams.set('iss', 'https://impostor.example');
      await refused(back.href, browser, {
        status: 400,
        reason: 'issuer',
        text: /nebylo možné ověřit/,
      });
    });

    test('an unknown provider is not found', async () => {
      const res = await t.okence.app.inject({ method: 'GET', url: '/auth/oidc/nope/login' });
      assert.equal(res.statusCode, 404);
    });
  });
}
