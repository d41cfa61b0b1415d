import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_DEPTH,
  flattenTree,
  moveProblem,
  publicPeople,
  searchContacts,
  slugFrom,
  subtreeIds,
  telIri,
  type Department,
  type Person,
} from './domain.ts';

function dept(
  id: string,
  parentId: string | null,
  name: string,
  over: Partial<Department> = {},
): Department {
  return {
    id,
    organisationId: 'o',
    parentId,
    slug: id,
    name: { cs: name },
    description: {},
    location: {},
    officeHours: {},
    email: null,
    phone: null,
    position: 0,
    serviceIds: [],
    situationIds: [],
    updatedAt: new Date(0),
    ...over,
  };
}

function person(
  id: string,
  departmentId: string,
  fullName: string,
  over: Partial<Person> = {},
): Person {
  return {
    id,
    departmentId,
    fullName,
    role: {},
    email: null,
    phone: null,
    room: null,
    officeHours: {},
    staffId: null,
    published: true,
    consentRecordedAt: new Date(0),
    consentRecordedBy: null,
    position: 0,
    updatedAt: new Date(0),
    ...over,
  };
}

const TREE = [
  dept('fin', null, 'Odbor finanční', { position: 2 }),
  dept('spr', null, 'Odbor správní', { position: 1 }),
  dept('mat', 'spr', 'Oddělení matriky'),
  dept('evi', 'spr', 'Oddělení evidence'),
  dept('arch', 'mat', 'Archiv'),
];

test('the tree lists each department after its parent, siblings by position then name, with depth', () => {
  const flat = flattenTree(TREE, 'cs', 'cs').map((e) => `${e.depth}:${e.department.id}`);
  assert.deepEqual(flat, ['0:spr', '1:evi', '1:mat', '2:arch', '0:fin']);
});

test('a department cannot move under itself or anything under it; anywhere else it may', () => {
  assert.deepEqual([...subtreeIds(TREE, 'spr')].sort(), ['arch', 'evi', 'mat', 'spr']);
  assert.equal(moveProblem(TREE, 'spr', 'spr'), 'cycle');
  assert.equal(moveProblem(TREE, 'spr', 'arch'), 'cycle');
  assert.equal(moveProblem(TREE, 'spr', 'mat'), 'cycle');
  assert.equal(moveProblem(TREE, 'mat', 'fin'), null);
  assert.equal(moveProblem(TREE, 'fin', null), null);
  assert.equal(moveProblem(TREE, null, 'arch'), null);
});

test('no move the rule allows ever makes a cycle or a tree deeper than MAX_DEPTH (property)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids))), {
        maxLength: 40,
      }),
      (moves) => {
        let tree = ids.map((id) => dept(id, null, id));
        for (const [id, parent] of moves) {
          if (moveProblem(tree, id, parent ?? null)) continue;
          tree = tree.map((d) => (d.id === id ? { ...d, parentId: parent ?? null } : d));
        }
        // Every department is reached from the top (no cycle), none deeper than allowed.
        const flat = flattenTree(tree, 'cs', 'cs');
        assert.equal(flat.length, ids.length);
        assert.ok(flat.every((e) => e.depth < MAX_DEPTH));
      },
    ),
  );
});

test('phone numbers become tel: IRIs in E.164 where the number allows', () => {
  const cases: [string, 'CZ' | 'SI', string | null][] = [
    ['+420 556 879 411', 'CZ', 'tel:+420556879411'],
    ['556 879 411', 'CZ', 'tel:+420556879411'],
    ['00420 556-879-411', 'CZ', 'tel:+420556879411'],
    ['01 724 10 00', 'SI', 'tel:+38617241000'],
    ['(01) 724 10 00', 'SI', 'tel:+38617241000'],
    ['041 123 456', 'SI', 'tel:+38641123456'],
    ['+386 1 724 10 00', 'SI', 'tel:+38617241000'],
    ['1234', 'CZ', 'tel:1234;phone-context=+420'],
    ['---', 'SI', null],
  ];
  for (const [phone, country, iri] of cases) assert.equal(telIri(phone, country), iri, phone);
  fc.assert(
    fc.property(
      fc.stringMatching(/^\+?[0-9 ()./-]{3,40}$/),
      fc.constantFrom('CZ', 'SI'),
      (p, c) => {
        const iri = telIri(p, c);
        assert.ok(
          iri === null || /^tel:\+?[0-9]+(;phone-context=\+[0-9]+)?$/.test(iri),
          `${p} → ${iri}`,
        );
      },
    ),
  );
});

test('slugs come from names without diacritics', () => {
  assert.equal(
    slugFrom('Oddělení matriky a evidence obyvatel'),
    'oddeleni-matriky-a-evidence-obyvatel',
  );
  assert.equal(slugFrom('  Stavební úřad!! '), 'stavebni-urad');
  assert.equal(slugFrom('Oddelek za okolje in prostor'), 'oddelek-za-okolje-in-prostor');
  assert.equal(slugFrom('!!!'), '');
});

test('search folds case and diacritics, needs every word, and never finds the unpublished', () => {
  const tree = flattenTree(
    [...TREE, dept('sta', null, 'Stavební úřad', { serviceIds: ['s1'], situationIds: ['z1'] })],
    'cs',
    'cs',
  );
  const people = [
    person('p1', 'mat', 'Marie Nováková', { role: { cs: 'matrikářka' } }),
    person('p2', 'mat', 'Jana Skrytá', { role: { cs: 'matrikářka' }, published: false }),
    person('p3', 'fin', 'Karel Čech', { published: true, consentRecordedAt: null }),
  ];
  const handled = {
    serviceNames: new Map([['s1', { cs: 'Konzultace stavebního záměru' }]]),
    situationNames: new Map([['z1', { cs: 'Zábor veřejného prostranství' }]]),
  };
  const find = (q: string) => {
    const r = searchContacts(tree, people, handled, q);
    return [...r.departments.map((d) => d.id), ...r.people.map((p) => p.id)];
  };
  assert.deepEqual(find('ODDELENI MATRIKY'), ['mat']);
  assert.deepEqual(find('matrikarka'), ['p1']);
  assert.deepEqual(find('novakova'), ['p1']);
  assert.deepEqual(find('zaboru'), ['sta'], 'by a situation it handles, inflected');
  assert.deepEqual(find('konzultace'), ['sta'], 'by a service it handles');
  assert.deepEqual(find('skryta'), []);
  assert.deepEqual(find('cech'), [], 'published without a recorded consent is not public');
  assert.deepEqual(find('  '), []);
  assert.deepEqual(
    publicPeople(people).map((p) => p.id),
    ['p1'],
  );
});
