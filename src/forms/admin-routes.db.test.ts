import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { checkDefinition } from './service.ts';

const BASE = '/staff/admin/forms';
const h1s = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;

/** A multipart upload of one file, its CSRF token in the query as the import form sends it. */
async function upload(okence: Okence, cookies: Record<string, string>, url: string, json: string) {
  const page = await okence.app.inject({ method: 'GET', url, cookies });
  const boundary = '----okence-test';
  const payload = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="form.json"',
    'Content-Type: application/json',
    '',
    json,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return okence.app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(csrfFrom(page.body))}`,
    cookies,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': 'en',
    },
    payload,
  });
}

for (const kind of DB_KINDS) {
  describe(`the form builder's pages on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-12-01T08:00:00Z')) });
    });
    after(async () => {
      await okence.close();
    });

    test('an admin creates a form (errors keep what was typed), edits pages and questions, previews, publishes, exports and imports', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      assert.match((await admin.get('/staff/admin')).body, /href="\/staff\/admin\/forms"/);
      const list = await admin.get(BASE);
      assert.equal(list.statusCode, 200);
      assert.equal(h1s(list.body), 1);

      const bad = await admin.post(BASE, {
        slug: 'Psi Á',
        languages: ['cs', 'en'],
        title_cs: 'Přihlášení psa',
        assurance: 'low',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="Psi Á"/, 'the slug as typed');
      assert.match(bad.body, /value="Přihlášení psa"/);
      assert.match(bad.body, /id="slug-error"/);

      const created = await admin.post(BASE, {
        slug: 'prihlaseni-psa',
        languages: ['cs', 'en'],
        title_cs: 'Přihlášení psa',
        title_en: 'Registering a dog',
        assurance: 'substantial',
      });
      assert.equal(created.statusCode, 303);
      const id = /forms\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
      const base = `${BASE}/${id}`;
      const taken = await admin.post(BASE, {
        slug: 'prihlaseni-psa',
        languages: ['en'],
        title_en: 'Again',
        assurance: 'low',
      });
      assert.match(taken.body, /Another form already has this address/);

      const editor = await admin.get(base);
      assert.equal(editor.statusCode, 200);
      assert.equal(h1s(editor.body), 1);
      assert.match(editor.body, /Registering a dog: draft of version 1/);

      assert.equal((await admin.post(`${base}/pages`, {})).statusCode, 303);
      assert.equal(
        (await admin.post(`${base}/pages/1/questions`, { type: 'singleChoice' })).statusCode,
        303,
      );
      // A page title missing a language of the form: refused beside the field, as typed.
      const missing = await admin.post(`${base}/pages/1`, {
        'p1-title_cs': 'Poplatek',
        'p1-title_en': '',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /id="p1-title_en-error">Fill this text in every language/);
      assert.match(missing.body, /value="Poplatek"/);
      assert.equal(
        (await admin.post(`${base}/pages/1`, { 'p1-title_cs': 'Poplatek', 'p1-title_en': 'Fee' }))
          .statusCode,
        303,
      );
      assert.equal((await admin.post(`${base}/pages/1/move`, { by: '-1' })).statusCode, 303);
      assert.equal(
        (await admin.post(`${base}/pages/0/questions/1/to`, { to: '1' })).statusCode,
        303,
      );
      const preview = await admin.get(`${base}/preview`);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Page 1: Fee/);
      // As the citizen's page draws it: the choice's option as a (disabled) radio button.
      assert.match(preview.body, /<fieldset class="preview" disabled>/);
      assert.match(preview.body, /<input type="radio" id="q-3" name="q-3" value="option-1">/);

      // Deleting a page asks first.
      const ask = await admin.post(`${base}/pages/0/delete`, {});
      assert.equal(ask.headers.location, `${base}/pages/0/delete`);
      assert.equal((await admin.get(`${base}/pages/0/delete`)).statusCode, 200);

      const exported = await admin.get(`${base}/export`);
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-disposition']), /prihlaseni-psa-draft\.json/);
      const check = checkDefinition(exported.body);
      assert.ok(check.ok);
      assert.equal(check.definition.pages.length, 2);

      const publishAsk = await admin.get(`${base}/publish`);
      assert.match(
        publishAsk.body,
        /Version 1 will be what citizens fill in; it cannot be changed/,
      );
      assert.equal((await admin.post(`${base}/publish`, {})).headers.location, `${base}/publish`);
      assert.equal((await admin.post(`${base}/publish`, { confirm: 'yes' })).statusCode, 303);
      const after = await admin.get(base);
      assert.match(after.body, /Every version of this form is published/);
      assert.equal((await admin.get(`${base}/versions/1`)).statusCode, 200);
      assert.equal((await admin.get(`${base}/versions/1/export`)).body, exported.body);

      // Import: refused with the engine's problems, then accepted as the next draft.
      const refused = await upload(okence, admin.cookies, `${base}/import`, '{"format":1}');
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /The file was not imported/);
      const renamed = exported.body.replace('Registering a dog', 'Dog registration');
      const imported = await upload(okence, admin.cookies, `${base}/import`, renamed);
      assert.equal(imported.statusCode, 303);
      assert.match((await admin.get(base)).body, /Dog registration: draft of version 2/);
      assert.equal((await admin.get(`${base}/export`)).body, renamed);
      const discard = await admin.post(`${base}/discard`, { confirm: 'yes' });
      assert.equal(discard.statusCode, 303);
      assert.match((await admin.get(BASE)).body, /Version 1/);
    });

    test('the settings’ checkbox sets authoriseAct, refused beside it at the level low (decision 042)', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const created = await admin.post(BASE, {
        slug: 'autorizace',
        languages: ['cs'],
        title_cs: 'Žádost',
        assurance: 'substantial',
      });
      assert.equal(created.statusCode, 303);
      const id = /forms\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
      const editor = await admin.get(`${BASE}/${id}`);
      assert.match(
        editor.body,
        /<input type="checkbox" id="authoriseAct" name="authoriseAct" value="yes">/,
      );
      const settings = { languages: ['cs'], title_cs: 'Žádost', authoriseAct: 'yes' };
      const low = await admin.post(`${BASE}/${id}/settings`, { ...settings, assurance: 'low' });
      assert.equal(low.statusCode, 400);
      assert.match(low.body, /id="authoriseAct-error"/);
      assert.match(low.body, /id="authoriseAct" name="authoriseAct" value="yes" checked/);
      const saved = await admin.post(`${BASE}/${id}/settings`, {
        ...settings,
        assurance: 'substantial',
      });
      assert.equal(saved.statusCode, 303);
      const draft = await okence.handle.db
        .selectFrom('form_versions')
        .select('definition')
        .where('form_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal((draft.definition as { authoriseAct: boolean }).authoriseAct, true);
      assert.match(
        (await admin.get(`${BASE}/${id}`)).body,
        /id="authoriseAct" name="authoriseAct" value="yes" checked/,
      );
      // Unticked: the box is absent from the post, and the flag goes.
      await admin.post(`${BASE}/${id}/settings`, {
        languages: ['cs'],
        title_cs: 'Žádost',
        assurance: 'substantial',
      });
      const after = await okence.handle.db
        .selectFrom('form_versions')
        .select('definition')
        .where('form_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal((after.definition as { authoriseAct: boolean }).authoriseAct, false);
    });

    test('another organisation’s admin gets 404 and an official 403', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const created = await admin.post(BASE, {
        slug: 'tajny',
        languages: ['cs'],
        title_cs: 'Tajný',
        assurance: 'low',
      });
      const id = /forms\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
      const stranger = await browserFor(okence, 'admin@domzale.example');
      for (const url of ['', '/preview', '/publish', '/export', '/import', '/pages/0/delete'])
        assert.equal((await stranger.get(`${BASE}/${id}${url}`)).statusCode, 404, url);
      assert.equal((await stranger.post(`${BASE}/${id}/pages`, {})).statusCode, 404);
      assert.equal(
        (await stranger.post(`${BASE}/${id}/publish`, { confirm: 'yes' })).statusCode,
        404,
      );
      const official = await browserFor(okence, 'urednik@koprivnice.example');
      assert.equal((await official.get(BASE)).statusCode, 403);
      assert.equal((await official.get(`${BASE}/${id}`)).statusCode, 403);
    });
  });
}
