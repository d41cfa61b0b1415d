import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { claimLeaseMs, MAIL_WORKER_LOCK, MAX_ATTEMPTS, retryDelayMs } from './domain.ts';
import * as repo from './repo.ts';
import {
  enqueueMail,
  mailWorker,
  smtpTransport,
  type MailLog,
  type MailTransport,
  type OutgoingMail,
} from './service.ts';
import { smtpSink } from './testing.ts';

const FROM = 'Okence <no-reply@okence.test>';
const quiet: MailLog = { info: () => {}, warn: () => {}, error: () => {} };

const mail = (key: string, extra: Partial<OutgoingMail> = {}): OutgoingMail => ({
  dedupeKey: key,
  to: 'citizen@example.si',
  subject: `Subject ${key}`,
  text: `Your code is 123456 (${key})`,
  ...extra,
});

for (const kind of DB_KINDS) {
  describe(`mail outbox on ${kind}`, () => {
    let handle: DatabaseHandle & { url?: string };
    const sink = smtpSink();
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const worker = (transport: MailTransport = smtpTransport(sink.url), batch?: number) =>
      mailWorker({
        db: handle.db,
        clock,
        transport,
        from: FROM,
        log: quiet,
        ...(batch ? { batch } : {}),
      });
    const bySubject = (subject: string) => sink.received.filter((m) => m.subject === subject);
    const row = async (key: string) =>
      handle.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('dedupe_key', '=', key)
        .executeTakeFirstOrThrow();

    before(async () => {
      handle = await openTestDatabase(kind);
      await sink.start();
    });
    after(async () => {
      await sink.stop();
      await handle.close();
    });
    beforeEach(async () => {
      await handle.db.deleteFrom('mail_outbox').execute();
      sink.received.length = 0;
    });

    test('mail queued in a transaction that rolls back is never sent', async () => {
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await enqueueMail(trx, mail('rolled-back'), clock.now());
          throw new Error('the booking failed');
        }),
        /the booking failed/,
      );
      assert.equal(await worker().runOnce(), 0);
      assert.equal(sink.received.length, 0);
      // The same call committed does send: the rollback, not the test, stopped it.
      await handle.db
        .transaction()
        .execute((trx) => enqueueMail(trx, mail('committed'), clock.now()));
      assert.equal(await worker().runOnce(), 1);
      assert.equal(bySubject('Subject committed').length, 1);
    });

    test('the same dedupe key queued twice sends one email, with a stable Message-ID', async () => {
      await enqueueMail(handle.db, mail('twice'), clock.now());
      await enqueueMail(handle.db, mail('twice', { subject: 'Subject twice again' }), clock.now());
      const w = worker();
      assert.equal(await w.runOnce(), 1);
      assert.equal(await w.runOnce(), 0);
      assert.equal(sink.received.length, 1);
      const r = await row('twice');
      assert.equal(r.state, 'sent');
      assert.equal(r.attempts, 1);
      assert.equal(r.message_id, `<${r.id}@okence.test>`);
      assert.equal(sink.received[0]?.messageId, r.message_id);
      assert.equal(sink.received[0]?.text?.trim(), 'Your code is 123456 (twice)');
      assert.equal(sink.received[0]?.from?.text, '"Okence" <no-reply@okence.test>');
    });

    test('an invitation arrives as a text/calendar part with its method', async () => {
      const ics =
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Okence//EN\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
      await enqueueMail(
        handle.db,
        mail('invite', { html: '<p>See you</p>', ics: { method: 'REQUEST', content: ics } }),
        clock.now(),
      );
      assert.equal(await worker().runOnce(), 1);
      const [received] = bySubject('Subject invite');
      assert.ok(received);
      assert.equal(received.html, '<p>See you</p>');
      const calendar = received.attachments.find((a) => a.contentType === 'text/calendar');
      assert.ok(calendar, 'a text/calendar part');
      const type = calendar.headers.get('content-type') as { params: Record<string, string> };
      assert.equal(type.params.method, 'REQUEST');
      assert.equal(calendar.content.toString('utf8'), ics);
    });

    test('an SMTP outage delays mail with backoff, and afterwards every message arrives exactly once', async () => {
      await sink.stop();
      for (let i = 0; i < 5; i++) await enqueueMail(handle.db, mail(`outage-${i}`), clock.now());
      const w = worker();
      assert.equal(await w.runOnce(), 5, 'all tried and failed');
      const failed = await row('outage-0');
      assert.equal(failed.state, 'pending');
      assert.equal(failed.attempts, 1);
      assert.equal(failed.claimed_until, null);
      assert.match(failed.last_error ?? '', /ECONNREFUSED/);
      assert.equal(failed.next_attempt_at.getTime(), clock.now().getTime() + 30_000);
      assert.equal(await w.runOnce(), 0, 'not due again before the backoff');
      clock.advance(30_000);
      assert.equal(await w.runOnce(), 5, 'second try, still down');
      assert.equal(
        (await row('outage-3')).next_attempt_at.getTime(),
        clock.now().getTime() + 60_000,
      );

      await sink.start();
      clock.advance(30_000);
      assert.equal(await w.runOnce(), 0, 'still backing off although the server is back');
      clock.advance(30_000);
      let passes = 0;
      while ((await w.runOnce()) > 0) passes++;
      assert.equal(passes, 1);
      for (let i = 0; i < 5; i++) {
        assert.equal(bySubject(`Subject outage-${i}`).length, 1, `outage-${i} arrived once`);
        const r = await row(`outage-${i}`);
        assert.equal(r.state, 'sent');
        assert.equal(r.attempts, 3);
        assert.equal(r.last_error, null);
      }
      assert.equal(sink.received.length, 5);
    });

    test('a worker that died holding a claim delays its rows until the claim lapses; then they go once', async () => {
      await enqueueMail(handle.db, mail('orphan'), clock.now());
      const now = clock.now();
      const claimed = await repo.claimDue(
        handle.db,
        now,
        new Date(now.getTime() + claimLeaseMs(10)),
        10,
      );
      assert.equal(claimed.length, 1);
      const w = worker();
      assert.equal(await w.runOnce(), 0, 'claimed by the dead worker');
      clock.advance(claimLeaseMs(10) + 1);
      assert.equal(await w.runOnce(), 1);
      assert.equal(bySubject('Subject orphan').length, 1);
      assert.equal((await row('orphan')).attempts, 2);
    });

    describe('after a crash', () => {
      const DEAD = 4242;
      const LIVE = 4243;
      /** Claims as a worker instance does: under its id, whose lock `on` holds while it lives. */
      const claimAs = async (on: DatabaseHandle, id: number, key: string) => {
        assert.equal(await on.holdLock(MAIL_WORKER_LOCK, id), true);
        await enqueueMail(on.db, mail(key), clock.now());
        const now = clock.now();
        const claimed = await repo.claimDue(
          on.db,
          now,
          new Date(now.getTime() + claimLeaseMs(10)),
          10,
          id,
        );
        assert.equal(claimed.length, 1);
      };
      // On PostgreSQL the other instance has its own connections, and its death closes them.
      // PGlite is one process's alone: the one before a restart left only its claims behind.
      const otherInstance = async () =>
        kind === 'postgres' && handle.url
          ? openDatabase({ databaseUrl: handle.url, dataDir: 'unused' })
          : undefined;

      test('a restart takes back the mail a dead instance claimed and sends it at once', async () => {
        const before = await otherInstance();
        if (before) {
          await claimAs(before, DEAD, 'crashed');
          await before.close(); // its connections die with it, and so does its lock
        } else {
          await enqueueMail(handle.db, mail('crashed'), clock.now());
          const now = clock.now();
          await repo.claimDue(handle.db, now, new Date(now.getTime() + claimLeaseMs(10)), 10, DEAD);
        }
        const restarted = mailWorker({
          db: handle.db,
          clock,
          transport: smtpTransport(sink.url),
          from: FROM,
          log: quiet,
          locks: handle,
        });
        assert.equal(await restarted.runOnce(), 1, 'sent at once, not after the lease');
        assert.equal(bySubject('Subject crashed').length, 1);
        assert.equal((await row('crashed')).state, 'sent');
      });

      test('mail claimed by an instance that is alive stays its own', async () => {
        const other = await otherInstance();
        try {
          await claimAs(other ?? handle, LIVE, 'busy');
          const w = mailWorker({
            db: handle.db,
            clock,
            transport: smtpTransport(sink.url),
            from: FROM,
            log: quiet,
            locks: handle,
          });
          assert.equal(await w.runOnce(), 0);
          assert.equal((await row('busy')).claimed_by, LIVE);
          assert.equal(sink.received.length, 0);
        } finally {
          await other?.close();
        }
      });
    });

    test(`a message that keeps failing is given up after ${MAX_ATTEMPTS} tries`, async () => {
      const failing: MailTransport = {
        send: async () => Promise.reject(new Error('550 mailbox unavailable')),
      };
      await enqueueMail(handle.db, mail('hopeless'), clock.now());
      const w = worker(failing);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        assert.equal(await w.runOnce(), 1, `try ${attempt}`);
        clock.advance(retryDelayMs(attempt));
      }
      const r = await row('hopeless');
      assert.equal(r.state, 'failed');
      assert.equal(r.attempts, MAX_ATTEMPTS);
      assert.equal(r.last_error, '550 mailbox unavailable');
      clock.advance(24 * 3600_000);
      assert.equal(await w.runOnce(), 0);
    });

    test('two workers draining at once never send a row twice', async () => {
      const count = 24;
      for (let i = 0; i < count; i++) await enqueueMail(handle.db, mail(`race-${i}`), clock.now());
      // On PostgreSQL the second worker has its own pool, as a second instance would.
      const other =
        kind === 'postgres' && handle.url
          ? await openDatabase({ databaseUrl: handle.url, dataDir: 'unused' })
          : undefined;
      try {
        const sends = new Map<string, number>();
        const smtp = smtpTransport(sink.url);
        const counting: MailTransport = {
          async send(m, signal) {
            sends.set(m.messageId, (sends.get(m.messageId) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 2));
            return smtp.send(m, signal);
          },
        };
        const a = mailWorker({
          db: handle.db,
          clock,
          transport: counting,
          from: FROM,
          log: quiet,
          batch: 3,
        });
        const b = mailWorker({
          db: other?.db ?? handle.db,
          clock,
          transport: counting,
          from: FROM,
          log: quiet,
          batch: 3,
        });
        const drain = async (w: typeof a) => {
          let total = 0;
          for (let n = await w.runOnce(); n > 0; n = await w.runOnce()) total += n;
          return total;
        };
        const [byA, byB] = await Promise.all([drain(a), drain(b)]);
        assert.equal(byA + byB, count);
        assert.equal(sends.size, count);
        assert.deepEqual(
          [...sends.values()].filter((n) => n !== 1),
          [],
        );
        assert.equal(sink.received.length, count);
        assert.equal(new Set(sink.received.map((m) => m.subject)).size, count);
      } finally {
        await other?.close();
      }
    });

    describe('polling', () => {
      let running: ReturnType<typeof mailWorker> | undefined;
      afterEach(async () => {
        await running?.stop();
      });
      const waitFor = async (check: () => boolean, ms = 2000) => {
        const until = Date.now() + ms;
        while (!check()) {
          if (Date.now() > until) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 10));
        }
      };

      test('wake() after a commit sends at once, without waiting for the poll', async () => {
        running = mailWorker({
          db: handle.db,
          clock,
          transport: smtpTransport(sink.url),
          from: FROM,
          log: quiet,
          pollMs: 60_000,
        });
        running.start();
        await new Promise((r) => setTimeout(r, 50)); // the first pass finds nothing
        await enqueueMail(handle.db, mail('woken'), clock.now());
        running.wake();
        await waitFor(() => bySubject('Subject woken').length === 1);
        await running.stop();
        assert.equal((await row('woken')).state, 'sent');
      });

      test('stop() lets the send in flight finish and hands the rest of the batch back', async () => {
        for (let i = 0; i < 3; i++)
          await enqueueMail(handle.db, mail(`stopping-${i}`), clock.now());
        const smtp = smtpTransport(sink.url);
        let began!: () => void;
        const firstSendBegan = new Promise<void>((r) => (began = r));
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        const slow: MailTransport = {
          async send(m, signal) {
            began();
            await released;
            return smtp.send(m, signal);
          },
        };
        running = mailWorker({
          db: handle.db,
          clock,
          transport: slow,
          from: FROM,
          log: quiet,
          batch: 3,
        });
        running.start();
        await firstSendBegan;
        const stopped = running.stop();
        release();
        await stopped;
        assert.equal(sink.received.length, 1, 'the send in flight finished');
        const rows = await handle.db
          .selectFrom('mail_outbox')
          .select(['state', 'attempts', 'claimed_until'])
          .where('state', '=', 'pending')
          .execute();
        assert.deepEqual(rows, [
          { state: 'pending', attempts: 0, claimed_until: null },
          { state: 'pending', attempts: 0, claimed_until: null },
        ]);
        assert.equal(await worker().runOnce(), 2, 'claimable again at once, by any worker');
        assert.equal(sink.received.length, 3);
      });

      test('a failing pass is logged and polling goes on', async () => {
        const errors: object[] = [];
        let broken = true;
        // The worker's first query is its claim transaction: fail that while `broken`.
        const db = new Proxy(handle.db, {
          get(target, prop) {
            if (prop === 'transaction' && broken)
              return () => ({ execute: () => Promise.reject(new Error('database is down')) });
            const value = Reflect.get(target, prop) as unknown;
            return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
          },
        });
        running = mailWorker({
          db,
          clock,
          transport: smtpTransport(sink.url),
          from: FROM,
          log: { ...quiet, error: (obj) => errors.push(obj) },
          pollMs: 20,
        });
        running.start();
        await waitFor(() => errors.length >= 2);
        assert.match(String((errors[0] as { err: unknown }).err), /database is down/);
        await enqueueMail(handle.db, mail('after-outage'), clock.now());
        broken = false;
        await waitFor(() => bySubject('Subject after-outage').length === 1);
      });
    });
  });
}
