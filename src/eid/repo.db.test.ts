// The one table of pending eID requests (migration 024): an upgrade carries OIDC sign-ins under
// way over from oidc_requests, the CHECK holds each kind to its columns, and a request is taken
// once. On the test database (DB_KINDS: PostgreSQL when DATABASE_URL is set, else PGlite).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { createFreshDatabase, DB_KINDS, openTestDatabase } from '../db/testing.ts';
import * as repo from './repo.ts';

const now = new Date('2026-12-02T10:00:00Z');
const later = new Date(now.getTime() + 15 * 60_000);

/** An empty database of this kind; `close` also drops a PostgreSQL one. */
async function emptyDatabase(kind: string): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'okence_test');
  const handle = await openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' });
  return {
    ...handle,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

for (const kind of DB_KINDS) {
  describe(`eid_requests (${kind})`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle?.close());

    test('an upgrade carries pending OIDC sign-ins over into eid_requests, and oidc_requests goes', async () => {
      const old = await emptyDatabase(kind);
      try {
        await migrate(
          old.db,
          readMigrations().filter((m) => m.version < 24),
        );
        await sql`INSERT INTO oidc_requests (id, provider_id, nonce, loa, return_to,
          organisation_id, browser_hash, created_at, expires_at)
          VALUES (${'s'.repeat(43)}, 'nia-oidc', ${'n'.repeat(43)}, 'substantial', NULL, NULL,
          ${'b'.repeat(43)}, ${now}, ${later})`.execute(old.db);
        await migrate(old.db);
        const pending = await repo.takeSignIn(old.db, 'nia-oidc', 'oidc_authn', 's'.repeat(43));
        assert.deepEqual(pending, {
          id: 's'.repeat(43),
          providerId: 'nia-oidc',
          loa: 'substantial',
          returnTo: '/account',
          organisationId: null,
          nonce: 'n'.repeat(43),
          browserHash: 'b'.repeat(43),
          link: null,
          act: null,
          createdAt: now,
          expiresAt: later,
        });
        const left = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM information_schema.tables
          WHERE table_name = 'oidc_requests'`.execute(old.db);
        assert.equal(left.rows[0]?.n, 0);
      } finally {
        await old.close();
      }
    });

    test('each kind is held to its columns', async () => {
      const base = {
        providerId: 'p',
        returnTo: '/account',
        organisationId: null,
        createdAt: now,
        expiresAt: later,
      };
      const refused = (r: repo.NewRequest) =>
        assert.rejects(repo.insertRequest(handle.db, r), /eid_requests_kind_fields/);
      await refused({ ...base, id: `_${'1'.repeat(40)}`, kind: 'oidc_authn', loa: 'low' });
      await refused({ ...base, id: `_${'2'.repeat(40)}`, kind: 'saml_logout', loa: 'low' });
      await refused({ ...base, id: `_${'3'.repeat(40)}`, kind: 'saml_authn', loa: null });
      await refused({
        ...base,
        id: `_${'4'.repeat(40)}`,
        kind: 'saml_authn',
        loa: 'low',
        nonce: 'n'.repeat(43),
      });
      await repo.insertRequest(handle.db, {
        ...base,
        id: `_${'5'.repeat(40)}`,
        kind: 'saml_logout',
        loa: null,
        returnTo: null,
      });
    });

    test('a link carries its account and session together, only on a sign-in, a SAML one its browser (migrations 025, 037)', async () => {
      const account = await sql<{ id: string }>`INSERT INTO citizen_accounts (created_at)
        VALUES (${now}) RETURNING id`.execute(handle.db);
      const accountId = account.rows[0]!.id;
      const link = { accountId, sessionHash: 'h'.repeat(43) };
      const base = { providerId: 'p', organisationId: null, createdAt: now, expiresAt: later };
      await assert.rejects(
        repo.insertRequest(handle.db, {
          ...base,
          id: `_${'7'.repeat(40)}`,
          kind: 'saml_logout',
          loa: null,
          returnTo: null,
          link,
        }),
        /eid_requests_link_fields/,
      );
      await assert.rejects(
        sql`INSERT INTO eid_requests (id, provider_id, kind, loa, return_to, link_account_id,
          browser_hash, created_at, expires_at) VALUES (${`_${'8'.repeat(40)}`}, 'p', 'saml_authn',
          'low', '/account', ${accountId}, ${'b'.repeat(43)}, ${now}, ${later})`.execute(handle.db),
        /eid_requests_link_fields/,
      );
      const samlLink = {
        ...base,
        kind: 'saml_authn' as const,
        loa: 'substantial' as const,
        returnTo: '/account',
        link,
      };
      // A SAML link is bound to its browser (migration 037): the ACS's POST has no session cookie.
      await assert.rejects(
        repo.insertRequest(handle.db, { ...samlLink, id: `_${'c'.repeat(40)}` }),
        /eid_requests_kind_fields/,
      );
      const id = `_${'9'.repeat(40)}`;
      await repo.insertRequest(handle.db, { ...samlLink, id, browserHash: 'b'.repeat(43) });
      assert.deepEqual((await repo.takeSignIn(handle.db, 'p', 'saml_authn', id))?.link, link);
    });

    test('an act carries its draft, account and browser together, only on a sign-in (migration 036)', async () => {
      const base = { providerId: 'p', organisationId: null, createdAt: now, expiresAt: later };
      const act = {
        draftId: '00000000-0000-4000-8000-000000000001',
        accountId: '00000000-0000-4000-8000-000000000002',
      };
      const saml = {
        ...base,
        kind: 'saml_authn' as const,
        loa: 'substantial' as const,
        returnTo: '/',
      };
      // The CHECKs come before the foreign keys: no browser, or a browser without an act.
      await assert.rejects(
        repo.insertRequest(handle.db, { ...saml, id: `_${'a'.repeat(40)}`, act }),
        /eid_requests_act_fields/,
      );
      await assert.rejects(
        repo.insertRequest(handle.db, { ...saml, id: `_${'b'.repeat(40)}`, browserHash: 'h' }),
        /eid_requests_kind_fields/,
      );
    });

    test('a request is taken once, only as its own kind; a logout is no sign-in', async () => {
      const id = `_${'6'.repeat(40)}`;
      await repo.insertRequest(handle.db, {
        id,
        providerId: 'nia',
        kind: 'saml_logout',
        loa: null,
        returnTo: null,
        organisationId: null,
        createdAt: now,
        expiresAt: later,
      });
      assert.equal(await repo.takeSignIn(handle.db, 'nia', 'saml_authn', id), null);
      assert.equal(await repo.takeRequest(handle.db, 'other', 'saml_logout', id), null);
      assert.equal((await repo.takeRequest(handle.db, 'nia', 'saml_logout', id))?.id, id);
      assert.equal(await repo.takeRequest(handle.db, 'nia', 'saml_logout', id), null);
    });
  });
}
