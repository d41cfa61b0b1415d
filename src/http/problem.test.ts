import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translators } from './language.ts';
import { problem, problemDocument } from './problem.ts';

test('a problem document: its type names the page of its code, extension members cannot replace the standard ones', () => {
  const doc = problemDocument({
    publicUrl: new URL('https://okence.example.si/'),
    code: 'time_not_bookable',
    t: translators.cs,
    lang: 'cs',
    data: { type: 'about:blank', code: 'conflict', nearestFreeTimes: [] },
  });
  assert.equal(doc.type, 'https://okence.example.si/problems/time_not_bookable');
  assert.equal(doc.code, 'time_not_bookable');
  assert.deepEqual(doc.nearestFreeTimes, []);
  assert.equal(doc.title, translators.cs('problem.time_not_bookable.title'));
  assert.deepEqual(Object.keys(doc).slice(0, 4), ['type', 'code', 'title', 'status']);
  problem.strict().parse(doc);
});

test('field issues are translated when their message is a key, with parameters; other text passes', () => {
  const doc = problemDocument({
    publicUrl: 'https://okence.example.si/',
    code: 'invalid_input',
    t: translators.sl,
    lang: 'sl',
    issues: [
      {
        field: 'query.to',
        code: 'range_too_long',
        message: 'book.api.range_too_long',
        params: { days: 62 },
      },
      { field: 'body.start', code: 'invalid_format', message: 'Neveljaven niz' },
    ],
  });
  assert.deepEqual(doc.errors, [
    { field: 'query.to', code: 'range_too_long', message: 'Biti mora največ 62 dni po „from“.' },
    { field: 'body.start', code: 'invalid_format', message: 'Neveljaven niz' },
  ]);
});

test('a 5xx detail carries the request id for support; a 4xx does not', () => {
  const base = {
    publicUrl: 'https://okence.example.si/',
    t: translators.en,
    lang: 'en' as const,
    requestId: 'req-7',
  };
  assert.match(problemDocument({ ...base, code: 'internal' }).detail ?? '', /\(req-7\)$/);
  assert.doesNotMatch(problemDocument({ ...base, code: 'conflict' }).detail ?? '', /req-7/);
});
