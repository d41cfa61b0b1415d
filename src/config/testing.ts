import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Stand-ins of the right kind: start-up checks a file's kind, not the key in it.
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n';
const METADATA = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>';

/** The example providers list of the README (docs/examples/eid-providers.json). */
export function exampleProviders(): Record<string, unknown>[] {
  const path = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'eid-providers.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
}

/**
 * A providers file (`list`, or raw text) in a fresh folder holding the key, certificate and
 * metadata files the example names; its path, for EID_PROVIDERS_FILE.
 */
export function providersFile(list: unknown = exampleProviders()): string {
  const dir = mkdtempSync(join(tmpdir(), 'okence-eid-'));
  mkdirSync(join(dir, 'keys'));
  mkdirSync(join(dir, 'metadata'));
  for (const name of ['nia-sp', 'sipass-sp', 'nia-oidc']) {
    writeFileSync(join(dir, 'keys', `${name}.key`), KEY);
    writeFileSync(join(dir, 'keys', `${name}.crt`), CERT);
  }
  writeFileSync(join(dir, 'metadata', 'nia-idp.xml'), METADATA);
  const path = join(dir, 'providers.json');
  writeFileSync(path, typeof list === 'string' ? list : JSON.stringify(list));
  return path;
}
