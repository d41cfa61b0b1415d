import assert from 'node:assert/strict';
import { loaAtLeast } from '../citizens/service.ts';
import { test } from 'node:test';
import {
  checkResponse,
  EIDAS_ATTRIBUTES,
  EIDAS_CONTEXTS,
  hasXmlOddities,
  identityFrom,
  levelOf,
  MAX_SKEW_MS,
  safeReturn,
  type Expected,
  type ResponseFacts,
} from './domain.ts';

const now = new Date('2026-12-02T10:00:00Z');
const acs = 'https://okence.example/auth/saml/nia/acs';
const sp = 'https://okence.example/auth/saml/nia/metadata';
const idp = 'urn:microsoft:cgg2010:fpsts';
const later = new Date(now.getTime() + 5 * 60_000);

const facts: ResponseFacts = {
  responseId: '_r1',
  destination: acs,
  responseIssuer: idp,
  inResponseTo: '_q1',
  assertionId: '_a1',
  assertionIssuer: idp,
  encrypted: true,
  confirmations: [{ recipient: acs, inResponseTo: '_q1', notOnOrAfter: later }],
  notBefore: new Date(now.getTime() - 1000),
  notOnOrAfter: later,
  audiences: [sp],
  authnContext: 'http://eidas.europa.eu/LoA/substantial',
};
const expected: Expected = {
  acsUrl: acs,
  spEntityId: sp,
  idpEntityId: idp,
  requestId: '_q1',
  loa: 'substantial',
  contexts: EIDAS_CONTEXTS,
  requireEncryption: true,
  now,
  skewMs: 60_000,
};

test('a response that matches the request gives the level the IdP vouched for', () => {
  assert.deepEqual(checkResponse(facts, expected), { loa: 'substantial' });
  const high = { ...facts, authnContext: 'http://eidas.europa.eu/LoA/high' };
  assert.deepEqual(checkResponse(high, expected), { loa: 'high' });
});

test('each mismatch is refused with its own reason', () => {
  const cases: [Partial<ResponseFacts>, string][] = [
    [{ destination: 'https://other.example/acs' }, 'destination'],
    [{ destination: null }, 'destination'],
    [{ responseIssuer: 'urn:evil' }, 'issuer'],
    [{ assertionIssuer: 'urn:evil' }, 'issuer'],
    [{ inResponseTo: '_other' }, 'request'],
    [{ inResponseTo: null }, 'request'],
    [{ encrypted: false }, 'not_encrypted'],
    [{ audiences: ['https://other.example/sp'] }, 'audience'],
    [{ audiences: [] }, 'audience'],
    [{ notBefore: new Date(now.getTime() + 61_000) }, 'not_yet_valid'],
    [{ notOnOrAfter: new Date(now.getTime() - 61_000) }, 'expired'],
    [{ confirmations: [] }, 'malformed'],
    [
      { confirmations: [{ recipient: 'https://x/acs', inResponseTo: '_q1', notOnOrAfter: later }] },
      'destination',
    ],
    [{ confirmations: [{ recipient: acs, inResponseTo: '_q2', notOnOrAfter: later }] }, 'request'],
    [{ confirmations: [{ recipient: acs, inResponseTo: '_q1', notOnOrAfter: null }] }, 'malformed'],
    [{ authnContext: 'http://eidas.europa.eu/LoA/low' }, 'level'],
    [{ authnContext: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password' }, 'level'],
    [{ authnContext: null }, 'level'],
  ];
  for (const [change, reason] of cases)
    assert.equal(checkResponse({ ...facts, ...change }, expected), reason, JSON.stringify(change));
});

test('clock skew is accepted up to the configured amount and never past the bound', () => {
  const justExpired = { ...facts, notOnOrAfter: new Date(now.getTime() - 30_000) };
  assert.deepEqual(checkResponse(justExpired, expected), { loa: 'substantial' });
  assert.equal(checkResponse(justExpired, { ...expected, skewMs: 0 }), 'expired');
  const longAgo = { ...facts, notOnOrAfter: new Date(now.getTime() - MAX_SKEW_MS - 1) };
  assert.equal(checkResponse(longAgo, { ...expected, skewMs: 24 * 3600_000 }), 'expired');
});

test('levels compare by eIDAS order; unknown class references have no level', () => {
  assert.ok(loaAtLeast('high', 'substantial'));
  assert.ok(loaAtLeast('substantial', 'substantial'));
  assert.ok(!loaAtLeast('low', 'substantial'));
  assert.equal(levelOf(' http://eidas.europa.eu/LoA/high ', EIDAS_CONTEXTS), 'high');
  assert.equal(levelOf('http://eidas.europa.eu/LoA/highest', EIDAS_CONTEXTS), null);
});

test('the identity is keyed on PersonIdentifier, never a birth number', () => {
  const attrs = new Map([
    [EIDAS_ATTRIBUTES.personIdentifier, 'CZ/CZ/ff2b5d3a-1c4e'],
    [EIDAS_ATTRIBUTES.givenName, 'Jan'],
    [EIDAS_ATTRIBUTES.familyName, 'Novák'],
    [EIDAS_ATTRIBUTES.dateOfBirth, '1980-01-31'],
    ['http://www.stork.gov.eu/1.0/eMail', ' '],
  ]);
  assert.deepEqual(identityFrom(attrs, EIDAS_ATTRIBUTES, 'nia', 'high'), {
    providerId: 'nia',
    personIdentifier: 'CZ/CZ/ff2b5d3a-1c4e',
    loa: 'high',
    givenName: 'Jan',
    familyName: 'Novák',
    dateOfBirth: '1980-01-31',
  });
  for (const id of ['800131/1234', '8001311234', '', '  ']) {
    const bad = new Map(attrs).set(EIDAS_ATTRIBUTES.personIdentifier, id);
    assert.equal(identityFrom(bad, EIDAS_ATTRIBUTES, 'nia', 'high'), 'no_identifier', id);
  }
  const none = new Map(attrs);
  none.delete(EIDAS_ATTRIBUTES.personIdentifier);
  assert.equal(identityFrom(none, EIDAS_ATTRIBUTES, 'nia', 'high'), 'no_identifier');
  const huge = new Map(attrs).set(EIDAS_ATTRIBUTES.givenName, 'x'.repeat(1001));
  assert.equal(identityFrom(huge, EIDAS_ATTRIBUTES, 'nia', 'high'), 'malformed');
});

test('a configured attribute map reads other names', () => {
  const map = { ...EIDAS_ATTRIBUTES, personIdentifier: 'urn:si:pass:id' };
  const attrs = new Map([['urn:si:pass:id', 'SI/12345678']]);
  const identity = identityFrom(attrs, map, 'sipass', 'substantial');
  assert.equal(typeof identity === 'object' && identity.personIdentifier, 'SI/12345678');
});

test('comments, DTDs and processing instructions are oddities; the XML declaration is not', () => {
  assert.ok(!hasXmlOddities('<?xml version="1.0"?><a>x</a>'));
  assert.ok(hasXmlOddities('<a>x<!---->y</a>'));
  assert.ok(hasXmlOddities('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'));
  assert.ok(hasXmlOddities('<a><?php echo 1 ?></a>'));
});

test('the return address stays on this site', () => {
  assert.equal(safeReturn('/account?x=1'), '/account?x=1');
  for (const bad of [undefined, '', 'https://evil.example/', '//evil.example', '/\\evil', 'a'])
    assert.equal(safeReturn(bad), '/account', String(bad));
  assert.equal(safeReturn('/a\nb'), '/account');
});
