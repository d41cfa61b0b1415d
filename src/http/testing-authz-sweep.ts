// The world the authorisation sweep runs in (src/http/authz-sweep.db.test.ts): the app booted with
// its routes recorded, the victims' meetings in progress, a session per attacker and owner, and
// the sweep itself, which tries every staff route as one attacker.
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import type { DbKind } from '../db/testing.ts';
import { folderFixture } from '../folder/testing.ts';
import { formRows, seedForm } from '../forms/testing.ts';
import { samplePdf } from '../files/testing.ts';
import { hashApiToken, newToken } from '../integrations/domain.ts';
import { paymentRows, seedPaymentObjects } from '../payments/testing.ts';
import { frontDoorRows, seedFrontDoorObjects } from '../notices/home/testing.ts';
import { deliveryRows, seedDeliveryObjects } from '../submissions/testing.ts';
import { submissionRows, victimSubmission } from '../submissions/testing-states.ts';
import type { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';
import {
  ACCESS,
  ATTACKERS,
  VICTIMS,
  expectation,
  fill,
  formFor,
  isStaffRoute,
  judge,
  key,
  settle,
  type Expect,
  type Session,
  type Target,
  type VictimKey,
} from './authz-sweep-rules.ts';
import { isOperatorRoute, SWEEP_ENV } from './authz-sweep-operator.ts';
import { bootTestApp, cookiesOf, csrfFrom } from './testing.ts';
import { recordingRoutes, type RegisteredRoute } from './testing-routes.ts';
import { heard, REFUSAL_WAIT_MS, tryWebSocket } from './testing-sockets.ts';
import { victimChanges } from './testing-sweep-changes.ts';

/** The sweep's app, victims and sessions for one database kind; `start` and `stop` bracket the tests. */
export function sweepWorld(kind: DbKind, clock: ReturnType<typeof fixedClock>) {
  let okence!: Okence;
  let base = '';
  let staffRoutes: RegisteredRoute[] = [];
  let operatorRoutes: RegisteredRoute[] = [];
  const sessions = new Map<string, Session>();
  const targets = {} as Record<VictimKey, Target>;
  const sockets: TestSocket[] = [];
  const changes = victimChanges(() => okence.handle.db, snapshot);
  let ips = 0;

  /** A request as a browser sends it; a write carries the one form, with the session's CSRF token. */
  function inject(route: { method: string }, url: string, s: Session, t?: Target) {
    const write = route.method !== 'GET';
    return okence.app.inject({
      method: route.method as 'GET',
      url,
      remoteAddress: s.ip,
      headers: {
        cookie: s.cookie,
        'accept-language': 'en',
        ...(write ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(write
        ? {
            payload: new URLSearchParams({
              ...(t ? formFor(t.ids) : {}),
              _csrf: s.csrf,
            }).toString(),
          }
        : {}),
    });
  }

  /** Signs in (or, for null, just picks up a CSRF cookie) from an address of its own. */
  async function session(email: string | null): Promise<Session> {
    const ip = `198.18.0.${++ips}`;
    const s: Session = {
      email,
      ip,
      cookie: '',
      csrf: '',
      admin: okence.demoAccounts.some((a) => a.email === email && a.role === 'admin'),
      listening: [],
    };
    if (email) s.cookie = await staffCookie(okence, email, ip);
    const page = await okence.app.inject({
      method: 'GET',
      url: email ? '/staff' : '/staff/sign-in',
      remoteAddress: ip,
      headers: { cookie: s.cookie },
    });
    if (!email)
      s.cookie = Object.entries(cookiesOf(page))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    s.csrf = csrfFrom(page.body);
    sessions.set(email ?? 'anonymous', s);
    return s;
  }
  const sessionOf = (email: string | null) => sessions.get(email ?? 'anonymous')!;

  async function setUpVictims() {
    const bookings = {} as Record<VictimKey, Awaited<ReturnType<typeof bookThroughApi>>>;
    for (const [k, v] of Object.entries(VICTIMS) as [VictimKey, (typeof VICTIMS)[VictimKey]][]) {
      bookings[k] = await bookThroughApi(okence, {
        organisation: v.organisation,
        office: v.office,
        service: v.service,
        day: '2026-11-25',
        email: `victim-${k}@example.si`,
        name: `Victim Citizen ${k}`,
        ip: `203.0.113.${++ips}`,
      });
    }
    // Both meetings in progress at once; sessions expire after 30 idle minutes of this clock, so sign in after moving it.
    clock.set(
      new Date(Math.max(...Object.values(bookings).map((b) => b.start.getTime())) - 5 * 60_000),
    );
    for (const a of ATTACKERS) await session(a.email);
    for (const v of Object.values(VICTIMS))
      for (const email of [v.official, v.admin]) if (!sessions.has(email)) await session(email);
    // Sockets open to every signed-in staff member listen from before the victims' meetings start, to catch a knock that leaks.
    for (const r of staffRoutes.filter(
      (r) => r.websocket && ACCESS[key(r)]?.access === 'any-staff',
    )) {
      for (const s of sessions.values()) {
        const socket = openSocket(base, r.url, { cookie: s.cookie });
        sockets.push(socket);
        s.listening.push(socket);
      }
    }
    await settle();
    for (const k of Object.keys(VICTIMS) as VictimKey[])
      targets[k] = await victimMeeting(k, bookings[k]);
    await changes.take();
  }

  /** The victim's meeting in progress (its official in the room, the citizen knocking, a file in the folder) and its other objects. */
  async function victimMeeting(
    k: VictimKey,
    b: Awaited<ReturnType<typeof bookThroughApi>>,
  ): Promise<Target> {
    const v = VICTIMS[k];
    const db = okence.handle.db;
    const official = sessionOf(v.official);
    const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie: official.cookie });
    sockets.push(room);
    await heard(room, 'room');
    sockets.push(openSocket(base, `/j/${b.joinToken}/ws?name=Victim`));
    await heard(room, 'lobby');
    room.send({ type: 'open-folder' });
    await heard(room, 'files');
    const fileName = `victim-${k}.pdf`;
    const up = await folderFixture(okence, base, clock).upload(
      `/staff/meetings/${b.id}`,
      [{ name: fileName, bytes: samplePdf(k) }],
      official.cookie,
    );
    assert.equal(up.statusCode, 303, up.body);
    const booking = await db
      .selectFrom('booking')
      .select(['organisation_id', 'office_id', 'service_id'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'email', 'display_name'])
      .where('organisation_id', '=', booking.organisation_id)
      .execute();
    const officialId = staff.find((s) => s.email === v.official)!.id;
    const note = `victim closure ${k}`;
    const closure = await db
      .insertInto('closure')
      .values({
        organisation_id: booking.organisation_id,
        office_id: booking.office_id,
        day: '2026-12-24',
        note: JSON.stringify({ sl: note, cs: note, en: note }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const absence = await db
      .insertInto('absence')
      .values({ staff_id: officialId, during: '[2026-12-28 08:00:00+00,2026-12-28 12:00:00+00)' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tokenName = `victim token ${k}`;
    const token = await db
      .insertInto('api_token')
      .values({
        organisation_id: booking.organisation_id,
        name: tokenName,
        scopes: ['submissions:read'],
        token_hash: hashApiToken(newToken()),
        created_by: staff.find((s) => s.email === v.admin)!.id,
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await db
      .selectFrom('meeting_file')
      .select('id')
      .where('booking_id', '=', b.id)
      .executeTakeFirstOrThrow();
    const situation = await db
      .selectFrom('life_situation')
      .select('id')
      .where('organisation_id', '=', booking.organisation_id)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const frontDoor = await seedFrontDoorObjects(okence, booking.organisation_id, clock.now(), k);
    const formSlug = `victim-form-${k}`;
    // A submission of the organisation: its staff of any office may see it, no one else.
    const submission = await victimSubmission(okence, v.organisation, k);
    const citizen = [`Victim Citizen ${k}`, `victim-${k}@example.si`];
    const form = await seedForm(okence, v.admin, formSlug);
    const sent = await seedDeliveryObjects(db, booking.organisation_id, form.form, clock.now());
    const payments = await seedPaymentObjects(db, booking.organisation_id, clock.now(), k);
    return {
      ids: {
        ...form,
        ...sent.ids,
        situation: situation.id,
        ...frontDoor.ids,
        booking: b.id,
        file: file.id,
        closure: closure.id,
        absence: absence.id,
        service: booking.service_id,
        staff: officialId,
        office: booking.office_id,
        api_token: token.id,
        submission: submission.id,
        attachment: submission.attachmentId,
        ...payments.ids,
      },
      markers: [
        b.id,
        file.id,
        ...citizen,
        fileName,
        note,
        tokenName,
        ...frontDoor.markers,
        formSlug,
        sent.url,
        payments.payer,
      ],
      orgMarkers: [...staff.flatMap((s) => [s.email, s.display_name]), ...submission.orgMarkers],
    };
  }

  /** Everything of the victims' organisations a swept request could change. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const db = okence.handle.db;
    const orgs = (
      await db
        .selectFrom('organisation')
        .select('id')
        .where(
          'slug',
          'in',
          Object.values(VICTIMS).map((v) => v.organisation),
        )
        .execute()
    ).map((o) => o.id);
    const staff = await db
      .selectFrom('staff')
      .selectAll()
      .where('organisation_id', 'in', orgs)
      .orderBy('id')
      .execute();
    const booking = await db
      .selectFrom('booking')
      .selectAll()
      .where('organisation_id', 'in', orgs)
      .orderBy('id')
      .execute();
    const staffIds = staff.map((s) => s.id);
    const bookingIds = booking.map((b) => b.id);
    return {
      staff,
      booking,
      organisation: await db
        .selectFrom('organisation')
        .selectAll()
        .where('id', 'in', orgs)
        .orderBy('id')
        .execute(),
      folder_policy: await db
        .selectFrom('folder_policy')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy('organisation_id')
        .execute(),
      service: await db
        .selectFrom('service')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy('id')
        .execute(),
      ...(await formRows(db, orgs)),
      ...(await deliveryRows(db, orgs)),
      ...(await paymentRows(db, orgs)),
      life_situation: await db
        .selectFrom('life_situation')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy('id')
        .execute(),
      ...(await frontDoorRows(db, orgs)),
      ...(await submissionRows(db, orgs)),
      api_token: await db
        .selectFrom('api_token')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy('id')
        .execute(),
      life_situation_service: await db
        .selectFrom('life_situation_service')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy(['situation_id', 'service_id'])
        .execute(),
      closure: await db
        .selectFrom('closure')
        .selectAll()
        .where('organisation_id', 'in', orgs)
        .orderBy('id')
        .execute(),
      official_hours: await db
        .selectFrom('official_hours')
        .selectAll()
        .where('staff_id', 'in', staffIds)
        .orderBy(['staff_id', 'office_id', 'weekday', 'starts'])
        .execute(),
      absence: await db
        .selectFrom('absence')
        .selectAll()
        .where('staff_id', 'in', staffIds)
        .orderBy('id')
        .execute(),
      meeting: await db
        .selectFrom('meeting')
        .selectAll()
        .where('booking_id', 'in', bookingIds)
        .orderBy('booking_id')
        .execute(),
      meeting_participant: await db
        .selectFrom('meeting_participant')
        .select(['id', 'role', 'staff_id', 'state'])
        .where('booking_id', 'in', bookingIds)
        .orderBy('id')
        .execute(),
      meeting_folder: await db
        .selectFrom('meeting_folder')
        .selectAll()
        .where('booking_id', 'in', bookingIds)
        .orderBy('booking_id')
        .execute(),
      meeting_file: await db
        .selectFrom('meeting_file')
        .selectAll()
        .where('booking_id', 'in', bookingIds)
        .orderBy('id')
        .execute(),
      meeting_file_audit: await db
        .selectFrom('meeting_file_audit')
        .select(['id', 'action', 'actor_staff_id'])
        .where('booking_id', 'in', bookingIds)
        .orderBy('id')
        .execute(),
      meeting_chat: await db
        .selectFrom('meeting_chat')
        .select(['id', 'body'])
        .where('booking_id', 'in', bookingIds)
        .orderBy('id')
        .execute(),
    };
  }

  /** The tables of the victims that differ from before the sweep. */
  async function changedTables(): Promise<string[]> {
    return changes.changed();
  }

  /** One attacker against every staff route; returns what went wrong, one line each. */
  async function sweep(
    attacker: (typeof ATTACKERS)[number],
  ): Promise<{ problems: string[]; checked: number }> {
    const s = sessionOf(attacker.email);
    const t = targets[attacker.victim];
    const secrets =
      attacker.kind === 'official-on-admin-pages'
        ? []
        : attacker.kind === 'other-office'
          ? t.markers
          : [...t.markers, ...t.orgMarkers];
    const problems: string[] = [];
    let checked = 0;
    for (const route of staffRoutes) {
      const expect = expectation(route, attacker, s.admin);
      if (expect === 'skip' || (ACCESS[key(route)]?.endsSession && attacker.kind !== 'anonymous'))
        continue;
      checked++;
      const url = fill(route, t);
      if (route.websocket) {
        const problem = await judgeWebSocket(expect, route, url, s, secrets);
        if (problem) problems.push(`${key(route)} as ${url}: ${problem}`);
        continue;
      }
      const res = await inject(route, url, s, t);
      const problem = judge(
        expect === 'allowed' && ACCESS[key(route)]?.formErrorsOk && res.statusCode === 400
          ? 'skip'
          : expect,
        url,
        res,
        secrets,
      );
      if (problem) problems.push(`${route.method} ${url}: ${problem}`);
      if (route.method !== 'GET') {
        const changed = await changedTables();
        if (changed.length) {
          problems.push(`${route.method} ${url}: changed ${changed.join(', ')} of the victims`);
          await changes.take();
        }
      }
    }
    const changed = await changedTables();
    if (changed.length) problems.push(`the sweep changed ${changed.join(', ')} of the victims`);
    return { problems, checked };
  }

  async function judgeWebSocket(
    expect: Expect,
    route: RegisteredRoute,
    url: string,
    s: Session,
    secrets: string[],
  ): Promise<string | null> {
    if (expect === 'allowed') {
      // Opened before the victims' meetings began (setUpVictims): what has it heard since?
      const text = JSON.stringify(s.listening.flatMap((l) => l.messages));
      const leaked = secrets.filter((m) => text.includes(m));
      return leaked.length ? `heard ${leaked.join(', ')}` : null;
    }
    const { code, messages } = await tryWebSocket(base, url, s.cookie, REFUSAL_WAIT_MS);
    if (messages.length)
      return `sent ${messages.map((m) => (m as { type: string }).type).join(', ')}`;
    return code === 1008 ? null : `closed with ${code ?? 'nothing (still open)'}, not 1008`;
  }

  return {
    async start() {
      const recorded = await recordingRoutes(() =>
        // No timers: the 'submission deliveries' job would retry the delivery the owners' test
        // re-queued while the operator test compares the tables before and after each request.
        bootTestApp(kind, { clock, backgroundJobs: false, env: SWEEP_ENV }),
      );
      okence = recorded.booted;
      staffRoutes = recorded.routes.filter(isStaffRoute);
      operatorRoutes = recorded.routes.filter(isOperatorRoute);
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
      await setUpVictims();
    },
    async stop() {
      await Promise.all(sockets.map((s) => s.close()));
      await okence?.close();
    },
    get okence() {
      return okence;
    },
    get base() {
      return base;
    },
    get staffRoutes() {
      return staffRoutes;
    },
    get operatorRoutes() {
      return operatorRoutes;
    },
    sessions,
    targets,
    inject,
    sessionOf,
    snapshot,
    changedTables,
    /** What the victims hold now becomes what `changedTables` compares with. */
    resetBaseline: () => changes.take(),
    sweep,
    judgeWebSocket,
  };
}
