import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { DEMO_SITUATIONS } from './demo-situations.ts';
import type { SituationInput } from './schema.ts';

const rejects = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

function input(slug: string, over: Partial<SituationInput> = {}): SituationInput {
  return {
    slug,
    texts: {
      title: { cs: 'Stavební řízení', en: 'Building permit procedure' },
      summary: { cs: 'Jak probíhá řízení o povolení stavby.' },
      audience: {},
      preparation: { cs: 'Projektová dokumentace\nPlná moc' },
      fees: {},
      deadlines: {},
      legalBasis: { cs: 'Zákon č. 283/2021 Sb., stavební zákon' },
      department: { cs: 'Stavební úřad' },
    },
    videoPath: '/media/help/stavba.mp4',
    captionsPath: null,
    rppCodes: ['A115'],
    serviceIds: [],
    formSlugs: [],
    position: 5,
    ...over,
  };
}

for (const kind of DB_KINDS) {
  describe(`life situations on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const situations = () => okence.services.situations;
    async function principal(email: string): Promise<StaffPrincipal> {
      const s = await db()
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'role', 'display_name', 'email'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return {
        id: s.id,
        organisationId: s.organisation_id,
        role: s.role,
        displayName: s.display_name,
        email: s.email,
      };
    }
    const serviceId = async (org: string, slug: string) =>
      (
        await db()
          .selectFrom('service')
          .innerJoin('organisation', 'organisation.id', 'service.organisation_id')
          .select('service.id')
          .where('organisation.slug', '=', org)
          .where('service.slug', '=', slug)
          .executeTakeFirstOrThrow()
      ).id;

    test('the demo situations are loaded with their services, in order, and only once', async () => {
      const kop = await situations().list('koprivnice', '', 'cs');
      assert.deepEqual(
        kop.situations.map((s) => s.slug),
        DEMO_SITUATIONS.filter((d) => d.organisation === 'koprivnice').map((d) => d.slug),
      );
      const dog = await situations().guide('koprivnice', 'prihlaseni-psa');
      assert.deepEqual(
        dog.bookable.map((s) => s.slug),
        ['poplatek-za-psa'],
      );
      const domzale = await situations().guide('ue-domzale', 'potrdilo-iz-uradne-evidence');
      assert.deepEqual(
        domzale.bookable.map((s) => s.slug),
        ['potrdila-iz-uradnih-evidenc', 'splosne-informacije'],
      );
      assert.equal((await situations().list('ue-ljutomer', '', 'sl')).total, 0);
      assert.equal(await situations().loadDemo(DEMO_SITUATIONS), 0, 'nothing loaded twice');
    });

    test("search is in the reader's language, ignores diacritics and inflection, falls back to the organisation's", async () => {
      const slugs = async (org: string, q: string, lang: 'sl' | 'cs' | 'en') =>
        (await situations().list(org, q, lang)).situations.map((s) => s.slug);
      assert.deepEqual(await slugs('koprivnice', 'poplatek psů', 'cs'), ['prihlaseni-psa']);
      // "přihlášení" (title) first, then "přihlášen" in the text of the waste fee.
      assert.deepEqual(await slugs('koprivnice', 'PRIHLASENI', 'cs'), [
        'prihlaseni-psa',
        'poplatek-za-odpad',
      ]);
      assert.deepEqual(await slugs('koprivnice', 'waste', 'en'), ['poplatek-za-odpad']);
      assert.deepEqual(await slugs('koprivnice', 'waste', 'cs'), []);
      // Domžale has no Czech texts: a Czech reader searches (and reads) its Slovenian ones.
      assert.deepEqual(await slugs('ue-domzale', 'smrtovnice', 'cs'), ['smrt-svojca-smrtovnica']);
      assert.deepEqual(await slugs('ue-domzale', 'potrdilo', 'sl'), [
        'potrdilo-iz-uradne-evidence',
      ]);
      assert.deepEqual(await slugs('koprivnice', 'a115', 'en'), ['zmena-trvaleho-pobytu']);
    });

    test('an admin creates, changes and deletes a situation, each audited in its transaction', async () => {
      const admin = await principal('admin@koprivnice.example');
      const dogFee = await serviceId('koprivnice', 'poplatek-za-psa');
      const id = await situations().save(admin, null, input('stavebni-rizeni'));
      const found = await situations().list('koprivnice', 'rizeni', 'cs');
      // The title's "řízení" first; "zařízení" in two other guides' texts shares the stem.
      assert.equal(found.situations[0]?.slug, 'stavebni-rizeni');
      await situations().save(
        admin,
        id,
        input('stavebni-rizeni', { serviceIds: [dogFee], rppCodes: [] }),
      );
      const guide = await situations().guide('koprivnice', 'stavebni-rizeni');
      assert.deepEqual(guide.situation.rppCodes, []);
      assert.deepEqual(guide.situation.serviceIds, [dogFee]);
      await situations().remove(admin, id);
      await assert.rejects(
        situations().guide('koprivnice', 'stavebni-rizeni'),
        rejects('not_found'),
      );
      const entries = await db()
        .selectFrom('audit_event')
        .select(['action', 'object_id', 'summary', 'detail'])
        .where('object_type', '=', 'situation')
        .where('object_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        entries.map((e) => e.action),
        ['situation.created', 'situation.updated', 'situation.deleted'],
      );
      assert.deepEqual(Object.keys(entries[1]!.detail).sort(), ['rppCodes', 'serviceIds']);
    });

    test('a slug in use is a field error; a service of another organisation is 404', async () => {
      const admin = await principal('admin@koprivnice.example');
      await assert.rejects(
        situations().save(admin, null, input('prihlaseni-psa')),
        (err) => err instanceof AppError && err.code === 'invalid_input' && !!err.fields?.slug,
      );
      const foreign = await serviceId('ue-domzale', 'splosne-informacije');
      await assert.rejects(
        situations().save(admin, null, input('cizi-sluzba', { serviceIds: [foreign] })),
        rejects('not_found'),
      );
      assert.equal(
        (await situations().list('koprivnice', 'cizi', 'cs')).situations.length,
        0,
        'nothing was saved',
      );
    });

    test('only the own organisation admin: an official is refused, another admin gets 404', async () => {
      const official = await principal('urednik@koprivnice.example');
      const stranger = await principal('admin@domzale.example');
      const [dog] = (await situations().list('koprivnice', 'psa', 'cs')).situations;
      await assert.rejects(situations().adminList(official), rejects('forbidden'));
      await assert.rejects(situations().adminForm(stranger, dog!.id), rejects('not_found'));
      await assert.rejects(situations().remove(stranger, dog!.id), rejects('not_found'));
      await assert.rejects(
        situations().save(stranger, dog!.id, input('prevzato')),
        rejects('not_found'),
      );
      assert.ok(await situations().guide('koprivnice', 'prihlaseni-psa'), 'still there');
    });

    test('the database refuses a link to another organisation’s service and a media path from elsewhere', async () => {
      const [dog] = (await situations().list('koprivnice', 'psa', 'cs')).situations;
      const foreign = await serviceId('ue-domzale', 'splosne-informacije');
      await assert.rejects(
        db()
          .insertInto('life_situation_service')
          .values({
            situation_id: dog!.id,
            service_id: foreign,
            organisation_id: dog!.organisationId,
          })
          .execute(),
      );
      await assert.rejects(
        db()
          .updateTable('life_situation')
          .set({ video_path: 'https://video.example/x.mp4' })
          .where('id', '=', dog!.id)
          .execute(),
      );
    });

    test('a deleted service leaves its situations; an unknown or suspended organisation is refused', async () => {
      const admin = await principal('admin@koprivnice.example');
      const own = await serviceId('koprivnice', 'konzultace-stavby');
      const id = await situations().save(admin, null, input('docasna', { serviceIds: [own] }));
      await db().deleteFrom('service').where('id', '=', own).execute();
      await okence.services.tenants.changed();
      const guide = await situations().guide('koprivnice', 'docasna');
      assert.deepEqual(guide.bookable, []);
      await situations().remove(admin, id);
      await assert.rejects(situations().list('no-such-org', '', 'en'), rejects('not_found'));
      await db()
        .updateTable('organisation')
        .set({ suspended_at: clock.now() })
        .where('slug', '=', 'liberecky-kraj')
        .execute();
      await okence.services.tenants.changed();
      await assert.rejects(
        situations().guide('liberecky-kraj', 'dotace-sportovni-fond'),
        rejects('organisation_suspended'),
      );
    });
  });
}
