import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorizationUrl,
  checkIdTokenClaims,
  claimsParameter,
  CLOCK_SKEW_S,
  endSessionUrl,
  identityFromClaims,
  loaFromAcr,
  MAX_TOKEN_AGE_S,
  OidcRefused,
  refusalMessage,
  scopeFor,
} from './domain.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const now = NOW.getTime() / 1000;
const want = {
  issuer: 'urn:microsoft:cgg2010:fpsts',
  clientId: 'https://okence.test/',
  nonce: 'n'.repeat(43),
  now: NOW,
};
const good = {
  iss: want.issuer,
  aud: want.clientId,
  exp: now + 300,
  iat: now - 5,
  nonce: want.nonce,
};

const refusedAs = (reason: string) => (err: unknown) =>
  err instanceof OidcRefused && err.reason === reason;

test('NIA’s scopes name the level: openid plus loalow, loasubstantial or loahigh', () => {
  assert.equal(scopeFor('low'), 'openid loalow');
  assert.equal(scopeFor('substantial'), 'openid loasubstantial');
  assert.equal(scopeFor('high'), 'openid loahigh');
});

test('attributes are asked for only through the claims parameter, PersonIdentifier essential', () => {
  const claims = JSON.parse(claimsParameter()) as {
    id_token: Record<string, unknown>;
    userinfo?: unknown;
  };
  assert.deepEqual(claims.id_token.PersonIdentifier, { essential: true });
  for (const name of [
    'CurrentGivenName',
    'CurrentFamilyName',
    'DateOfBirth',
    'CurrentAddress',
    'eMail',
  ])
    assert.equal(claims.id_token[name], null, name);
  assert.equal(claims.userinfo, undefined, 'NIA’s userinfo answers {}');
  assert.ok(!('sub' in claims.id_token));
});

test('the authorisation request: code flow, client_id, no secret, no PKCE, state and nonce', () => {
  const url = new URL(
    authorizationUrl('https://tnia.identita.gov.cz/FPSTS/oidc/authorize?x=1', {
      clientId: 'c',
      redirectUri: 'https://okence.test/cb',
      state: 's',
      nonce: 'n',
      loa: 'high',
      lang: 'cs',
    }),
  );
  const p = Object.fromEntries(url.searchParams);
  assert.equal(p.x, '1', 'the endpoint’s own query is kept');
  assert.equal(p.response_type, 'code');
  assert.equal(p.scope, 'openid loahigh');
  assert.equal(p.state, 's');
  assert.equal(p.nonce, 'n');
  assert.equal(p.ui_locales, 'cs');
  for (const absent of ['client_secret', 'code_challenge', 'code_challenge_method'])
    assert.equal(p[absent], undefined, absent);
});

test('end-session carries client_id (NIA needs it), the hint and where to come back', () => {
  const url = new URL(
    endSessionUrl('https://nia.example/logout', {
      clientId: 'c',
      idTokenHint: 'h.h.h',
      postLogoutRedirectUri: 'https://okence.test/',
    }),
  );
  assert.equal(url.searchParams.get('client_id'), 'c');
  assert.equal(url.searchParams.get('id_token_hint'), 'h.h.h');
  assert.equal(url.searchParams.get('post_logout_redirect_uri'), 'https://okence.test/');
  const noHint = new URL(
    endSessionUrl('https://nia.example/logout', { clientId: 'c', postLogoutRedirectUri: '/' }),
  );
  assert.equal(noHint.searchParams.has('id_token_hint'), false);
});

test('acr names a level as the eIDAS URI or NIA’s scope word; anything else is no level', () => {
  assert.equal(loaFromAcr('http://eidas.europa.eu/LoA/substantial'), 'substantial');
  assert.equal(loaFromAcr('loahigh'), 'high');
  assert.equal(loaFromAcr('http://eidas.europa.eu/LoA/NotNotified/high'), null);
  assert.equal(loaFromAcr('urn:other:high'), null);
  assert.equal(loaFromAcr(undefined), null);
});

test('id_token claims: the URN issuer, our audience, exp and iat with bounded skew, the nonce', () => {
  checkIdTokenClaims(good, want);
  checkIdTokenClaims({ ...good, aud: [want.clientId, 'x'], azp: want.clientId }, want);
  // Within the skew on either side.
  checkIdTokenClaims({ ...good, exp: now - CLOCK_SKEW_S + 1, iat: now + CLOCK_SKEW_S - 1 }, want);
  const cases: [Record<string, unknown>, string][] = [
    [{ ...good, iss: 'https://nia.identita.gov.cz' }, 'issuer'],
    [{ ...good, iss: undefined }, 'issuer'],
    [{ ...good, aud: 'someone-else' }, 'audience'],
    [{ ...good, aud: [want.clientId, 'x'] }, 'audience'],
    [{ ...good, exp: now - CLOCK_SKEW_S }, 'expired'],
    [{ ...good, exp: undefined }, 'expired'],
    [{ ...good, iat: undefined }, 'expired'],
    [{ ...good, iat: now - MAX_TOKEN_AGE_S - CLOCK_SKEW_S, exp: now + 3600 }, 'expired'],
    [{ ...good, iat: now + CLOCK_SKEW_S + 1 }, 'issued_in_future'],
    [{ ...good, nonce: 'other' }, 'nonce'],
    [{ ...good, nonce: undefined }, 'nonce'],
  ];
  for (const [claims, reason] of cases)
    assert.throws(
      () => checkIdTokenClaims(claims, want),
      refusedAs(reason),
      JSON.stringify(claims),
    );
});

test('no sub: the PersonIdentifier keys the identity, at the level reached', () => {
  const identity = identityFromClaims(
    'nia',
    {
      PersonIdentifier: 'CZ/CZ/abc',
      CurrentGivenName: 'Jana',
      CurrentFamilyName: 'Nováková',
      DateOfBirth: '1984-03-12T00:00:00',
      CurrentAddress: 'Praha',
      eMail: 'j@example.cz',
      acr: 'http://eidas.europa.eu/LoA/high',
      sub: 'ignored',
    },
    'substantial',
  );
  assert.deepEqual(identity, {
    providerId: 'nia',
    personIdentifier: 'CZ/CZ/abc',
    loa: 'high',
    givenName: 'Jana',
    familyName: 'Nováková',
    dateOfBirth: '1984-03-12',
    address: 'Praha',
    email: 'j@example.cz',
  });
  // A sub alone does not identify anyone here.
  assert.throws(
    () => identityFromClaims('nia', { sub: 'x', acr: 'loahigh' }, 'low'),
    refusedAs('no_person_identifier'),
  );
});

test('a level lower than asked, or none, is refused', () => {
  const base = { PersonIdentifier: 'CZ/CZ/abc' };
  assert.throws(
    () =>
      identityFromClaims('nia', { ...base, acr: 'http://eidas.europa.eu/LoA/low' }, 'substantial'),
    refusedAs('loa_too_low'),
  );
  assert.throws(() => identityFromClaims('nia', base, 'low'), refusedAs('loa_too_low'));
  assert.equal(
    identityFromClaims('nia', { ...base, acr: 'loasubstantial' }, 'substantial').loa,
    'substantial',
  );
});

test('a person is told what they can act on; the technical refusals say "not verified"', () => {
  assert.equal(refusalMessage('unknown_state'), 'expired');
  assert.equal(refusalMessage('cancelled'), 'cancelled');
  assert.equal(refusalMessage('loa_too_low'), 'loa_too_low');
  assert.equal(refusalMessage('unreachable'), 'unreachable');
  for (const r of ['signature', 'nonce', 'issuer', 'audience', 'not_encrypted'] as const)
    assert.equal(refusalMessage(r), 'not_verified');
});
