import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { AppError } from '../lib/errors.ts';
import { publishOpenForm, send, staffOf } from './testing-states.ts';

const code = (err: unknown) => (err instanceof AppError ? err.code : String(err));

for (const kind of DB_KINDS) {
  describe(`a submission's states and thread (${kind})`, () => {
    let okence: Okence;
    let form: Awaited<ReturnType<typeof publishOpenForm>>;
    before(async () => {
      okence = await bootTestApp(kind);
      form = await publishOpenForm(okence, 'ue-domzale');
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const mailsTo = (to: string) =>
      db()
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', to)
        .where('dedupe_key', 'like', 'submission-state:%')
        .orderBy('created_at')
        .execute();

    test('staff move it through the states; each change is in the history, the audit log and a mail with a link to the thread', async () => {
      const sent = await send(okence, form, { email: 'ana.states@example.si' });
      const { handling } = okence.services;
      assert.equal(await handling.staffChange(form.admin, sent.id, 'start', ''), 'in_progress');
      assert.equal(
        await handling.staffChange(form.admin, sent.id, 'ask', 'Priložite pooblastilo.'),
        'needs_completion',
      );
      const mails = await mailsTo('ana.states@example.si');
      assert.equal(mails.length, 2);
      assert.match(mails[1]!.subject, /^Vaša vloga UEDOM-\d{5}\/2026: Dopolnitev vloge$/);
      assert.match(mails[1]!.text_body, /Priložite pooblastilo\./);
      const link = /\/submissions\/thread\/([A-Za-z0-9_-]{43})/.exec(mails[1]!.text_body)![1]!;
      const thread = await handling.thread({ token: link });
      assert.equal(thread.submission.id, sent.id);
      assert.equal(
        await handling.answer({ token: link }, 'Pooblastilo prinesem v ponedeljek.'),
        'in_progress',
      );
      assert.equal(
        await handling.staffChange(form.admin, sent.id, 'done', 'Potrdilo je poslano.'),
        'done',
      );
      const { history } = await handling.staffDetail(form.admin, sent.id);
      assert.deepEqual(
        history.map((e) => [e.kind, e.fromState, e.toState, e.actorKind]),
        [
          ['state', null, 'received', 'system'],
          ['state', 'received', 'in_progress', 'staff'],
          ['state', 'in_progress', 'needs_completion', 'staff'],
          ['answer', 'needs_completion', 'in_progress', 'citizen'],
          ['state', 'in_progress', 'done', 'staff'],
        ],
      );
      assert.equal(history[3]!.message, 'Pooblastilo prinesem v ponedeljek.');
      const audit = await db()
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('object_id', '=', sent.id)
        .orderBy('at')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'submission.state_changed',
          'submission.state_changed',
          'submission.answered',
          'submission.state_changed',
        ],
      );
      assert.ok(
        !JSON.stringify(audit).includes('pooblastilo'),
        'the messages stay out of the audit log',
      );
      // Done is final.
      await assert.rejects(
        handling.staffChange(form.admin, sent.id, 'refuse', 'Ne.'),
        (e) => code(e) === 'conflict',
      );
      await assert.rejects(
        handling.answer({ token: link }, 'Še nekaj.'),
        (e) => code(e) === 'conflict',
      );
    });

    test('an ask or a refusal without a message is refused and changes nothing', async () => {
      const sent = await send(okence, form);
      for (const action of ['ask', 'refuse'] as const)
        await assert.rejects(
          okence.services.handling.staffChange(form.admin, sent.id, action, '  '),
          (e) => code(e) === 'invalid_input',
        );
      const row = await db()
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'received');
    });

    test('the history is append-only: an UPDATE or DELETE of a row fails, the submission’s deletion takes it along', async () => {
      const sent = await send(okence, form);
      await okence.services.handling.staffChange(form.admin, sent.id, 'ask', 'Kateri datum?');
      await assert.rejects(
        sql`UPDATE submission_events SET message = 'rewritten' WHERE submission_id = ${sent.id}`.execute(
          db(),
        ),
        /append-only/,
      );
      await assert.rejects(
        sql`DELETE FROM submission_events WHERE submission_id = ${sent.id}`.execute(db()),
        /append-only/,
      );
      await db().deleteFrom('submissions').where('id', '=', sent.id).execute();
      const left = await db()
        .selectFrom('submission_events')
        .select('id')
        .where('submission_id', '=', sent.id)
        .execute();
      assert.deepEqual(left, []);
    });

    test('another organisation’s staff, another account, a wrong or someone else’s link: all 404', async () => {
      const sent = await send(okence, form, { email: 'ana.other@example.si' });
      await okence.services.handling.staffChange(form.admin, sent.id, 'ask', 'Prosim za telefon.');
      const { handling } = okence.services;
      const ljutomer = await staffOf(okence, 'ue-ljutomer');
      await assert.rejects(handling.staffDetail(ljutomer, sent.id), (e) => code(e) === 'not_found');
      await assert.rejects(
        handling.staffChange(ljutomer, sent.id, 'done', ''),
        (e) => code(e) === 'not_found',
      );
      // A submission of another citizen with its own live link.
      const bob = await send(okence, form, { email: 'bob@example.si' });
      await handling.staffChange(form.admin, bob.id, 'ask', 'Bob, prosim.');
      const bobLink = /thread\/([A-Za-z0-9_-]{43})/.exec(
        (await mailsTo('bob@example.si'))[0]!.text_body,
      )![1]!;
      const seen = await handling.thread({ token: bobLink });
      assert.equal(seen.submission.id, bob.id, "Bob's link opens Bob's, never Ana's");
      await assert.rejects(
        handling.thread({ token: 'A'.repeat(43) }),
        (e) => code(e) === 'not_found',
      );
      await assert.rejects(handling.thread({ token: '../x' }), (e) => code(e) === 'not_found');
      // An account opens only what it sent signed in.
      const account = await db()
        .insertInto('citizen_accounts')
        .values({ created_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await assert.rejects(
        handling.thread({ accountId: account.id }, sent.id),
        (e) => code(e) === 'not_found',
      );
      const own = await send(okence, form, { accountId: account.id, email: 'acc@example.si' });
      assert.equal(
        (await handling.thread({ accountId: account.id }, own.id)).submission.id,
        own.id,
      );
      const list = await handling.ofAccount(account.id);
      assert.deepEqual(
        list.map((s) => s.id),
        [own.id],
      );
      await handling.staffChange(form.admin, own.id, 'ask', 'Podpis manjka.');
      const mail = (await mailsTo('acc@example.si'))[0]!;
      assert.match(
        mail.text_body,
        new RegExp(`/account/submissions/${own.id}`),
        'an account gets its own page, no token',
      );
    });

    test('two staff changing one submission at once: one wins, the other is refused, one history row', async () => {
      const sent = await send(okence, form);
      const other = await staffOf(okence, 'ue-domzale', 'official');
      const results = await Promise.allSettled([
        okence.services.handling.staffChange(form.admin, sent.id, 'done', ''),
        okence.services.handling.staffChange(other, sent.id, 'refuse', 'Ne.'),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const rows = await db()
        .selectFrom('submission_events')
        .select('to_state')
        .where('submission_id', '=', sent.id)
        .execute();
      assert.equal(rows.length, 2);
    });

    test('an account’s export holds its submissions with their history; its deletion lets go of them, and later mail carries a link instead', async () => {
      const account = await db()
        .insertInto('citizen_accounts')
        .values({ created_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sent = await send(okence, form, { accountId: account.id, email: 'leaving@example.si' });
      const { handling } = okence.services;
      await handling.staffChange(form.admin, sent.id, 'start', '');
      const exported = await handling.exportFor(account.id);
      assert.equal(exported.length, 1);
      assert.equal(exported[0]!.reference, sent.reference);
      assert.deepEqual(
        exported[0]!.history.map((e) => e.toState),
        ['received', 'in_progress'],
      );
      assert.equal(await handling.beforeAccountDeleted(account.id), 1);
      assert.deepEqual(await handling.ofAccount(account.id), []);
      await handling.staffChange(form.admin, sent.id, 'ask', 'Še en podatek.');
      const mails = await mailsTo('leaving@example.si');
      assert.match(mails.at(-1)!.text_body, /\/submissions\/thread\/[A-Za-z0-9_-]{43}/);
    });

    // Last: it deletes Ljutomer.
    test('an organisation’s deletion takes its submissions and their append-only history along', async () => {
      const ljutomer = await publishOpenForm(okence, 'ue-ljutomer', 'slovo');
      const sent = await send(okence, ljutomer, { email: 'gone@example.si' });
      await okence.services.handling.staffChange(ljutomer.admin, sent.id, 'ask', 'Kdaj?');
      await db().deleteFrom('organisation').where('id', '=', ljutomer.organisationId).execute();
      const left = await db()
        .selectFrom('submission_events')
        .select('id')
        .where('submission_id', '=', sent.id)
        .execute();
      assert.deepEqual(left, []);
    });
  });
}
