import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../i18n/i18n.ts';
import { actionLabel, actorLabel, detail } from './audit-log.ts';

test('a change reads "field: before → after", other facts "key: value", nothing as a dash', () => {
  const out = detail({ capacity: [1, 3], note: [null, 'Closed'], name: [{ sl: 'a' }, { sl: 'b' }], officeId: null, days: ['mon', 'tue', 'wed'] }).value;
  assert.equal(
    out,
    '<ul class="audit-detail"><li>capacity: 1 → 3</li><li>note: – → Closed</li><li>name: {&quot;sl&quot;:&quot;a&quot;} → {&quot;sl&quot;:&quot;b&quot;}</li><li>officeId: –</li><li>days: mon, tue, wed</li></ul>',
  );
  assert.equal(detail({}).value, '');
  assert.doesNotMatch(detail({ x: ['<script>', 'y'] }).value, /<script>/, 'escaped');
});

test('actions are translated where a text exists and shown as their code otherwise; the system is named', () => {
  const t = translator('sl');
  assert.equal(actionLabel(t, 'closure.created'), 'Nov zaprti dan');
  assert.equal(actionLabel(t, 'nobody.knows'), 'nobody.knows');
  assert.equal(actorLabel(t, { actorStaffId: null, actorName: 'system:retention' }), 'Sistem: retention');
  assert.equal(actorLabel(t, { actorStaffId: 'x', actorName: 'Mojca Kovač' }), 'Mojca Kovač');
});
