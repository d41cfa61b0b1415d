/**
 * The eID sign-in's pure rules (decision 030): levels of assurance, the attribute profile that
 * turns a verified SAML assertion into an identity, the checks a verified response must pass,
 * and the return address after sign-in. No I/O: `saml.ts` extracts the facts, this decides.
 */

// The levels, the identity handed to signIn and the return-path rule are the citizens' own
// (citizens/domain.ts): one definition for SAML, OIDC and the e-mail sign-in.
import {
  LOAS,
  loaAtLeast,
  safeReturnPath,
  type Loa,
  type VerifiedIdentity,
} from '../citizens/service.ts';
export type { Loa, VerifiedIdentity } from '../citizens/service.ts';

/** The eIDAS AuthnContextClassRef of each level (eIDAS SAML Attribute Profile 1.2, §2.4). */
export const EIDAS_LOA_PREFIX = 'http://eidas.europa.eu/LoA/';

/** Why a response was refused; each has its own line on the refusal page and in the audit log. */
export type Refusal =
  | 'signature'
  | 'malformed'
  | 'destination'
  | 'issuer'
  | 'request'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'replay'
  | 'level'
  | 'not_encrypted'
  | 'decryption'
  | 'no_identifier'
  | 'idp_status';

/** A refusal thrown by the SAML engine (saml.ts); the service audits it and renders its page. */
export class SamlRefusal extends Error {
  readonly reason: Refusal;
  /** Set when the refused answer was to an act's sign-in: the draft's page (decision 042). */
  act?: { returnTo: string };
  constructor(reason: Refusal, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
  }
}

export const REFUSALS: readonly Refusal[] = [
  'signature',
  'malformed',
  'destination',
  'issuer',
  'request',
  'audience',
  'expired',
  'not_yet_valid',
  'replay',
  'level',
  'not_encrypted',
  'decryption',
  'no_identifier',
  'idp_status',
];

/** The level named by an AuthnContextClassRef, through the provider's table; null when unknown. */
export function levelOf(classRef: string | null, contexts: Record<Loa, string>): Loa | null {
  if (classRef === null) return null;
  return LOAS.find((l) => contexts[l] === classRef.trim()) ?? null;
}

/** The eIDAS class references, which NIA uses; a provider may name its own (SI-PASS: unverified). */
export const EIDAS_CONTEXTS: Record<Loa, string> = {
  low: `${EIDAS_LOA_PREFIX}low`,
  substantial: `${EIDAS_LOA_PREFIX}substantial`,
  high: `${EIDAS_LOA_PREFIX}high`,
};

/** The fields of an identity, each read from one SAML attribute (by its Name). */
export type AttributeMap = {
  personIdentifier: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  address: string;
  email: string;
};

const NATURAL_PERSON = 'http://eidas.europa.eu/attributes/naturalperson/';

/** The eIDAS natural-person attributes NIA sends (standards.md §6); the default for every provider. */
export const EIDAS_ATTRIBUTES: AttributeMap = {
  personIdentifier: `${NATURAL_PERSON}PersonIdentifier`,
  givenName: `${NATURAL_PERSON}CurrentGivenName`,
  familyName: `${NATURAL_PERSON}CurrentFamilyName`,
  dateOfBirth: `${NATURAL_PERSON}DateOfBirth`,
  address: `${NATURAL_PERSON}CurrentAddress`,
  email: 'http://www.stork.gov.eu/1.0/eMail',
};

/** A Czech birth number (rodné číslo): 9 or 10 digits with an optional slash. Never a key. */
const BIRTH_NUMBER = /^\d{6}\/?\d{3,4}$/;

/** The longest value kept from an attribute; a longer one is a malformed response. */
export const MAX_ATTRIBUTE_LENGTH = 1000;

/**
 * The identity in the attributes, or the refusal: a missing PersonIdentifier, or one that is a
 * birth number (an account is keyed on the provider's identifier, never on the birth number).
 */
export function identityFrom(
  attributes: Map<string, string>,
  map: AttributeMap,
  providerId: string,
  loa: Loa,
): VerifiedIdentity | Refusal {
  for (const value of attributes.values())
    if (value.length > MAX_ATTRIBUTE_LENGTH) return 'malformed';
  const personIdentifier = attributes.get(map.personIdentifier)?.trim() ?? '';
  if (personIdentifier === '' || BIRTH_NUMBER.test(personIdentifier)) return 'no_identifier';
  const optional = (name: string) => {
    const v = attributes.get(name)?.trim();
    return v ? v : undefined;
  };
  const identity: VerifiedIdentity = { providerId, personIdentifier, loa };
  const fields = ['givenName', 'familyName', 'dateOfBirth', 'address', 'email'] as const;
  for (const field of fields) {
    const value = optional(map[field]);
    if (value !== undefined) identity[field] = value;
  }
  return identity;
}

/** What `saml.ts` reads from the signed (and decrypted) XML, after the signature checked out. */
export type ResponseFacts = {
  responseId: string;
  destination: string | null;
  responseIssuer: string | null;
  inResponseTo: string | null;
  assertionId: string;
  assertionIssuer: string | null;
  encrypted: boolean;
  /** Bearer confirmations: where the IdP meant the assertion to go, for which request, until when. */
  confirmations: {
    recipient: string | null;
    inResponseTo: string | null;
    notOnOrAfter: Date | null;
  }[];
  notBefore: Date | null;
  notOnOrAfter: Date | null;
  audiences: string[];
  authnContext: string | null;
};

/** What the response must match: our endpoint and name, the IdP's name, the pending request. */
export type Expected = {
  acsUrl: string;
  spEntityId: string;
  idpEntityId: string;
  requestId: string;
  loa: Loa;
  contexts: Record<Loa, string>;
  requireEncryption: boolean;
  now: Date;
  skewMs: number;
};

/** The most clock difference accepted between us and an IdP, whatever a provider configures. */
export const MAX_SKEW_MS = 3 * 60_000;

/**
 * Checks a verified response against what we asked for (SAML 2.0 Core §3.2.2, Profiles §4.1.4.3):
 * the first failing check is the refusal, or the level the IdP vouched for.
 */
export function checkResponse(f: ResponseFacts, e: Expected): Refusal | { loa: Loa } {
  const skew = Math.min(Math.max(e.skewMs, 0), MAX_SKEW_MS);
  const now = e.now.getTime();
  // A response for another SP names another Destination, Audience or Recipient: each is refused.
  if (f.destination !== e.acsUrl) return 'destination';
  if (f.responseIssuer !== null && f.responseIssuer !== e.idpEntityId) return 'issuer';
  if (f.assertionIssuer !== e.idpEntityId) return 'issuer';
  if (f.inResponseTo !== e.requestId) return 'request';
  if (e.requireEncryption && !f.encrypted) return 'not_encrypted';
  if (!f.audiences.includes(e.spEntityId)) return 'audience';
  if (f.notBefore && now + skew < f.notBefore.getTime()) return 'not_yet_valid';
  if (f.notOnOrAfter && now - skew >= f.notOnOrAfter.getTime()) return 'expired';
  if (f.confirmations.length === 0) return 'malformed';
  for (const c of f.confirmations) {
    if (c.recipient !== e.acsUrl) return 'destination';
    if (c.inResponseTo !== e.requestId) return 'request';
    if (!c.notOnOrAfter) return 'malformed';
    if (now - skew >= c.notOnOrAfter.getTime()) return 'expired';
  }
  const loa = levelOf(f.authnContext, e.contexts);
  if (loa === null || !loaAtLeast(loa, e.loa)) return 'level';
  return { loa };
}

/**
 * Markup that has no place in a SAML message and is the usual tool of an attack: comments (which
 * canonicalisation drops, so a value can read differently from what was signed), DTDs and
 * entities, processing instructions. Refused before the document is parsed.
 */
export function hasXmlOddities(xml: string): boolean {
  return /<!--|<!DOCTYPE|<!ENTITY|<\?(?!xml[\s?])/i.test(xml);
}

/** Where to go after sign-in: a local path of ours only (citizens' rule), else the account. */
export function safeReturn(value: string | undefined): string {
  return safeReturnPath(value) ?? '/account';
}
