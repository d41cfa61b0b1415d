import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { MAX_ATTEMPTS } from '../mail/domain.ts';
import { mailWorker, smtpTransport, type MailLog } from '../mail/service.ts';
import { smtpSink } from '../mail/testing.ts';
import { deleteOrganisation } from '../organisations/repo.ts';
import { handOverEmails } from './email-delivery.ts';
import { deliveryFixture } from './testing.ts';

const quiet: MailLog = { info: () => {}, warn: () => {}, error: () => {} };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of DB_KINDS) {
  describe(`delivery by e-mail to the intake address (${kind})`, () => {
    let handle: DatabaseHandle;
    let f: Awaited<ReturnType<typeof deliveryFixture>>;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    const sink = smtpSink();

    before(async () => {
      handle = await openTestDatabase(kind);
      f = await deliveryFixture(handle, clock, {
        slug: 'mail-intake',
        intakeEmail: 'podatelna@koprivnice.example',
      });
      await sink.start();
    });
    after(async () => {
      await sink.stop();
      await handle.close();
    });

    const worker = () =>
      mailWorker({
        db: handle.db,
        clock,
        transport: smtpTransport(sink.url),
        from: 'Okence <no-reply@okence.test>',
        log: quiet,
      });
    const delivery = (submissionId: string) =>
      handle.db
        .selectFrom('submission_deliveries')
        .selectAll()
        .where('submission_id', '=', submissionId)
        .where('channel', '=', 'email')
        .executeTakeFirstOrThrow();

    test('queued with the submission, handed to the outbox with the receipt, delivered only when the SMTP server took it', async () => {
      const sent = await f.send('Eliška');
      let row = await delivery(sent.id);
      assert.deepEqual(
        [row.state, row.mail_id, row.target],
        ['queued', null, 'podatelna@koprivnice.example'],
      );

      const run = await f.submissions.deliverDue();
      assert.equal(run.mailed, 1);
      row = await delivery(sent.id);
      assert.equal(row.state, 'queued', 'in the outbox is not delivered');
      assert.ok(row.mail_id);
      // The job again: handed over once, one message.
      assert.equal((await f.submissions.deliverDue()).mailed, 0);
      const queued = await handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('dedupe_key', 'like', 'submission-delivery:%')
        .execute();
      assert.equal(queued.length, 1);

      assert.equal(await worker().runOnce(), 1);
      assert.equal(sink.received.length, 1);
      const mail = sink.received[0]!;
      assert.equal(
        mail.to && !Array.isArray(mail.to) ? mail.to.text : '',
        'podatelna@koprivnice.example',
      );
      assert.match(
        mail.subject ?? '',
        new RegExp(`^Podání ${sent.reference.replaceAll('/', '\\/')}: Vítání občánků$`),
      );
      assert.match(mail.from?.text ?? '', /Město Kopřivnice/);
      assert.equal(mail.attachments.length, 1);
      const pdf = mail.attachments[0]!;
      assert.equal(pdf.contentType, 'application/pdf');
      assert.equal(pdf.filename, `${sent.reference.replaceAll('/', '-')}.pdf`);
      const stored = await handle.db
        .selectFrom('submission_receipts')
        .select('sha256')
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(sha256(pdf.content), stored.sha256, 'the stored receipt, byte for byte');

      // Sent: the outbox no longer keeps the file, and the next run marks the delivery.
      const files = await handle.db.selectFrom('mail_attachments').select('mail_id').execute();
      assert.equal(files.length, 0);
      await f.submissions.deliverDue();
      row = await delivery(sent.id);
      const outbox = await handle.db
        .selectFrom('mail_outbox')
        .select('sent_at')
        .where('id', '=', row.mail_id!)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [row.state, row.attempts, row.delivered_at?.toISOString()],
        ['delivered', 1, outbox.sent_at?.toISOString()],
      );
    });

    test('an outbox that gives up fails the delivery with the reason; "retry now" sends it once more', async () => {
      const sent = await f.send('Matyáš');
      await f.submissions.deliverDue();
      const { mail_id } = await delivery(sent.id);
      // Eleven tries already failed; the SMTP server is down for the twelfth.
      await handle.db
        .updateTable('mail_outbox')
        .set({ attempts: MAX_ATTEMPTS - 1 })
        .where('id', '=', mail_id)
        .execute();
      await sink.stop();
      assert.equal(await worker().runOnce(), 1);
      await f.submissions.deliverDue();
      let row = await delivery(sent.id);
      assert.equal(row.state, 'failed');
      assert.ok(row.failed_at);
      assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
      const kept = await handle.db
        .selectFrom('mail_attachments')
        .select('mail_id')
        .where('mail_id', '=', mail_id)
        .execute();
      assert.equal(kept.length, 1, 'a failed message keeps its receipt for a retry');

      await f.deliveries.retry(f.admin, row.id);
      row = await delivery(sent.id);
      assert.deepEqual([row.state, row.failed_at], ['queued', null]);
      await sink.start();
      const before = sink.received.length;
      assert.equal(await worker().runOnce(), 1);
      assert.equal(sink.received.length, before + 1);
      await f.submissions.deliverDue();
      row = await delivery(sent.id);
      assert.equal(row.state, 'delivered');
      const audit = await handle.db
        .selectFrom('audit_event')
        .select(['action', 'summary'])
        .where('object_id', '=', row.id)
        .execute();
      assert.deepEqual(audit, [{ action: 'submission_delivery.retried', summary: sent.reference }]);
    });

    test('a receipt that cannot be made holds up no other delivery: it is retried on the schedule with its reason', async () => {
      const broken = await f.send('Ondřej');
      const fine = await f.send('Zuzana');
      let calls = 0;
      const handed = await handOverEmails({
        db: handle.db,
        clock,
        document: async (id) => {
          calls++;
          if (id === broken.id) throw new Error('font missing');
          return f.submissions.receiptDocument(id);
        },
      });
      assert.equal(calls, 2);
      assert.equal(handed, 1);
      const row = await delivery(broken.id);
      assert.deepEqual(
        [row.state, row.attempts, row.mail_id, row.last_error],
        ['queued', 1, null, 'receipt not made: font missing'],
      );
      assert.ok(row.next_attempt_at! > clock.now(), 'not again at once');
      assert.ok((await delivery(fine.id)).mail_id, 'the next one was handed over');
      await f.submissions.deliverDue();
    });

    test("an organisation's deletion takes its intake mail, receipt and all, out of the outbox", async () => {
      const gone = await deliveryFixture(handle, clock, {
        slug: 'deleted-intake',
        intakeEmail: 'podatelna@gone.example',
      });
      const sent = await gone.send('Kryštof');
      await gone.submissions.deliverDue();
      const { mail_id } = await delivery(sent.id);
      await handle.db.transaction().execute((tx) => deleteOrganisation(tx, gone.organisationId));
      const left = await handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('id', '=', mail_id)
        .execute();
      assert.deepEqual(left, [], 'never sent for an organisation that is gone');
      const files = await handle.db
        .selectFrom('mail_attachments')
        .select('mail_id')
        .where('mail_id', '=', mail_id)
        .execute();
      assert.deepEqual(files, []);
    });

    test('without an intake address no e-mail delivery is queued', async () => {
      await f.deliveries.setIntakeEmail(f.admin, '');
      const sent = await f.send('Vojtěch');
      const rows = await handle.db
        .selectFrom('submission_deliveries')
        .select('id')
        .where('submission_id', '=', sent.id)
        .execute();
      assert.equal(rows.length, 0);
    });
  });
}
