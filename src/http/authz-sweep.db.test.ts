// The authorisation sweep: every staff route the app registers (recorded as it boots, so a
// route added later is swept too) is tried by people who must not get in, with the ids of
// the victim's own objects in its path and its form. A path parameter the sweep cannot fill
// fails the first test until it gets a filler; a route open to every signed-in staff member
// has to be listed in ACCESS with the reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { operatorSession } from '../operator/testing.ts';
import {
  ACCESS,
  ATTACKERS,
  VICTIMS,
  fill,
  inAdminArea,
  judge,
  key,
  type Session,
  type VictimKey,
} from './authz-sweep-rules.ts';
import { OPERATOR_PUBLIC } from './authz-sweep-operator.ts';
import { sweepWorld } from './testing-authz-sweep.ts';
import { tryWebSocket } from './testing-sockets.ts';
import { bootTestApp, cookiesOf, csrfFrom } from './testing.ts';
import { recordingRoutes, type RegisteredRoute } from './testing-routes.ts';
import { citizenCookie } from '../citizens/testing.ts';
import { publishForm } from '../forms/fill-testing.ts';

for (const kind of DB_KINDS) {
  describe(`authorisation sweep of the staff routes on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const w = sweepWorld(kind, clock);
    before(() => w.start());
    after(() => w.stop());
    test('every staff route was recorded and can be filled, and ACCESS lists only registered routes', () => {
      const problems: string[] = [];
      for (const route of w.staffRoutes) {
        for (const t of Object.values(w.targets)) {
          try {
            fill(route, t);
          } catch (err) {
            problems.push((err as Error).message);
          }
        }
      }
      const registered = new Set(w.staffRoutes.map(key));
      for (const k of Object.keys(ACCESS))
        if (!registered.has(k))
          problems.push(`${k} is in ACCESS but no longer registered: remove it`);
      assert.deepEqual([...new Set(problems)], []);
      assert.ok(
        w.staffRoutes.some((r) => r.url.includes('/:')),
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
        const { problems, checked } = await w.sweep(attacker);
        assert.deepEqual(problems, []);
        assert.ok(checked > 0, 'some routes were checked');
      });
    }

    test('the owners are let in with the same ids and forms, so the refusals above are about who asks', async () => {
      const refused = (status: number, location: string) =>
        status === 401 || status === 403 || status === 404 || location.startsWith('/staff/sign-in');
      const problems: string[] = [];
      const objectRoutes = w.staffRoutes.filter((r) => !ACCESS[key(r)]);
      // Reading first, then sockets, then writing (a no-show ends the meeting its folder belongs
      // to), deletions last and the deepest first (a group's member before the group, the group
      // before its page), so that no write takes away what a later route names.
      const depth = (r: { url: string }) => r.url.split('/').length;
      const deletion = (r: { url: string }) => r.url.endsWith('/delete');
      const ordered = [
        ...objectRoutes.filter((r) => r.method === 'GET' && !r.websocket),
        ...objectRoutes.filter((r) => r.websocket),
        ...objectRoutes.filter((r) => r.method !== 'GET' && !deletion(r)),
        ...objectRoutes
          .filter((r) => r.method !== 'GET' && deletion(r))
          .sort((a, b) => depth(b) - depth(a)),
      ];
      for (const route of ordered) {
        for (const [k, v] of Object.entries(VICTIMS) as [
          VictimKey,
          (typeof VICTIMS)[VictimKey],
        ][]) {
          const owner = w.sessionOf(inAdminArea(route.url) ? v.admin : v.official);
          const url = fill(route, w.targets[k]);
          if (route.websocket) {
            const { code, messages } = await tryWebSocket(w.base, url, owner.cookie);
            if (!messages.length && code === 1008)
              problems.push(`${key(route)} as ${url}: owner ${owner.email} closed out`);
            continue;
          }
          const res = await w.inject(route, url, owner, w.targets[k]);
          if (refused(res.statusCode, String(res.headers.location ?? '')))
            problems.push(`${route.method} ${url}: owner ${owner.email} got ${res.statusCode}`);
        }
      }
      // The pages and sockets open to all staff do show the victim's booking to its own official: the leak checks can fail.
      for (const k of Object.keys(VICTIMS) as VictimKey[]) {
        const official = w.sessionOf(VICTIMS[k].official);
        assert.ok(
          JSON.stringify(official.listening.flatMap((l) => l.messages)).includes(
            w.targets[k].ids.booking,
          ),
          `${k}: the knock reached its office's lobby`,
        );
        const home = await w.inject({ method: 'GET' }, '/staff', official);
        assert.ok(
          home.body.includes(w.targets[k].ids.booking),
          `${k}: the start page lists the meeting`,
        );
      }
      assert.deepEqual(problems, []);
    });

    test('no operator route opens to staff: admins and officials alike are sent to the operator sign-in', async () => {
      const problems: string[] = [];
      await w.resetBaseline();
      // Operator routes' parameters name organisations (and what is in them): the guard must refuse before it reads them.
      const orgId = (
        await w.okence.handle.db
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', 'ue-domzale')
          .executeTakeFirstOrThrow()
      ).id;
      const guarded = w.operatorRoutes.filter((r) => !OPERATOR_PUBLIC[key(r)]);
      assert.ok(
        guarded.some((r) => r.url === '/operator'),
        'the console itself is swept',
      );
      assert.ok(
        guarded.some((r) => r.url === '/metrics'),
        "the operator's metrics are swept",
      );
      for (const s of w.sessions.values()) {
        if (!s.email) continue;
        for (const route of guarded) {
          const url = route.url.replace(/:[^/]+/g, orgId);
          const res = await w.inject(route, url, s, w.targets.domzale);
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
      const changed = await w.changedTables();
      if (changed.length) problems.push(`changed ${changed.join(', ')}`);
      assert.deepEqual(problems, []);
    });

    test('no staff route opens to an operator: the operator session is a stranger to every staff page and socket', async () => {
      const op = await operatorSession(w.okence, 'sweep-operator@example.org', clock);
      const page = await w.okence.app.inject({
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
      await w.resetBaseline();
      for (const victim of Object.keys(VICTIMS) as VictimKey[]) {
        const t = w.targets[victim];
        for (const route of w.staffRoutes) {
          if (ACCESS[key(route)]?.access === 'public') continue;
          const url = fill(route, t);
          if (route.websocket) {
            const problem = await w.judgeWebSocket('sign-in', route, url, s, [
              ...t.markers,
              ...t.orgMarkers,
            ]);
            if (problem) problems.push(`${key(route)} as ${url}: ${problem}`);
            continue;
          }
          const res = await w.inject(route, url, s, t);
          const problem = judge('sign-in', url, res, [...t.markers, ...t.orgMarkers]);
          if (problem) problems.push(`${route.method} ${url}: ${problem}`);
        }
      }
      const changed = await w.changedTables();
      if (changed.length) problems.push(`changed ${changed.join(', ')}`);
      assert.deepEqual(problems, []);
    });

    test("signing out ends one's own session only", async () => {
      for (const route of w.staffRoutes.filter((r) => ACCESS[key(r)]?.endsSession)) {
        for (const a of ATTACKERS.filter((x) => x.email)) {
          const s = w.sessionOf(a.email);
          const res = await w.inject(route, route.url, s, w.targets[a.victim]);
          assert.ok(res.statusCode < 400, `${key(route)} as ${a.email}: ${res.statusCode}`);
          assert.equal(
            (await w.inject({ method: 'GET' }, '/staff', s)).statusCode,
            303,
            `${a.email} is signed out`,
          );
        }
        for (const v of Object.values(VICTIMS)) {
          const admin = w.sessionOf(v.admin);
          assert.equal(
            (await w.inject({ method: 'GET' }, '/staff', admin)).statusCode,
            200,
            `${v.admin} is still signed in`,
          );
        }
      }
    });
  });
}

// Citizens' drafts of forms (decision 038): every route with a draft in its path, recorded as the
// app boots, is tried with another person's draft by a stranger, another signed-in citizen and a
// browser holding its own resume link, each with a valid CSRF token: all get 404 and change
// nothing; the owners get in with the same ids.
for (const kind of DB_KINDS) {
  describe(`authorisation sweep of the citizens' draft routes on ${kind}`, () => {
    let okence: Awaited<ReturnType<typeof bootTestApp>>;
    let draftRoutes: RegisteredRoute[] = [];
    const base = '/o/ue-domzale/forms/sweep';
    const sessions: Record<string, { cookie: string; csrf: string }> = {};
    const drafts: Record<string, string> = {};
    const get = (url: string, cookie: string) =>
      okence.app.inject({ method: 'GET', url, headers: { cookie } });
    /** A browser's cookies and a CSRF token from a page with a form. */
    async function browser(cookie: string, page: string) {
      const res = await get(page, cookie);
      const jar = Object.entries(cookiesOf(res)).map(([k, v]) => `${k}=${v}`);
      return { cookie: [cookie, ...jar].filter(Boolean).join('; '), csrf: csrfFrom(res.body) };
    }
    async function start(s: { cookie: string; csrf: string }, fields: Record<string, string>) {
      const res = await okence.app.inject({
        method: 'POST',
        url: `${base}/start`,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
      });
      const id = /\/drafts\/([0-9a-f-]{36})\//.exec(String(res.headers.location))?.[1];
      if (!id) throw new Error(`no draft started: ${res.statusCode}`);
      const token = cookiesOf(res)['__Host-okence-draft'];
      if (token) s.cookie += `; __Host-okence-draft=${token}`;
      return id;
    }
    before(async () => {
      const recorded = await recordingRoutes(() => bootTestApp(kind));
      okence = recorded.booted;
      draftRoutes = recorded.routes.filter((r) => r.url.includes('/:draft'));
      const { organisation } = await okence.services.tenants.getOrganisation('ue-domzale');
      await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'sweep');
      for (const who of ['owner', 'other'])
        sessions[who] = await browser(
          await citizenCookie(okence, `${who}@sweep.example`),
          '/account',
        );
      for (const who of ['anonymous-owner', 'anonymous-other', 'stranger'])
        sessions[who] = await browser('', base);
      drafts.owner = await start(sessions.owner!, {});
      drafts['anonymous-owner'] = await start(sessions['anonymous-owner']!, {
        email: 'a@sweep.example',
      });
      await start(sessions['anonymous-other']!, { email: 'b@sweep.example' });
    });
    after(() => okence?.close());

    const fill = (r: RegisteredRoute, draft: string) =>
      r.url
        .replace(':org', 'ue-domzale')
        .replace(':slug', 'sweep')
        .replace(':draft', draft)
        .replace(':page', 'parent');
    const inject = (r: RegisteredRoute, url: string, s: { cookie: string; csrf: string }) =>
      okence.app.inject({
        method: r.method as 'GET' | 'POST',
        url,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload:
          r.method === 'GET'
            ? undefined
            : new URLSearchParams({ _csrf: s.csrf, invite: 'yes' }).toString(),
      });
    const snapshot = () =>
      okence.handle.db
        .selectFrom('form_drafts')
        .select(['id', 'answers', 'deleted_at', 'updated_at'])
        .orderBy('id')
        .execute();

    test('every draft route is refused with another person’s draft', async () => {
      assert.ok(
        draftRoutes.length >= 7,
        `draft routes recorded: ${draftRoutes.map(key).join(', ')}`,
      );
      const before = JSON.stringify(await snapshot());
      const problems: string[] = [];
      for (const [victim, attackers] of [
        ['owner', ['other', 'anonymous-other', 'stranger']],
        ['anonymous-owner', ['other', 'anonymous-other', 'stranger']],
      ] as const)
        for (const attacker of attackers)
          for (const r of draftRoutes) {
            const res = await inject(r, fill(r, drafts[victim]!), sessions[attacker]!);
            if (res.statusCode !== 404)
              problems.push(`${key(r)} as ${attacker} on ${victim}'s: ${res.statusCode}`);
          }
      assert.deepEqual(problems, []);
      assert.equal(JSON.stringify(await snapshot()), before, 'no draft changed');
    });

    test('the owners get in with the same ids, so the refusals are about who asks', async () => {
      const problems: string[] = [];
      for (const owner of ['owner', 'anonymous-owner'] as const)
        for (const r of draftRoutes.filter((x) => x.method === 'GET')) {
          const res = await inject(r, fill(r, drafts[owner]!), sessions[owner]!);
          if (res.statusCode === 404) problems.push(`${key(r)} as ${owner}: 404`);
        }
      assert.deepEqual(problems, []);
    });
  });
}
