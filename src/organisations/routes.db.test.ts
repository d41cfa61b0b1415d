import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { base32Decode, totpAt } from '../operator/totp.ts';
import { browserFor } from '../tenants/admin-testing.ts';

const EXAMPLE = readFileSync(
  new URL('../../docs/examples/organisations.json', import.meta.url),
  'utf8',
);
const CLI = { name: 'npm run operator', actor: { system: 'cli' } } as const;
type Jar = Record<string, string>;

const FORM = {
  name_sl: 'Upravna enota Kamnik',
  slug: 'ue-kamnik',
  country: 'SI',
  defaultLanguage: 'sl',
  timeZone: 'Europe/Ljubljana',
  officeName_sl: 'Glavni urad',
  officeSlug: 'glavni',
  street: 'Glavni trg 24',
  postcode: '1241',
  city: 'Kamnik',
  officeTimeZone: 'Europe/Ljubljana',
  adminName: 'Maja Novak',
  adminEmail: 'maja.novak@kamnik.example',
};

for (const kind of DB_KINDS) {
  describe(`the console's organisation pages on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const ip = '203.0.113.77';
    const operator: Jar = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      // An operator through the real link, enrolment and code.
      const operatorId = await okence.operators.create('ops@example.org', CLI.actor);
      const link = new URL(
        (await okence.invitations.invite({ kind: 'operator', operatorId }, CLI)).url,
      ).pathname;
      await post(link, operator, { password: 'correct horse battery staple operator' }, link);
      const enrol = await get('/operator/enrol', operator);
      const secret = base32Decode(/id="totp-secret">([A-Z2-7 ]+)</.exec(enrol.body)![1]!)!;
      const done = await post(
        '/operator/enrol',
        operator,
        { code: totpAt(secret, clock.now()) },
        '/operator/enrol',
      );
      assert.equal(done.headers.location, '/operator');
    });
    after(async () => {
      await okence.close();
    });

    async function get(url: string, jar: Jar) {
      const res = await okence.app.inject({
        method: 'GET',
        url,
        cookies: jar,
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
      });
      Object.assign(jar, cookiesOf(res));
      return res;
    }
    async function post(
      url: string,
      jar: Jar,
      form: Record<string, string>,
      csrfPage = '/operator/sign-in',
    ) {
      const page = await get(csrfPage, jar);
      const res = await okence.app.inject({
        method: 'POST',
        url,
        cookies: jar,
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
        payload: { ...form, _csrf: csrfFrom(page.body) },
      });
      Object.assign(jar, cookiesOf(res));
      return res;
    }
    /** The import's upload as a browser sends it: multipart, the CSRF token in the query. */
    async function upload(jar: Jar, text: string) {
      const page = await get('/operator/organisations/import', jar);
      const action = /action="([^"]+)" enctype="multipart\/form-data"/
        .exec(page.body)![1]!
        .replaceAll('&amp;', '&');
      const boundary = '----okence-test';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="schools.json"\r\nContent-Type: application/json\r\n\r\n${text}\r\n--${boundary}--\r\n`;
      return okence.app.inject({
        method: 'POST',
        url: action,
        cookies: jar,
        remoteAddress: ip,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'accept-language': 'en',
        },
        payload,
      });
    }
    const organisations = async () =>
      (await okence.handle.db.selectFrom('organisation').select('slug').execute())
        .map((o) => o.slug)
        .sort();

    test('no organisation page or action opens to someone who is not a signed-in operator: not anonymous, not a staff admin', async () => {
      const before = await organisations();
      const staff = await browserFor(okence, 'admin@domzale.example', undefined, '198.51.100.9');
      const pages = [
        '/operator/organisations',
        '/operator/organisations/new',
        '/operator/organisations/import',
        '/operator/organisations/ue-domzale',
      ];
      const actions = [
        '/operator/organisations',
        ...['suspend', 'resume', 'request-deletion', 'cancel-deletion', 'delete'].map(
          (a) => `/operator/organisations/ue-domzale/${a}`,
        ),
      ];
      for (const url of pages) {
        assert.equal(
          (await get(url, {})).headers.location,
          '/operator/sign-in',
          `anonymous ${url}`,
        );
        assert.equal((await staff.get(url)).headers.location, '/operator/sign-in', `staff ${url}`);
      }
      for (const url of actions) {
        const anonymous = await post(url, {}, { ...FORM, confirm: 'ue-domzale' });
        assert.equal(anonymous.headers.location, '/operator/sign-in', `anonymous ${url}`);
        const asStaff = await staff.post(url, { ...FORM, confirm: 'ue-domzale' });
        assert.equal(asStaff.headers.location, '/operator/sign-in', `staff ${url}`);
      }
      const imported = await okence.app.inject({
        method: 'POST',
        url: '/operator/organisations/import',
        cookies: staff.cookies,
        remoteAddress: ip,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: `--x\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n${EXAMPLE}\r\n--x--\r\n`,
      });
      assert.notEqual(imported.statusCode, 200);
      assert.deepEqual(await organisations(), before, 'nothing was created');
      assert.equal(
        (
          await okence.handle.db
            .selectFrom('organisation')
            .select('suspended_at')
            .where('slug', '=', 'ue-domzale')
            .executeTakeFirstOrThrow()
        ).suspended_at,
        null,
      );
      // And the operator's cookie opens no staff page.
      assert.equal((await get('/staff', { ...operator })).headers.location, '/staff/sign-in');
    });

    test('the new-organisation form comes back with what was typed and a summary; then it creates and says so', async () => {
      const refused = await post(
        '/operator/organisations',
        operator,
        { ...FORM, adminEmail: 'maja.novak@', slug: 'UE Kamnik' },
        '/operator/organisations/new',
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /class="error-summary"/);
      assert.match(refused.body, /<a href="#slug">The web address may contain only/);
      assert.match(refused.body, /<a href="#adminEmail">Enter an email address/);
      assert.match(refused.body, /value="Glavni trg 24"/);
      assert.match(refused.body, /value="maja\.novak@"/);
      const created = await post(
        '/operator/organisations',
        operator,
        FORM,
        '/operator/organisations/new',
      );
      assert.equal(created.statusCode, 303);
      assert.equal(created.headers.location, '/operator/organisations/ue-kamnik?done=created');
      const page = await get('/operator/organisations/ue-kamnik?done=created', operator);
      assert.match(page.body, /The organisation is created and its admin invited by email/);
      const taken = await post(
        '/operator/organisations',
        operator,
        { ...FORM, adminEmail: 'other@kamnik.example' },
        '/operator/organisations/new',
      );
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /<a href="#slug">Another one already uses this web address/);
    });

    test('the list holds counts and settings, never a citizen: usage per organisation', async () => {
      const list = await get('/operator/organisations', operator);
      assert.equal(list.statusCode, 200);
      assert.match(list.headers['cache-control'] as string, /no-store/);
      assert.match(
        list.body,
        /<a href="\/operator\/organisations\/ue-domzale">Domžale Administrative Unit<\/a>/,
      );
      assert.match(list.body, /Appointments this month/);
    });

    test('suspending and the deletion request from the console; a wrong confirmation is a form error', async () => {
      assert.equal(
        (
          await post(
            '/operator/organisations/ue-kamnik/suspend',
            operator,
            {},
            '/operator/organisations/ue-kamnik',
          )
        ).headers.location,
        '/operator/organisations/ue-kamnik?done=suspended',
      );
      assert.equal((await get('/o/ue-kamnik', {})).statusCode, 503);
      const wrong = await post(
        '/operator/organisations/ue-kamnik/request-deletion',
        operator,
        { confirm: 'ue-kamni' },
        '/operator/organisations/ue-kamnik',
      );
      assert.equal(wrong.statusCode, 400);
      assert.match(
        wrong.body,
        /<a href="#confirm">Type the organisation’s web address \(slug\) exactly/,
      );
      const asked = await post(
        '/operator/organisations/ue-kamnik/request-deletion',
        operator,
        { confirm: 'ue-kamnik' },
        '/operator/organisations/ue-kamnik',
      );
      assert.equal(
        asked.headers.location,
        '/operator/organisations/ue-kamnik?done=deletion_requested',
      );
      const page = await get('/operator/organisations/ue-kamnik', operator);
      assert.match(page.body, /Deletion asked for: it runs on/);
      assert.doesNotMatch(page.body, /Delete now/, 'not before the waiting period');
      assert.equal(
        (
          await post(
            '/operator/organisations/ue-kamnik/resume',
            operator,
            {},
            '/operator/organisations/ue-kamnik',
          )
        ).statusCode,
        409,
        'no resume while a deletion waits',
      );
      assert.equal(
        (
          await post(
            '/operator/organisations/ue-kamnik/cancel-deletion',
            operator,
            {},
            '/operator/organisations/ue-kamnik',
          )
        ).headers.location,
        '/operator/organisations/ue-kamnik?done=deletion_cancelled',
      );
      assert.equal(
        (
          await post(
            '/operator/organisations/ue-kamnik/resume',
            operator,
            {},
            '/operator/organisations/ue-kamnik',
          )
        ).headers.location,
        '/operator/organisations/ue-kamnik?done=resumed',
      );
      assert.equal((await get('/o/ue-kamnik', {})).statusCode, 200);
    });

    test('the import form: a refused file lists each problem with its line; a good one imports', async () => {
      const broken = EXAMPLE.replace('"durationMinutes": 10', '"durationMinutes": 1').replace(
        '"country": "CZ"',
        '"country": "AT"',
      );
      const refused = await upload(operator, broken);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /The file has 2 problems; nothing was imported/);
      assert.match(
        refused.body,
        /<td class="num">38<\/td><td><code>\$\[0\]\.services\[1\]\.durationMinutes<\/code><\/td>/,
      );
      assert.match(
        refused.body,
        /<td class="num">64<\/td><td><code>\$\[1\]\.country<\/code><\/td><td>Choose the country: SI or CZ\.<\/td>/,
      );
      const imported = await upload(operator, EXAMPLE);
      assert.equal(imported.statusCode, 200);
      assert.match(imported.body, /2 organisations imported/);
      assert.match(imported.body, /os-prule<\/a>: 2 invitations sent/);
      assert.ok((await organisations()).includes('zs-komenskeho-brno'));
    });
  });
}
