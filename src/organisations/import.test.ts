import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readImport, type ReadImport } from './import.ts';
import { parseCreateForm } from './schema.ts';

const EXAMPLE = readFileSync(
  new URL('../../docs/examples/organisations.json', import.meta.url),
  'utf8',
);

function problems(read: ReadImport) {
  assert.equal(read.ok, false, 'the file should be refused');
  return read.ok
    ? []
    : read.problems.map(
        (p) => `${p.line} ${p.path} ${p.message}${p.params ? ` ${JSON.stringify(p.params)}` : ''}`,
      );
}

test('the documented example imports as it stands (docs/examples/organisations.json)', () => {
  const read = readImport(EXAMPLE);
  assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
  assert.deepEqual(
    read.organisations.map((o) => o.slug),
    ['os-prule', 'zs-komenskeho-brno'],
  );
  const prule = read.organisations[0]!;
  assert.equal(prule.officials.length, 2);
  assert.equal(prule.officials[1]!.role, 'official', 'the role defaults to official');
  assert.equal(prule.services[1]!.fee, 250);
  assert.equal(prule.services[0]!.fee, null);
  assert.ok(prule.logoSvg?.startsWith('<svg'));
});

test('one organisation on its own is a file of one, and its paths have no leading index', () => {
  const one = JSON.stringify(JSON.parse(EXAMPLE)[1], null, 2);
  const read = readImport(one);
  assert.ok(read.ok);
  const broken = one.replace('"kancelar",\n', '"kancelar",\n      "extra": 1,\n');
  assert.deepEqual(problems(readImport(broken)), [
    '13 $.offices[0].extra orgs.error.unknown_field {"field":"extra"}',
  ]);
});

test('each problem names its JSON path and its line in the file', () => {
  const file = `[
  {
    "slug": "Bad Slug",
    "name": { "sl": "Šola" },
    "country": "AT",
    "defaultLanguage": "sl",
    "timeZone": "Europe/Ljubljana",
    "offices": [
      { "slug": "urad", "name": { "sl": "Urad" }, "street": "Cesta 1", "postcode": "1000", "city": "Ljubljana",
        "hours": { "mon": "12:00–08:00" } }
    ],
    "services": [
      { "slug": "s", "name": { "sl": "S" }, "durationMinutes": 2, "offices": ["nikjer"] }
    ],
    "officials": [
      { "name": "Ana", "email": "ana@example.si", "offices": ["urad"] },
      { "name": "Ana Dve", "email": "ANA@example.si", "offices": ["urad"], "services": ["ni"] }
    ]
  }
]`;
  assert.deepEqual(problems(readImport(file)), [
    '3 $[0].slug tenants.error.slug_pattern',
    '5 $[0].country orgs.error.country',
    '10 $[0].offices[0].hours.mon orgs.error.hours',
    '13 $[0].services[0].durationMinutes orgs.error.duration',
  ]);
  // References and duplicates are checked once every field has its shape.
  const shaped = file
    .replace('Bad Slug', 'sola')
    .replace('"AT"', '"SI"')
    .replace('12:00–08:00', '08:00–12:00')
    .replace('"durationMinutes": 2,', '"durationMinutes": 20,');
  assert.deepEqual(problems(readImport(shaped)), [
    '13 $[0].services[0].offices[0] orgs.error.unknown_office',
    '15 $[0].officials orgs.error.no_admin',
    // Addresses are compared as stored: lower-cased.
    '17 $[0].officials[1].email orgs.error.duplicate_email',
    '17 $[0].officials[1].services[0] orgs.error.unknown_service',
  ]);
});

test('references are checked once the shapes are right: offices, services, hours, an admin, duplicates', () => {
  const org = JSON.parse(EXAMPLE)[0];
  org.services[0].offices = ['nikjer'];
  org.officials[1].services = ['ni-storitve'];
  org.officials[1].hours = { drugje: { mon: '08:00–09:00' } };
  org.offices.push({ ...org.offices[0] });
  const second = JSON.parse(EXAMPLE)[1];
  second.slug = 'os-prule';
  second.officials[0].email = 'mojca.kovac@os-prule.example';
  const read = readImport(JSON.stringify([org, second], null, 2));
  const found = problems(read).map((p) => p.replace(/^\d+ /, ''));
  assert.deepEqual(found.sort(), [
    '$[0].offices[1].slug orgs.error.duplicate_slug',
    '$[0].officials[1].hours.drugje orgs.error.hours_office',
    '$[0].officials[1].services[0] orgs.error.unknown_service',
    '$[0].services[0].offices[0] orgs.error.unknown_office',
    '$[1].officials[0].email orgs.error.duplicate_email',
    '$[1].slug orgs.error.duplicate_slug',
  ]);
});

test('missing fields, wrong types and broken JSON are each reported on their line', () => {
  assert.deepEqual(problems(readImport('[\n  {\n    "slug": "x"\n  }\n]')).slice(0, 2), [
    '2 $[0].country orgs.error.country',
    '2 $[0].defaultLanguage orgs.error.language',
  ]);
  assert.deepEqual(
    problems(readImport('{\n  "slug": "x",\n  "offices": 3\n}')).filter((p) =>
      p.includes('offices'),
    ),
    ['3 $.offices orgs.error.type {"expected":"array"}'],
  );
  assert.deepEqual(problems(readImport('[\n  {\n    "slug": "x",\n  }\n]')), [
    '4 $ orgs.error.json_syntax {"column":"3"}',
  ]);
  assert.deepEqual(problems(readImport('[]')), ['1 $ orgs.error.empty_file']);
});

test('a logo with a script is refused, a plain one kept', () => {
  const org = JSON.parse(EXAMPLE)[1];
  org.logoSvg = '<svg><script>alert(1)</script></svg>';
  assert.deepEqual(problems(readImport(JSON.stringify(org))), [
    '1 $.logoSvg orgs.error.logo_active_content',
  ]);
});

test('the new-organisation form is the same schema, its problems named by input', () => {
  const form = {
    name_sl: 'Upravna enota Kamnik',
    slug: 'ue-kamnik',
    country: 'SI',
    defaultLanguage: 'sl',
    timeZone: 'Europe/Ljubljana',
    officeName_sl: 'Glavni urad',
    officeSlug: 'glavni',
    street: 'Glavni trg 24',
    postcode: '1241',
    city: 'Kamnik',
    officeTimeZone: 'Europe/Ljubljana',
    adminName: 'Maja Novak',
    adminEmail: 'Maja.Novak@kamnik.example',
  };
  const ok = parseCreateForm(form);
  assert.ok(ok.ok);
  assert.equal(ok.spec.officials[0]!.email, 'maja.novak@kamnik.example');
  assert.equal(ok.spec.officials[0]!.role, 'admin');
  const bad = parseCreateForm({
    ...form,
    name_sl: '',
    name_en: 'Kamnik',
    slug: 'new',
    officeSlug: 'Glavni',
    adminEmail: 'nope',
    postcode: '',
  });
  assert.deepEqual(bad.ok ? {} : bad.fields, {
    name_sl: 'orgs.error.name_default_language',
    slug: 'orgs.error.slug_reserved',
    officeSlug: 'tenants.error.slug_pattern',
    postcode: 'orgs.error.postcode',
    adminEmail: 'orgs.error.email',
  });
});
