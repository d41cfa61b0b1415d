import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { auditService } from '../audit/service.ts';
import { DB_KINDS } from '../db/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { hashApiToken, MAX_FAILURES_PER_IP } from './domain.ts';
import { integrationsService, type ApiRequirement } from './service.ts';

const refusedWith = (code: string) => (err: unknown) =>
  err instanceof AppError && err.code === code;

for (const kind of DB_KINDS) {
  describe(`API tokens on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
    let ips = 0;
    const ip = () => `203.0.113.${++ips}`;
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const service = () =>
      integrationsService({ db: db(), clock, audit: auditService({ db: db(), clock }) });
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
    const need = (token: string, over: Partial<ApiRequirement> = {}): ApiRequirement => ({
      authorization: `Bearer ${token}`,
      ip: ip(),
      scope: 'submissions:read',
      organisation: 'ue-domzale',
      ...over,
    });

    test('an admin creates a token: only its hash is stored, and the audit entry names it, never the token', async () => {
      const admin = await principal('admin@domzale.example');
      const { id, token } = await service().create(admin, {
        name: '  GINIS intake ',
        scopes: ['submissions:read'],
      });
      assert.match(token, /^okn_[A-Za-z0-9_-]{43}$/);
      const row = await db()
        .selectFrom('api_token')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.name, 'GINIS intake');
      assert.deepEqual(row.scopes, ['submissions:read']);
      assert.equal(row.token_hash, hashApiToken(token));
      assert.equal(row.created_by, admin.id);
      assert.ok(!JSON.stringify(row).includes(token.slice(4)), 'the token is not stored');
      const audit = await db()
        .selectFrom('audit_event')
        .selectAll()
        .where('object_id', '=', id)
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, 'api_token.created');
      assert.equal(audit[0]!.summary, 'GINIS intake');
      const text = JSON.stringify(audit);
      assert.ok(!text.includes(token.slice(4)) && !text.includes(row.token_hash), text);
    });

    test('the form is checked: a name of 1 to 80 characters and known scopes, at least one', async () => {
      const admin = await principal('admin@domzale.example');
      const fields = async (input: { name: string; scopes: string[] }) => {
        try {
          await service().create(admin, input);
          return null;
        } catch (err) {
          assert.ok(err instanceof AppError && err.code === 'invalid_input');
          return err.fields;
        }
      };
      assert.deepEqual(await fields({ name: ' ', scopes: [] }), {
        name: 'integrations.error.name',
        scopes: 'integrations.error.scopes',
      });
      assert.deepEqual(
        Object.keys((await fields({ name: 'x'.repeat(81), scopes: ['submissions:read'] }))!),
        ['name'],
      );
      assert.deepEqual(await fields({ name: 'x', scopes: ['submissions:write'] }), {
        scopes: 'integrations.error.scopes',
      });
    });

    test('officials may not create, list or revoke; an admin of another organisation gets 404 for a token', async () => {
      const admin = await principal('admin@domzale.example');
      const official = await principal('uradnik@domzale.example');
      const other = await principal('admin@ljutomer.example');
      const { id } = await service().create(admin, { name: 'x', scopes: ['submissions:read'] });
      await assert.rejects(service().list(official), refusedWith('forbidden'));
      await assert.rejects(
        service().create(official, { name: 'x', scopes: ['submissions:read'] }),
        refusedWith('forbidden'),
      );
      await assert.rejects(service().revoke(official, id), refusedWith('forbidden'));
      await assert.rejects(service().get(other, id), refusedWith('not_found'));
      await assert.rejects(service().revoke(other, id), refusedWith('not_found'));
      assert.ok(!(await service().list(other)).tokens.some((t) => t.id === id));
      const row = await db()
        .selectFrom('api_token')
        .select('revoked_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.revoked_at, null);
    });

    test('a good token authenticates: its name, scopes and organisation; the list shows it live first', async () => {
      const admin = await principal('admin@domzale.example');
      const { id, token } = await service().create(admin, {
        name: 'Check',
        scopes: ['submissions:read'],
      });
      const caller = await service().authenticate(need(token));
      assert.deepEqual(caller, {
        tokenId: id,
        name: 'Check',
        scopes: ['submissions:read'],
        organisationId: admin.organisationId,
        organisation: 'ue-domzale',
      });
      const { tokens, timeZone } = await service().list(admin);
      assert.equal(timeZone, 'Europe/Ljubljana');
      const listed = tokens.find((t) => t.id === id)!;
      assert.equal(listed.createdBy, admin.displayName);
      assert.equal(listed.revokedAt, null);
    });

    test('no token, a malformed or unknown one: 401 with WWW-Authenticate: Bearer', async () => {
      for (const authorization of [
        undefined,
        'Basic eDp5',
        'Bearer nope',
        `Bearer okn_${'A'.repeat(43)}`,
      ]) {
        await assert.rejects(service().authenticate(need('', { authorization })), (err) => {
          assert.ok(
            err instanceof AppError && err.code === 'unauthenticated',
            String(authorization),
          );
          assert.match(String(err.data?.wwwAuthenticate), /^Bearer/);
          return true;
        });
      }
    });

    test('a revoked token is refused; revoking is audited once', async () => {
      const admin = await principal('admin@domzale.example');
      const { id, token } = await service().create(admin, {
        name: 'Old',
        scopes: ['submissions:read'],
      });
      clock.advance(1000);
      await service().revoke(admin, id);
      await service().revoke(admin, id); // again: nothing changes
      await assert.rejects(service().authenticate(need(token)), refusedWith('unauthenticated'));
      const entries = await db()
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', id)
        .execute();
      assert.deepEqual(entries.map((e) => e.action).sort(), [
        'api_token.created',
        'api_token.revoked',
      ]);
      const listed = (await service().list(admin)).tokens.find((t) => t.id === id)!;
      assert.ok(listed.revokedAt);
      assert.equal(listed.revokedBy, admin.displayName);
    });

    test('a token of another organisation or without the scope is 403, not 401', async () => {
      const admin = await principal('admin@ljutomer.example');
      const { token } = await service().create(admin, {
        name: 'Ljutomer',
        scopes: ['submissions:read'],
      });
      await assert.rejects(service().authenticate(need(token)), refusedWith('forbidden'));
      assert.equal(
        (await service().authenticate(need(token, { organisation: 'ue-ljutomer' }))).name,
        'Ljutomer',
      );
      // A scope stored by a newer version is no scope here.
      await db()
        .updateTable('api_token')
        .set({ scopes: ['submissions:write'] })
        .where('token_hash', '=', hashApiToken(token))
        .execute();
      await assert.rejects(
        service().authenticate(need(token, { organisation: 'ue-ljutomer' })),
        refusedWith('forbidden'),
      );
      assert.deepEqual(
        (await service().authenticate(need(token, { organisation: 'ue-ljutomer', scope: null })))
          .scopes,
        [],
      );
    });

    test('the last use is written at most once a minute', async () => {
      const admin = await principal('admin@domzale.example');
      const { id, token } = await service().create(admin, {
        name: 'Busy',
        scopes: ['submissions:read'],
      });
      const lastUsed = async () =>
        (
          await db()
            .selectFrom('api_token')
            .select('last_used_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).last_used_at;
      assert.equal(await lastUsed(), null);
      const first = clock.now();
      await service().authenticate(need(token));
      assert.equal((await lastUsed())?.getTime(), first.getTime());
      clock.advance(59_000);
      await service().authenticate(need(token));
      assert.equal(
        (await lastUsed())?.getTime(),
        first.getTime(),
        'not rewritten within the minute',
      );
      clock.advance(1_000);
      await service().authenticate(need(token));
      assert.equal((await lastUsed())?.getTime(), clock.now().getTime());
    });

    test('failed attempts from one address are limited (429 with a wait), other addresses are not', async () => {
      const from = '198.51.100.77';
      const bad = `Bearer okn_${'B'.repeat(43)}`;
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
        await assert.rejects(
          service().authenticate(need('', { authorization: bad, ip: from })),
          refusedWith('unauthenticated'),
        );
      const admin = await principal('admin@domzale.example');
      const { token } = await service().create(admin, {
        name: 'Good',
        scopes: ['submissions:read'],
      });
      // Even a good token waits: the address is guessing.
      await assert.rejects(service().authenticate(need(token, { ip: from })), (err) => {
        assert.ok(err instanceof AppError && err.code === 'rate_limited');
        assert.ok(Number(err.data?.retryAfterSeconds) > 0);
        return true;
      });
      assert.equal((await service().authenticate(need(token))).name, 'Good');
      clock.advance(15 * 60_000);
      assert.equal((await service().authenticate(need(token, { ip: from }))).name, 'Good');
      // Pruned an hour after the window.
      clock.advance(3_600_001);
      assert.ok((await service().pruneFailures()) >= MAX_FAILURES_PER_IP);
      const left = await db()
        .selectFrom('api_token_failure')
        .select('id')
        .where('ip', '=', from)
        .execute();
      assert.equal(left.length, 0);
    });
  });
}
