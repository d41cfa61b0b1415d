import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idpMetadataXml, makeKeyPair, type KeyPair } from '../eid/testing.ts';

// Real keys and metadata: the protocols' services load them at start. One pair per process.
let pair: KeyPair | undefined;
const keyPair = () => (pair ??= makeKeyPair('okence.test'));

/** The example providers list of the README (docs/examples/eid-providers.json). */
export function exampleProviders(): Record<string, unknown>[] {
  const path = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'eid-providers.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
}

/**
 * The example with no address to fetch at start: SI-PASS's metadata from a file too (the
 * app tests run without a network).
 */
export function offlineProviders(): Record<string, unknown>[] {
  return exampleProviders().map((p) =>
    p.idpMetadataUrl
      ? { ...p, idpMetadataUrl: undefined, idpMetadataFile: 'metadata/nia-idp.xml' }
      : p,
  );
}

/**
 * A providers file (`list`, or raw text) in a fresh folder holding the key, certificate and
 * metadata files the example names; its path, for EID_PROVIDERS_FILE.
 */
export function providersFile(list: unknown = exampleProviders()): string {
  const dir = mkdtempSync(join(tmpdir(), 'okence-eid-'));
  mkdirSync(join(dir, 'keys'));
  mkdirSync(join(dir, 'metadata'));
  const { key, cert } = keyPair();
  for (const name of ['nia-sp', 'sipass-sp', 'nia-oidc']) {
    writeFileSync(join(dir, 'keys', `${name}.key`), key);
    writeFileSync(join(dir, 'keys', `${name}.crt`), cert);
  }
  const metadata = idpMetadataXml({ entityId: 'urn:test:idp', base: 'https://idp.test', cert });
  writeFileSync(join(dir, 'metadata', 'nia-idp.xml'), metadata);
  const path = join(dir, 'providers.json');
  writeFileSync(path, typeof list === 'string' ? list : JSON.stringify(list));
  return path;
}
