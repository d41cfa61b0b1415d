import { createRequire } from 'node:module';
import type * as XmlDom from '@xmldom/xmldom';
import type * as XPath from 'xpath';

// xmldom and xpath (CommonJS, ~0.3 MB of source and ~1.5 MB of RSS) are required at the first
// parse, not at start, so an installation without a SAML provider never loads them (decision
// 028); `require` keeps the parse synchronous, so a bad metadata file still stops the start.
const require = createRequire(import.meta.url);
let xml:
  | { DOMParser: typeof XmlDom.DOMParser; select: ReturnType<typeof XPath.useNamespaces> }
  | undefined;
function xmlTools() {
  if (xml) return xml;
  const { DOMParser } = require('@xmldom/xmldom') as typeof XmlDom;
  const xpath = require('xpath') as typeof XPath;
  const select = xpath.useNamespaces({ md: MD, ds: 'http://www.w3.org/2000/09/xmldsig#' });
  return (xml = { DOMParser, select });
}

/** What Okence needs from an IdP's SAML metadata: its name, where to send people, its signing keys. */
export type IdpMetadata = {
  entityId: string;
  /** SingleSignOnService with the HTTP-Redirect binding. */
  ssoUrl: string;
  /** SingleLogoutService with the HTTP-Redirect binding, when the IdP offers single logout. */
  sloUrl: string | null;
  /** Base64 DER certificates of the IdP's signing keys: the only keys a response may be signed with. */
  signingCerts: string[];
};

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
function text(node: Node, path: string): string[] {
  return (xmlTools().select(path, node) as Node[]).map((n) =>
    (n.nodeValue ?? n.textContent ?? '').trim(),
  );
}

/**
 * Reads an IdP's metadata (SAML 2.0 Metadata §2.4.3). Throws an Error whose message is one
 * clear line when something Okence needs is missing, so a misconfigured provider stops the start.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('IdP metadata must not contain a DTD');
  const { DOMParser, select } = xmlTools();
  let errors = 0;
  const doc = new DOMParser({
    errorHandler: { error: () => errors++, fatalError: () => errors++ },
  }).parseFromString(xml, 'text/xml');
  if (errors > 0 || !doc.documentElement) throw new Error('IdP metadata is not well-formed XML');
  const idp = (select('//md:EntityDescriptor[md:IDPSSODescriptor]', doc) as Node[])[0];
  if (!idp) throw new Error('IdP metadata has no EntityDescriptor with an IDPSSODescriptor');
  const entityId = text(idp, '@entityID')[0];
  const sso = text(
    idp,
    `md:IDPSSODescriptor/md:SingleSignOnService[@Binding='${REDIRECT}']/@Location`,
  );
  const slo = text(
    idp,
    `md:IDPSSODescriptor/md:SingleLogoutService[@Binding='${REDIRECT}']/@Location`,
  );
  const keys = 'md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use="signing"]';
  const signingCerts = text(idp, `${keys}/ds:KeyInfo/ds:X509Data/ds:X509Certificate`).map((c) =>
    c.replace(/\s+/g, ''),
  );
  if (!entityId) throw new Error('IdP metadata has no entityID');
  if (!sso[0])
    throw new Error('IdP metadata has no SingleSignOnService with the HTTP-Redirect binding');
  if (signingCerts.length === 0) throw new Error('IdP metadata has no signing certificate');
  return { entityId, ssoUrl: sso[0], sloUrl: slo[0] ?? null, signingCerts };
}
