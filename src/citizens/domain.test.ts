import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CITIZEN_ABSOLUTE_MS,
  CITIZEN_IDLE_MS,
  citizenSessionState,
  cleanIdentity,
  codeDecision,
  identityProblem,
  loaAtLeast,
  organisationSlugOfPath,
  providerStartPath,
  safeReturnPath,
  signInLocation,
} from './domain.ts';

test('levels of assurance compare low < substantial < high', () => {
  assert.ok(loaAtLeast('high', 'substantial'));
  assert.ok(loaAtLeast('substantial', 'substantial'));
  assert.ok(loaAtLeast('substantial', 'low'));
  assert.ok(!loaAtLeast('low', 'substantial'));
  assert.ok(!loaAtLeast('substantial', 'high'));
});

test('a session is idle after 20 minutes without a request and expired at its absolute end', () => {
  const start = new Date('2026-12-02T09:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);
  const session = { lastSeenAt: start, expiresAt: at(CITIZEN_ABSOLUTE_MS) };
  assert.equal(citizenSessionState(session, at(CITIZEN_IDLE_MS - 1)), 'live');
  assert.equal(citizenSessionState(session, at(CITIZEN_IDLE_MS)), 'idle');
  const busy = { lastSeenAt: at(CITIZEN_ABSOLUTE_MS - 1), expiresAt: at(CITIZEN_ABSOLUTE_MS) };
  assert.equal(citizenSessionState(busy, at(CITIZEN_ABSOLUTE_MS - 1)), 'live');
  assert.equal(citizenSessionState(busy, at(CITIZEN_ABSOLUTE_MS)), 'expired');
});

test('the return path is a local path or nothing (no open redirect)', () => {
  for (const ok of ['/account', '/o/obec/booking?x=1#top', '/account/profile'])
    assert.equal(safeReturnPath(ok), ok);
  for (const bad of [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'account',
    '',
    '/account/sign-in?loa=low',
    `/${'a'.repeat(1001)}`,
    42,
    undefined,
  ])
    assert.equal(safeReturnPath(bad), null, JSON.stringify(bad));
  // Dot segments are resolved, never climbing out of the site.
  assert.equal(safeReturnPath('/../../account'), '/account');
});

test('the sign-in location carries the level and only a safe way back', () => {
  assert.equal(
    signInLocation('substantial', '/account?tab=1'),
    '/account/sign-in?loa=substantial&return=%2Faccount%3Ftab%3D1',
  );
  assert.equal(signInLocation('low', '//evil.example'), '/account/sign-in?loa=low');
});

test('an identity is trimmed, a malformed date of birth and empty names are dropped', () => {
  const clean = cleanIdentity({
    providerId: 'nia',
    personIdentifier: ' CZ/CZ/1 ',
    loa: 'high',
    givenName: '  Jana ',
    familyName: '',
    dateOfBirth: '1990-02-30',
    email: ' Jana@Example.CZ ',
  });
  assert.deepEqual(clean, {
    providerId: 'nia',
    personIdentifier: 'CZ/CZ/1',
    loa: 'high',
    givenName: 'Jana',
    email: 'jana@example.cz',
  });
  assert.equal(cleanIdentity({ ...clean, dateOfBirth: '1990-02-28' }).dateOfBirth, '1990-02-28');
});

test('an identity needs a provider id and a person identifier', () => {
  const ok = { providerId: 'nia', personIdentifier: 'x', loa: 'low' } as const;
  assert.equal(identityProblem(ok), null);
  assert.equal(identityProblem({ ...ok, providerId: 'Bad Id' }), 'provider id');
  assert.equal(identityProblem({ ...ok, personIdentifier: ' ' }), 'person identifier');
  assert.equal(identityProblem({ ...ok, personIdentifier: 'x'.repeat(513) }), 'person identifier');
});

test('a code is checked while fresh, unused and not locked; the fifth wrong try locks it', () => {
  const now = new Date('2026-12-02T09:00:00Z');
  const code = {
    attempts: 0,
    expiresAt: new Date(now.getTime() + 1),
    usedAt: null,
    lockedAt: null,
  };
  assert.equal(codeDecision(code, now), 'check');
  assert.equal(codeDecision({ ...code, attempts: 4 }, now), 'check');
  assert.equal(codeDecision({ ...code, attempts: 5 }, now), 'locked');
  assert.equal(codeDecision({ ...code, lockedAt: now }, now), 'locked');
  assert.equal(codeDecision({ ...code, usedAt: now }, now), 'gone');
  assert.equal(codeDecision({ ...code, expiresAt: now }, now), 'expired');
});

test("a provider's start link carries the level, a safe way back and the organisation", () => {
  const nia = { id: 'nia', protocol: 'saml' } as const;
  assert.equal(providerStartPath(nia, {}), '/auth/saml/nia/login');
  assert.equal(
    providerStartPath(nia, { loa: 'high', returnPath: '/account', organisation: 'obec' }),
    '/auth/saml/nia/login?loa=high&return=%2Faccount&o=obec',
  );
  assert.equal(
    providerStartPath({ id: 'x', protocol: 'oidc' }, { returnPath: '//evil.example' }),
    '/auth/oidc/x/login',
  );
});

test("a path under an organisation's pages names it; any other path names none", () => {
  assert.equal(organisationSlugOfPath('/o/ue-domzale'), 'ue-domzale');
  assert.equal(organisationSlugOfPath('/o/ue-domzale/s/potrdila/book?x=1'), 'ue-domzale');
  assert.equal(organisationSlugOfPath('/o/ue-domzale?lang=sl'), 'ue-domzale');
  assert.equal(organisationSlugOfPath('/o/ue-domzale#main'), 'ue-domzale');
  for (const other of [
    undefined,
    null,
    '',
    '/',
    '/o/',
    '/o',
    '/account',
    '/oo/x',
    '/o/UE',
    '/o/a%2Fb',
    'https://x/o/a',
    '/x/o/a',
  ])
    assert.equal(organisationSlugOfPath(other), undefined, String(other));
});
