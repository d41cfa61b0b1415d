// A real OpenID Connect provider on loopback, set up like NIA (portal.md §1), for the tests:
// `oidc-provider` 9 with the issuer a URN, its configuration served at NIA's path
// (/fpsts/oidc/openid-configuration), a client with no secret, id_tokens encrypted to our key
// (RSA-OAEP, A256CBC-HS512) around a signed JWT with no `sub`, and attributes only through
// the `claims` parameter. Its login page is a plain form a test (or a browser) submits.
import { execFileSync } from 'node:child_process';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, jwtVerify, type JWK } from 'jose';
import Provider from 'oidc-provider';

export const NIA_ISSUER = 'urn:microsoft:cgg2010:fpsts';
export const NIA_DISCOVERY_PATH = '/fpsts/oidc/openid-configuration';
const EIDAS = 'http://eidas.europa.eu/LoA/';

/** A person the provider knows: the password is `heslo`; the level is picked on the login form. */
export type NiaPerson = Record<string, string> & { PersonIdentifier: string };

export const JANA: NiaPerson = {
  PersonIdentifier: 'CZ/CZ/8f2c6d1e-0b7a-4f3e-9c55-2d1a7b0e4c11',
  CurrentGivenName: 'Jana',
  CurrentFamilyName: 'Nováková',
  DateOfBirth: '1984-03-12',
  CurrentAddress: 'Náměstí Míru 1, 120 00 Praha 2',
  eMail: 'jana.novakova@example.cz',
  // Never asked for by Okence: the test checks it is not kept.
  BirthNumber: '8453121234',
};

/** Our side's key pair and certificate (what NIA's client registration holds), as PEM files. */
export function clientKeyFiles(): { keyFile: string; certFile: string; key: KeyObject } {
  const dir = mkdtempSync(join(tmpdir(), 'okence-oidc-'));
  const keyFile = join(dir, 'oidc.key');
  const certFile = join(dir, 'oidc.crt');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile,
    '-subj', '/CN=okence-test', '-days', '2',
  ], { stdio: 'ignore' }); // prettier-ignore
  return { keyFile, certFile, key: createPrivateKey(readFileSync(keyFile)) };
}

export type NiaLike = {
  /** http://127.0.0.1:PORT */
  url: string;
  discoveryUrl: string;
  issuer: string;
  provider: Provider;
  /** The provider's signing key (a hostile test signs with another one). */
  signingKey: KeyObject;
  close(): Promise<void>;
};

/** Starts the provider for one client (id, redirect and post-logout addresses, our key). */
export async function startNiaLike(client: {
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  encryptionKey: KeyObject;
  people?: NiaPerson[];
}): Promise<NiaLike> {
  const people = new Map((client.people ?? [JANA]).map((p) => [p.PersonIdentifier, p]));
  const { privateKey: signingKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...(await exportJWK(signingKey)), kid: 'nia-sig', alg: 'RS256', use: 'sig' };
  const encJwk: JWK = {
    ...(await exportJWK(createPublicKey(client.encryptionKey))),
    kid: 'okence-enc',
    alg: 'RSA-OAEP',
    use: 'enc',
  };
  let server: Server | null = null;
  let base = '';
  const claimNames = [
    'PersonIdentifier',
    ...Object.keys(JANA).filter((k) => k !== 'PersonIdentifier'),
  ];
  const provider = new Provider('http://127.0.0.1', {
    clients: [
      {
        client_id: client.clientId,
        // NIA issues no secret: the code is exchanged with client_id alone.
        token_endpoint_auth_method: 'none',
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
        id_token_encrypted_response_alg: 'RSA-OAEP',
        id_token_encrypted_response_enc: 'A256CBC-HS512',
        jwks: { keys: [encJwk] },
      },
    ],
    jwks: { keys: [signingJwk] },
    // NIA's scopes name the level; its attributes are standalone claims, given only when the
    // `claims` parameter asks for them. `sub` is forced into `openid` by oidc-provider (and
    // stripped below); acr is the level the login reached.
    scopes: ['openid', 'loalow', 'loasubstantial', 'loahigh'],
    claims: { openid: ['sub', 'acr'], ...Object.fromEntries(claimNames.map((c) => [c, null])) },
    acrValues: ['low', 'substantial', 'high'].map((l) => EIDAS + l),
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      encryption: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: false },
    },
    // NIA requires no PKCE; oidc-provider requires it of public clients unless told otherwise.
    pkce: { required: () => false },
    responseTypes: ['code'],
    ttl: { Interaction: 600, Grant: 600, Session: 3600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['nia-like-test-cookie-key'] },
    interactions: { url: (_ctx, interaction) => `${base}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...person }) };
    },
  });
  // oidc-provider insists on a web address as the issuer; NIA's is a URN. Every absolute
  // address it builds comes from the request (ctx.href) or interactions.url above, so the
  // URN can replace it after construction: it is what discovery, `iss` and the JWE header say.
  provider.issuer = NIA_ISSUER;
  withoutSub(provider, signingKey);

  server = createServer((req, res) => void route(provider, people, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: base,
    discoveryUrl: base + NIA_DISCOVERY_PATH,
    issuer: NIA_ISSUER,
    provider,
    signingKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * NIA's id_token has no `sub`; oidc-provider always adds one (account_claims.js). Its payload
 * is taken before signing, so the claim is dropped there. The id_token_hint check at
 * end-session demands a `sub` too (IdToken.validate): it is verified here instead, with the
 * provider's key, the URN issuer and the client as audience, as NIA would.
 */
function withoutSub(provider: Provider, signingKey: KeyObject) {
  const IdToken = provider.IdToken as {
    prototype: { payload: (this: unknown) => Promise<Record<string, unknown>> };
    validate: (jwt: string, client: { clientId: string }) => Promise<unknown>;
  };
  const payload = IdToken.prototype.payload;
  IdToken.prototype.payload = async function (this: unknown) {
    const claims = await payload.call(this);
    delete claims.sub;
    return claims;
  };
  const publicKey = createPublicKey(signingKey);
  IdToken.validate = async (jwt, c) =>
    jwtVerify(jwt, publicKey, { issuer: NIA_ISSUER, audience: c.clientId, algorithms: ['RS256'] });
}

/** Serves NIA's discovery path, the login form, and everything else through oidc-provider. */
async function route(
  provider: Provider,
  people: Map<string, NiaPerson>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === NIA_DISCOVERY_PATH) req.url = '/.well-known/openid-configuration';
    else if (url.pathname === '/.well-known/openid-configuration') return notFound(res);
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (interaction && req.method === 'GET') return await loginForm(provider, req, res);
    if (interaction?.[2] && req.method === 'POST')
      return await login(provider, people, req, res, await formBody(req));
    provider.callback()(req, res);
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}

function notFound(res: ServerResponse) {
  res.statusCode = 404;
  res.end('not found');
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function loginForm(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="cs"><head><title>Identita občana</title></head><body><main>
<h1>Přihlášení (test NIA)</h1>
<form method="post" action="/interaction/${escape(details.uid)}/login">
<label for="login">Identifikátor</label> <input id="login" name="login" autocomplete="username">
<label for="password">Heslo</label> <input id="password" name="password" type="password">
<label for="level">Prostředek</label> <select id="level" name="level">
<option value="high">eObčanka (vysoká)</option>
<option value="substantial" selected>Bankovní identita (značná)</option>
<option value="low">Jméno a heslo (nízká)</option></select>
<button type="submit">Přihlásit</button></form></main></body></html>`);
}

async function login(
  provider: Provider,
  people: Map<string, NiaPerson>,
  req: IncomingMessage,
  res: ServerResponse,
  form: URLSearchParams,
) {
  const details = await provider.interactionDetails(req, res);
  const accountId = form.get('login') ?? '';
  if (!people.has(accountId) || form.get('password') !== 'heslo') {
    res.statusCode = 403;
    return res.end('wrong identifier or password');
  }
  const params = details.params as Record<string, string>;
  const grant = new provider.Grant({ accountId, clientId: params.client_id! });
  grant.addOIDCScope(params.scope ?? 'openid');
  const requested = params.claims ? (JSON.parse(params.claims) as { id_token?: object }) : {};
  grant.addOIDCClaims(Object.keys(requested.id_token ?? {}));
  const grantId = await grant.save();
  const level = ['low', 'substantial', 'high'].includes(form.get('level') ?? '')
    ? form.get('level')
    : 'substantial';
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId, acr: EIDAS + level }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * Goes through the provider as a browser would, with plain HTTP: follows its redirects with
 * its cookies, submits the login form (`level` picks the means), and returns the address it
 * finally sends the browser to (our callback with code and state).
 */
export async function signInAtProvider(
  authorizeUrl: string,
  opts: { login?: string; level?: 'low' | 'substantial' | 'high'; jar?: Map<string, string> } = {},
): Promise<string> {
  const jar = opts.jar ?? new Map<string, string>();
  const call = cookieFetch(jar);
  const origin = new URL(authorizeUrl).origin;
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (!url.startsWith(origin)) return url;
    const res = await call(url);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`provider page without a login form (${res.status}): ${page}`);
    const body = new URLSearchParams({
      login: opts.login ?? JANA.PersonIdentifier,
      password: 'heslo',
      level: opts.level ?? 'substantial',
    });
    const posted = await call(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const next = posted.headers.get('location');
    if (!next) throw new Error(`login refused (${posted.status}): ${await posted.text()}`);
    url = new URL(next, url).href;
  }
  throw new Error('too many redirects at the provider');
}

/**
 * Follows our sign-out's redirect to the provider's end-session as a browser would: confirms
 * its "sign out?" form, and returns where the provider sends the browser back to.
 */
export async function endSessionAtProvider(
  endSessionUrl: string,
  jar: Map<string, string>,
): Promise<string> {
  const call = cookieFetch(jar);
  const res = await call(endSessionUrl);
  const page = await res.text();
  const action = /<form id="op\.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !xsrf) throw new Error(`no logout form (${res.status}): ${page}`);
  const done = await call(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  const back = done.headers.get('location');
  if (!back) throw new Error(`end-session did not redirect (${done.status})`);
  return back;
}

/** fetch with a cookie jar and no automatic redirects. */
function cookieFetch(jar: Map<string, string>) {
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value) jar.set(pair!.slice(0, at), value);
      else jar.delete(pair!.slice(0, at));
    }
    return res;
  };
}
