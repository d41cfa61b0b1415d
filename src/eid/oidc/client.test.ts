// The id_token's checks with tokens minted here by jose: NIA's shape (a JWE, RSA-OAEP and
// A256CBC-HS512, around an RS256 JWS), and each way a hostile or broken token differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompactEncrypt,
  createLocalJWKSet,
  exportJWK,
  exportPKCS8,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { oidcClient, verifyIdToken } from './client.ts';
import { OidcRefused } from './domain.ts';

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const ours = rsa();
const nia = rsa();
const stranger = rsa();
const ISSUER = 'urn:microsoft:cgg2010:fpsts';
const CLIENT = 'https://okence.test/';
const NONCE = 'n'.repeat(43);
const now = () => Math.floor(Date.now() / 1000);
const keys = createLocalJWKSet({
  keys: [{ ...(await exportJWK(nia.publicKey)), kid: 'nia', alg: 'RS256', use: 'sig' }],
});
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: CLIENT,
  iat: now(),
  exp: now() + 300,
  nonce: NONCE,
  PersonIdentifier: 'CZ/CZ/abc',
  acr: 'http://eidas.europa.eu/LoA/substantial',
  ...extra,
});

function sign(payload: Record<string, unknown>, key: KeyObject = nia.privateKey, kid = 'nia') {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}
function encrypt(
  jws: string,
  to: KeyObject = ours.publicKey,
  enc = 'A256CBC-HS512',
  alg = 'RSA-OAEP',
) {
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg, enc, cty: 'JWT' })
    .encrypt(to);
}
const check = (token: string) =>
  verifyIdToken(token, {
    decryptionKey: ours.privateKey,
    keys,
    expected: { issuer: ISSUER, clientId: CLIENT, nonce: NONCE, now: new Date() },
  });
const refusedAs = (reason: string) => (err: unknown) =>
  err instanceof OidcRefused && err.reason === reason;

test('NIA’s id_token: decrypted with our key, the inner JWS verified, its claims returned', async () => {
  const jws = await sign(claims());
  const { claims: got, signedJwt } = await check(await encrypt(jws));
  assert.equal(got.PersonIdentifier, 'CZ/CZ/abc');
  assert.equal(signedJwt, jws, 'the inner JWT is kept as the end-session hint');
});

test('hostile and broken id_tokens are refused, each for its reason', async () => {
  const cases: [string, Promise<string>][] = [
    ['not_encrypted', sign(claims())],
    ['not_encrypted', Promise.resolve(new UnsecuredJWT(claims()).encode())],
    ['decryption', sign(claims()).then((j) => encrypt(j, stranger.publicKey))],
    ['decryption', sign(claims()).then((j) => encrypt(j, ours.publicKey, 'A128GCM'))],
    [
      'decryption',
      sign(claims()).then((j) => encrypt(j, ours.publicKey, 'A256CBC-HS512', 'RSA-OAEP-256')),
    ],
    ['signature', sign(claims(), stranger.privateKey).then((j) => encrypt(j))],
    ['signature', encrypt(new UnsecuredJWT(claims()).encode())],
    ['signature', encrypt('{"iss":"urn:microsoft:cgg2010:fpsts"}')],
    ['issuer', sign(claims({ iss: 'https://tnia.identita.gov.cz' })).then((j) => encrypt(j))],
    ['audience', sign(claims({ aud: 'https://another.example/' })).then((j) => encrypt(j))],
    ['expired', sign(claims({ exp: now() - 3600, iat: now() - 4000 })).then((j) => encrypt(j))],
    ['issued_in_future', sign(claims({ iat: now() + 3600 })).then((j) => encrypt(j))],
    ['nonce', sign(claims({ nonce: 'x'.repeat(43) })).then((j) => encrypt(j))],
  ];
  for (const [reason, token] of cases)
    await assert.rejects(check(await token), refusedAs(reason), reason);
});

test('a tampered ciphertext is refused', async () => {
  const parts = (await encrypt(await sign(claims()))).split('.');
  parts[3] = parts[3]!.slice(0, -4) + (parts[3]!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  await assert.rejects(check(parts.join('.')), refusedAs('decryption'));
});

test('discovery is read at the configured address and must name the configured issuer', async () => {
  let issuer = ISSUER;
  const server = createServer((req, res) => {
    if (req.url !== '/fpsts/oidc/openid-configuration') return res.writeHead(404).end();
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const dir = mkdtempSync(join(tmpdir(), 'okence-oidc-client-'));
    const keyFile = join(dir, 'k.pem');
    writeFileSync(keyFile, await exportPKCS8(ours.privateKey));
    const port = (server.address() as { port: number }).port;
    const provider = {
      id: 'nia',
      protocol: 'oidc' as const,
      name: { sl: 'NIA', cs: 'NIA', en: 'NIA' },
      loa: 'substantial' as const,
      issuer: ISSUER,
      discoveryUrl: `http://127.0.0.1:${port}/fpsts/oidc/openid-configuration`,
      clientId: CLIENT,
      encryptionKeyFile: keyFile,
      encryptionCertificateFile: keyFile,
    };
    const found = await oidcClient(provider).discovery();
    assert.equal(found.authorization_endpoint, `http://127.0.0.1:${port}/authorize`);
    issuer = 'https://impostor.example';
    await assert.rejects(oidcClient(provider).discovery(), refusedAs('issuer'));
    await assert.rejects(
      oidcClient({
        ...provider,
        discoveryUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
      }).discovery(),
      refusedAs('unreachable'),
    );
  } finally {
    server.close();
  }
});

test('a key file that does not parse stops the start with one line naming the provider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-oidc-key-'));
  const keyFile = join(dir, 'cut.pem');
  writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
  assert.throws(
    () =>
      oidcClient({
        id: 'nia',
        protocol: 'oidc',
        name: { sl: 'NIA', cs: 'NIA', en: 'NIA' },
        loa: 'substantial',
        issuer: ISSUER,
        clientId: CLIENT,
        encryptionKeyFile: keyFile,
        encryptionCertificateFile: keyFile,
      }),
    /^Error: EID_PROVIDERS_FILE: nia: encryptionKeyFile .*cut\.pem: /,
  );
});
