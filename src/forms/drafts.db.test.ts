import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { formDrafts, tokenHash, type FormDrafts } from './drafts.ts';
import { NEWBORNS, publishForm } from './fill-testing.ts';
import { formsService, type FormsService } from './service.ts';

const DAY = 86_400_000;
const code = (c: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === c;

for (const kind of DB_KINDS) {
  describe(`citizens' drafts of forms (${kind})`, () => {
    let handle: DatabaseHandle;
    let forms: FormsService;
    let drafts: FormDrafts;
    let orgId: string;
    const accounts: string[] = [];
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    let woken = 0;

    before(async () => {
      handle = await openTestDatabase(kind);
      const db = handle.db;
      forms = formsService({ db, clock, audit: auditService({ db, clock }) });
      drafts = formDrafts({
        db,
        clock,
        forms,
        publicUrl: new URL('https://okence.example/'),
        wakeMail: () => woken++,
      });
      orgId = (
        await db
          .insertInto('organisation')
          .values({
            slug: 'drafts-org',
            country: 'SI',
            default_language: 'sl',
            time_zone: 'Europe/Ljubljana',
            currency: 'EUR',
            name: JSON.stringify({ sl: 'Občina' }),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      for (const name of ['Ana', 'Bor'])
        accounts.push(
          (
            await db
              .insertInto('citizen_accounts')
              .values({ created_at: clock.now(), given_name: name })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      await publishForm(db, forms, orgId, 'newborns');
    });
    after(() => handle.close());

    test('one live draft per form and account: a second start gives the first back', async () => {
      const form = await forms.published(orgId, 'newborns');
      const a = await drafts.startForAccount(form, accounts[0]!, 'sl', { phone: '041 123 456' });
      assert.equal(a.existing, false);
      const b = await drafts.startForAccount(form, accounts[0]!, 'sl', {});
      assert.deepEqual(b, { draftId: a.draftId, existing: true });
      // Both at once still make one.
      const [c, d] = await Promise.all([
        drafts.startForAccount(form, accounts[1]!, 'en', {}),
        drafts.startForAccount(form, accounts[1]!, 'en', {}),
      ]);
      assert.equal(c.draftId, d.draftId);
      const saved = await drafts.live({ accountId: accounts[0]! }, a.draftId);
      assert.deepEqual(saved.answers, { phone: '041 123 456' });
    });

    test("another person's draft is not found, whatever they hold", async () => {
      const form = await forms.published(orgId, 'newborns');
      const mine = (await drafts.liveFor(form.formId, accounts[0]!))!;
      await assert.rejects(drafts.live({ accountId: accounts[1]! }, mine.id), code('not_found'));
      await assert.rejects(drafts.live({ token: 'x'.repeat(43) }, mine.id), code('not_found'));
      await assert.rejects(
        drafts.save({ accountId: accounts[1]! }, mine.id, form.version, {}),
        code('not_found'),
      );
      await assert.rejects(drafts.remove({ accountId: accounts[1]! }, mine.id), code('not_found'));
    });

    test('a deleted draft is restored within its period, a new one blocks the restore, and the purge takes it after', async () => {
      const form = await forms.published(orgId, 'newborns');
      const holder = { accountId: accounts[0]! };
      const draft = (await drafts.liveFor(form.formId, accounts[0]!))!;
      const until = await drafts.remove(holder, draft.id);
      assert.equal(until.getTime(), clock.now().getTime() + 30 * DAY);
      await assert.rejects(drafts.live(holder, draft.id), code('not_found'));
      const listed = await drafts.listForAccount(accounts[0]!);
      assert.ok(listed.some((x) => x.id === draft.id && x.deletedAt !== null));
      assert.equal((await drafts.restore(holder, draft.id)).deletedAt, null);
      assert.equal((await drafts.live(holder, draft.id)).id, draft.id);
      // Deleted, then a new draft started: restoring the old one would make two.
      await drafts.remove(holder, draft.id);
      const fresh = await drafts.startForAccount(form, accounts[0]!, 'sl', {});
      await assert.rejects(drafts.restore(holder, draft.id), code('conflict'));
      await drafts.remove(holder, fresh.draftId);
      clock.advance(29 * DAY);
      assert.equal(await drafts.purge(), 0);
      clock.advance(2 * DAY);
      assert.equal(await drafts.purge(), 2);
      await assert.rejects(drafts.owned(holder, draft.id), code('not_found'));
    });

    test('without an account: the link is mailed, stored hashed, opens only its draft, and expires', async () => {
      const form = await forms.published(orgId, 'newborns');
      const input = {
        email: 'Mama@Example.org',
        lang: 'sl' as const,
        title: 'Sprejem',
        path: '/o/drafts-org/forms/newborns',
      };
      const started = await drafts.startWithEmail(form, input);
      assert.equal(started.existing, false);
      if (started.existing) return;
      assert.ok(woken > 0, 'the mail worker was woken');
      const links = await handle.db.selectFrom('form_draft_links').selectAll().execute();
      assert.ok(links.some((x) => x.token_hash === tokenHash(started.token)));
      assert.ok(!JSON.stringify(links).includes(started.token), 'the token itself is not stored');
      const mail = await handle.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'text_body'])
        .where('to_address', '=', 'mama@example.org')
        .executeTakeFirstOrThrow();
      assert.ok(
        mail.text_body.includes(
          `https://okence.example/o/drafts-org/forms/newborns/resume/${started.token}`,
        ),
      );
      assert.match(mail.text_body, /velja do/);
      assert.equal((await drafts.resume(started.token))?.draftId, started.draftId);
      const holder = { token: started.token };
      await drafts.save(holder, started.draftId, form.version, { invite: false });
      // The same address again: no second draft, a new link to the first.
      assert.deepEqual(await drafts.startWithEmail(form, input), { existing: true });
      // A signed-in account cannot open it, nor can another draft's token open it.
      await assert.rejects(
        drafts.live({ accountId: accounts[0]! }, started.draftId),
        code('not_found'),
      );
      clock.advance(30 * DAY + 1);
      assert.equal(await drafts.resume(started.token), null);
      await assert.rejects(drafts.live(holder, started.draftId), code('not_found'));
      assert.ok((await drafts.purge()) >= 1);
      assert.equal(
        await handle.db
          .selectFrom('form_drafts')
          .select('id')
          .where('id', '=', started.draftId)
          .executeTakeFirst(),
        undefined,
      );
    });

    test('a newer version carries over the answers that still fit', async () => {
      const holder = { accountId: accounts[1]! };
      const form = await forms.published(orgId, 'newborns');
      const { draftId } = await drafts.startForAccount(form, accounts[1]!, 'en', {});
      await drafts.save(holder, draftId, form.version, {
        invite: true,
        guests: 4,
        phone: '041 000 000',
      });
      const changed = structuredClone(NEWBORNS) as unknown as {
        pages: { questions: { id: string; max?: number }[] }[];
      };
      changed.pages[2]!.questions.find((q) => q.id === 'guests')!.max = 2;
      await publishForm(handle.db, forms, orgId, 'newborns', changed);
      const draft = await drafts.live(holder, draftId);
      const moved = await drafts.version(orgId, 'newborns', draft);
      assert.equal(moved.updated, true);
      assert.equal(moved.form.version, form.version + 1);
      assert.deepEqual(moved.answers, { invite: true, phone: '041 000 000' });
      const again = await drafts.version(orgId, 'newborns', await drafts.live(holder, draftId));
      assert.equal(again.updated, false);
      // The account's export holds the draft's answers; its deletion takes every draft.
      const exported = await drafts.exportFor(accounts[1]!);
      assert.ok(exported.some((d) => d.id === draftId && d.answers.phone === '041 000 000'));
      assert.ok((await drafts.beforeAccountDeleted(accounts[1]!)) >= 1);
      assert.deepEqual(await drafts.exportFor(accounts[1]!), []);
    });
  });
}
