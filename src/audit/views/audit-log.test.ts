import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../i18n/i18n.ts';
import { actionLabel, actorLabel, objectLabel } from './audit-log.ts';
import { detail, detailLines } from './detail.ts';

const OFFICE = '0b8f4c1e-0000-4000-8000-000000000001';
const SERVICE = '0b8f4c1e-0000-4000-8000-000000000002';
const names = new Map([
  [OFFICE, 'Ljutomer'],
  [SERVICE, 'Osebna izkaznica'],
]);
const en = { t: translator('en'), lang: 'en' as const, timeZone: 'Europe/Ljubljana', names };
const sl = { ...en, t: translator('sl'), lang: 'sl' as const };

test('a change reads "Field: before → after", other facts "Field: value", nothing as a dash', () => {
  const out = detail(en, {
    capacity: [1, 3],
    note: [null, 'Closed'],
    officeId: null,
    days: ['mon', 'tue', 'wed'],
    unknown_key: 'x',
  }).value;
  assert.equal(
    out,
    '<ul class="audit-detail"><li>Capacity: 1 → 3</li><li>Note: – → Closed</li><li>Office: –</li><li>days: mon, tue, wed</li><li>unknown_key: x</li></ul>',
  );
  assert.equal(detail(en, {}).value, '');
  assert.doesNotMatch(detail(en, { x: ['<script>', 'y'] }).value, /<script>/, 'escaped');
});

test('times read in the organisation zone and page language, ids by name, keys translated', () => {
  assert.deepEqual(
    detailLines(sl, {
      start: '2026-11-25T07:00:00.000Z',
      officeId: OFFICE,
      serviceId: SERVICE,
      officeIds: [OFFICE, 'gone'],
    }),
    [
      'Začetek: 25. 11. 2026, 08:00',
      'Urad: Ljutomer',
      'Storitev: Osebna izkaznica',
      'Uradi: Ljutomer, gone',
    ],
  );
  assert.deepEqual(
    detailLines(en, {
      week: [
        { weekday: 2, start: 480, end: 720 },
        { weekday: 1, start: 480, end: 720 },
        { weekday: 1, start: 780, end: 900 },
      ],
    }),
    ['Week: Monday 08:00–12:00, 13:00–15:00; Tuesday 08:00–12:00'],
  );
  assert.deepEqual(
    detailLines(sl, {
      week: [
        { weekday: 1, start: 480, end: 720 },
        { weekday: 3, start: 480, end: 720 },
      ],
    }),
    ['Teden: ponedeljek 08:00–12:00; sreda 08:00–12:00'],
    'two days are a week, not a change',
  );
});

test('a change of a text in several languages reads one line per language that changed; booleans are words', () => {
  assert.deepEqual(
    detailLines(sl, {
      name: [
        { sl: 'A', en: 'A' },
        { sl: 'B', en: 'A', cs: 'C' },
      ],
      active: [true, false],
    }),
    ['Ime (sl): A → B', 'Ime (cs): – → C', 'Aktiven: da → ne'],
  );
});

test('objects are named by their translated type and, where the organisation has one, their name', () => {
  assert.equal(
    objectLabel(translator('sl'), { objectType: 'office', objectId: OFFICE }, names),
    'Urad Ljutomer',
  );
  assert.equal(
    objectLabel(translator('sl'), { objectType: 'booking', objectId: 'b1' }, names),
    'Termin b1',
  );
  assert.equal(
    objectLabel(translator('sl'), { objectType: 'thing', objectId: null }, names),
    'thing',
  );
});

test('actions are translated where a text exists and shown as their code otherwise; the system is named', () => {
  const t = translator('sl');
  assert.equal(actionLabel(t, 'closure.created'), 'Nov zaprti dan');
  assert.equal(actionLabel(t, 'nobody.knows'), 'nobody.knows');
  assert.equal(
    actorLabel(t, { actorStaffId: null, actorName: 'system:retention' }),
    'Sistem: retention',
  );
  assert.equal(actorLabel(t, { actorStaffId: 'x', actorName: 'Mojca Kovač' }), 'Mojca Kovač');
});
