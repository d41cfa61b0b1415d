// The administration of departments and people through HTTP: forms without JavaScript, the tree's
// rules, publishing only with a confirmed consent, the audit log, and who may touch what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { browserFor } from '../../tenants/admin-testing.ts';

const BASE = '/staff/admin/departments';

for (const kind of DB_KINDS) {
  describe(`contacts administration on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const idOf = async (
      table: 'service' | 'life_situation' | 'departments',
      org: string,
      slug: string,
    ) =>
      (
        await db()
          .selectFrom(table)
          .innerJoin('organisation', 'organisation.id', `${table}.organisation_id`)
          .select(`${table}.id as id`)
          .where('organisation.slug', '=', org)
          .where(`${table}.slug`, '=', slug)
          .executeTakeFirstOrThrow()
      ).id;
    const staffId = async (email: string) =>
      (
        await db()
          .selectFrom('staff')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id;
    const audit = (action: string) =>
      db().selectFrom('audit_event').selectAll().where('action', '=', action).execute();
    const department = (over: Record<string, string | string[]> = {}) => ({
      name_sl: 'Oddelek za kmetijstvo',
      name_en: 'Department of Agriculture',
      slug: '',
      parentId: '',
      email: 'kmetijstvo@domzale.example',
      phone: '01 724 10 50',
      position: '3',
      ...over,
    });

    test('an admin creates a department (slug from its name), and invalid input comes back with every typed value', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const bad = await admin.post(
        BASE,
        department({ name_sl: '', name_en: '', email: 'nope', phone: 'call me', position: 'x' }),
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      for (const field of ['name_sl', 'email', 'phone', 'position'])
        assert.match(bad.body, new RegExp(`href="#${field}"`), field);
      assert.match(bad.body, /value="nope"/);
      assert.match(bad.body, /value="call me"/);
      const services = [await idOf('service', 'ue-domzale', 'faza-postopka')];
      const res = await admin.post(BASE, department({ services }));
      assert.equal(res.statusCode, 303);
      const id = await idOf('departments', 'ue-domzale', 'oddelek-za-kmetijstvo');
      assert.equal(res.headers.location, `${BASE}/${id}?saved=1`);
      const created = await audit('department.created');
      assert.equal(created.length, 1);
      assert.equal(created[0]!.object_id, id);
      const taken = await admin.post(BASE, department());
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Another department already has this address/);
    });

    test('a department cannot go under itself or its own sections', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const top = await idOf('departments', 'ue-domzale', 'oddelek-za-kmetijstvo');
      const sub = await admin.post(
        BASE,
        department({ name_sl: 'Sektor za vinarstvo', name_en: 'Wine', parentId: top }),
      );
      assert.equal(sub.statusCode, 303);
      const subId = await idOf('departments', 'ue-domzale', 'sektor-za-vinarstvo');
      for (const parentId of [top, subId]) {
        const res = await admin.post(
          `${BASE}/${top}`,
          department({ slug: 'oddelek-za-kmetijstvo', parentId }),
        );
        assert.equal(res.statusCode, 400, parentId);
        assert.match(res.body, /href="#parentId"/);
      }
      // The form does not even offer them.
      const form = await admin.get(`${BASE}/${top}`);
      assert.doesNotMatch(form.body, new RegExp(`<option value="${subId}"`));
      const moved = await db()
        .selectFrom('departments')
        .select('parent_id')
        .where('id', '=', top)
        .executeTakeFirstOrThrow();
      assert.equal(moved.parent_id, null);
    });

    test('a person is published only with a confirmed consent, which is recorded; unpublishing any time', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const dept = await idOf('departments', 'ue-domzale', 'oddelek-za-kmetijstvo');
      const person = {
        fullName: 'Nina Kos',
        role_sl: 'svetovalka',
        email: 'nina.kos@domzale.example',
        phone: '01 724 10 51',
        room: '21',
        staffId: '',
        position: '0',
      };
      const refused = await admin.post(`${BASE}/${dept}/people`, { ...person, published: '1' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /href="#consent"/);
      assert.match(refused.body, /value="Nina Kos"/);
      assert.equal(
        (
          await db()
            .selectFrom('department_people')
            .select('id')
            .where('full_name', '=', 'Nina Kos')
            .execute()
        ).length,
        0,
      );
      const ok = await admin.post(`${BASE}/${dept}/people`, {
        ...person,
        published: '1',
        consent: '1',
      });
      assert.equal(ok.statusCode, 303);
      const row = await db()
        .selectFrom('department_people')
        .selectAll()
        .where('full_name', '=', 'Nina Kos')
        .executeTakeFirstOrThrow();
      assert.equal(row.published, true);
      assert.equal(row.consent_recorded_at?.toISOString(), clock.now().toISOString());
      assert.equal(row.consent_recorded_by, await staffId('admin@domzale.example'));
      assert.equal((await audit('department_person.published')).length, 1);
      const page = await okence.app.inject({ url: '/o/ue-domzale/contacts?q=kos' });
      assert.match(page.body, /Nina Kos/);
      // Unpublished: gone from every public place at once; the consent's record stays.
      const off = await admin.post(`${BASE}/${dept}/people/${row.id}`, { ...person });
      assert.equal(off.statusCode, 303);
      const after = await db()
        .selectFrom('department_people')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.published, false);
      assert.ok(after.consent_recorded_at);
      assert.equal((await audit('department_person.unpublished')).length, 1);
      for (const url of [
        '/o/ue-domzale/contacts',
        '/o/ue-domzale/contacts?q=kos',
        '/o/ue-domzale/contacts/oddelek-za-kmetijstvo',
        '/o/ue-domzale/contacts.jsonld',
      ])
        assert.doesNotMatch((await okence.app.inject({ url })).body, /Nina Kos/, url);
      // Publishing again asks for the consent again.
      const again = await admin.post(`${BASE}/${dept}/people/${row.id}`, {
        ...person,
        published: '1',
      });
      assert.equal(again.statusCode, 400);
    });

    test("another organisation's admin gets 404 on every id, and in every form; an official is refused", async () => {
      const other = await browserFor(okence, 'admin@ljutomer.example');
      const dept = await idOf('departments', 'ue-domzale', 'oddelek-za-upravne-notranje-zadeve');
      const person = (
        await db()
          .selectFrom('department_people')
          .select('id')
          .where('department_id', '=', dept)
          .executeTakeFirstOrThrow()
      ).id;
      for (const url of [
        `${BASE}/${dept}`,
        `${BASE}/${dept}/delete`,
        `${BASE}/${dept}/people/new`,
        `${BASE}/${dept}/people/${person}`,
        `${BASE}/${dept}/people/${person}/delete`,
      ])
        assert.equal((await other.get(url)).statusCode, 404, url);
      for (const url of [
        `${BASE}/${dept}`,
        `${BASE}/${dept}/delete`,
        `${BASE}/${dept}/people`,
        `${BASE}/${dept}/people/${person}`,
        `${BASE}/${dept}/people/${person}/delete`,
      ])
        assert.equal(
          (await other.post(url, { ...department(), fullName: 'X', confirm: 'yes' })).statusCode,
          404,
          url,
        );
      // Its own department, with ids of Domžale's in the form: 404, and nothing changes.
      const own = await idOf('departments', 'ue-ljutomer', 'oddelek-za-okolje-in-prostor');
      const forged: Record<string, string | string[]>[] = [
        { parentId: dept },
        { services: [await idOf('service', 'ue-domzale', 'faza-postopka')] },
        { situations: [await idOf('life_situation', 'ue-domzale', 'faza-upravnega-postopka')] },
      ];
      for (const f of forged) {
        const res = await other.post(
          `${BASE}/${own}`,
          department({ slug: 'oddelek-za-okolje-in-prostor', name_sl: 'Okolje', ...f }),
        );
        assert.equal(res.statusCode, 404, JSON.stringify(f));
      }
      const linked = await other.post(`${BASE}/${own}/people`, {
        fullName: 'Forged',
        position: '0',
        staffId: await staffId('uradnik@domzale.example'),
      });
      assert.equal(linked.statusCode, 404);
      assert.equal(
        (
          await db()
            .selectFrom('department_people')
            .select('id')
            .where('full_name', '=', 'Forged')
            .execute()
        ).length,
        0,
      );
      const official = await browserFor(okence, 'uradnik@domzale.example');
      for (const url of [BASE, `${BASE}/new`, `${BASE}/${dept}`])
        assert.equal((await official.get(url)).statusCode, 403, url);
      assert.equal((await official.post(BASE, department({ slug: 'x' }))).statusCode, 403);
    });

    test('deleting asks first, then takes the sections and people along, audited', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const dept = await idOf('departments', 'ue-domzale', 'oddelek-za-kmetijstvo');
      const question = await admin.get(`${BASE}/${dept}/delete`);
      assert.equal(question.statusCode, 200);
      assert.match(question.body, /sub-departments 1, people 1/);
      const unconfirmed = await admin.post(`${BASE}/${dept}/delete`, {});
      assert.equal(unconfirmed.statusCode, 303);
      assert.equal(unconfirmed.headers.location, `${BASE}/${dept}/delete`);
      const done = await admin.post(`${BASE}/${dept}/delete`, { confirm: 'yes' });
      assert.equal(done.headers.location, `${BASE}?deleted=1`);
      const left = await db()
        .selectFrom('departments')
        .select('slug')
        .where('slug', 'in', ['oddelek-za-kmetijstvo', 'sektor-za-vinarstvo'])
        .execute();
      assert.deepEqual(left, []);
      assert.equal(
        (
          await db()
            .selectFrom('department_people')
            .select('id')
            .where('full_name', '=', 'Nina Kos')
            .execute()
        ).length,
        0,
      );
      const deleted = await audit('department.deleted');
      assert.equal(deleted.length, 1);
      assert.equal((deleted[0]!.detail as { people: number }).people, 1);
    });
  });
}
