import { SAML, SamlStatusError, ValidateInResponseTo, type SamlConfig } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import xpath from 'xpath';
import {
  checkResponse,
  hasXmlOddities,
  SamlRefusal,
  identityFrom,
  type AttributeMap,
  type Loa,
  type Refusal,
  type ResponseFacts,
  type VerifiedIdentity,
} from './domain.ts';
import type { IdpMetadata } from './metadata.ts';

export { SamlRefusal } from './domain.ts';

/** One SAML provider as the engine uses it: the IdP, our SP's names and keys, and its profile. */
export type SamlProvider = {
  id: string;
  idp: IdpMetadata;
  spEntityId: string;
  acsUrl: string;
  logoutUrl: string;
  spPrivateKey: string;
  spCertificate: string;
  /** eIDAS SPType sent in the AuthnRequest; null sends no eIDAS extensions. */
  spType: 'public' | 'private' | null;
  /** Attribute Names asked for in eIDAS RequestedAttributes (the PersonIdentifier is required). */
  requestedAttributes: string[];
  attributes: AttributeMap;
  contexts: Record<Loa, string>;
  wantAssertionsSigned: boolean;
  requireEncryptedAssertion: boolean;
  clockSkewMs: number;
};

const EIDAS_NS = 'http://eidas.europa.eu/saml-extensions';
const URI_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';

/** node-saml's settings for a provider; `requestId` names the AuthnRequest or LogoutRequest it makes. */
function samlConfig(p: SamlProvider, loa: Loa, requestId?: string, forceAuthn = false): SamlConfig {
  return {
    entryPoint: p.idp.ssoUrl,
    logoutUrl: p.idp.sloUrl ?? p.idp.ssoUrl,
    logoutCallbackUrl: p.logoutUrl,
    issuer: p.spEntityId,
    audience: p.spEntityId,
    callbackUrl: p.acsUrl,
    idpCert: p.idp.signingCerts,
    idpIssuer: p.idp.entityId,
    privateKey: p.spPrivateKey,
    publicCert: p.spCertificate,
    decryptionPvk: p.spPrivateKey,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    wantAuthnResponseSigned: true,
    wantAssertionsSigned: p.wantAssertionsSigned,
    acceptedClockSkewMs: p.clockSkewMs,
    // InResponseTo is checked by checkResponse against the request kept in the database, and
    // the request is consumed there in one statement (service.ts): node-saml's cache is not used.
    validateInResponseTo: ValidateInResponseTo.never,
    identifierFormat: null,
    authnContext: [p.contexts[loa]],
    racComparison: 'minimum',
    samlAuthnRequestExtensions: p.spType ? eidasExtensions(p) : undefined,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
    // ForceAuthn="true": the IdP must authenticate the citizen anew, not answer from its own
    // session (an act authorised by a fresh sign-in, decision 042).
    ...(forceAuthn ? { forceAuthn: true } : {}),
  };
}

/** The eIDAS AuthnRequest extensions NIA expects (eIDAS SAML Message Format 1.2, §2.3.1). */
function eidasExtensions(p: SamlProvider) {
  return {
    'eidas:SPType': { '@xmlns:eidas': EIDAS_NS, '#text': p.spType },
    'eidas:RequestedAttributes': {
      '@xmlns:eidas': EIDAS_NS,
      'eidas:RequestedAttribute': p.requestedAttributes.map((name) => ({
        '@Name': name,
        '@NameFormat': URI_FORMAT,
        '@isRequired': String(name === p.attributes.personIdentifier),
      })),
    },
  };
}

/** The URL that sends the browser to the IdP with a signed AuthnRequest (HTTP-Redirect binding). */
export async function authnRequestUrl(
  p: SamlProvider,
  request: { id: string; loa: Loa; relayState: string; forceAuthn?: boolean },
): Promise<string> {
  const saml = new SAML(samlConfig(p, request.loa, request.id, request.forceAuthn));
  return saml.getAuthorizeUrlAsync(request.relayState, undefined, {});
}

/** Our SP metadata, with the signing and the encryption certificate, for registration with the IdP. */
export function spMetadata(p: SamlProvider): string {
  const saml = new SAML(samlConfig(p, 'substantial'));
  return saml.generateServiceProviderMetadata(p.spCertificate, p.spCertificate);
}

/** node-saml with one addition: it keeps the XML the response signature covers, for our checks. */
class CapturingSaml extends SAML {
  verifiedResponse: string | null = null;
  protected override async getSignedAssertion(signedXml: string): Promise<string | null> {
    this.verifiedResponse = signedXml;
    return super.getSignedAssertion(signedXml);
  }
}

/** The node-saml error messages that are about time or audience, mapped to our refusals. */
function refusalOf(err: unknown): Refusal {
  if (err instanceof SamlStatusError) return 'idp_status';
  const message = err instanceof Error ? err.message : '';
  // Our key could not open it: encrypted to another SP (or tampered with). A key wrapped for a
  // longer modulus than ours fails before OAEP decoding, as "data too large for modulus": a
  // third of the keys wrapped to another SP's 2048-bit key, which once made a test flaky.
  if (/oaep|decrypt|too large for modulus/i.test(message)) return 'decryption';
  if (/not yet valid/.test(message)) return 'not_yet_valid';
  if (/expired/.test(message)) return 'expired';
  if (/audience|AudienceRestriction/i.test(message)) return 'audience';
  return 'signature';
}

const parser = () => new DOMParser({ errorHandler: { error: fail, fatalError: fail } });
function fail(message: string): never {
  throw new SamlRefusal('malformed', message);
}

const select = xpath.useNamespaces({
  p: 'urn:oasis:names:tc:SAML:2.0:protocol',
  a: 'urn:oasis:names:tc:SAML:2.0:assertion',
});
function values(node: Node, path: string): string[] {
  return (select(path, node) as Node[]).map((n) => n.nodeValue ?? n.textContent ?? '');
}
function one(node: Node, path: string): string | null {
  return values(node, path)[0] ?? null;
}
function instant(value: string | null): Date | null {
  if (value === null) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) fail(`bad instant ${value}`);
  return d;
}

/** The facts of a verified response: the Response from the signed bytes, the Assertion decrypted. */
function factsOf(responseXml: string, assertionXml: string, encrypted: boolean): ResponseFacts {
  const response = parser().parseFromString(responseXml, 'text/xml').documentElement;
  const assertion = parser().parseFromString(assertionXml, 'text/xml').documentElement;
  const bearer = "a:Subject/a:SubjectConfirmation[@Method='urn:oasis:names:tc:SAML:2.0:cm:bearer']";
  const confirmations = (select(bearer, assertion) as Node[]).map((c) => ({
    recipient: one(c, 'a:SubjectConfirmationData/@Recipient'),
    inResponseTo: one(c, 'a:SubjectConfirmationData/@InResponseTo'),
    notOnOrAfter: instant(one(c, 'a:SubjectConfirmationData/@NotOnOrAfter')),
  }));
  return {
    responseId: one(response, '@ID') ?? fail('no Response ID'),
    destination: one(response, '@Destination'),
    responseIssuer: one(response, 'a:Issuer'),
    inResponseTo: one(response, '@InResponseTo'),
    assertionId: one(assertion, '@ID') ?? fail('no Assertion ID'),
    assertionIssuer: one(assertion, 'a:Issuer'),
    encrypted,
    confirmations,
    notBefore: instant(one(assertion, 'a:Conditions/@NotBefore')),
    notOnOrAfter: instant(one(assertion, 'a:Conditions/@NotOnOrAfter')),
    audiences: values(assertion, 'a:Conditions/a:AudienceRestriction/a:Audience').map((s) =>
      s.trim(),
    ),
    authnContext: one(assertion, 'a:AuthnStatement/a:AuthnContext/a:AuthnContextClassRef'),
  };
}

/** Attribute Name → its one value (textContent: every text node, so a comment cannot cut a value). */
function attributesOf(assertionXml: string): Map<string, string> {
  const assertion = parser().parseFromString(assertionXml, 'text/xml').documentElement;
  const out = new Map<string, string>();
  for (const attr of select('a:AttributeStatement/a:Attribute', assertion) as Element[]) {
    const name = attr.getAttribute('Name') ?? '';
    const vals = values(attr, 'a:AttributeValue');
    // Two values, or the same attribute twice, leave it ambiguous which one the IdP meant.
    if (out.has(name) || vals.length > 1) fail(`attribute ${name} is not single-valued`);
    if (vals.length === 1) out.set(name, vals[0]!);
  }
  return out;
}

/** A response that passed every check: the identity, and the ids the replay cache must remember. */
export type AcceptedResponse = {
  identity: VerifiedIdentity;
  responseId: string;
  assertionId: string;
  /** When the assertion stops being usable anyway; the replay cache keeps the ids until then. */
  validUntil: Date;
  /** When the IdP authenticated the citizen (AuthnStatement/@AuthnInstant), if it said. */
  authnInstant: Date | null;
  /** SHA-256 (hex) of the Response XML the IdP's signature covers, as received. */
  signedSha256: string;
};

/**
 * Verifies a POSTed SAMLResponse (base64) against the pending request `requestId` asked at level
 * `loa`: signature by the IdP's keys only, decryption with our key, then checkResponse. Throws
 * SamlRefusal. The caller still has to consume the request and record the ids (replay).
 */
export async function verifyResponse(
  p: SamlProvider,
  samlResponse: string,
  pending: { requestId: string; loa: Loa },
  now: Date,
): Promise<AcceptedResponse> {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (!xml.trimStart().startsWith('<') || hasXmlOddities(xml))
    throw new SamlRefusal('malformed', 'not a plain SAML document');
  const saml = new CapturingSaml(samlConfig(p, pending.loa));
  let assertionXml: string;
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    assertionXml = profile?.getAssertionXml?.() ?? fail('no assertion');
  } catch (err) {
    if (err instanceof SamlRefusal) throw err;
    throw new SamlRefusal(refusalOf(err), err instanceof Error ? err.message : String(err));
  }
  if (!saml.verifiedResponse) throw new SamlRefusal('signature', 'the Response is not signed');
  if (hasXmlOddities(assertionXml)) throw new SamlRefusal('malformed', 'markup in the assertion');
  const encrypted = /EncryptedAssertion/.test(saml.verifiedResponse);
  const facts = factsOf(saml.verifiedResponse, assertionXml, encrypted);
  const verdict = checkResponse(facts, {
    acsUrl: p.acsUrl,
    spEntityId: p.spEntityId,
    idpEntityId: p.idp.entityId,
    requestId: pending.requestId,
    loa: pending.loa,
    contexts: p.contexts,
    requireEncryption: p.requireEncryptedAssertion,
    now,
    skewMs: p.clockSkewMs,
  });
  if (typeof verdict === 'string') throw new SamlRefusal(verdict, 'checkResponse');
  const identity = identityFrom(attributesOf(assertionXml), p.attributes, p.id, verdict.loa);
  if (typeof identity === 'string') throw new SamlRefusal(identity, 'attributes');
  identity.logout = logoutData(assertionXml);
  const ends = [facts.notOnOrAfter, ...facts.confirmations.map((c) => c.notOnOrAfter)];
  const validUntil = new Date(Math.max(...ends.map((d) => d?.getTime() ?? 0)) + p.clockSkewMs);
  const assertion = parser().parseFromString(assertionXml, 'text/xml').documentElement;
  return {
    identity,
    responseId: facts.responseId,
    assertionId: facts.assertionId,
    validUntil,
    authnInstant: instant(one(assertion, 'a:AuthnStatement/@AuthnInstant')),
    signedSha256: createHash('sha256').update(saml.verifiedResponse).digest('hex'),
  };
}

/** What an SP-initiated LogoutRequest must name: the NameID as the IdP gave it, and its session. */
function logoutData(assertionXml: string): Record<string, string> {
  const a = parser().parseFromString(assertionXml, 'text/xml').documentElement;
  const out: Record<string, string> = {};
  const pairs: [string, string][] = [
    ['nameID', 'a:Subject/a:NameID'],
    ['nameIDFormat', 'a:Subject/a:NameID/@Format'],
    ['nameQualifier', 'a:Subject/a:NameID/@NameQualifier'],
    ['spNameQualifier', 'a:Subject/a:NameID/@SPNameQualifier'],
    ['sessionIndex', 'a:AuthnStatement/@SessionIndex'],
  ];
  for (const [key, path] of pairs) {
    const v = one(a, path);
    if (v) out[key] = v;
  }
  return out;
}

/**
 * The URL of an SP-initiated LogoutRequest `requestId` to the IdP, or null when the IdP has no
 * single logout or the session no NameID to name.
 */
export async function logoutRequestUrl(
  p: SamlProvider,
  logout: Record<string, string>,
  relayState: string,
  requestId?: string,
): Promise<string | null> {
  if (!p.idp.sloUrl || !logout.nameID) return null;
  const saml = new SAML(samlConfig(p, 'substantial', requestId));
  const user = { issuer: p.idp.entityId, nameID: logout.nameID, nameIDFormat: '', ...logout };
  return saml.getLogoutUrlAsync(user, relayState, {});
}

/** An IdP-initiated LogoutRequest (HTTP-Redirect), signed by the IdP: whom to sign out, and the reply. */
export async function idpLogout(
  p: SamlProvider,
  query: Record<string, string>,
  rawQuery: string,
): Promise<{ nameID: string; sessionIndex: string | null; replyUrl: string }> {
  // node-saml accepts an unsigned redirect message; a stranger must not end someone's session.
  if (!query.SAMLRequest || !query.Signature || !query.SigAlg)
    throw new SamlRefusal('signature', 'unsigned LogoutRequest');
  const saml = new SAML(samlConfig(p, 'substantial'));
  try {
    const { profile } = await saml.validateRedirectAsync(query, rawQuery);
    if (!profile?.nameID) throw new SamlRefusal('malformed', 'LogoutRequest without NameID');
    const replyUrl = await saml.getLogoutResponseUrlAsync(
      profile,
      query.RelayState ?? '',
      {},
      true,
    );
    return { nameID: profile.nameID, sessionIndex: profile.sessionIndex ?? null, replyUrl };
  } catch (err) {
    if (err instanceof SamlRefusal) throw err;
    throw new SamlRefusal(refusalOf(err), err instanceof Error ? err.message : String(err));
  }
}

/**
 * The IdP's LogoutResponse to our LogoutRequest (HTTP-Redirect), signed by the IdP with a
 * success status: the id of the request it answers. Throws SamlRefusal otherwise.
 */
export async function logoutResponse(
  p: SamlProvider,
  query: Record<string, string>,
  rawQuery: string,
): Promise<{ inResponseTo: string }> {
  // node-saml accepts an unsigned redirect message; only the IdP may say it has signed out.
  if (!query.SAMLResponse || !query.Signature || !query.SigAlg)
    throw new SamlRefusal('signature', 'unsigned LogoutResponse');
  const saml = new SAML(samlConfig(p, 'substantial'));
  try {
    await saml.validateRedirectAsync(query, rawQuery);
  } catch (err) {
    throw new SamlRefusal(refusalOf(err), err instanceof Error ? err.message : String(err));
  }
  // Read only after the signature over the whole message has been checked.
  const xml = inflateRawSync(Buffer.from(query.SAMLResponse, 'base64'), {
    maxOutputLength: 100_000,
  }).toString('utf8');
  const inResponseTo = /<(?:\w+:)?LogoutResponse\b[^>]*\sInResponseTo="([^"]{1,128})"/.exec(
    xml,
  )?.[1];
  if (!inResponseTo) throw new SamlRefusal('request', 'LogoutResponse without InResponseTo');
  return { inResponseTo };
}
