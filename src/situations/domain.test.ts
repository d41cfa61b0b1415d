import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Localized } from '../i18n/i18n.ts';
import { foldForSearch, queryWords, stem } from '../lib/search-words.ts';
import {
  isLocalMediaPath,
  missingLanguages,
  parseRppCodes,
  searchSituations,
  TEXT_FIELDS,
  type Situation,
  type TextField,
} from './domain.ts';

function situation(
  slug: string,
  texts: Partial<Record<TextField, Localized>>,
  extra: Partial<Situation> = {},
): Situation {
  const all = Object.fromEntries(TEXT_FIELDS.map((f) => [f, texts[f] ?? {}])) as Record<
    TextField,
    Localized
  >;
  return {
    id: slug,
    organisationId: 'o',
    slug,
    texts: all,
    videoPath: null,
    captionsPath: null,
    rppCodes: [],
    formSlugs: [],
    serviceIds: [],
    position: 0,
    updatedAt: new Date(0),
    ...extra,
  };
}

const dog = situation('prihlaseni-psa', {
  title: { cs: 'Přihlášení psa', en: 'Registering a dog' },
  fees: { cs: 'Správní řízení o poplatku ze psů' },
});
const waste = situation('poplatek-za-odpad', {
  title: { cs: 'Poplatek za odpad', en: 'Waste fee' },
  summary: { cs: 'Kdo platí poplatek za odpad a do kdy; pes se nepočítá.' },
});
const residence = situation(
  'zmena-pobytu',
  { title: { cs: 'Změna trvalého pobytu', en: 'Changing residence' } },
  { rppCodes: ['A115'], position: 1 },
);
const all = [residence, waste, dog];

test('folding ignores case and diacritics, including letters that do not decompose', () => {
  assert.equal(foldForSearch('Řízení ŽLUŤOUČKÝ kůň'), 'rizeni zlutoucky kun');
  assert.equal(foldForSearch('Đurđa Łódź Straße'), 'durda lodz strasse');
  assert.deepEqual(queryWords('  pes, PES;  poplatek '), ['pes', 'poplatek']);
  assert.deepEqual(queryWords(' , ; '), []);
  assert.deepEqual(['poplatek', 'potrdilo', 'rizeni', 'psa', 'dogs'].map(stem), [
    'poplat',
    'potrdi',
    'rize',
    'psa',
    'dogs',
  ]);
});

test('search without diacritics finds a text with them ("rizeni" finds "řízení")', () => {
  assert.deepEqual(
    searchSituations(all, 'rizeni', 'cs', 'cs').map((s) => s.slug),
    ['prihlaseni-psa'],
  );
  assert.deepEqual(
    searchSituations(all, 'ŘÍZENÍ', 'cs', 'cs').map((s) => s.slug),
    ['prihlaseni-psa'],
  );
});

test('every word must occur; a title hit comes before a hit in the body', () => {
  // "poplatek" is in the waste fee's title and, as "poplatku", in the dog fee's text.
  assert.deepEqual(
    searchSituations(all, 'poplatek', 'cs', 'cs').map((s) => s.slug),
    ['poplatek-za-odpad', 'prihlaseni-psa'],
  );
  assert.deepEqual(searchSituations(all, 'poplatek nic', 'cs', 'cs'), []);
});

test("search reads the reader's language, and the organisation's where a text is missing", () => {
  assert.deepEqual(
    searchSituations(all, 'waste', 'en', 'cs').map((s) => s.slug),
    ['poplatek-za-odpad'],
  );
  // The English reader sees the Czech summary (no English one), so its words are found.
  assert.deepEqual(
    searchSituations(all, 'nepocita', 'en', 'cs').map((s) => s.slug),
    ['poplatek-za-odpad'],
  );
  // A Czech reader does not find the English title.
  assert.deepEqual(searchSituations(all, 'waste', 'cs', 'cs'), []);
});

test('register codes are searchable; an empty query lists all by position, then title', () => {
  assert.deepEqual(
    searchSituations(all, 'a115', 'cs', 'cs').map((s) => s.slug),
    ['zmena-pobytu'],
  );
  assert.deepEqual(
    searchSituations(all, '  ', 'cs', 'cs').map((s) => s.slug),
    ['poplatek-za-odpad', 'prihlaseni-psa', 'zmena-pobytu'],
  );
});

test('search results are always a subset, and a query that is a whole title always finds it', () => {
  const text = fc.string({ maxLength: 30 });
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), text, (titles, query) => {
      const list = titles.map((t, i) => situation(`s-${i}`, { title: { sl: t } }));
      const found = searchSituations(list, query, 'sl', 'sl');
      assert.ok(found.every((s) => list.includes(s)));
      for (const s of list)
        assert.ok(searchSituations(list, s.texts.title.sl ?? '', 'sl', 'sl').includes(s));
    }),
  );
});

test('a help video and its captions are paths on this server, never another origin', () => {
  assert.ok(isLocalMediaPath('/media/help/pes.mp4', 'video'));
  assert.ok(isLocalMediaPath('/media/help/pes.webm', 'video'));
  assert.ok(isLocalMediaPath('/media/help/pes.cs.vtt', 'captions'));
  for (const bad of [
    'https://youtube.com/watch.mp4',
    '//evil.example/x.mp4',
    '/media/../secret.mp4',
    '/media/x.mp4?autoplay=1',
    'media/x.mp4',
    '/media/x.vtt',
    'javascript:alert(1)//.mp4',
    '/media/a b.mp4',
  ])
    assert.equal(isLocalMediaPath(bad, 'video'), false, bad);
  assert.equal(isLocalMediaPath('/media/x.mp4', 'captions'), false);
});

test('register codes are read one per line or separated, upper-cased, once each', () => {
  assert.deepEqual(parseRppCodes('a115\nS2036, A115;  U12345'), {
    codes: ['A115', 'S2036', 'U12345'],
    bad: [],
  });
  assert.deepEqual(parseRppCodes('A115 <script> 12'), { codes: ['A115'], bad: ['<SCRIPT>', '12'] });
  assert.deepEqual(parseRppCodes(''), { codes: [], bad: [] });
});

test('missing translations: languages the title has but a filled text lacks', () => {
  const s = situation('x', {
    title: { sl: 'Naslov', en: 'Title' },
    fees: { sl: 'Brezplačno' },
    audience: { sl: 'Vsi', en: 'Everyone' },
  });
  assert.deepEqual(missingLanguages(s.texts), [{ field: 'fees', lang: 'en' }]);
});
