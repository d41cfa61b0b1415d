import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { EIDAS_ATTRIBUTES } from './domain.ts';
import { parseIdpMetadata } from './metadata.ts';
import { authnRequestUrl, spMetadata, verifyResponse, SamlRefusal } from './saml.ts';
import {
  b64,
  idpMetadataXml,
  makeKeyPair,
  mintResponse,
  personAttributes,
  signElement,
  testProvider,
  type Mint,
} from './testing.ts';

const idpKeys = makeKeyPair('idp.test');
const spKeys = makeKeyPair('okence.test');
const otherKeys = makeKeyPair('evil.test');
const publicUrl = 'https://okence.test';
const p = testProvider({ publicUrl, idp: idpKeys, sp: spKeys });
const now = new Date();
const pending = { requestId: '_q42', loa: 'substantial' as const };
const person = personAttributes();

function mint(change: Partial<Mint> = {}): Promise<string> {
  return mintResponse({
    idp: idpKeys,
    encryptTo: spKeys.cert,
    issuer: p.idp.entityId,
    destination: p.acsUrl,
    recipient: p.acsUrl,
    audience: p.spEntityId,
    inResponseTo: pending.requestId,
    now,
    attributes: person,
    ...change,
  });
}

async function refusal(xml: string, asked = pending): Promise<string> {
  try {
    await verifyResponse(p, b64(xml), asked, now);
  } catch (err) {
    if (err instanceof SamlRefusal) return err.reason;
    throw err;
  }
  return 'accepted';
}

test('a signed Response with an encrypted assertion gives the eIDAS identity', async () => {
  const accepted = await verifyResponse(p, b64(await mint()), pending, now);
  assert.equal(accepted.identity.personIdentifier, person[EIDAS_ATTRIBUTES.personIdentifier]);
  assert.equal(accepted.identity.familyName, 'Dvořáková');
  assert.equal(accepted.identity.loa, 'substantial');
  assert.equal(accepted.identity.logout?.sessionIndex, '_s1');
  assert.ok(accepted.validUntil > now);
});

test('the hostile corpus is refused, each for its reason', async () => {
  const other = testProvider({ publicUrl: 'https://other.test', idp: idpKeys, sp: otherKeys });
  const past = new Date(now.getTime() - 3600_000);
  const cases: [string, Promise<string>, string][] = [
    ['unsigned', mint({ signResponse: false }), 'signature'],
    [
      'assertion signed, response not',
      mint({ signResponse: false, signAssertion: true }),
      'signature',
    ],
    ['signed by another key', mint({ idp: otherKeys }), 'signature'],
    ['wrong Destination', mint({ destination: 'https://okence.test/elsewhere' }), 'destination'],
    ['wrong Recipient', mint({ recipient: 'https://okence.test/elsewhere' }), 'destination'],
    ['wrong Audience', mint({ audience: 'https://other.test/sp' }), 'audience'],
    ['wrong InResponseTo', mint({ inResponseTo: '_q43' }), 'request'],
    ['wrong issuer', mint({ issuer: 'urn:evil' }), 'issuer'],
    ['expired', mint({ now: past, notOnOrAfter: new Date(now.getTime() - 120_000) }), 'expired'],
    ['not yet valid', mint({ notBefore: new Date(now.getTime() + 600_000) }), 'not_yet_valid'],
    ['lower level', mint({ loa: 'low' }), 'level'],
    ['in the clear', mint({ encryptTo: null }), 'not_encrypted'],
    [
      'meant for another SP',
      mint({
        encryptTo: otherKeys.cert,
        destination: other.acsUrl,
        recipient: other.acsUrl,
        audience: other.spEntityId,
      }),
      'decryption',
    ],
    [
      'meant for another SP, encrypted to us',
      mint({
        destination: other.acsUrl,
        recipient: other.acsUrl,
        audience: other.spEntityId,
      }),
      'audience',
    ],
    [
      'encrypted to another SP but addressed to us',
      mint({ encryptTo: otherKeys.cert }),
      'decryption',
    ],
  ];
  for (const [name, xml, reason] of cases) assert.equal(await refusal(await xml), reason, name);
});

test('an assertion encrypted to another SP is refused as undecryptable, whichever key it was wrapped with', async () => {
  // The wrapped key is random: as a number it exceeds our modulus about one time in three, and
  // OpenSSL then fails before OAEP decoding, with another message.
  for (let i = 0; i < 30; i++)
    assert.equal(
      await refusal(await mint({ encryptTo: otherKeys.cert })),
      'decryption',
      `try ${i}`,
    );
});

test('signature wrapping: the signed Response moved inside an unsigned one is refused', async () => {
  const signed = await mint();
  const evilPerson = personAttributes('Eve', 'Evil');
  const evil = await mint({ signResponse: false, encryptTo: null, attributes: evilPerson });
  // XSW1: an evil root wraps the genuine signed response in its Extensions.
  const wrapped = evil.replace(
    '<samlp:Status>',
    `<samlp:Extensions>${signed.replace(/^<\?xml[^>]*>/, '')}</samlp:Extensions><samlp:Status>`,
  );
  assert.equal(await refusal(wrapped), 'signature');
  // XSW2: the genuine Signature moved onto the evil root, still pointing at the genuine ID.
  const sig = /<ds:Signature[\s\S]*<\/ds:Signature>|<Signature[\s\S]*<\/Signature>/.exec(
    signed,
  )![0];
  const genuineId = /ID="([^"]+)"/.exec(signed)![1]!;
  const moved = evil
    .replace(/ID="[^"]+"/, `ID="${genuineId}x"`)
    .replace('</saml:Issuer>', `</saml:Issuer>${sig}`)
    .replace('<samlp:Status>', `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`);
  assert.equal(await refusal(moved), 'signature');
  // XSW3: the evil root takes the genuine ID, so the reference names two elements.
  const twin = evil
    .replace(/ID="_r[^"]+"/, `ID="${genuineId}"`)
    .replace('<samlp:Status>', `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`);
  assert.equal(await refusal(twin), 'signature');
  // A second, unsigned assertion beside the signed encrypted one.
  const evilAssertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(evil)![0];
  const extra = signed.replace('</samlp:Response>', `${evilAssertion}</samlp:Response>`);
  assert.equal(await refusal(extra), 'signature');
});

test('comment injection in NameID and attributes is refused', async () => {
  const clear = { ...p, requireEncryptedAssertion: false };
  const signed = await mint({ encryptTo: null, nameId: 'jana@example.cz.evil.test' });
  const inNameId = signed.replace('jana@example.cz', 'jana@example.cz<!---->');
  const id = person[EIDAS_ATTRIBUTES.personIdentifier]!;
  const inAttribute = signed.replace(id, `${id.slice(0, 6)}<!-- -->${id.slice(6)}`);
  for (const xml of [inNameId, inAttribute]) {
    await assert.rejects(verifyResponse(clear, b64(xml), pending, now), (e: SamlRefusal) => {
      assert.equal(e.reason, 'malformed');
      return true;
    });
  }
  // Without the comment the same signed document is accepted: the refusal is the comment's.
  assert.ok(await verifyResponse(clear, b64(signed), pending, now));
});

test('a DTD with entities is refused before parsing', async () => {
  const signed = await mint();
  const dtd = `<!DOCTYPE r [<!ENTITY x "y">]>${signed}`;
  assert.equal(await refusal(dtd), 'malformed');
});

test('the AuthnRequest asks for the eIDAS level with comparison minimum and the extensions', async () => {
  const url = new URL(await authnRequestUrl(p, { id: '_q1', loa: 'high', relayState: 'r' }));
  assert.equal(url.origin + url.pathname, 'https://idp.test/sso');
  assert.ok(url.searchParams.get('Signature'), 'the request is signed');
  const xml = inflateRawSync(
    Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64'),
  ).toString();
  assert.match(xml, /ID="_q1"/);
  assert.match(xml, /Comparison="minimum"/);
  assert.match(xml, /<saml:AuthnContextClassRef[^>]*>http:\/\/eidas.europa.eu\/LoA\/high</);
  assert.match(xml, /<eidas:SPType[^>]*>public<\/eidas:SPType>/);
  assert.match(
    xml,
    /RequestedAttribute Name="http:\/\/eidas.europa.eu\/attributes\/naturalperson\/PersonIdentifier"[^>]*isRequired="true"/,
  );
  assert.match(xml, /AssertionConsumerServiceURL="https:\/\/okence.test\/auth\/saml\/nia\/acs"/);
});

test('SP metadata carries the signing and the encryption certificate and the endpoints', () => {
  const xml = spMetadata(p);
  assert.match(xml, /entityID="https:\/\/okence.test\/auth\/saml\/nia\/metadata"/);
  assert.match(xml, /use="signing"/);
  assert.match(xml, /use="encryption"/);
  assert.match(xml, /Location="https:\/\/okence.test\/auth\/saml\/nia\/acs"/);
  assert.match(xml, /Location="https:\/\/okence.test\/auth\/saml\/nia\/logout"/);
});

test('IdP metadata gives the entity, endpoints and keys, or one clear line', () => {
  const xml = idpMetadataXml({ entityId: 'urn:idp', base: 'https://idp.test', cert: idpKeys.cert });
  const md = parseIdpMetadata(xml);
  assert.equal(md.entityId, 'urn:idp');
  assert.equal(md.ssoUrl, 'https://idp.test/sso');
  assert.equal(md.sloUrl, 'https://idp.test/slo');
  assert.equal(md.signingCerts.length, 1);
  assert.throws(() => parseIdpMetadata('<x'), /not well-formed/);
  assert.throws(
    () => parseIdpMetadata(xml.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, '')),
    /no signing certificate/,
  );
  assert.throws(() => parseIdpMetadata(`<!DOCTYPE x>${xml}`), /DTD/);
  // The signing helper is what the tests sign with; keep it honest: it signs the named element.
  assert.match(
    signElement(
      xml
        .replace('<md:IDPSSODescriptor', '<Issuer>i</Issuer><md:IDPSSODescriptor')
        .replace('<md:EntityDescriptor ', '<md:EntityDescriptor ID="_m" '),
      'EntityDescriptor',
      idpKeys,
    ),
    /Reference URI="#_m"/,
  );
});
