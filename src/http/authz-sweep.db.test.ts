// The authorisation sweep: every staff route the app registers (recorded as it boots, so a
// route added later is swept too) is tried by people who must not get in, with the ids of
// the victim's own objects in its path and its form. A path parameter the sweep cannot fill
// fails the first test until it gets a filler; a route open to every signed-in staff member
// has to be listed in ACCESS with the reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { folderFixture } from '../folder/testing.ts';
import { samplePdf } from '../files/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from './testing.ts';
import { recordingRoutes, type RegisteredRoute } from './testing-routes.ts';
import { operatorSession } from '../operator/testing.ts';

/** How a route is reached when it is not an object route (the default: only the object's own staff). */
type Access = 'public' | 'any-staff' | 'own-organisation-admin';
/** `formErrorsOk`: the sweep's one form need not be valid here (a create or settings form), so a 400 counts as let in. */
const ACCESS: Record<
  string,
  { access: Access; why: string; endsSession?: true; formErrorsOk?: true }
> = {
  'GET /staff/sign-in': { access: 'public', why: 'the sign-in form' },
  'POST /staff/sign-in': {
    access: 'public',
    why: 'signing in (its limits are tested with identity)',
  },
  'GET /staff': {
    access: 'any-staff',
    why: "the start page: the caller's own organisation, offices and agenda",
  },
  'POST /staff/sign-out': {
    access: 'any-staff',
    why: "ends the caller's own session",
    endsSession: true,
  },
  'GET /staff/lobby/ws': { access: 'any-staff', why: "knocks at the caller's own offices only" },
  'GET /staff/agenda': {
    access: 'any-staff',
    why: "the caller's own offices (an admin's: the organisation's); an office filter outside them is 404",
  },
  'GET /staff/lobby/panel': { access: 'any-staff', why: "who knocks at the caller's own offices" },
  'GET /staff/today/list': {
    access: 'any-staff',
    why: "the start page's list: the caller's own agenda of today",
  },
  'GET /staff/agenda/list': {
    access: 'any-staff',
    why: "the agenda page's list, with the same filter checks as GET /staff/agenda",
  },
  'GET /staff/availability': {
    access: 'own-organisation-admin',
    why: "the settings of the admin's own organisation",
  },
  'POST /staff/availability/reminders': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's reminder times",
  },
  'POST /staff/availability/files': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's file retention",
  },
  'GET /staff/admin': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings, as links",
  },
  'GET /staff/admin/offices': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's offices",
  },
  'GET /staff/admin/offices/new': { access: 'own-organisation-admin', why: 'an empty form' },
  'POST /staff/admin/offices': {
    access: 'own-organisation-admin',
    why: "creates an office in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/services': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's services",
  },
  'GET /staff/admin/services/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's offices and officials",
  },
  'POST /staff/admin/services': {
    access: 'own-organisation-admin',
    why: "creates a service in the admin's own organisation (another's offices: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/officials': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's accounts",
  },
  'GET /staff/admin/officials/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's offices and services",
  },
  'POST /staff/admin/officials': {
    access: 'own-organisation-admin',
    why: "creates an account in the admin's own organisation (another's offices: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings",
  },
  'POST /staff/admin/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings",
    formErrorsOk: true,
  },
  'GET /staff/account/password': { access: 'any-staff', why: "changing the caller's own password" },
  'POST /staff/account/password': {
    access: 'any-staff',
    why: "the caller's own password (the current one is required)",
    formErrorsOk: true,
  },
  'GET /staff/stats': {
    access: 'own-organisation-admin',
    why: "figures of the admin's own organisation; an office or service of another is 404",
  },
  'GET /staff/stats.csv': {
    access: 'own-organisation-admin',
    why: 'the same figures as the statistics page, as CSV',
  },
  'GET /staff/audit': {
    access: 'own-organisation-admin',
    why: "the log of the admin's own organisation",
  },
  'GET /staff/audit.csv': {
    access: 'own-organisation-admin',
    why: 'the same search as the audit page, as CSV',
  },
  'GET /staff/privacy': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's privacy settings",
  },
  'POST /staff/privacy/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's retention and data protection officer",
  },
  'POST /staff/privacy/search': {
    access: 'own-organisation-admin',
    why: "bookings with the address in the admin's own organisation only",
  },
  'POST /staff/privacy/export': {
    access: 'own-organisation-admin',
    why: "the export covers the admin's own organisation only",
  },
  'POST /staff/privacy/erase': {
    access: 'own-organisation-admin',
    why: "the confirmation lists the admin's own organisation's bookings only",
  },
  'POST /staff/privacy/erase/confirm': {
    access: 'own-organisation-admin',
    why: "erases in the admin's own organisation only (the victims' citizens are tried in src/privacy/routes.db.test.ts)",
  },
};

/** Areas for admins only: an official is refused here even with the objects of their own office. */
const ADMIN_AREAS = [
  '/staff/availability',
  '/staff/admin',
  '/staff/stats',
  '/staff/stats.csv',
  '/staff/audit',
  '/staff/audit.csv',
  '/staff/privacy',
];

type ObjectKind = 'booking' | 'file' | 'closure' | 'absence' | 'service' | 'staff' | 'office';

/** Each path parameter, named with the segment before it, and the kind of object that fills it. */
const FILLERS: Record<string, ObjectKind> = {
  'meetings/:id': 'booking',
  'appointments/:id': 'booking',
  'files/:fileId': 'file',
  'closures/:id': 'closure',
  'absences/:id': 'absence',
  'services/:id': 'service',
  'offices/:id': 'office',
  'officials/:id': 'staff',
};

/** One form for every state-changing route: valid for each of today's forms, naming the victim's objects wherever a form takes an id. */
const formFor = (ids: Record<ObjectKind, string>) => ({
  staffId: ids.staff,
  officeId: ids.office,
  d1: '09:00-10:00',
  day: '2027-01-04',
  note: 'sweep',
  from: '2027-01-05T09:00',
  to: '2027-01-05T10:00',
  reason: 'sweep',
  minutes: '1440',
  grace: '120',
  durationMinutes: '30',
  bufferMinutes: '0',
  capacity: '1',
  minNoticeMinutes: '0',
  horizonDays: '60',
  // Privacy: an address with no bookings anywhere (erasing it changes nothing), and valid settings.
  email: 'nobody-sweep@example.si',
  retentionDays: '90',
});

// Kopřivnice is the demo organisation with two offices: its building office is the victim of the
// town hall's official. UE Domžale is the victim of everyone from UE Ljutomer.
const VICTIMS = {
  domzale: {
    organisation: 'ue-domzale',
    office: 'domzale',
    service: 'splosne-informacije',
    official: 'uradnik@domzale.example',
    admin: 'admin@domzale.example',
  },
  stavebni: {
    organisation: 'koprivnice',
    office: 'stavebni-urad',
    service: 'konzultace-stavby',
    official: 'stavebni@koprivnice.example',
    admin: 'admin@koprivnice.example',
  },
} as const;
type VictimKey = keyof typeof VICTIMS;

type Kind = 'anonymous' | 'other-organisation' | 'other-office' | 'official-on-admin-pages';
const ATTACKERS: { label: string; email: string | null; victim: VictimKey; kind: Kind }[] = [
  { label: 'an anonymous visitor', email: null, victim: 'domzale', kind: 'anonymous' },
  {
    label: 'an official of ue-ljutomer',
    email: 'uradnik@ljutomer.example',
    victim: 'domzale',
    kind: 'other-organisation',
  },
  {
    label: 'an admin of ue-ljutomer',
    email: 'admin@ljutomer.example',
    victim: 'domzale',
    kind: 'other-organisation',
  },
  {
    label: 'an official of the Kopřivnice town hall',
    email: 'urednik@koprivnice.example',
    victim: 'stavebni',
    kind: 'other-office',
  },
  {
    label: 'an official (not an admin) of ue-domzale',
    email: 'uradnik@domzale.example',
    victim: 'domzale',
    kind: 'official-on-admin-pages',
  },
];

/** A caller: its cookies and CSRF token, and its sockets open to all staff (the lobby), listening since before the victims' meetings. */
type Session = {
  email: string | null;
  ip: string;
  cookie: string;
  csrf: string;
  admin: boolean;
  listening: TestSocket[];
};
type Target = { ids: Record<ObjectKind, string>; markers: string[]; orgMarkers: string[] };
type Expect = 'sign-in' | 'refused' | 'forbidden' | 'allowed' | 'skip';

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const isStaffRoute = (r: RegisteredRoute) =>
  r.method !== 'HEAD' && (r.url === '/staff' || r.url.startsWith('/staff/'));
const isOperatorRoute = (r: RegisteredRoute) =>
  r.method !== 'HEAD' && (r.url === '/operator' || r.url.startsWith('/operator/'));
/** Operator routes anyone may open: signing in, and ending one's own session. Every other one needs a full operator session. */
const OPERATOR_PUBLIC: Record<string, string> = {
  'GET /operator/sign-in': 'the sign-in form',
  'POST /operator/sign-in': 'signing in (its limits are tested in src/operator)',
  'POST /operator/sign-out': "ends the caller's own operator session, if any",
};
const inAdminArea = (url: string) => ADMIN_AREAS.some((p) => url === p || url.startsWith(`${p}/`));

/** The route's path with each parameter filled from `t`; throws naming the filler to add. */
function fill(route: RegisteredRoute, t: Target): string {
  const segments = route.url.split('/');
  return segments
    .map((s, i) => {
      if (!s.startsWith(':') && !s.includes('*')) return s;
      const name = `${segments[i - 1] ?? ''}/${s}`;
      const kind = FILLERS[name];
      if (!kind) throw new Error(`${key(route)}: add a filler for ${name} to FILLERS`);
      return encodeURIComponent(t.ids[kind]);
    })
    .join('/');
}

/** What `attacker` must get from `route`. */
function expectation(
  route: RegisteredRoute,
  attacker: (typeof ATTACKERS)[number],
  admin: boolean,
): Expect {
  const access = ACCESS[key(route)]?.access ?? 'object';
  if (access === 'public') return 'skip';
  if (attacker.kind === 'anonymous') return 'sign-in';
  if (attacker.kind === 'official-on-admin-pages')
    return inAdminArea(route.url) || access === 'own-organisation-admin' ? 'forbidden' : 'skip';
  if (access === 'any-staff') return 'allowed';
  if (access === 'own-organisation-admin') return admin ? 'allowed' : 'forbidden';
  return 'refused';
}

/** What is wrong with an HTTP answer, or null. */
function judge(
  expect: Expect,
  url: string,
  res: Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body'>,
  secrets: string[],
): string | null {
  const s = res.statusCode;
  const location = String(res.headers.location ?? '');
  // An id the caller typed may come back (in the page's own links); nothing else of the victim may.
  const leaked = secrets.filter((m) => !url.includes(m) && res.body.includes(m));
  if (leaked.length) return `${s}, showing ${leaked.join(', ')}`;
  if (expect === 'sign-in')
    return s === 401 || ((s === 302 || s === 303) && location.startsWith('/staff/sign-in'))
      ? null
      : `${s} ${location}, not sent to sign in`;
  if (expect === 'refused')
    return s === 403 || s === 404
      ? null
      : `${s} ${location}, not 403/404 (a route open to all staff goes in ACCESS)`;
  if (expect === 'forbidden') return s === 403 ? null : `${s} ${location}, not 403`;
  if (expect === 'skip') return null;
  return s < 400 ? null : `${s}, although open to them`;
}

/** Waits until `socket` has heard a message of `type`. (TestSocket.next leaves its timeout running, which holds the process open for seconds after the tests.) */
async function heard(socket: TestSocket, type: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!socket.messages.some((m) => m.type === type)) {
    if (Date.now() > end)
      throw new Error(
        `no ${type} within ${ms} ms; got ${socket.messages.map((m) => m.type).join(', ')}`,
      );
    await settle(10);
  }
}

/** Opens a socket; waits until it closes, sends something, or `ms` pass; then closes it. */
async function tryWebSocket(
  base: string,
  path: string,
  cookie: string,
  ms = 2000,
): Promise<{ code: number | null; messages: unknown[] }> {
  const s = openSocket(base, path, cookie ? { cookie } : {});
  let code: number | null = null;
  void s.closed.then((c) => (code = c.code));
  const end = Date.now() + ms;
  while (code === null && s.messages.length === 0 && Date.now() < end) await settle(10);
  const seen = { code: code as number | null, messages: [...s.messages] };
  await s.close();
  return seen;
}

for (const kind of DB_KINDS) {
  describe(`authorisation sweep of the staff routes on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let base: string;
    let staffRoutes: RegisteredRoute[];
    let operatorRoutes: RegisteredRoute[];
    const sessions = new Map<string, Session>();
    const targets = {} as Record<VictimKey, Target>;
    const sockets: TestSocket[] = [];
    let baseline: Record<string, unknown[]>;
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

    before(async () => {
      const recorded = await recordingRoutes(() => bootTestApp(kind, { clock }));
      okence = recorded.booted;
      staffRoutes = recorded.routes.filter(isStaffRoute);
      operatorRoutes = recorded.routes.filter(isOperatorRoute);
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
      await setUpVictims();
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence?.close();
    });

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
      baseline = await snapshot();
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
      const file = await db
        .selectFrom('meeting_file')
        .select('id')
        .where('booking_id', '=', b.id)
        .executeTakeFirstOrThrow();
      return {
        ids: {
          booking: b.id,
          file: file.id,
          closure: closure.id,
          absence: absence.id,
          service: booking.service_id,
          staff: officialId,
          office: booking.office_id,
        },
        markers: [b.id, file.id, `Victim Citizen ${k}`, `victim-${k}@example.si`, fileName, note],
        orgMarkers: staff.flatMap((s) => [s.email, s.display_name]),
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
      const now = await snapshot();
      return Object.keys(baseline).filter((t) => !isDeepStrictEqual(baseline[t], now[t]));
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
            baseline = await snapshot();
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
      const { code, messages } = await tryWebSocket(base, url, s.cookie);
      if (messages.length)
        return `sent ${messages.map((m) => (m as { type: string }).type).join(', ')}`;
      return code === 1008 ? null : `closed with ${code ?? 'nothing (still open)'}, not 1008`;
    }

    test('every staff route was recorded and can be filled, and ACCESS lists only registered routes', () => {
      const problems: string[] = [];
      for (const route of staffRoutes) {
        for (const t of Object.values(targets)) {
          try {
            fill(route, t);
          } catch (err) {
            problems.push((err as Error).message);
          }
        }
      }
      const registered = new Set(staffRoutes.map(key));
      for (const k of Object.keys(ACCESS))
        if (!registered.has(k))
          problems.push(`${k} is in ACCESS but no longer registered: remove it`);
      assert.deepEqual([...new Set(problems)], []);
      assert.ok(
        staffRoutes.some((r) => r.url.includes('/:')),
        'routes with parameters were recorded',
      );
    });

    for (const attacker of ATTACKERS) {
      const v = VICTIMS[attacker.victim];
      const what =
        attacker.kind === 'official-on-admin-pages'
          ? `is refused the admin pages of ${v.organisation}`
          : `gets nothing of ${v.organisation} (${v.office})`;
      test(`${attacker.label} ${what}`, async () => {
        const { problems, checked } = await sweep(attacker);
        assert.deepEqual(problems, []);
        assert.ok(checked > 0, 'some routes were checked');
      });
    }

    test('the owners are let in with the same ids and forms, so the refusals above are about who asks', async () => {
      const refused = (status: number, location: string) =>
        status === 401 || status === 403 || status === 404 || location.startsWith('/staff/sign-in');
      const problems: string[] = [];
      const objectRoutes = staffRoutes.filter((r) => !ACCESS[key(r)]);
      // Reading first, then sockets, then writing (a no-show ends the meeting its folder belongs to).
      const ordered = [
        ...objectRoutes.filter((r) => r.method === 'GET' && !r.websocket),
        ...objectRoutes.filter((r) => r.websocket),
        ...objectRoutes.filter((r) => r.method !== 'GET'),
      ];
      for (const route of ordered) {
        for (const [k, v] of Object.entries(VICTIMS) as [
          VictimKey,
          (typeof VICTIMS)[VictimKey],
        ][]) {
          const owner = sessionOf(inAdminArea(route.url) ? v.admin : v.official);
          const url = fill(route, targets[k]);
          if (route.websocket) {
            const { code, messages } = await tryWebSocket(base, url, owner.cookie);
            if (!messages.length && code === 1008)
              problems.push(`${key(route)} as ${url}: owner ${owner.email} closed out`);
            continue;
          }
          const res = await inject(route, url, owner, targets[k]);
          if (refused(res.statusCode, String(res.headers.location ?? '')))
            problems.push(`${route.method} ${url}: owner ${owner.email} got ${res.statusCode}`);
        }
      }
      // The pages and sockets open to all staff do show the victim's booking to its own official: the leak checks can fail.
      for (const k of Object.keys(VICTIMS) as VictimKey[]) {
        const official = sessionOf(VICTIMS[k].official);
        assert.ok(
          JSON.stringify(official.listening.flatMap((l) => l.messages)).includes(
            targets[k].ids.booking,
          ),
          `${k}: the knock reached its office's lobby`,
        );
        const home = await inject({ method: 'GET' }, '/staff', official);
        assert.ok(
          home.body.includes(targets[k].ids.booking),
          `${k}: the start page lists the meeting`,
        );
      }
      assert.deepEqual(problems, []);
    });

    test('no operator route opens to staff: admins and officials alike are sent to the operator sign-in', async () => {
      const problems: string[] = [];
      baseline = await snapshot();
      // Operator routes' parameters name organisations (and what is in them): the guard must refuse before it reads them.
      const orgId = (
        await okence.handle.db
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', 'ue-domzale')
          .executeTakeFirstOrThrow()
      ).id;
      const guarded = operatorRoutes.filter((r) => !OPERATOR_PUBLIC[key(r)]);
      assert.ok(
        guarded.some((r) => r.url === '/operator'),
        'the console itself is swept',
      );
      for (const s of sessions.values()) {
        if (!s.email) continue;
        for (const route of guarded) {
          const url = route.url.replace(/:[^/]+/g, orgId);
          const res = await inject(route, url, s, targets.domzale);
          const location = String(res.headers.location ?? '');
          if (
            !(
              (res.statusCode === 303 || res.statusCode === 302) &&
              location.startsWith('/operator/sign-in')
            ) &&
            res.statusCode !== 401
          )
            problems.push(`${route.method} ${url} as ${s.email}: ${res.statusCode} ${location}`);
        }
      }
      const changed = await changedTables();
      if (changed.length) problems.push(`changed ${changed.join(', ')}`);
      assert.deepEqual(problems, []);
    });

    test('no staff route opens to an operator: the operator session is a stranger to every staff page and socket', async () => {
      const op = await operatorSession(okence, 'sweep-operator@example.org', clock);
      const page = await okence.app.inject({
        method: 'GET',
        url: '/operator',
        remoteAddress: '198.18.1.1',
        headers: { cookie: op.cookie },
      });
      assert.equal(page.statusCode, 200, 'the operator session opens the console');
      const s: Session = {
        email: 'sweep-operator@example.org',
        ip: '198.18.1.1',
        cookie: `${op.cookie}; ${Object.entries(cookiesOf(page))
          .map(([k, v]) => `${k}=${v}`)
          .join('; ')}`,
        csrf: '',
        admin: false,
        listening: [],
      };
      s.csrf = csrfFrom(page.body);
      const problems: string[] = [];
      baseline = await snapshot();
      for (const victim of Object.keys(VICTIMS) as VictimKey[]) {
        const t = targets[victim];
        for (const route of staffRoutes) {
          if (ACCESS[key(route)]?.access === 'public') continue;
          const url = fill(route, t);
          if (route.websocket) {
            const problem = await judgeWebSocket('sign-in', route, url, s, [
              ...t.markers,
              ...t.orgMarkers,
            ]);
            if (problem) problems.push(`${key(route)} as ${url}: ${problem}`);
            continue;
          }
          const res = await inject(route, url, s, t);
          const problem = judge('sign-in', url, res, [...t.markers, ...t.orgMarkers]);
          if (problem) problems.push(`${route.method} ${url}: ${problem}`);
        }
      }
      const changed = await changedTables();
      if (changed.length) problems.push(`changed ${changed.join(', ')}`);
      assert.deepEqual(problems, []);
    });

    test("signing out ends one's own session only", async () => {
      for (const route of staffRoutes.filter((r) => ACCESS[key(r)]?.endsSession)) {
        for (const a of ATTACKERS.filter((x) => x.email)) {
          const s = sessionOf(a.email);
          const res = await inject(route, route.url, s, targets[a.victim]);
          assert.ok(res.statusCode < 400, `${key(route)} as ${a.email}: ${res.statusCode}`);
          assert.equal(
            (await inject({ method: 'GET' }, '/staff', s)).statusCode,
            303,
            `${a.email} is signed out`,
          );
        }
        for (const v of Object.values(VICTIMS)) {
          const admin = sessionOf(v.admin);
          assert.equal(
            (await inject({ method: 'GET' }, '/staff', admin)).statusCode,
            200,
            `${v.admin} is still signed in`,
          );
        }
      }
    });
  });
}
