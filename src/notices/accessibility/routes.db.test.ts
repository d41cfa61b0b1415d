// The accessibility statement over HTTP: the platform's dated statement until an organisation
// saves its own, each country's law and supervisory body, the admin's form (errors keep what was
// typed, the save audited), officials refused, and the footer link on the organisation's pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { browserFor } from '../../tenants/admin-testing.ts';

const ADMIN = '/staff/admin/accessibility';

for (const kind of DB_KINDS) {
  describe(`accessibility statement on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('without its own statement, an organisation shows the platform’s, dated, with its contacts and its country’s enforcement body', async () => {
      const si = await get('/o/ue-domzale/accessibility', 'sl');
      assert.equal(si.statusCode, 200);
      assert.match(si.body, /<h1>Izjava o dostopnosti<\/h1>/);
      assert.match(si.body, /še nima lastne izjave o dostopnosti/);
      assert.match(si.body, /pripravljena 3\. 12\. 2026/);
      assert.match(
        si.body,
        /delno skladno z Zakonom o dostopnosti spletišč in mobilnih aplikacij \(ZDSMA\)/,
      );
      assert.match(si.body, /Inšpektorat Republike Slovenije za informacijsko družbo/);
      assert.match(si.body, /mailto:gp\.irsid@gov\.si/);
      assert.match(si.body, /mailto:ue\.domzale@example\.si/, 'the organisation’s own contact');
      const cz = await get('/o/koprivnice/accessibility', 'cs');
      assert.match(cz.body, /<h1>Prohlášení o přístupnosti<\/h1>/);
      assert.match(cz.body, /v souladu se zákonem č\. 99\/2019 Sb\./);
      assert.match(cz.body, /Digitální a informační agentura/);
      assert.match(cz.body, /yukd8p7/);
      assert.doesNotMatch(cz.body, /Inšpektorat/);
      const en = await get('/o/koprivnice/accessibility', 'en');
      assert.match(en.body, /Enforcement procedure/);
      assert.match(en.body, /Act No\. 99\/2019 Coll\./);
    });

    test('every public page of an organisation links its statement and privacy notice in the footer; other pages do not', async () => {
      for (const url of ['/o/ue-domzale', '/o/ue-domzale/situations', '/o/ue-domzale/news']) {
        const body = (await get(url)).body;
        const footer = body.slice(body.indexOf('<footer'));
        assert.match(footer, /href="\/o\/ue-domzale\/accessibility">Accessibility statement/, url);
        assert.match(footer, /href="\/o\/ue-domzale\/privacy">Privacy notice/, url);
      }
      assert.doesNotMatch((await get('/')).body, /\/accessibility"/);
    });

    test('an admin saves the statement (errors keep what was typed), it replaces the platform’s, and the save is audited', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const form = await admin.get(ADMIN);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="preparedOn" value="2026-12-03"/, 'starts from the platform’s');
      const bad = await admin.post(ADMIN, {
        compliance: 'partial',
        method: 'self',
        preparedOn: '2026-12-01',
        reviewedOn: '2026-11-01',
        feedbackEmail: '',
        feedbackPhone: '',
        nonAccessible_cs: 'Skenované PDF',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#reviewedOn">The review cannot be before/);
      assert.match(bad.body, /href="#feedbackEmail">Enter an email address or a phone number/);
      assert.match(bad.body, />Skenované PDF<\/textarea>/);
      const ok = await admin.post(ADMIN, {
        compliance: 'partial',
        method: 'third_party',
        preparedOn: '2026-11-20',
        reviewedOn: '2026-12-01',
        feedbackEmail: 'Pristupnost@koprivnice.example',
        feedbackPhone: '+420 556 879 411',
        nonAccessible_cs: '- Skenované přílohy úřední desky (nepřiměřená zátěž)\n- Mapa města',
      });
      assert.equal(ok.statusCode, 303);
      const page = await get('/o/koprivnice/accessibility', 'cs');
      assert.doesNotMatch(page.body, /zatím nemá vlastní prohlášení/);
      assert.match(page.body, /<li>Skenované přílohy úřední desky \(nepřiměřená zátěž\)<\/li>/);
      assert.match(page.body, /vypracováno dne 20\. 11\. 2026/);
      assert.match(page.body, /posouzení provedené třetí stranou/);
      assert.match(page.body, /mailto:pristupnost@koprivnice\.example/);
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_staff_id'])
        .where('action', 'like', 'accessibility_statement.%')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['accessibility_statement.created'],
      );
      const other = await get('/o/ue-domzale/accessibility', 'sl');
      assert.match(
        other.body,
        /še nima lastne izjave/,
        'another organisation keeps the platform’s',
      );
    });

    test('officials are refused the form, and nobody changes another organisation’s statement', async () => {
      const official = await browserFor(okence, 'uradnik@domzale.example');
      assert.equal((await official.get(ADMIN)).statusCode, 403);
      const post = await official.post(ADMIN, {
        compliance: 'full',
        method: 'self',
        preparedOn: '2026-12-01',
        feedbackEmail: 'x@example.si',
      });
      assert.equal(post.statusCode, 403);
      const rows = await okence.handle.db
        .selectFrom('accessibility_statements')
        .innerJoin('organisation', 'organisation.id', 'accessibility_statements.organisation_id')
        .select('organisation.slug')
        .execute();
      assert.ok(rows.every((r) => r.slug !== 'ue-domzale'));
    });
  });
}
