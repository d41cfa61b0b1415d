import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';

const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

// Issue 12, "records that must stay true" 2–4: a no-show only after the start and its grace
// period, confirmed first and undone in one step; the identity check kept with its document
// type and corrections; the meeting folder's files on the appointment page, and their count
// after they are deleted.
for (const kind of DB_KINDS) {
  describe(`an appointment's record on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let base = '';
    let ip = 40;
    const sockets: TestSocket[] = [];
    const OFFICIAL = 'uradnik@domzale.example';

    const book = (name: string) =>
      bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        to: '2026-11-30',
        email: `${name}@example.si`,
        name,
        ip: `203.0.113.${++ip}`,
      });
    let cookie = '';
    /** Signs the official in at the clock's current time (sessions end when idle). */
    const signIn = async () => {
      cookie = await staffCookie(okence, OFFICIAL, `198.18.4.${++ip}`);
    };
    const get = (url: string) =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });
    async function post(url: string, form: Record<string, string>) {
      const page = await get('/staff');
      return okence.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ ...form, _csrf: csrfFrom(page.body) }).toString(),
      });
    }
    const meeting = (id: string) =>
      okence.handle.db
        .selectFrom('meeting')
        .selectAll()
        .where('booking_id', '=', id)
        .executeTakeFirst();
    const events = async (id: string) =>
      await okence.handle.db
        .selectFrom('meeting_event')
        .selectAll()
        .where('booking_id', '=', id)
        .orderBy('id')
        .execute();
    const mails = async (id: string, kind: string) =>
      okence.handle.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('dedupe_key', 'like', `booking:${id}:${kind}:%`)
        .execute();
    const audits = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('audit_event')
          .select(['action', 'detail'])
          .where('object_id', '=', id)
          .orderBy('id')
          .execute()
      ).filter((r) => r.action !== 'appointment.viewed');

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence?.close();
    });

    test('a no-show hours before the appointment is refused everywhere: page, form post and room', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('early');
      clock.set(minutes(b.start, -180));
      await signIn();
      const agenda = await get('/staff/agenda?day=2026-11-25');
      assert.doesNotMatch(
        agenda.body,
        new RegExp(`${b.id}/no-show`),
        'the agenda offers no no-show yet',
      );
      const question = await get(`/staff/appointments/${b.id}/no-show`);
      assert.equal(question.statusCode, 409);
      assert.match(question.body, /can be recorded from/);
      assert.equal(
        (await post(`/staff/meetings/${b.id}/no-show`, { confirmed: 'yes', back: 'appointment' }))
          .statusCode,
        409,
      );
      // Nine minutes after the start is still too early; the room's button is judged the same way.
      clock.set(minutes(b.start, 9));
      await signIn();
      assert.equal(
        (await post(`/staff/meetings/${b.id}/no-show`, { confirmed: 'yes', back: 'appointment' }))
          .statusCode,
        409,
      );
      const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie });
      sockets.push(room);
      await room.next('room');
      room.send({ type: 'no-show' });
      await room.next('error');
      assert.equal((await meeting(b.id))?.ended_at ?? null, null, 'the meeting is not ended');
      assert.equal((await mails(b.id, 'no_show')).length, 0);
      await room.close();
    });

    test('a no-show is confirmed first, tells the citizen, shows on the manage page, and is undone in one step', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('absent');
      const manage = b.manageUrl.split('/m/')[1]!;
      clock.set(minutes(b.start, 11));
      await signIn();
      // One click is not enough: without the confirmation the post asks first.
      const oneClick = await post(`/staff/meetings/${b.id}/no-show`, { back: 'appointment' });
      assert.equal(oneClick.statusCode, 303);
      assert.equal(
        oneClick.headers.location,
        `/staff/appointments/${b.id}/no-show?back=appointment`,
      );
      assert.equal((await meeting(b.id))?.no_show ?? false, false);
      const question = await get(`/staff/appointments/${b.id}/no-show?back=appointment`);
      assert.equal(question.statusCode, 200);
      assert.match(question.body, /name="confirmed" value="yes"/);
      const done = await post(`/staff/meetings/${b.id}/no-show`, {
        confirmed: 'yes',
        back: 'appointment',
      });
      assert.equal(done.statusCode, 303);
      assert.equal((await meeting(b.id))?.no_show, true);
      const told = await mails(b.id, 'no_show');
      assert.equal(told.length, 1);
      assert.equal(told[0]!.to_address, 'absent@example.si');
      assert.match(told[0]!.text_body, /did not attend/);
      assert.doesNotMatch(told[0]!.text_body, /\/j\//, 'no dead join link');

      const citizenView = await okence.app.inject({
        method: 'GET',
        url: `/m/${manage}`,
        headers: { 'accept-language': 'en' },
      });
      assert.match(citizenView.body, /Recorded as not attended/);
      assert.doesNotMatch(citizenView.body, /\/j\//, 'the dead join link is not offered');
      assert.equal(
        (
          await okence.app.inject({
            method: 'POST',
            url: `/api/v1/bookings/${manage}/reschedule`,
            payload: { start: minutes(b.start, 24 * 60).toISOString() },
          })
        ).statusCode,
        409,
      );

      const page = await get(`/staff/appointments/${b.id}`);
      assert.match(page.body, /data-state="no_show"/);
      assert.match(page.body, new RegExp(`action="/staff/appointments/${b.id}/no-show/undo"`));
      const undo = await post(`/staff/appointments/${b.id}/no-show/undo`, {});
      assert.equal(undo.statusCode, 303);
      const m = await meeting(b.id);
      assert.equal(m?.no_show, false);
      assert.equal(m?.ended_at, null, 'the previous state: nothing ended');
      assert.deepEqual(
        (await events(b.id)).map((e) => e.kind),
        ['no_show', 'no_show_undone'],
      );
      assert.deepEqual(
        (await audits(b.id)).map((a) => a.action),
        ['appointment.no_show', 'appointment.no_show_undone'],
      );
      assert.equal((await mails(b.id, 'no_show_undone')).length, 1);
      const after = await get(`/staff/appointments/${b.id}`);
      assert.match(after.body, /data-state="not_arrived"/);
      assert.match(after.body, /recorded that the citizen did not attend/);
      assert.match(after.body, /took back the no-show/);
      assert.doesNotMatch(
        (
          await okence.app.inject({
            method: 'GET',
            url: `/m/${manage}`,
            headers: { 'accept-language': 'en' },
          })
        ).body,
        /Recorded as not attended/,
      );
      assert.equal(
        (await post(`/staff/appointments/${b.id}/no-show/undo`, {})).statusCode,
        409,
        'nothing left to undo',
      );
    });

    test('the identity check keeps who, when and the document type; a correction adds a line and keeps the first', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('checked');
      clock.set(minutes(b.start, 2));
      await signIn();
      assert.equal(
        (await post(`/staff/appointments/${b.id}/identity`, { document: 'passport' })).statusCode,
        409,
        'not before the citizen is admitted',
      );
      await okence.handle.db
        .insertInto('meeting')
        .values({ booking_id: b.id, started_at: minutes(b.start, 1) })
        .onConflict((oc) =>
          oc.column('booking_id').doUpdateSet({ started_at: minutes(b.start, 1) }),
        )
        .execute();
      // From the room, with the document type.
      const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie });
      sockets.push(room);
      await room.next('room');
      room.send({ type: 'verify-identity', document: 'id_card' });
      assert.equal((await room.next('identity-verified')).document, 'id_card');
      await room.close();
      // Corrected from the appointment page after the meeting.
      await okence.handle.db
        .updateTable('meeting')
        .set({ ended_at: minutes(b.start, 20) })
        .where('booking_id', '=', b.id)
        .execute();
      clock.set(minutes(b.start, 60));
      await signIn();
      const fixed = await post(`/staff/appointments/${b.id}/identity`, { document: 'passport' });
      assert.equal(fixed.statusCode, 303);
      const rows = await events(b.id);
      assert.deepEqual(
        rows.map((e) => [e.kind, e.document_type]),
        [
          ['identity_checked', 'id_card'],
          ['identity_checked', 'passport'],
        ],
      );
      assert.ok(rows.every((e) => e.actor_staff_id && e.actor_name));
      assert.equal((await meeting(b.id))?.identity_document, 'passport');
      const page = await get(`/staff/appointments/${b.id}`);
      assert.match(page.body, /data-identity="passport"/);
      assert.match(page.body, /checked the identity: identity card/);
      assert.match(page.body, /checked the identity: passport/);
      assert.deepEqual(
        (await audits(b.id)).map((a) => [a.action, (a.detail as { document?: string }).document]),
        [
          ['appointment.identity_checked', 'id_card'],
          ['appointment.identity_checked', 'passport'],
        ],
      );
      assert.equal(
        (await post(`/staff/appointments/${b.id}/identity`, { document: 'passport 123' }))
          .statusCode,
        400,
        'a type, never a number',
      );
      // Withdrawn: "not checked" is a new line too.
      await post(`/staff/appointments/${b.id}/identity`, { document: 'none' });
      assert.deepEqual(
        (await events(b.id)).map((e) => e.kind),
        ['identity_checked', 'identity_checked', 'identity_withdrawn'],
      );
      assert.match((await get(`/staff/appointments/${b.id}`)).body, /data-identity="none"/);
    });

    test('the appointment page lists the folder’s files, and after they are deleted says how many there were', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const b = await book('folder');
      clock.set(minutes(b.start, 30));
      await signIn();
      const org = await okence.handle.db
        .selectFrom('booking')
        .select('organisation_id')
        .where('id', '=', b.id)
        .executeTakeFirstOrThrow();
      await okence.handle.db
        .insertInto('meeting_folder')
        .values({
          booking_id: b.id,
          organisation_id: org.organisation_id,
          opened_by: null,
          opened_at: b.start,
          closes_at: minutes(b.start, 30),
          delete_at: minutes(b.start, 25),
        })
        .execute();
      for (const [name, role, size] of [
        ['potrdilo.pdf', 'staff', 2048],
        ['vloga.pdf', 'citizen', 100],
      ] as const) {
        await okence.handle.db
          .insertInto('meeting_file')
          .values({
            booking_id: b.id,
            storage_name: crypto.randomUUID(),
            display_name: name,
            mime: 'application/pdf',
            size_bytes: size,
            sha256: 'a'.repeat(64),
            uploaded_by: null,
            uploader_name: role === 'staff' ? 'Uradnik' : 'Folder',
            uploader_role: role,
            uploaded_at: minutes(b.start, 5),
            scan_state: 'clean',
          })
          .execute();
      }
      const page = await get(`/staff/appointments/${b.id}`);
      assert.match(page.body, /<h2 id="files">Meeting folder<\/h2>/);
      assert.match(page.body, /potrdilo\.pdf/);
      assert.match(page.body, /vloga\.pdf/);
      assert.match(page.body, /Uradnik \(official\)/);
      assert.match(page.body, /Folder \(citizen\)/);
      await okence.jobs.purgeFiles();
      const gone = await get(`/staff/appointments/${b.id}`);
      assert.doesNotMatch(gone.body, /potrdilo\.pdf/);
      assert.match(gone.body, /data-files-deleted="2"/);
      assert.match(gone.body, /Files deleted from the folder: 2/);
    });
  });
}
