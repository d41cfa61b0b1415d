import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { CITIZEN_ABSOLUTE_MS, CITIZEN_IDLE_MS, type VerifiedIdentity } from './domain.ts';
import { citizensService } from './service.ts';
import { emailSignIn } from './email-sign-in.ts';

const NIA = (over: Partial<VerifiedIdentity> = {}): VerifiedIdentity => ({
  providerId: 'nia',
  personIdentifier: 'CZ/CZ/ff70b0a4-1c5e-4b8c-9f0e-000000000001',
  loa: 'substantial',
  givenName: 'Jan',
  familyName: 'Novák',
  dateOfBirth: '1980-02-29',
  address: 'Husova 5, 110 00 Praha 1',
  logout: { nameId: 'abc', sessionIndex: 's1' },
  ...over,
});

for (const kind of DB_KINDS) {
  describe(`citizen accounts and sessions (${kind})`, () => {
    let handle: DatabaseHandle;
    let orgId: string;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    let citizens: ReturnType<typeof citizensService>;
    before(async () => {
      handle = await openTestDatabase(kind);
      citizens = citizensService({ db: handle.db, clock });
      orgId = (
        await handle.db
          .insertInto('organisation')
          .values({
            slug: 'citizens-a',
            country: 'CZ',
            default_language: 'cs',
            time_zone: 'Europe/Prague',
            currency: 'CZK',
            name: JSON.stringify({ cs: 'Obec A' }),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(() => handle.close());

    const accounts = () => handle.db.selectFrom('citizen_accounts').selectAll().execute();

    test('the first sign-in creates an account keyed on the person identifier; the second finds it', async () => {
      const before = (await accounts()).length;
      const first = await citizens.signIn(NIA(), { organisationId: orgId, ip: '192.0.2.1' });
      const again = await citizens.signIn(NIA({ givenName: 'Jan Karel' }), { ip: '192.0.2.1' });
      assert.equal((await accounts()).length, before + 1);
      const a = await citizens.resolveSession(first.token);
      const b = await citizens.resolveSession(again.token);
      assert.ok(a && b);
      assert.equal(a.accountId, b.accountId);
      // What the eID says now replaces what it said before.
      assert.equal(b.displayName, 'Jan Karel Novák');
      const account = await citizens.account(a.accountId);
      assert.equal(account?.dateOfBirth, '1980-02-29');
      assert.equal(account?.identitySource, 'nia');
    });

    test('the same identifier at another provider is another account (no linking by identifier)', async () => {
      const nia = await citizens.signIn(NIA(), { ip: '192.0.2.1' });
      const sipass = await citizens.signIn(NIA({ providerId: 'sipass' }), { ip: '192.0.2.1' });
      const a = await citizens.resolveSession(nia.token);
      const b = await citizens.resolveSession(sipass.token);
      assert.notEqual(a?.accountId, b?.accountId);
    });

    test('two first sign-ins of one person at once make one account', async () => {
      const who = NIA({ personIdentifier: 'CZ/CZ/race' });
      const tokens = await Promise.all([1, 2, 3].map(() => citizens.signIn(who, { ip: '::1' })));
      const ids = new Set(
        await Promise.all(
          tokens.map(async (t) => (await citizens.resolveSession(t.token))?.accountId),
        ),
      );
      assert.equal(ids.size, 1);
      const linked = await handle.db
        .selectFrom('citizen_identities')
        .select('account_id')
        .where('person_identifier', '=', 'CZ/CZ/race')
        .execute();
      assert.equal(linked.length, 1);
    });

    test('a sign-in ends the browser’s previous session (rotation)', async () => {
      const old = await citizens.signIn(NIA(), { ip: '192.0.2.1' });
      const fresh = await citizens.signIn(NIA({ loa: 'high' }), {
        ip: '192.0.2.1',
        previousToken: old.token,
      });
      assert.equal(await citizens.resolveSession(old.token), null);
      assert.equal((await citizens.resolveSession(fresh.token))?.loa, 'high');
    });

    test('a session ends when idle too long, and after the absolute timeout however busy', async () => {
      const start = clock.now();
      const idle = await citizens.signIn(NIA(), { ip: '192.0.2.1' });
      clock.advance(CITIZEN_IDLE_MS - 1000);
      assert.ok(await citizens.resolveSession(idle.token));
      clock.advance(CITIZEN_IDLE_MS - 1000); // kept alive by the request before
      assert.ok(await citizens.resolveSession(idle.token));
      clock.advance(CITIZEN_IDLE_MS);
      assert.equal(await citizens.resolveSession(idle.token), null);

      clock.set(start);
      const busy = await citizens.signIn(NIA(), { ip: '192.0.2.1' });
      for (let t = 0; t < CITIZEN_ABSOLUTE_MS; t += CITIZEN_IDLE_MS / 2) {
        clock.set(new Date(start.getTime() + t));
        assert.ok(await citizens.resolveSession(busy.token), `live at ${t} ms`);
      }
      clock.set(new Date(start.getTime() + CITIZEN_ABSOLUTE_MS));
      assert.equal(await citizens.resolveSession(busy.token), null);
      clock.set(start);
    });

    test('signing out ends the session and hands back the provider’s logout data', async () => {
      const { token } = await citizens.signIn(NIA(), { ip: '192.0.2.1' });
      assert.deepEqual(await citizens.signOut(token), {
        providerId: 'nia',
        logout: { nameId: 'abc', sessionIndex: 's1' },
      });
      assert.equal(await citizens.resolveSession(token), null);
      assert.equal(await citizens.signOut(token), null);
    });

    test('sign-ins and new accounts are counted per organisation, provider, level and local day', async () => {
      // 23:30 UTC is already the next day in Prague.
      clock.set(new Date('2026-12-02T23:30:00Z'));
      await citizens.signIn(NIA({ personIdentifier: 'CZ/CZ/count' }), {
        organisationId: orgId,
        ip: '::1',
      });
      await citizens.signIn(NIA({ personIdentifier: 'CZ/CZ/count' }), {
        organisationId: orgId,
        ip: '::1',
      });
      const rows = await handle.db
        .selectFrom('citizen_sign_ins')
        .selectAll()
        .where('organisation_id', '=', orgId)
        .where('day', '=', '2026-12-03')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.provider_id, r.loa, r.sign_ins, r.new_accounts]),
        [['nia', 'substantial', 2, 1]],
      );
      clock.set(new Date('2026-12-02T09:00:00Z'));
    });

    test('pruning removes ended sessions, and codes and their mail a day old', async () => {
      const start = clock.now();
      const { token } = await citizens.signIn(NIA(), { ip: '::1' });
      const email = emailSignIn({ db: handle.db, clock, secret: 'x'.repeat(32) });
      const asked = await email.requestCode({
        email: 'prune@example.si',
        organisationId: null,
        ip: '::1',
        lang: 'sl',
      });
      assert.ok(asked.ok);
      const count = async () => ({
        codes: (await handle.db.selectFrom('citizen_sign_in_codes').select('id').execute()).length,
        mail: (
          await handle.db
            .selectFrom('mail_outbox')
            .select('id')
            .where('dedupe_key', 'like', 'citizen-code:%')
            .execute()
        ).length,
      });
      clock.set(new Date(start.getTime() + 12 * 3600_000));
      await citizens.prune();
      assert.equal(await citizens.resolveSession(token), null);
      const ended = await handle.db
        .selectFrom('citizen_sessions')
        .select('token_hash')
        .where('expires_at', '<=', clock.now())
        .execute();
      assert.equal(ended.length, 0);
      assert.deepEqual(await count(), { codes: 1, mail: 1 });
      clock.set(new Date(start.getTime() + 25 * 3600_000));
      await citizens.prune();
      assert.deepEqual(await count(), { codes: 0, mail: 0 });
      clock.set(start);
    });

    test('an identity without a person identifier or with an unknown level is refused', async () => {
      await assert.rejects(
        citizens.signIn(NIA({ personIdentifier: '  ' }), { ip: '::1' }),
        /person identifier/,
      );
      await assert.rejects(
        citizens.signIn(NIA({ loa: 'medium' as never }), { ip: '::1' }),
        /level of assurance/,
      );
    });
  });
}
