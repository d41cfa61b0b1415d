import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkNotice,
  checkReason,
  dueEvents,
  parseDay,
  postOnKept,
  type NoticeForm,
} from './domain.ts';

const form = (over: Partial<NoticeForm> = {}): NoticeForm => ({
  title: 'Veřejná vyhláška',
  body: 'Text.',
  category: 'public_decree',
  referenceNumber: '',
  fileMark: '',
  department: '',
  postOn: '2026-12-03',
  removeAfter: '2026-12-18',
  untilFurtherNotice: false,
  language: 'cs',
  ...over,
});
const rules = { today: '2026-12-03', earliestPost: '2026-12-03', departments: ['d1'] };

test('days are read as the date input and as Czech and Slovene write them, and only real days', () => {
  assert.equal(parseDay('2026-12-03'), '2026-12-03');
  assert.equal(parseDay(' 3. 12. 2026 '), '2026-12-03');
  assert.equal(parseDay('3.12.2026'), '2026-12-03');
  for (const bad of ['2026-02-30', '31. 4. 2026', 'zítra', '2026-1-3', ''])
    assert.equal(parseDay(bad), null, bad);
});

test('a valid notice is checked into its draft; empty optional fields are null', () => {
  const r = checkNotice(form({ referenceNumber: ' MUKO 1/2026 ', department: 'd1' }), rules);
  assert.ok(r.ok);
  assert.equal(r.value.referenceNumber, 'MUKO 1/2026');
  assert.equal(r.value.fileMark, null);
  assert.equal(r.value.departmentId, 'd1');
  const open = checkNotice(form({ untilFurtherNotice: true, removeAfter: 'nonsense' }), rules);
  assert.ok(open.ok && open.value.removeAfter === null, 'until further notice has no last day');
});

test('each wrong field is named with its own message', () => {
  const r = checkNotice(
    form({
      title: ' ',
      category: 'gossip',
      department: 'of another organisation',
      language: 'de',
      postOn: '2026-12-02',
      removeAfter: '',
    }),
    rules,
  );
  assert.ok(!r.ok);
  assert.deepEqual(r.fields, {
    title: 'notices.admin.error.title',
    category: 'notices.admin.error.category',
    department: 'notices.admin.error.department',
    language: 'notices.admin.error.language',
    postOn: 'notices.admin.error.post_on_past',
    removeAfter: 'notices.admin.error.remove_after',
  });
  const before = checkNotice(form({ postOn: '2026-12-10', removeAfter: '2026-12-09' }), rules);
  assert.ok(!before.ok && before.fields.removeAfter === 'notices.admin.error.remove_before_post');
  const control = checkNotice(form({ title: 'a\u0007b' }), rules);
  assert.ok(!control.ok && control.fields.title);
});

test('a correction of a posted notice may give a past first day only if it is the same day', () => {
  const days = { postOn: '2026-11-20', removeAfter: '2026-12-20' };
  const corrected = checkNotice(form({ postOn: '2026-11-20' }), { ...rules, earliestPost: null });
  assert.ok(corrected.ok);
  assert.equal(postOnKept(days, 'on_board', '2026-11-20'), null);
  assert.equal(postOnKept(days, 'on_board', '2026-11-21'), 'notices.admin.error.post_on_kept');
  assert.equal(postOnKept(days, 'scheduled', '2026-12-24'), null);
});

test('a reason is required and bounded', () => {
  assert.equal(checkReason('  Řízení zastaveno. '), 'Řízení zastaveno.');
  assert.equal(checkReason(' \r\n '), null);
  assert.equal(checkReason('x'.repeat(1001)), null);
});

test('the job: posted once the first day has begun, taken down once the last has ended (Prague)', () => {
  const days = { postOn: '2026-12-03', removeAfter: '2026-12-18' };
  const at = (iso: string) => dueEvents(days, new Date(iso), 'Europe/Prague');
  assert.deepEqual(at('2026-12-02T22:59:59Z'), [], '23:59:59 local the day before');
  assert.deepEqual(at('2026-12-02T23:00:00Z'), ['posted'], '00:00:00 local on the first day');
  assert.deepEqual(at('2026-12-18T22:59:59Z'), ['posted'], '23:59:59 local on the last day');
  assert.deepEqual(at('2026-12-18T23:00:00Z'), ['posted', 'taken_down']);
  assert.deepEqual(
    dueEvents({ postOn: '2026-12-03', removeAfter: null }, new Date('2099-01-01'), 'Europe/Prague'),
    ['posted'],
    'until further notice never comes down by itself',
  );
});

test('property: events come in order — never taken down without posted, never before the first day', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 700 }),
      fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      fc.integer({ min: -5 * 86_400, max: 800 * 86_400 }),
      (startOffset, length, secondsFrom2026) => {
        const postOn = new Date(Date.UTC(2026, 0, 1 + startOffset)).toISOString().slice(0, 10);
        const removeAfter =
          length === null
            ? null
            : new Date(Date.UTC(2026, 0, 1 + startOffset + length)).toISOString().slice(0, 10);
        const now = new Date(Date.UTC(2026, 0, 1) + secondsFrom2026 * 1000);
        const due = dueEvents({ postOn, removeAfter }, now, 'Europe/Ljubljana');
        if (due.includes('taken_down')) assert.ok(due.includes('posted'));
        const local = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Ljubljana' });
        assert.equal(due.includes('posted'), local >= postOn);
        assert.equal(due.includes('taken_down'), removeAfter !== null && local > removeAfter);
      },
    ),
  );
});
