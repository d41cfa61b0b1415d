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

    test('a repeated group’s questions are added, worded, moved and removed in the editor', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const created = await admin.post(BASE, {
        slug: 'psi',
        languages: ['sl', 'en'],
        title_sl: 'Psi',
        title_en: 'Dogs',
        assurance: 'low',
      });
      const base = `/staff/admin/forms/${/forms\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!}`;
      await admin.post(`${base}/pages/0/questions`, { type: 'group' });
      const group = `${base}/pages/0/questions/1`;
      const exported = async () => {
        const c = checkDefinition((await admin.get(`${base}/export`)).body);
        assert.ok(c.ok);
        const g = c.definition.pages[0]!.questions[1]!;
        return g.type === 'group' ? g.questions : [];
      };
      const page = await admin.get(group);
      assert.match(page.body, /<h2 id="members" tabindex="-1">Questions in each repeat<\/h2>/);
      assert.doesNotMatch(page.body, />Remove from the group</, 'the only question stays');

      const added = await admin.post(`${group}/members`, { type: 'date' });
      assert.equal(added.headers.location, `${group}?done=1`);
      assert.deepEqual(
        (await exported()).map((m) => m.type),
        ['text', 'date'],
      );
      // Worded on its own page: refused without the English text, then saved.
      const member = `${group}/members/1`;
      assert.match((await admin.get(member)).body, /name="label_sl"/);
      const refused = await admin.post(member, { label_sl: 'Datum rojstva', action: 'save' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /id="label_en-error"/);
      assert.match(refused.body, /value="Datum rojstva"/);
      const saved = await admin.post(member, {
        label_sl: 'Datum rojstva',
        label_en: 'Date of birth',
        required: '1',
        action: 'save',
      });
      assert.equal(saved.headers.location, `${group}?done=1`);
      assert.equal((await admin.post(`${group}/members/1/move`, { by: '-1' })).statusCode, 303);
      const [first, second] = await exported();
      assert.deepEqual(
        [first!.label, first!.required],
        [{ sl: 'Datum rojstva', en: 'Date of birth' }, true],
      );
      assert.equal((await admin.post(`${group}/members/1/delete`, {})).statusCode, 303);
      assert.deepEqual(
        (await exported()).map((m) => m.id),
        [first!.id],
      );
      assert.notEqual(second!.id, first!.id);
      // The last question cannot go: the engine's refusal beside the list, linked from the summary.
      const last = await admin.post(`${group}/members/0/delete`, {});
      assert.equal(last.statusCode, 400);
      assert.match(last.body, /href="#members"/);
      assert.match(last.body, /id="members-error"/);
      assert.equal((await exported()).length, 1);

      // What is not a group, or not in it, is not found; another organisation's admin finds nothing.
      assert.equal(
        (await admin.post(`${base}/pages/0/questions/0/members`, { type: 'text' })).statusCode,
        404,
      );
      assert.equal((await admin.get(`${group}/members/7`)).statusCode, 404);
      const stranger = await browserFor(okence, 'admin@koprivnice.example');
      assert.equal((await stranger.get(`${group}/members/0`)).statusCode, 404);
      assert.equal((await stranger.post(`${group}/members`, { type: 'text' })).statusCode, 404);
    });
  });
}
