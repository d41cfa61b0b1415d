// The retention job travels in time (a fixed clock): 91 days after an appointment its citizen is
// gone from every text column of every table, 89 days after it nothing has changed, the
// organisation's own setting is what counts, a second run changes nothing, and the statistics
// still count the appointment. Runs on DB_KINDS (src/db/testing.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Okence } from '../boot.ts';
import type { Db } from '../db/db.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, staffCookie } from '../meeting/testing.ts';
import { isPlaceholderEmail } from './anonymisation.ts';
import { whereFound } from './testing.ts';

const DAY = 86_400_000;
const ORG = { organisation: 'ue-domzale', office: 'domzale', service: 'splosne-informacije' };
const ALICE = {
  email: 'alice.brezovsek@example.si',
  name: 'Alice Brezovšek',
  phone: '+386 41 555 123',
  ip: '203.0.113.77',
};
const BOB = {
  email: 'bob.zupan@example.si',
  name: 'Bob Zupan',
  phone: '+386 41 555 999',
  ip: '203.0.113.78',
};

/** A held meeting with everything personal the tables can hold: lobby, chat, minutes, a guest, a survey comment, a file log. */
async function holdMeeting(
  db: Db,
  bookingId: string,
  start: Date,
  who: { name: string; email: string; phone: string; ip: string },
) {
  const staff = await db
    .selectFrom('booking')
    .select('staff_id')
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  await db
    .updateTable('booking')
    .set({ notes: `Please call ${who.name}`, citizen_phone: who.phone, client_ip: who.ip })
    .where('id', '=', bookingId)
    .execute();
  await db
    .insertInto('meeting')
    .values({
      booking_id: bookingId,
      started_at: at(1),
      ended_at: at(20),
      minutes: `${who.name} (${who.email}) got a certificate.`,
      minutes_updated_at: at(20),
    })
    .execute();
  const guest = await db
    .insertInto('meeting_guest')
    .values({
      booking_id: bookingId,
      display_name: `${who.name}'s interpreter`,
      token_hash: `hash-${bookingId}`,
      invited_by: staff.staff_id,
      created_at: at(2),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const citizen = await db
    .insertInto('meeting_participant')
    .values({
      booking_id: bookingId,
      role: 'citizen',
      display_name: who.name,
      state: 'left',
      knocked_at: at(0),
      admitted_at: at(1),
      left_at: at(20),
      deny_message: `Wait, ${who.name}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_participant')
    .values({
      booking_id: bookingId,
      role: 'guest',
      guest_id: guest.id,
      display_name: `${who.name}'s interpreter`,
      state: 'left',
      knocked_at: at(2),
      admitted_at: at(3),
      left_at: at(20),
    })
    .execute();
  await db
    .insertInto('meeting_chat')
    .values({
      booking_id: bookingId,
      participant_id: citizen.id,
      body: `My address is ${who.email}`,
      sent_at: at(5),
    })
    .execute();
  await db
    .insertInto('meeting_survey')
    .values({
      booking_id: bookingId,
      rating: 5,
      comment: `Thanks, ${who.name}`,
      submitted_at: at(21),
    })
    .execute();
  await db
    .insertInto('meeting_file_audit')
    .values({
      booking_id: bookingId,
      at: at(6),
      action: 'uploaded',
      actor_role: 'citizen',
      actor_name: who.name,
      actor_ip: who.ip,
      file_name: `${who.name.split(' ')[1]}_passport.pdf`,
      size_bytes: 1000,
      sha256: 'a'.repeat(64),
    })
    .execute();
}

for (const kind of DB_KINDS) {
  describe(`the retention job on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let db: Db;
    let alice: Awaited<ReturnType<typeof bookThroughApi>>;
    let bob: Awaited<ReturnType<typeof bookThroughApi>>;
    let aliceEnd: Date;
    let orgId: string;

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      db = okence.handle.db;
      alice = await bookThroughApi(okence, {
        ...ORG,
        day: '2026-11-25',
        email: ALICE.email,
        name: ALICE.name,
      });
      bob = await bookThroughApi(okence, {
        ...ORG,
        day: '2026-11-27',
        email: BOB.email,
        name: BOB.name,
        ip: '203.0.113.51',
      });
      const row = await db
        .selectFrom('booking')
        .select(['organisation_id', sql<Date>`upper(during)`.as('end')])
        .where('id', '=', alice.id)
        .executeTakeFirstOrThrow();
      aliceEnd = row.end;
      orgId = row.organisation_id;
      await holdMeeting(db, alice.id, alice.start, ALICE);
      await holdMeeting(db, bob.id, bob.start, BOB);
    });
    after(async () => okence?.close());

    const counts = async () => {
      const r = await sql<{ bookings: string; confirmed: string; rated: string; waited: string }>`
        SELECT (SELECT count(*) FROM booking WHERE organisation_id = ${orgId}) AS bookings,
               (SELECT count(*) FROM booking WHERE organisation_id = ${orgId} AND state = 'confirmed') AS confirmed,
               (SELECT count(*) FROM meeting_survey s JOIN booking b ON b.id = s.booking_id WHERE b.organisation_id = ${orgId} AND s.rating = 5) AS rated,
               (SELECT count(*) FROM meeting_participant p JOIN booking b ON b.id = p.booking_id WHERE b.organisation_id = ${orgId} AND p.admitted_at IS NOT NULL) AS waited`.execute(
        db,
      );
      return r.rows[0];
    };

    /** The statistics of November as the admin downloads them (signed in afresh: sessions follow the clock). */
    const statsCsv = async () => {
      const cookie = await staffCookie(okence, 'admin@domzale.example');
      const res = await okence.app.inject({
        method: 'GET',
        url: '/staff/stats.csv?from=2026-11-01&to=2026-11-30',
        headers: { cookie, 'accept-language': 'en' },
      });
      assert.equal(res.statusCode, 200);
      return res.body;
    };

    test('at 89 days nothing is due; at 91 days the citizen is gone from every table, and the statistics still count the appointment', async () => {
      const before = await counts();
      assert.ok(
        (await whereFound(db, ALICE.email)).length > 3,
        'the fixture spreads the address around',
      );
      clock.set(new Date(aliceEnd.getTime() + 89 * DAY));
      assert.deepEqual(await okence.jobs.anonymise(), { anonymised: 0, mailDeleted: 0 });
      assert.ok((await whereFound(db, ALICE.email)).length > 0);

      const statsBefore = await statsCsv();
      clock.set(new Date(aliceEnd.getTime() + 91 * DAY));
      const run = await okence.jobs.anonymise();
      // The same figures, but for Alice's survey comment, which went with the rest of her data.
      const withoutAlice = statsBefore
        .split('\n')
        .filter((line) => !line.includes(ALICE.name))
        .join('\n');
      assert.notEqual(withoutAlice, statsBefore, 'her comment was among the figures');
      assert.equal(await statsCsv(), withoutAlice);
      assert.equal(run.anonymised, 1, 'Alice only: Bob ended two days later, 89 days ago');
      for (const needle of [ALICE.email, ALICE.name, 'Brezovšek', ALICE.phone, ALICE.ip]) {
        const left = await whereFound(db, needle);
        assert.deepEqual(left, [], `${needle} still in ${left.join(', ')}`);
      }
      assert.ok(
        (await whereFound(db, BOB.email)).includes('booking.citizen_email'),
        'Bob is untouched',
      );
      const a = await db
        .selectFrom('booking')
        .selectAll()
        .where('id', '=', alice.id)
        .executeTakeFirstOrThrow();
      assert.ok(isPlaceholderEmail(a.citizen_email));
      assert.equal(a.citizen_phone, null);
      assert.equal(a.client_ip, null);
      assert.equal(a.manage_token_hash, null);
      assert.deepEqual(
        await counts(),
        before,
        'bookings, states, ratings and lobby times stay for the statistics',
      );
      const meeting = await db
        .selectFrom('meeting')
        .selectAll()
        .where('booking_id', '=', alice.id)
        .executeTakeFirstOrThrow();
      assert.equal(meeting.minutes, '');
      assert.ok(meeting.started_at && meeting.ended_at);
      assert.equal(
        (
          await db
            .selectFrom('meeting_chat')
            .select('id')
            .where('booking_id', '=', alice.id)
            .execute()
        ).length,
        0,
      );
      const audit = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'retention.run')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_staff_id, null);
      assert.equal((audit[0]!.detail as { anonymised: number }).anonymised, 1);
    });

    test('running again changes nothing more', async () => {
      const snapshot = async () => ({
        booking: await db.selectFrom('booking').selectAll().orderBy('id').execute(),
        meeting: await db.selectFrom('meeting').selectAll().orderBy('booking_id').execute(),
        participants: await db
          .selectFrom('meeting_participant')
          .selectAll()
          .orderBy('id')
          .execute(),
        outbox: await db.selectFrom('mail_outbox').select(['id', 'state']).orderBy('id').execute(),
        audit: await db.selectFrom('audit_event').select('id').orderBy('id').execute(),
      });
      const first = await snapshot();
      assert.deepEqual(await okence.jobs.anonymise(), { anonymised: 0, mailDeleted: 0 });
      assert.deepEqual(await snapshot(), first);
    });

    test("the organisation's own setting counts: at 88 days Bob's 89 days are past it", async () => {
      await db
        .insertInto('privacy_settings')
        .values({ organisation_id: orgId, retention_days: 88 })
        .execute();
      const run = await okence.jobs.anonymise();
      assert.equal(run.anonymised, 1);
      assert.deepEqual(await whereFound(db, BOB.email), []);
      // Another organisation keeps its default of 90 days: nothing of its own was touched.
      const others = await db
        .selectFrom('audit_event')
        .select('organisation_id')
        .where('action', '=', 'retention.run')
        .execute();
      assert.ok(others.every((o) => o.organisation_id === orgId));
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`the retention job under failure and concurrency on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let db: Db;
    const people = ['Carla', 'Dora', 'Eva', 'Fran'].map((n, i) => ({
      name: `${n} Testna`,
      email: `${n.toLowerCase()}.testna@example.si`,
      phone: `+386 41 000 00${i}`,
      ip: `203.0.113.${90 + i}`,
    }));
    const ids: string[] = [];

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      db = okence.handle.db;
      for (const [i, p] of people.entries()) {
        const b = await bookThroughApi(okence, {
          ...ORG,
          day: '2026-11-25',
          email: p.email,
          name: p.name,
          ip: p.ip,
        });
        await holdMeeting(db, b.id, b.start, p);
        ids.push(b.id);
        clock.advance(i + 1); // distinct outbox times, so the helper reads each citizen's own code
      }
      clock.set(new Date('2027-03-01T09:00:00Z'));
    });
    after(async () => okence?.close());

    test('a failure inside a batch rolls the whole batch back: nothing is half done, and the next run finishes it', async () => {
      await sql`CREATE FUNCTION okence_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$`.execute(
        db,
      );
      // The booking is the plan's last step: by then chat, minutes and mail of the batch are gone, inside the transaction.
      await sql`CREATE TRIGGER okence_test_fail BEFORE UPDATE ON booking FOR EACH ROW EXECUTE FUNCTION okence_test_fail()`.execute(
        db,
      );
      await assert.rejects(okence.jobs.anonymise(), /simulated crash/);
      for (const p of people)
        assert.ok(
          (await whereFound(db, p.email)).includes('meeting_chat.body'),
          `${p.name}'s chat is still whole`,
        );
      assert.equal(
        (
          await db
            .selectFrom('audit_event')
            .select('id')
            .where('action', '=', 'retention.run')
            .execute()
        ).length,
        0,
      );
      await sql`DROP TRIGGER okence_test_fail ON booking`.execute(db);
      await sql`DROP FUNCTION okence_test_fail()`.execute(db);
    });

    test('two runs at once (two instances) anonymise each booking once between them', async () => {
      const [a, b] = await Promise.all([okence.jobs.anonymise(), okence.jobs.anonymise()]);
      assert.equal(a.anonymised + b.anonymised, people.length);
      for (const p of people) assert.deepEqual(await whereFound(db, p.email), [], p.name);
      const runs = await db
        .selectFrom('audit_event')
        .select('detail')
        .where('action', '=', 'retention.run')
        .execute();
      assert.equal(
        runs.reduce((n, r) => n + (r.detail as { anonymised: number }).anonymised, 0),
        people.length,
      );
      const rows = await db
        .selectFrom('booking')
        .select('citizen_email')
        .where('id', 'in', ids)
        .execute();
      assert.ok(rows.every((r) => isPlaceholderEmail(r.citizen_email)));
    });
  });
}
