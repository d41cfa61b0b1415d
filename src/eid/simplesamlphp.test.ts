import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EIDAS_ATTRIBUTES, type Loa } from './domain.ts';
import { parseIdpMetadata } from './metadata.ts';
import type { SamlRefusal } from './saml.ts';
import { authnRequestUrl, verifyResponse, type SamlProvider } from './saml.ts';
import { makeKeyPair, personAttributes, testProvider } from './testing.ts';
import { signInAtIdp, startSimpleSamlPhp, type RunningIdp } from './testing-simplesamlphp.ts';

// A real IdP (simplesamlphp under php -S) on loopback, set up like NIA.
const sp = makeKeyPair('okence.loopback');
const template = testProvider({ publicUrl: 'http://127.0.0.1:9', idp: sp, sp });
const person = personAttributes('Jana', 'Dvořáková');
let idp: RunningIdp;
let p: SamlProvider;

before(async () => {
  idp = await startSimpleSamlPhp({
    sp: {
      entityId: template.spEntityId,
      acsUrl: template.acsUrl,
      logoutUrl: template.logoutUrl,
      cert: sp.cert,
    },
    users: [{ user: 'jana', password: 'heslo', attributes: person }],
  });
  p = { ...template, idp: parseIdpMetadata(await (await fetch(idp.metadataUrl)).text()) };
});
after(() => idp?.stop());

test('signing in at simplesamlphp gives a signed Response with an encrypted assertion we accept', async () => {
  const url = await authnRequestUrl(p, { id: '_q1', loa: 'substantial', relayState: 'rs' });
  const posted = await signInAtIdp(url, 'jana', 'heslo');
  assert.equal(posted.action, p.acsUrl);
  assert.equal(posted.RelayState, 'rs');
  const xml = Buffer.from(posted.SAMLResponse, 'base64').toString();
  assert.match(xml, /<saml:EncryptedAssertion>/);
  assert.doesNotMatch(xml, /<saml:Assertion /, 'the assertion never travels in the clear');
  const pending: { requestId: string; loa: Loa } = { requestId: '_q1', loa: 'substantial' };
  const accepted = await verifyResponse(p, posted.SAMLResponse, pending, new Date());
  assert.equal(accepted.identity.personIdentifier, person[EIDAS_ATTRIBUTES.personIdentifier]);
  assert.equal(accepted.identity.givenName, 'Jana');
  assert.ok(accepted.identity.logout?.nameID);
  // The same real response: asked at a higher level, for another request, or with the
  // assertion signature required (simplesamlphp signs only the Response, as NIA does).
  const refused = async (q: typeof pending, provider = p) =>
    verifyResponse(provider, posted.SAMLResponse, q, new Date()).then(
      () => 'accepted',
      (e: SamlRefusal) => e.reason,
    );
  assert.equal(await refused({ requestId: '_q1', loa: 'high' }), 'level');
  assert.equal(await refused({ requestId: '_q2', loa: 'substantial' }), 'request');
  assert.equal(await refused(pending, { ...p, wantAssertionsSigned: true }), 'signature');
  assert.equal(
    await refused(pending, { ...p, spEntityId: 'http://127.0.0.1:9/other' }),
    'audience',
  );
  const stranger = makeKeyPair('stranger');
  assert.equal(
    await refused(pending, {
      ...p,
      idp: { ...p.idp, signingCerts: [stranger.cert.replace(/-----[^-]+-----|\s/g, '')] },
    }),
    'signature',
  );
});
