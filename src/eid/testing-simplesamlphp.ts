/**
 * A real SAML IdP on loopback for the tests: Debian's simplesamlphp under `php -S`, set up like
 * NIA (signed Response, EncryptedAssertion aes256-cbc + rsa-oaep-mgf1p, eIDAS attribute names,
 * LoA substantial) from a generated config directory (recipe: shared notes, portal.md §1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certBody, makeKeyPair, type KeyPair } from './testing.ts';

export const SIMPLESAMLPHP_WWW = '/usr/share/simplesamlphp/www';

/** A person the IdP's login form knows: user name, password and eIDAS attributes. */
export type IdpUser = { user: string; password: string; attributes: Record<string, string> };

export type RunningIdp = {
  base: string;
  entityId: string;
  metadataUrl: string;
  keys: KeyPair;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const php = (value: unknown): string => JSON.stringify(value).replace(/\$/g, '\\$');

function phpArray(entries: Record<string, unknown>): string {
  const body = Object.entries(entries).map(([k, v]) => `  ${php(k)} => ${phpValue(v)},`);
  return `[\n${body.join('\n')}\n]`;
}
function phpValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(phpValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') return phpArray(v as Record<string, unknown>);
  return php(v);
}

/** Writes the config directory and starts the IdP; resolves once its metadata answers. */
export async function startSimpleSamlPhp(o: {
  sp: { entityId: string; acsUrl: string; logoutUrl: string; cert: string };
  users: IdpUser[];
  loa?: 'low' | 'substantial' | 'high';
}): Promise<RunningIdp> {
  const dir = mkdtempSync(join(tmpdir(), 'okence-idp-'));
  for (const d of ['config', 'metadata', 'cert', 'data', 'tmp', 'log', 'sessions'])
    mkdirSync(join(dir, d));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const keys = makeKeyPair('idp.loopback');
  writeFileSync(join(dir, 'cert', 'idp.key'), keys.key);
  writeFileSync(join(dir, 'cert', 'idp.crt'), keys.cert);
  const config = {
    baseurlpath: `${base}/`,
    certdir: `${dir}/cert/`,
    loggingdir: `${dir}/log/`,
    datadir: `${dir}/data/`,
    tempdir: `${dir}/tmp`,
    metadatadir: `${dir}/metadata/`,
    secretsalt: 'okence-test-salt-not-secret',
    'auth.adminpassword': 'not-used-in-tests',
    technicalcontact_email: 'test@okence.test',
    timezone: 'UTC',
    'logging.level': 3,
    'logging.handler': 'file',
    'enable.saml20-idp': true,
    'module.enable': { exampleauth: true, core: true, saml: true, admin: false },
    'store.type': 'phpsession',
    'session.phpsession.savepath': `${dir}/sessions`,
    'session.cookie.secure': false,
    'language.default': 'en',
  };
  writeFileSync(join(dir, 'config', 'config.php'), `<?php\n$config = ${phpArray(config)};\n`);
  const users = Object.fromEntries(
    o.users.map((u) => [
      `${u.user}:${u.password}`,
      Object.fromEntries(Object.entries(u.attributes).map(([k, v]) => [k, [v]])),
    ]),
  );
  const sources = {
    admin: ['core:AdminPassword'],
    'eid-users': { 0: 'exampleauth:UserPass', ...users },
  };
  writeFileSync(join(dir, 'config', 'authsources.php'), `<?php\n$config = ${phpArray(sources)};\n`);
  const hosted = {
    host: '__DEFAULT__',
    privatekey: 'idp.key',
    certificate: 'idp.crt',
    auth: 'eid-users',
    'attributes.NameFormat': 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
    'saml20.sign.response': true,
    'saml20.sign.assertion': false,
    // NIA signs its single logout messages; the SP refuses an unsigned LogoutResponse.
    'sign.logout': true,
    'assertion.encryption': true,
    sharedkey_algorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
    'signature.algorithm': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    // The class reference in the response comes from this filter (SAML2.php reads the state).
    authproc: {
      10: {
        class: 'saml:AuthnContextClassRef',
        AuthnContextClassRef: `http://eidas.europa.eu/LoA/${o.loa ?? 'substantial'}`,
      },
    },
    NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  };
  const remote = {
    AssertionConsumerService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: o.sp.acsUrl },
    ],
    SingleLogoutService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: o.sp.logoutUrl },
    ],
    certData: certBody(o.sp.cert),
    'assertion.encryption': true,
    'validate.authnrequest': true,
    'validate.logout': true,
    NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  };
  writeFileSync(
    join(dir, 'metadata', 'saml20-idp-hosted.php'),
    `<?php\n$metadata['__DYNAMIC:1__'] = ${phpArray(hosted)};\n`,
  );
  writeFileSync(
    join(dir, 'metadata', 'saml20-sp-remote.php'),
    `<?php\n$metadata[${php(o.sp.entityId)}] = ${phpArray(remote)};\n`,
  );
  const child: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', SIMPLESAMLPHP_WWW], {
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: join(dir, 'config') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const metadataUrl = `${base}/saml2/idp/metadata.php`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Wait on the condition (the metadata answers), not a fixed time; give up after 20 s.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(metadataUrl);
      if (res.ok && (await res.text()).includes('IDPSSODescriptor')) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`simplesamlphp did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { base, entityId: metadataUrl, metadataUrl, keys, stop };
}

/** The form simplesamlphp's browser posts back to the SP: where, and its SAMLResponse. */
export type PostedResponse = { action: string; SAMLResponse: string; RelayState: string };

/** fetch with the IdP's cookies kept in `jar` (its session), without following redirects. */
function idpFetch(jar: Map<string, string>) {
  return async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie },
    });
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(';')[0] ?? '';
      const [name, value] = [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)];
      if (value && value !== 'deleted') jar.set(name, value);
      else jar.delete(name);
    }
    return res;
  };
}

/**
 * Goes through the IdP as a browser without JavaScript would: follows the AuthnRequest redirect,
 * fills in the IdP's own login form (unless the IdP's session in `jar` lets it through at once),
 * and returns the auto-submitting form it answers with.
 */
export async function signInAtIdp(
  authnUrl: string,
  user: string,
  password: string,
  jar = new Map<string, string>(),
): Promise<PostedResponse> {
  const go = idpFetch(jar);
  const follow = async (url: string, res: Response) => {
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      res = await go(url);
    }
    return { url, html: await res.text() };
  };
  const login = await follow(authnUrl, await go(authnUrl));
  if (/name="SAMLResponse"/.test(login.html)) return postedForm(login.html);
  const authState = /name="AuthState" value="([^"]+)"/.exec(login.html)?.[1];
  if (!authState) throw new Error(`no login form at ${login.url}`);
  const body = new URLSearchParams({
    username: user,
    password,
    AuthState: authState.replace(/&amp;/g, '&'),
  });
  const posted = await go(login.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const { html } = await follow(login.url, posted);
  return postedForm(html);
}

/** The IdP's auto-submitting form back to the SP. */
function postedForm(html: string): PostedResponse {
  const field = (name: string) =>
    new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  if (!field('SAMLResponse')) throw new Error('the IdP did not answer with a SAMLResponse');
  return { action, SAMLResponse: field('SAMLResponse'), RelayState: field('RelayState') };
}

/**
 * Follows our sign-out's redirect through the IdP's single logout as a browser would (with the
 * IdP's session in `jar`), and returns the first address outside the IdP it sends the browser
 * to: our single logout endpoint with its LogoutResponse.
 */
export async function logoutAtIdp(sloUrl: string, jar: Map<string, string>): Promise<string> {
  const go = idpFetch(jar);
  const origin = new URL(sloUrl).origin;
  let url = sloUrl;
  for (let i = 0; i < 10; i++) {
    const res = await go(url);
    const next = res.headers.get('location');
    if (!next) throw new Error(`the IdP's logout stopped at ${url} (${res.status})`);
    url = new URL(next, url).href;
    if (new URL(url).origin !== origin) return url;
  }
  throw new Error('too many redirects at the IdP');
}

/** Our SP's addresses for provider `id` of a site at `publicUrl`, as the IdP must know them. */
export function spOf(publicUrl: string, id: string, keys: KeyPair) {
  const base = `${publicUrl}/auth/saml/${id}`;
  return {
    entityId: `${base}/metadata`,
    acsUrl: `${base}/acs`,
    logoutUrl: `${base}/logout`,
    cert: keys.cert,
  };
}

/**
 * An EID_PROVIDERS_FILE naming the running IdP as SAML provider `id` (its metadata saved beside
 * it, our SP's key and certificate), in a fresh folder.
 */
export async function samlProvidersFile(
  idp: RunningIdp,
  sp: KeyPair,
  id: string,
  name = { sl: 'NIA', cs: 'Identita občana', en: 'Czech eID' },
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'okence-eid-'));
  writeFileSync(join(dir, 'idp.xml'), await (await fetch(idp.metadataUrl)).text());
  writeFileSync(join(dir, 'sp.key'), sp.key);
  writeFileSync(join(dir, 'sp.crt'), sp.cert);
  const provider = {
    id,
    protocol: 'saml',
    name,
    loa: 'substantial',
    idpMetadataFile: 'idp.xml',
    spPrivateKeyFile: 'sp.key',
    spCertificateFile: 'sp.crt',
    // simplesamlphp signs the Response around the encrypted assertion, as NIA does.
    wantAssertionsSigned: false,
  };
  writeFileSync(join(dir, 'providers.json'), JSON.stringify([provider]));
  return join(dir, 'providers.json');
}
