import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseConfig } from './config.ts';
import { exampleProviders, providersFile } from './testing.ts';

const example = exampleProviders();

const errorOf = (list: unknown) => {
  const r = parseConfig({ EID_PROVIDERS_FILE: providersFile(list) });
  assert.ok(!r.ok, 'expected a configuration error');
  assert.equal(r.errors.length, 1);
  return r.errors[0] ?? '';
};

test('the example providers file is valid; relative paths are resolved against its folder', () => {
  const path = providersFile(example);
  const r = parseConfig({ EID_PROVIDERS_FILE: path });
  assert.ok(r.ok, String(!r.ok && r.errors));
  assert.deepEqual(
    r.config.eidProviders.map((p) => [p.id, p.protocol, p.loa]),
    [
      ['nia', 'saml', 'substantial'],
      ['sipass', 'saml', 'substantial'],
      ['nia-oidc', 'oidc', 'substantial'],
    ],
  );
  const nia = r.config.eidProviders[0];
  assert.ok(nia?.protocol === 'saml');
  assert.equal(nia.spPrivateKeyFile, join(path, '..', 'keys', 'nia-sp.key'));
  assert.equal(nia.wantAssertionsSigned, false);
  const sipass = r.config.eidProviders[1];
  assert.ok(sipass?.protocol === 'saml' && sipass.wantAssertionsSigned);
});

test('without EID_PROVIDERS_FILE there are no providers', () => {
  const r = parseConfig({});
  assert.ok(r.ok);
  assert.deepEqual(r.config.eidProviders, []);
});

test('a missing or malformed providers file stops the start with one line naming it', () => {
  const missing = parseConfig({ EID_PROVIDERS_FILE: '/nonexistent/providers.json' });
  assert.ok(!missing.ok);
  assert.deepEqual(missing.errors, [
    'EID_PROVIDERS_FILE: /nonexistent/providers.json: cannot be read (ENOENT)',
  ]);
  assert.match(errorOf('[{'), /^EID_PROVIDERS_FILE: .*providers\.json: not JSON/);
  assert.match(errorOf({ id: 'nia' }), /expected array/);
});

test('a misconfigured provider is named with the key at fault', () => {
  const [nia, sipass, oidc] = example as [
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  assert.match(errorOf([{ ...nia, protocol: 'ldap' }]), /\[0\]\.protocol/);
  assert.match(errorOf([{ ...nia, idpMetadataUrl: 'https://x.example/m' }]), /exactly one/);
  assert.match(errorOf([{ ...nia, spCertificateFile: undefined }]), /\[0\]\.spCertificateFile/);
  assert.match(errorOf([{ ...nia, wantAssertionSigned: true }]), /wantAssertionSigned/);
  assert.match(errorOf([{ ...nia, loa: 'medium' }]), /\[0\]\.loa/);
  assert.match(errorOf([{ ...nia, name: { sl: 'NIA', en: 'NIA' } }]), /\[0\]\.name\.cs/);
  assert.match(errorOf([{ ...nia, id: 'email' }]), /built-in e-mail sign-in/);
  assert.match(errorOf([nia, { ...sipass, id: 'nia' }]), /unique/);
  assert.match(errorOf([{ ...oidc, discoveryUrl: undefined }]), /needs a discoveryUrl/);
});

test('a named key, certificate or metadata file that is missing or of the wrong kind stops the start', () => {
  const [nia, , oidc] = example;
  assert.match(
    errorOf([{ ...nia, spPrivateKeyFile: 'keys/absent.key' }]),
    /\[0\]\.spPrivateKeyFile: .*absent\.key: cannot be read \(ENOENT\)/,
  );
  assert.match(
    errorOf([{ ...nia, spPrivateKeyFile: 'keys/nia-sp.crt' }]),
    /is not a PEM private key/,
  );
  assert.match(errorOf([{ ...nia, idpMetadataFile: 'keys/nia-sp.crt' }]), /is not SAML metadata/);
  assert.match(
    errorOf([{ ...oidc, encryptionCertificateFile: 'keys/nia-oidc.key' }]),
    /\[0\]\.encryptionCertificateFile: .* is not a PEM certificate/,
  );
});
