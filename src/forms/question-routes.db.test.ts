import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { checkDefinition } from './service.ts';

const BASE = '/staff/admin/forms';

for (const kind of DB_KINDS) {
  describe(`the form builder's question pages on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-12-01T08:00:00Z')) });
    });
    after(async () => {
      await okence.close();
    });

    test('an admin words a question, edits its options by rows, and shows a page only under a condition', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const created = await admin.post(BASE, {
        slug: 'pes',
        languages: ['sl'],
        title_sl: 'Prijava psa',
        assurance: 'low',
      });
      const base = `/staff/admin/forms/${/forms\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!}`;
      await admin.post(`${base}/pages/0/questions`, { type: 'singleChoice' });
      await admin.post(`${base}/pages`, {});
      const q = `${base}/pages/0/questions/1`;
      const page = await admin.get(q);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="opt0-value" value="option-1"/);

      // A row button: the form comes back with one more option, what was typed kept, nothing saved.
      const typed = { label_sl: 'Ali ste upokojenec?', 'opt0-value': 'da', 'opt0-label_sl': 'Da' };
      const more = await admin.post(q, { ...typed, action: 'opt-add-0' });
      assert.equal(more.statusCode, 200);
      assert.match(more.body, /name="opt1-value" value=""/);
      assert.match(more.body, /value="Ali ste upokojenec\?"/);
      // Saving with the new option's text missing: refused beside that field.
      const refused = await admin.post(q, {
        ...typed,
        'opt1-value': 'ne',
        'opt1-label_sl': '',
        action: 'save',
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /id="opt1-label_sl-error"/);
      const saved = await admin.post(q, {
        ...typed,
        'opt1-value': 'ne',
        'opt1-label_sl': 'Ne',
        required: '1',
        action: 'save',
      });
      assert.equal(saved.statusCode, 303);

      // Page 2 is shown only to pensioners; the first page's questions are offered, none after.
      const cond = await admin.get(`${base}/pages/1/condition`);
      assert.match(cond.body, /Add a part of the condition/);
      const withRow = await admin.post(`${base}/pages/1/condition`, { action: 'cond-add-0' });
      assert.match(withRow.body, /<option value="q-2">Ali ste upokojenec\?<\/option>/);
      assert.doesNotMatch(withRow.body, /<option value="q-3">/);
      const set = await admin.post(`${base}/pages/1/condition`, {
        'cond0-field': 'q-2',
        'cond0-op': 'equals',
        'cond0-value': 'da',
        action: 'save',
      });
      assert.equal(set.statusCode, 303);
      const file = checkDefinition((await admin.get(`${base}/export`)).body);
      assert.ok(file.ok);
      assert.deepEqual(file.definition.pages[1]!.visibleIf, {
        field: 'q-2',
        op: 'equals',
        value: 'da',
      });
      assert.equal(file.definition.pages[0]!.questions[1]!.required, true);
      assert.match((await admin.get(base)).body, /This page is shown only under a condition/);
    });
  });
}
