import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatFee,
  isOfficeTimeZone,
  logoProblem,
  MAX_LOGO_BYTES,
  locksOutLastAdmin,
  missingTranslations,
  officeTimeZones,
  parseFee,
  registrationNumberProblem,
  validIco,
  validMaticna,
  serviceProblems,
  slugify,
  slugProblem,
  SLUG_PATTERN,
} from './admin-domain.ts';

test('slugs: lower-case words joined by single hyphens', () => {
  assert.equal(slugProblem('potrdila-iz-evidenc'), null);
  assert.equal(slugProblem(''), 'required');
  for (const bad of ['Potrdila', 'a--b', '-a', 'a-', 'a b', 'čas', 'a_b'])
    assert.equal(slugProblem(bad), 'pattern', bad);
  assert.equal(slugProblem('a'.repeat(61)), 'too_long');
});

test('slugify gives a valid slug from any name that has a letter or digit', () => {
  assert.equal(slugify('Potrdila iz uradnih evidenc'), 'potrdila-iz-uradnih-evidenc');
  assert.equal(slugify('Občanský průkaz — žádost'), 'obcansky-prukaz-zadost');
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (name) => {
      const slug = slugify(name);
      assert.ok(slug === '' || (SLUG_PATTERN.test(slug) && slug.length <= 60), slug);
    }),
  );
});

test('missing translations: the name in every language, other texts only once written', () => {
  const gaps = missingTranslations({
    name: { sl: 'Osebna izkaznica', en: ' ' },
    description: {},
    preparation: { sl: 'Fotografija' },
    feeNote: { sl: 'a', cs: 'b', en: 'c' },
  });
  assert.deepEqual(gaps, [
    { field: 'name', lang: 'cs' },
    { field: 'name', lang: 'en' },
    { field: 'preparation', lang: 'cs' },
    { field: 'preparation', lang: 'en' },
  ]);
  assert.deepEqual(
    missingTranslations({
      name: { sl: 'a', cs: 'b', en: 'c' },
      description: {},
      preparation: {},
      feeNote: {},
    }),
    [],
  );
});

test('the last active admin cannot be demoted or deactivated, another one can', () => {
  const staff = [
    { id: 'a', role: 'admin', active: true },
    { id: 'b', role: 'admin', active: true },
    { id: 'c', role: 'official', active: true },
    { id: 'd', role: 'admin', active: false },
  ] as const;
  assert.equal(locksOutLastAdmin(staff, { id: 'a', role: 'official', active: true }), false);
  const one = staff.filter((s) => s.id !== 'b');
  assert.equal(locksOutLastAdmin(one, { id: 'a', role: 'official', active: true }), true);
  assert.equal(locksOutLastAdmin(one, { id: 'a', role: 'admin', active: false }), true);
  assert.equal(locksOutLastAdmin(one, { id: 'c', role: 'official', active: false }), false);
  assert.equal(
    locksOutLastAdmin(one, { id: 'd', role: 'admin', active: true }),
    false,
    'reactivating an admin is always fine',
  );
});

test('services need a way to meet and, when active, an office', () => {
  assert.deepEqual(
    serviceProblems({ byVideo: false, inPerson: false, active: true, officeIds: [] }),
    ['no_mode', 'no_office'],
  );
  assert.deepEqual(
    serviceProblems({ byVideo: true, inPerson: false, active: false, officeIds: [] }),
    [],
  );
  assert.deepEqual(
    serviceProblems({ byVideo: false, inPerson: true, active: true, officeIds: ['x'] }),
    [],
  );
});

test('fees in minor units, typed with a comma or a point', () => {
  assert.deepEqual(parseFee('12,5'), { minor: 1250 });
  assert.deepEqual(parseFee(' 22.60 '), { minor: 2260 });
  assert.deepEqual(parseFee(''), { minor: null });
  for (const bad of ['-1', '1.234', 'abc', '1,2,3']) assert.equal(parseFee(bad), null, bad);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), (minor) =>
      assert.deepEqual(parseFee(formatFee(minor)), { minor }),
    ),
  );
});

test('office time zones: Europe and UTC, real IANA names only', () => {
  assert.ok(officeTimeZones().includes('Europe/Ljubljana'));
  assert.ok(officeTimeZones().includes('Europe/Prague'));
  assert.ok(isOfficeTimeZone('UTC'));
  assert.ok(!isOfficeTimeZone('Europe/Atlantis'));
  assert.ok(!isOfficeTimeZone('America/New_York'));
});

test('a logo is plain SVG markup: no scripts, handlers, entities or outside references', () => {
  const ok =
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>';
  assert.equal(logoProblem(ok), null);
  assert.equal(logoProblem('<html><svg></svg></html>'), 'not_svg');
  assert.equal(logoProblem('<svg>'), 'not_svg');
  assert.equal(logoProblem('<svg><script>alert(1)</script></svg>'), 'active_content');
  assert.equal(logoProblem('<svg onload="alert(1)"></svg>'), 'active_content');
  assert.equal(logoProblem('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'), 'not_svg');
  assert.equal(logoProblem('<svg><!DOCTYPE x></svg>'), 'active_content');
  assert.equal(
    logoProblem('<svg><a href="javascript:alert(1)"><rect/></a></svg>'),
    'active_content',
  );
  assert.equal(
    logoProblem('<svg><image href="https://tracker.example/p.png"/></svg>'),
    'outside_reference',
  );
  assert.equal(
    logoProblem('<svg><rect style="fill:url(https://x.example/a)"/></svg>'),
    'outside_reference',
  );
  assert.equal(
    logoProblem('<svg><style>@import "https://x.example/a.css";</style></svg>'),
    'outside_reference',
  );
  assert.equal(logoProblem(`<svg>${'a'.repeat(MAX_LOGO_BYTES)}</svg>`), 'too_large');
});

test("registration numbers: the Czech IČO's and the Slovenian matična številka's check digits", () => {
  // Kopřivnice and Liberecký kraj (ARES); python-stdnum's example 9331310 (with unit 000).
  for (const ico of ['00298077', '70891508', '00216208']) assert.ok(validIco(ico), ico);
  for (const ico of ['00298078', '0029807', '002980770', 'abcdefgh'])
    assert.ok(!validIco(ico), ico);
  for (const n of ['9331310', '9331310000', '9331310001', '5884004']) assert.ok(validMaticna(n), n);
  for (const n of ['9331320', '9331320000', '933131', '93313100', '933131000A'])
    assert.ok(!validMaticna(n), n);
  assert.equal(registrationNumberProblem('CZ', '00298077'), null);
  assert.equal(registrationNumberProblem('CZ', '9331310'), 'format');
  assert.equal(registrationNumberProblem('CZ', '00298078'), 'check_digit');
  assert.equal(registrationNumberProblem('SI', '9331310000'), null);
  assert.equal(registrationNumberProblem('SI', '00298077'), 'format');
  assert.equal(registrationNumberProblem('SI', '9331320'), 'check_digit');
});

test('property: exactly one last digit completes an IČO; at most one a matična številka', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{7}$/), (first) => {
      const digits = '0123456789'.split('');
      assert.equal(digits.filter((d) => validIco(first + d)).length, 1);
    }),
  );
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{6}$/), fc.stringMatching(/^[0-9]{3}$/), (first, unit) => {
      const valid = '0123456789'.split('').filter((d) => validMaticna(first + d));
      assert.ok(valid.length <= 1);
      // The business unit does not change whether the number checks.
      for (const d of valid) assert.ok(validMaticna(first + d + unit));
    }),
  );
});
