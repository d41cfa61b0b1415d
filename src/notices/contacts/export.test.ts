import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFN_SCHEMAS, ofnErrors } from '../testing-ofn.ts';
import type { Department, Person } from './domain.ts';
import { contactsDocument } from './export.ts';

const department: Department = {
  id: 'd1',
  organisationId: 'o',
  parentId: null,
  slug: 'stavebni-urad',
  name: { cs: 'Stavební úřad', en: 'Building Authority' },
  description: { sl: 'Samo slovensko' },
  location: {},
  officeHours: {},
  email: 'stavebni@koprivnice.example',
  phone: '556 879 430',
  position: 0,
  serviceIds: [],
  situationIds: [],
  updatedAt: new Date(0),
};
const person = (over: Partial<Person>): Person => ({
  id: 'p1',
  departmentId: 'd1',
  fullName: 'Lucie Černá',
  role: { cs: 'referentka' },
  email: 'lucie@koprivnice.example',
  phone: '+420 556 879 431',
  room: 'B 7',
  officeHours: {},
  staffId: null,
  published: true,
  consentRecordedAt: new Date(0),
  consentRecordedBy: null,
  position: 0,
  updatedAt: new Date(0),
  ...over,
});

const doc = (people: Person[]) =>
  contactsDocument({
    contactsUrl: 'https://okence.example/o/koprivnice/contacts',
    country: 'CZ',
    defaultLanguage: 'cs',
    departments: [department],
    people,
  });

test('departments and published people map to valid OFN Kontakt items', () => {
  const out = doc([person({}), person({ id: 'p2', fullName: 'Skrytý', published: false })]);
  assert.deepEqual(ofnErrors(OFN_SCHEMAS.contacts, out), []);
  assert.equal(out.length, 2, 'the unpublished person is left out even if handed in');
  assert.deepEqual(out[0], {
    '@context': 'https://ofn.gov.cz/kontakty/2020-07-01/kontexty/kontakt.jsonld',
    typ: 'Kontakt',
    iri: 'https://okence.example/o/koprivnice/contacts/stavebni-urad',
    název: { cs: 'Stavební úřad', en: 'Building Authority' },
    email: 'mailto:stavebni@koprivnice.example',
    telefon: 'tel:+420556879430',
    url: 'https://okence.example/o/koprivnice/contacts/stavebni-urad',
  });
  assert.deepEqual(out[1]!.název, { cs: 'Lucie Černá', en: 'Lucie Černá' });
  assert.deepEqual(out[1]!.druh, { cs: 'referentka' });
  assert.equal(out[1]!.telefon, 'tel:+420556879431');
  assert.ok(!JSON.stringify(out).includes('B 7'), 'a room is not part of the standard');
});

test('the validator rejects a broken copy (the check can fail)', () => {
  const out = doc([person({})]);
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.contacts, [{ ...out[0], typ: 'Osoba' }]), []);
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.contacts, [{ ...out[0], telefon: '556879430' }]), []);
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.contacts, [{ ...out[0], název: { sl: 'Samo' } }]), []);
});
