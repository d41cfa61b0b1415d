import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';

// ajv's CommonJS default export, as Node's ESM sees it.
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;

/** A form anyone may send, and one that needs a substantial sign-in. */
const definition = (assurance: 'low' | 'substantial') => ({
  format: 1,
  languages: ['cs', 'en'],
  title: { cs: 'Zábor veřejného prostranství', en: 'Occupying public space' },
  assurance,
  pages: [
    {
      id: 'place',
      title: { cs: 'Místo a doba', en: 'Place and time' },
      questions: [
        { id: 'where', type: 'text', label: { cs: 'Místo', en: 'Place' }, required: true },
        { id: 'from', type: 'date', label: { cs: 'Od', en: 'From' }, required: true },
      ],
    },
  ],
});
const submitter = {
  givenName: 'Petr',
  familyName: 'Dvořák',
  address: { text: 'Štefánikova 1163/12, 742 21 Kopřivnice', country: 'CZ' },
  email: 'petr@example.cz',
};

for (const kind of DB_KINDS) {
  describe(`the forms' API (${kind})`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind);
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'koprivnice')
        .executeTakeFirstOrThrow();
      const admin = await okence.handle.db
        .selectFrom('staff')
        .select(['id', 'email', 'display_name'])
        .where('organisation_id', '=', org.id)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      const actor: StaffPrincipal = {
        id: admin.id,
        organisationId: org.id,
        role: 'admin',
        displayName: admin.display_name,
        email: admin.email,
      };
      for (const [slug, level] of [
        ['zabor', 'low'],
        ['psi', 'substantial'],
      ] as const) {
        const { formId } = await okence.services.forms.create(actor, {
          slug,
          definition: definition(level),
        });
        await okence.services.forms.publish(actor, formId);
      }
    });
    after(async () => {
      await okence.close();
    });

    const api = (method: 'GET' | 'POST', url: string, payload?: unknown, lang = 'en') =>
      okence.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: {
          'accept-language': lang,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      });

    test('listForms and getForm: the published forms, a definition and its answers’ schema', async () => {
      const list = await api('GET', '/organisations/koprivnice/forms');
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json().items.map((f: { slug: string; assurance: string }) => [f.slug, f.assurance]),
        [
          // Kopřivnice's demo forms (forms/demo-forms-cz*.ts) and the two made above.
          ['ohlaseni-psa', 'substantial'],
          ['poplatek-za-odpad', 'substantial'],
          ['psi', 'substantial'],
          ['zabor', 'low'],
          ['zabor-verejneho-prostranstvi', 'substantial'],
        ],
      );
      const form = await api('GET', '/organisations/koprivnice/forms/zabor');
      assert.equal(form.statusCode, 200);
      const { definition: def, answersSchema, version } = form.json();
      assert.equal(version, 1);
      assert.equal(def.pages[0].questions[0].id, 'where');
      const validate = new Ajv2020({ strict: false }).compile(answersSchema);
      assert.ok(validate({ where: 'Náměstí', from: '2027-01-04' }));
      assert.equal(validate({ where: 7 }), false);
      assert.equal((await api('GET', '/organisations/koprivnice/forms/nic')).statusCode, 404);
      assert.equal((await api('GET', '/organisations/nikde/forms')).statusCode, 404);
    });

    test('createSubmission: a 422 names each field in the caller’s language; a good one gets its number and receipt', async () => {
      const bad = await api(
        'POST',
        '/organisations/koprivnice/forms/zabor/submissions',
        { answers: { from: 'zítra', nonsense: 1 }, submitter },
        'cs',
      );
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
      const problem = bad.json();
      assert.equal(problem.code, 'unprocessable');
      assert.deepEqual(problem.errors.map((e: { field: string }) => e.field).sort(), [
        'from',
        'nonsense',
        'where',
      ]);
      assert.match(problem.errors[0].message, /[áéíóúůýčďěňřšťž]/i, 'in Czech');

      const good = await api('POST', '/organisations/koprivnice/forms/zabor/submissions', {
        answers: { where: 'Náměstí T. G. Masaryka 1', from: '2027-01-04' },
        language: 'cs',
        submitter,
      });
      assert.equal(good.statusCode, 201);
      const { reference, receiptUrl } = good.json();
      assert.match(reference, /^MUKO\/2026\/\d{5}$/);
      const path = new URL(receiptUrl).pathname;
      assert.match(path, /^\/api\/v1\/receipts\/[A-Za-z0-9_-]{43}$/);
      const pdf = await okence.app.inject({ method: 'GET', url: path });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const forged = await okence.app.inject({
        method: 'GET',
        url: path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      });
      assert.equal(forged.statusCode, 404);
    });

    test('a form that needs a sign-in cannot be sent through the API', async () => {
      const res = await api('POST', '/organisations/koprivnice/forms/psi/submissions', {
        answers: { where: 'U lesa 4', from: '2027-01-04' },
        submitter,
      });
      assert.equal(res.statusCode, 401);
      const none = await okence.handle.db.selectFrom('submissions').select('id').execute();
      assert.equal(none.length, 1, 'only the good one of the test before');
    });
  });
}
