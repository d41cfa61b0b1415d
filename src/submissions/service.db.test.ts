import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { formsService, type FormsService } from '../forms/service.ts';
import { submissionsService, type SubmissionsService, type Submitter } from './service.ts';

/** A small form anyone may send: the occupation of public space, in Czech and English. */
const PUBLIC_SPACE = {
  format: 1,
  languages: ['cs', 'en'],
  title: { cs: 'Zábor veřejného prostranství', en: 'Occupying public space' },
  assurance: 'low',
  pages: [
    {
      id: 'place',
      title: { cs: 'Místo a doba', en: 'Place and time' },
      questions: [
        { id: 'where', type: 'text', label: { cs: 'Místo', en: 'Place' }, required: true },
        { id: 'from', type: 'date', label: { cs: 'Od', en: 'From' }, required: true },
        {
          id: 'purpose',
          type: 'singleChoice',
          label: { cs: 'Účel', en: 'Purpose' },
          required: true,
          options: [
            { value: 'scaffold', label: { cs: 'Lešení', en: 'Scaffolding' } },
            { value: 'market', label: { cs: 'Předzahrádka', en: 'Café terrace' } },
          ],
        },
        {
          id: 'deposit',
          type: 'money',
          label: { cs: 'Záloha', en: 'Deposit' },
          currency: 'CZK',
        },
      ],
    },
  ],
};

const petr: Submitter = {
  givenName: 'Petr',
  familyName: 'Dvořák',
  address: { text: 'Štefánikova 1163/12, 742 21 Kopřivnice', country: 'CZ' },
  email: 'petr@example.cz',
};
const answers = {
  where: 'Náměstí Tomáše Garrigua Masaryka 1',
  from: '2027-01-04',
  purpose: 'market',
  deposit: { minor: 150000, currency: 'CZK' },
};
const code = (c: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === c;

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'okence-receipt-')), 'r.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
}

for (const kind of DB_KINDS) {
  describe(`submissions (${kind})`, () => {
    let handle: DatabaseHandle;
    let forms: FormsService;
    let submissions: SubmissionsService;
    let organisationId: string;
    let admin: StaffPrincipal;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));

    before(async () => {
      handle = await openTestDatabase(kind);
      const audit = auditService({ db: handle.db, clock });
      forms = formsService({ db: handle.db, clock, audit });
      submissions = submissionsService({ db: handle.db, clock, forms });
      const org = await handle.db
        .insertInto('organisation')
        .values({
          slug: 'koprivnice-test',
          country: 'CZ',
          default_language: 'cs',
          time_zone: 'Europe/Prague',
          currency: 'CZK',
          name: JSON.stringify({ cs: 'Město Kopřivnice', en: 'Town of Kopřivnice' }),
          reference_pattern: 'MUKO/{year}/{seq:5}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organisationId = org.id;
      const staff = await handle.db
        .insertInto('staff')
        .values({
          organisation_id: org.id,
          email: 'admin@koprivnice.example',
          display_name: 'Admin',
          role: 'admin',
          password_hash: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      admin = {
        id: staff.id,
        organisationId: org.id,
        role: 'admin',
        displayName: 'Admin',
        email: 'admin@koprivnice.example',
      };
      const { formId } = await forms.create(admin, { slug: 'zabor', definition: PUBLIC_SPACE });
      await forms.publish(admin, formId);
      const strict = { ...PUBLIC_SPACE, assurance: 'substantial' };
      const { formId: strictId } = await forms.create(admin, { slug: 'psi', definition: strict });
      await forms.publish(admin, strictId);
    });
    after(async () => {
      await handle.close();
    });

    const send = (over: Partial<Parameters<SubmissionsService['submit']>[0]> = {}) =>
      submissions.submit({
        organisationId,
        formSlug: 'zabor',
        answers,
        lang: 'cs',
        submitter: petr,
        ...over,
      });

    test('a submission gets its number and a receipt behind an unguessable link', async () => {
      const sent = await send();
      assert.equal(sent.reference, 'MUKO/2026/00001');
      assert.match(sent.receiptToken, /^[A-Za-z0-9_-]{43}$/);
      const receipt = await submissions.receipt(sent.receiptToken);
      assert.ok(receipt);
      assert.equal(receipt.pdf.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(receipt.pdf);
      for (const expected of [
        'MUKO/2026/00001',
        'Náměstí Tomáše Garrigua Masaryka 1',
        'Předzahrádka',
        'Petr',
      ])
        assert.ok(text.includes(expected), `${expected} in the receipt`);
      const stored = await handle.db
        .selectFrom('submission_receipts')
        .select('sha256')
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.sha256, createHash('sha256').update(receipt.pdf).digest('hex'));
      assert.equal(
        await submissions.receipt(sent.receiptToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))),
        null,
      );
      assert.equal(await submissions.receipt('../../etc/passwd'), null);
    });

    test('answers that break the form: 422 naming each field, nothing stored, no number taken', async () => {
      const before = await handle.db.selectFrom('submissions').select('id').execute();
      await assert.rejects(
        send({ answers: { ...answers, from: '2027-02-30', purpose: 'circus', extra: 1 } }),
        (err: unknown) => {
          assert.ok(err instanceof AppError && err.code === 'unprocessable');
          const fields = (err.issues ?? []).map((f) => f.field).sort();
          assert.deepEqual(fields, ['extra', 'from', 'purpose']);
          return true;
        },
      );
      assert.equal(
        (await handle.db.selectFrom('submissions').select('id').execute()).length,
        before.length,
      );
      assert.equal((await send()).reference, 'MUKO/2026/00002');
    });

    test('a form that needs a substantial sign-in refuses the anonymous and the low', async () => {
      await assert.rejects(send({ formSlug: 'psi' }), code('unauthenticated'));
      const account = await handle.db
        .insertInto('citizen_accounts')
        .values({ created_at: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await assert.rejects(
        send({ formSlug: 'psi', citizen: { accountId: account.id, loa: 'low' } }),
        code('unauthenticated'),
      );
      const sent = await send({
        formSlug: 'psi',
        citizen: { accountId: account.id, loa: 'substantial' },
      });
      assert.match(sent.reference, /^MUKO\/2026\/\d{5}$/);
    });

    test('a submission keeps the version it was filled in; a lost receipt is made again, the same bytes', async () => {
      const { formId } = await forms.published(organisationId, 'zabor');
      await forms.saveDraft(admin, formId, {
        ...PUBLIC_SPACE,
        title: { cs: 'Zábor (nový)', en: 'Occupying (new)' },
      });
      await forms.publish(admin, formId);
      const sent = await send({ version: 1 });
      const row = await handle.db
        .selectFrom('submissions')
        .select('form_version')
        .where('id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.form_version, 1);
      const first = await submissions.receipt(sent.receiptToken);
      assert.ok(pdfText(first!.pdf).includes('Zábor veřejného prostranství'));
      await handle.db
        .deleteFrom('submission_receipts')
        .where('submission_id', '=', sent.id)
        .execute();
      const again = await submissions.receipt(sent.receiptToken);
      assert.ok(again && Buffer.compare(first!.pdf, again.pdf) === 0, 'the same receipt');
      await assert.rejects(send({ version: 7 }), code('not_found'));
    });

    test('one key, one submission: a second send gets the same number and a new link; at once too', async () => {
      const first = await send({ idempotencyKey: 'draft:1' });
      const again = await send({ idempotencyKey: 'draft:1' });
      assert.equal(again.id, first.id);
      assert.equal(again.reference, first.reference);
      assert.notEqual(again.receiptToken, first.receiptToken);
      assert.ok(await submissions.receipt(again.receiptToken));
      assert.equal(await submissions.receipt(first.receiptToken), null, 'the old link is replaced');
      const [a, b] = await Promise.all([
        send({ idempotencyKey: 'draft:2' }),
        send({ idempotencyKey: 'draft:2' }),
      ]);
      assert.equal(a.id, b.id);
      const rows = await handle.db
        .selectFrom('submissions')
        .select('id')
        .where('idempotency_key', 'in', ['draft:1', 'draft:2'])
        .execute();
      assert.equal(rows.length, 2);
    });

    test('a citizen whose eID gave no e-mail gets a receipt without one', async () => {
      const { email: _, ...noEmail } = petr;
      const sent = await send({ submitter: noEmail });
      const text = pdfText((await submissions.receipt(sent.receiptToken))!.pdf);
      assert.ok(text.includes('Petr'));
      assert.ok(!text.includes('petr@example.cz'));
    });
  });
}
