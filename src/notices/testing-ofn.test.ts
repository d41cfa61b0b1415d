import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OFN_SCHEMAS, ofnErrors, ofnNoticeBoardExample } from './testing-ofn.ts';

// The validator is the judge of the notice board's and the contacts' open data; these show it
// accepts the standard's own example and refuses what the standard forbids.
test("the OFN notice board schema accepts the standard's example and refuses it without relevantní_do", () => {
  const example = ofnNoticeBoardExample() as { informace: Record<string, unknown>[] };
  assert.deepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, example), []);
  const broken = structuredClone(example);
  delete broken.informace[0]!['relevantní_do'];
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, broken), []);
});

test('"until further notice" is a time instant marked unspecified, and needs its type', () => {
  const example = ofnNoticeBoardExample() as { informace: Record<string, unknown>[] };
  const open = structuredClone(example);
  open.informace[0]!['relevantní_do'] = { typ: 'Časový okamžik', nespecifikovaný: true };
  assert.deepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, open), []);
  open.informace[0]!['relevantní_do'] = { nespecifikovaný: true };
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, open), []);
});

test('the OFN contacts schema takes mailto: and tel: IRIs and refuses a bare e-mail address', () => {
  const contact = {
    typ: 'Kontakt',
    název: { cs: 'Odbor správní' },
    email: 'mailto:podatelna@koprivnice.example',
    telefon: 'tel:+420556879411',
  };
  assert.deepEqual(ofnErrors(OFN_SCHEMAS.contacts, [contact]), []);
  assert.notDeepEqual(
    ofnErrors(OFN_SCHEMAS.contacts, [{ ...contact, email: 'podatelna@koprivnice.example' }]),
    [],
  );
  assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.contacts, [{ ...contact, typ: 'Osoba' }]), []);
});
