import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldForSearch, queryWords } from '../../lib/search-words.ts';
import { matches, pageOf, PAGE_SIZE } from './domain.ts';
import type { VersionRow } from './repo.ts';

const version = (title: string, extra: Partial<VersionRow> = {}): VersionRow => ({
  version: 1,
  language: 'cs',
  title,
  category: 'public_notice',
  referenceNumber: null,
  fileMark: null,
  departmentName: null,
  postOn: '2026-12-01',
  removeAfter: null,
  correctionNote: null,
  createdAt: new Date('2026-11-30T08:00:00Z'),
  ...extra,
});

test('the search folds case and diacritics of both languages', () => {
  assert.equal(foldForSearch('Štramberská ŘÍZENÍ Žalec đ'), 'stramberska rizeni zalec d');
  assert.deepEqual(queryWords('  Územní   plán, ÚZEMNÍ '), ['uzemni', 'plan']);
  assert.deepEqual(queryWords('   '), []);
  const v = version('Veřejná vyhláška', {
    referenceNumber: 'MUKO 12/2026',
    departmentName: 'Odbor dopravy',
  });
  assert.ok(matches(queryWords('verejna DOPRAVY'), v, ''));
  assert.ok(matches(queryWords('muko 12'), v, ''));
  assert.ok(matches(queryWords('objizdka'), v, 'Objížďka vede po ulici Záhumenní.'));
  assert.ok(!matches(queryWords('verejna zahumenni'), v, 'nic'));
  assert.ok(matches([], v, ''), 'no words: everything matches');
});

test('property: a text always matches its own words, however they are written', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.constantFrom('Řízení', 'ŠKOLA', 'vyhláška', 'Ljubljana', 'Žalec', 'č. j.', '2026'),
        { minLength: 1 },
      ),
      (words) => {
        const title = words.join(' ');
        assert.ok(matches(queryWords(title.toUpperCase()), version(title), ''));
        assert.ok(matches(queryWords(foldForSearch(title)), version(title), ''));
      },
    ),
  );
});

test('paging clamps to the pages there are and never loses an item', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  assert.deepEqual(pageOf(items, 1).items, items.slice(0, PAGE_SIZE));
  assert.equal(pageOf(items, 3).items.length, 5);
  assert.equal(pageOf(items, 99).page, 3);
  assert.equal(pageOf(items, -4).page, 1);
  assert.deepEqual(pageOf([], 2), { items: [], page: 1, pages: 1, total: 0 });
  const all = [1, 2, 3].flatMap((p) => pageOf(items, p).items);
  assert.deepEqual(all, items);
});
