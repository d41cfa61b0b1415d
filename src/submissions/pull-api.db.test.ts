import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { publishOpenForm, send, staffOf } from './testing-states.ts';

type Page = { items: { id: string; reference: string; state: string }[]; nextCursor: string };

for (const kind of DB_KINDS) {
  describe(`the submissions' pull API (${kind})`, () => {
    let okence: Okence;
    let token: string;
    let form: Awaited<ReturnType<typeof publishOpenForm>>;
    let ip = 0;
    before(async () => {
      okence = await bootTestApp(kind);
      form = await publishOpenForm(okence, 'ue-domzale');
      token = (
        await okence.services.integrations.create(form.admin, {
          name: 'GINIS',
          scopes: ['submissions:read'],
        })
      ).token;
    });
    after(async () => {
      await okence.close();
    });
    // Each call from its own address: the failed ones are rate-limited per address.
    const api = (url: string, bearer: string | null = token) =>
      okence.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${url}`,
        remoteAddress: `192.0.2.${++ip}`,
        headers: {
          'accept-language': 'en',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
      });
    /** Every page from `cursor` on until an empty one; the ids in order and the last cursor. */
    async function drain(cursor?: string, query = '') {
      const ids: string[] = [];
      let next = cursor;
      for (;;) {
        const res = await api(
          `ue-domzale/submissions?limit=3${query}${next ? `&cursor=${next}` : ''}`,
        );
        assert.equal(res.statusCode, 200, res.body);
        const page: Page = res.json();
        ids.push(...page.items.map((i) => i.id));
        next = page.nextCursor;
        if (!page.items.length) return { ids, cursor: next };
      }
    }

    /**
     * Waits until every submission of the organisation shows in the feed. A submission shows once
     * every transaction older than the one that stored it has ended, in the whole PostgreSQL
     * cluster (decision 041): in CI other test files' databases share the cluster, and their
     * transactions can hold a fresh one back for a moment. Polls that condition in SQL.
     */
    async function settled() {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await sql<{ waiting: string }>`
          SELECT count(*) AS waiting FROM submissions
          WHERE organisation_id = ${form.organisationId}
            AND stored_xact >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint`.execute(
          okence.handle.db,
        );
        if (Number(rows[0]!.waiting) === 0) return;
        assert.ok(Date.now() < deadline, 'submissions still held back after 60 s');
        await sleep(20);
      }
    }

    test('401 without a token or with a wrong one, 403 for another organisation or without the scope', async () => {
      const none = await api('ue-domzale/submissions', null);
      assert.equal(none.statusCode, 401);
      assert.match(String(none.headers['www-authenticate']), /^Bearer/);
      assert.equal(none.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal((await api('ue-domzale/submissions', `okn_${'A'.repeat(43)}`)).statusCode, 401);
      assert.equal((await api('ue-ljutomer/submissions')).statusCode, 403);
      const other = await okence.services.integrations.create(form.admin, {
        name: 'Other',
        scopes: ['submissions:read'],
      });
      // A token made for another operation (a scope a later version adds) may not read these.
      await okence.handle.db
        .updateTable('api_token')
        .set({ scopes: ['payments:read'] })
        .where('id', '=', other.id)
        .execute();
      const res = await api('ue-domzale/submissions', other.token);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'forbidden');
      assert.equal(
        (await api(`ue-domzale/submissions/${crypto.randomUUID()}`, null)).statusCode,
        401,
      );
    });

    test('getSubmission: answers, form version, state, history and the receipt’s SHA-256; another organisation’s id is a 404', async () => {
      const sent = await send(okence, form, { text: 'Potrebujem potrdilo' });
      const res = await api(`ue-domzale/submissions/${sent.id}`);
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.reference, sent.reference);
      assert.equal(s.form, form.slug);
      assert.equal(s.formVersion, 1);
      assert.equal(s.state, 'received');
      assert.deepEqual(s.answers, { q: 'Potrebujem potrdilo' });
      const stored = await okence.handle.db
        .selectFrom('submission_receipts')
        .select('sha256')
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(s.receiptSha256, stored.sha256);
      assert.deepEqual(
        s.history.map((e: { to: string; by: string }) => [e.to, e.by]),
        [['received', 'system']],
      );
      await okence.services.handling.staffChange(
        form.admin,
        sent.id,
        'ask',
        'Priložite pooblastilo.',
      );
      const asked = (await api(`ue-domzale/submissions/${sent.id}`)).json();
      assert.equal(asked.state, 'needs_completion');
      assert.equal(asked.history[1].message, 'Priložite pooblastilo.');
      assert.equal(asked.history[1].staffName, form.admin.displayName);

      // Ljutomer's own submission, asked for with Domžale's token under Domžale's path.
      const ljutomer = await publishOpenForm(okence, 'ue-ljutomer');
      const theirs = await send(okence, ljutomer);
      assert.equal((await api(`ue-domzale/submissions/${theirs.id}`)).statusCode, 404);
      assert.equal((await api(`ue-domzale/submissions/not-an-id`)).statusCode, 404);
      await settled();
      const list = await drain();
      assert.ok(list.ids.includes(sent.id));
      assert.ok(!list.ids.includes(theirs.id), "never another organisation's");
    });

    test('listSubmissions: every submission once, in a stable order, across pages and later polls; filters; a forged cursor is a 400', async () => {
      await settled();
      const first = await drain();
      const more = [];
      for (let i = 0; i < 7; i++)
        more.push((await send(okence, form, { text: `Vprašanje ${i}` })).id);
      await settled();
      const second = await drain(first.cursor);
      assert.deepEqual(second.ids, more, 'the new ones, in the order they were stored');
      const again = await drain();
      assert.deepEqual(again.ids, [...first.ids, ...more], 'the same order from the start');
      assert.equal(new Set(again.ids).size, again.ids.length);

      const asked = await drain(undefined, '&state=needs_completion');
      assert.equal(asked.ids.length, 1);
      assert.deepEqual((await drain(undefined, '&form=nic')).ids, []);
      assert.deepEqual((await drain(undefined, '&since=2999-01-01T00:00:00Z')).ids, []);
      const bad = await api('ue-domzale/submissions?cursor=bm90LWEtY3Vyc29y');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'query.cursor');
      assert.equal((await api('ue-domzale/submissions?limit=1000')).statusCode, 400);
    });

    test('sent while pages are read: none skipped, none twice', async () => {
      await settled();
      const start = await drain();
      const stored: string[] = [];
      const seen: string[] = [];
      let cursor = start.cursor;
      const writers = Promise.all(
        Array.from({ length: 4 }, async (_, w) => {
          for (let i = 0; i < 5; i++)
            stored.push((await send(okence, form, { text: `Sočasno ${w}/${i}` })).id);
        }),
      );
      let done = false;
      void writers.then(() => (done = true));
      while (!done) {
        const page = await drain(cursor);
        seen.push(...page.ids);
        cursor = page.cursor;
      }
      await writers;
      await settled();
      seen.push(...(await drain(cursor)).ids);
      assert.equal(seen.length, 20);
      assert.deepEqual([...seen].sort(), [...stored].sort());
    });

    if (kind === 'postgres')
      test('a submission stored by a transaction that commits later is not skipped by a cursor that moved on meanwhile', async () => {
        await settled();
        const start = await drain();
        const template = await okence.handle.db
          .selectFrom('submissions')
          .selectAll()
          .where('organisation_id', '=', form.organisationId)
          .limit(1)
          .executeTakeFirstOrThrow();
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let inserted!: () => void;
        const insertedYet = new Promise<void>((r) => (inserted = r));
        let slowId = '';
        // A slow sending: its row is in, its transaction still open.
        const slow = okence.handle.db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('submissions')
            .values({
              organisation_id: template.organisation_id,
              form_id: template.form_id,
              form_version: template.form_version,
              reference: 'SLOW-1',
              year: 2026,
              seq: 999_999,
              submitter: JSON.stringify(template.submitter),
              language: 'sl',
              answers: JSON.stringify({ q: 'Počasi' }),
              receipt_token_hash: 'f'.repeat(64),
              submitted_at: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          slowId = row.id;
          inserted();
          await held;
        });
        await insertedYet;
        const fast = await send(okence, form, { text: 'Hitro' });
        const meanwhile = await drain(start.cursor);
        assert.deepEqual(meanwhile.ids, [], 'nothing past a transaction still running');
        release();
        await slow;
        await settled();
        const after = await drain(meanwhile.cursor);
        assert.deepEqual(after.ids, [slowId, fast.id]);
        await okence.handle.db.deleteFrom('submissions').where('id', '=', slowId).execute();
      });

    test('an official’s staff list never shows another organisation’s submissions', async () => {
      const official = await staffOf(okence, 'ue-ljutomer');
      const list = await okence.services.handling.staffList(official, { page: 1 });
      const refs = list.rows.map((r) => r.reference);
      assert.ok(refs.length >= 1);
      assert.ok(refs.every((r) => !r.startsWith('UEDOM')));
    });
  });
}
