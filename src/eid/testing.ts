/**
 * Test support for eID sign-in: key pairs with self-signed certificates (openssl), an IdP's
 * metadata, and SAML responses minted the way NIA sends them (a signed Response around an
 * EncryptedAssertion, eIDAS attribute names), with knobs to make them hostile.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignedXml } from 'xml-crypto';
import xmlenc from 'xml-encryption';
import { EIDAS_ATTRIBUTES, EIDAS_CONTEXTS, type Loa } from './domain.ts';
import type { SamlProvider } from './saml.ts';

export type KeyPair = { key: string; cert: string };

/** An RSA key and a self-signed certificate for `cn`, made by openssl (as an installation would). */
export function makeKeyPair(cn: string): KeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'okence-keys-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30',
      '-subj', `/CN=${cn}`, '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' }); // prettier-ignore
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The certificate's base64 body, as metadata carries it. */
export function certBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

/** An IdP's metadata with its signing certificate, SSO and SLO (HTTP-Redirect). */
export function idpMetadataXml(o: { entityId: string; base: string; cert: string }): string {
  const redirect = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${o.entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(o.cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="${redirect}" Location="${o.base}/slo"/>
    <md:SingleSignOnService Binding="${redirect}" Location="${o.base}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

/**
 * An EID_PROVIDERS_FILE with one SAML provider `nia` set up like NIA (substantial, assertions
 * signed only in the response), trusting the IdP `entityId` signed by `idp`, with the SP's keys
 * `sp`, in a fresh directory; `name`: its display name in every language.
 */
export function samlProvidersFileFor(o: {
  entityId: string;
  idp: KeyPair;
  sp: KeyPair;
  name?: { sl: string; cs: string; en: string };
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'okence-eid-'));
  writeFileSync(
    join(dir, 'idp.xml'),
    idpMetadataXml({ entityId: o.entityId, base: 'https://idp.test', cert: o.idp.cert }),
  );
  writeFileSync(join(dir, 'sp.key'), o.sp.key);
  writeFileSync(join(dir, 'sp.crt'), o.sp.cert);
  const nia = {
    id: 'nia',
    protocol: 'saml',
    name: o.name ?? { sl: 'NIA', cs: 'NIA', en: 'NIA' },
    loa: 'substantial',
    idpMetadataFile: 'idp.xml',
    spPrivateKeyFile: 'sp.key',
    spCertificateFile: 'sp.crt',
    wantAssertionsSigned: false,
  };
  writeFileSync(join(dir, 'providers.json'), JSON.stringify([nia]));
  return join(dir, 'providers.json');
}

/** A provider configured like NIA, for tests of the engine, with keys made here. */
export function testProvider(o: { publicUrl: string; idp: KeyPair; sp: KeyPair; id?: string }) {
  const id = o.id ?? 'nia';
  const provider: SamlProvider = {
    id,
    idp: {
      entityId: 'urn:microsoft:cgg2010:fpsts',
      ssoUrl: 'https://idp.test/sso',
      sloUrl: 'https://idp.test/slo',
      signingCerts: [certBody(o.idp.cert)],
    },
    spEntityId: `${o.publicUrl}/auth/saml/${id}/metadata`,
    acsUrl: `${o.publicUrl}/auth/saml/${id}/acs`,
    logoutUrl: `${o.publicUrl}/auth/saml/${id}/logout`,
    spPrivateKey: o.sp.key,
    spCertificate: o.sp.cert,
    spType: 'public',
    requestedAttributes: Object.values(EIDAS_ATTRIBUTES),
    attributes: EIDAS_ATTRIBUTES,
    contexts: EIDAS_CONTEXTS,
    wantAssertionsSigned: false,
    requireEncryptedAssertion: true,
    clockSkewMs: 60_000,
  };
  return provider;
}

/** What a minted response says; every field can be set wrong on purpose. */
export type Mint = {
  idp: KeyPair;
  /** The certificate the assertion is encrypted to; null leaves it in the clear. */
  encryptTo: string | null;
  issuer: string;
  destination: string;
  recipient: string;
  audience: string;
  inResponseTo: string;
  now: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  loa?: Loa;
  attributes?: Record<string, string>;
  nameId?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
  responseId?: string;
  assertionId?: string;
  /** When the IdP says it authenticated the citizen; `now` unless given. */
  authnInstant?: Date;
};

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Signs the element `local` (enveloped, the signature after its Issuer), as an IdP does. */
export function signElement(xml: string, local: string, pair: KeyPair): string {
  const sig = new SignedXml({
    privateKey: pair.key,
    publicCert: pair.cert,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  const path = `//*[local-name(.)='${local}']`;
  sig.addReference({ xpath: path, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sig.computeSignature(xml, {
    location: { reference: `${path}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/** Encrypts an assertion to `cert` (aes256-cbc, rsa-oaep-mgf1p: NIA's algorithms). */
export async function encryptAssertion(assertion: string, cert: string): Promise<string> {
  const encrypt = promisify(xmlenc.encrypt) as (c: string, o: object) => Promise<string>;
  const data = await encrypt(assertion, {
    rsa_pub: cert,
    pem: cert,
    encryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
    warnInsecureAlgorithm: false,
  });
  return `<saml:EncryptedAssertion>${data}</saml:EncryptedAssertion>`;
}

/** The assertion's XML, unsigned. */
export function assertionXml(m: Mint, id: string): string {
  const t = (d: Date) => d.toISOString();
  const notBefore = m.notBefore ?? new Date(m.now.getTime() - 30_000);
  const notOnOrAfter = m.notOnOrAfter ?? new Date(m.now.getTime() + 5 * 60_000);
  const attrs = Object.entries(m.attributes ?? {})
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${t(m.now)}"><saml:Issuer>${esc(m.issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${m.nameId ?? '_t1'}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${t(notOnOrAfter)}" Recipient="${esc(m.recipient)}" InResponseTo="${esc(m.inResponseTo)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${t(notBefore)}" NotOnOrAfter="${t(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${esc(m.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${t(m.authnInstant ?? m.now)}" SessionIndex="_s1"><saml:AuthnContext><saml:AuthnContextClassRef>${EIDAS_CONTEXTS[m.loa ?? 'substantial']}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attrs}</saml:AttributeStatement></saml:Assertion>`;
}

/** A SAML Response as the IdP would POST it, as XML (base64 it for the form). */
export async function mintResponse(m: Mint): Promise<string> {
  const assertionId = m.assertionId ?? `_a${randomUUID()}`;
  let assertion = assertionXml(m, assertionId);
  if (m.signAssertion) assertion = signElement(assertion, 'Assertion', m.idp);
  const inner = m.encryptTo ? await encryptAssertion(assertion, m.encryptTo) : assertion;
  const id = m.responseId ?? `_r${randomUUID()}`;
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${m.now.toISOString()}" Destination="${esc(m.destination)}" InResponseTo="${esc(m.inResponseTo)}"><saml:Issuer>${esc(m.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:Response>`;
  return m.signResponse === false ? xml : signElement(xml, 'Response', m.idp);
}

/** The attributes a test person carries, by eIDAS name. */
export function personAttributes(given = 'Jana', family = 'Dvořáková'): Record<string, string> {
  return {
    [EIDAS_ATTRIBUTES.personIdentifier]: `CZ/CZ/${randomUUID()}`,
    [EIDAS_ATTRIBUTES.givenName]: given,
    [EIDAS_ATTRIBUTES.familyName]: family,
    [EIDAS_ATTRIBUTES.dateOfBirth]: '1985-04-12',
  };
}

export const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
