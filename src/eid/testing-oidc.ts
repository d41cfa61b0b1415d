// An Okence on a test database with one OIDC provider configured: the NIA-like provider of
// oidc/testing-provider.ts, on loopback. For the route and refusal tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Okence } from '../boot.ts';
import type { DbKind } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { systemClock } from '../lib/clock.ts';
import { OIDC_BROWSER_COOKIE } from './oidc-routes.ts';
import { clientKeyFiles, startNiaLike, type NiaLike } from './oidc/testing-provider.ts';

export const SITE = 'https://okence.test';
export const CLIENT_ID = 'https://okence.test/';
export const PROVIDER = 'nia-oidc';
export const CALLBACK = `${SITE}/auth/oidc/${PROVIDER}/callback`;

/** The providers file naming the NIA-like provider, in a fresh folder. */
export function providersFile(
  nia: NiaLike,
  keys: { keyFile: string; certFile: string },
  opts: { clientId?: string } = {},
): string {
  const file = join(mkdtempSync(join(tmpdir(), 'okence-eid-')), 'eid-providers.json');
  const provider = {
    id: PROVIDER,
    protocol: 'oidc',
    name: { sl: 'NIA', cs: 'Identita občana', en: 'Czech eID' },
    loa: 'substantial',
    issuer: nia.issuer,
    discoveryUrl: nia.discoveryUrl,
    clientId: opts.clientId ?? CLIENT_ID,
    encryptionKeyFile: keys.keyFile,
    encryptionCertificateFile: keys.certFile,
  };
  writeFileSync(file, JSON.stringify([provider]));
  return file;
}

/** Okence (app.inject) and the provider, both up; `close` stops both. */
export async function bootWithNiaLike(kind: DbKind) {
  const keys = clientKeyFiles();
  const nia = await startNiaLike({
    clientId: CLIENT_ID,
    redirectUri: CALLBACK,
    postLogoutRedirectUri: `${SITE}/account/signed-out`,
    encryptionKey: keys.key,
  });
  const okence: Okence = await bootTestApp(kind, {
    clock: systemClock,
    env: { EID_PROVIDERS_FILE: providersFile(nia, keys), PUBLIC_URL: SITE },
  });

  /** Starts a sign-in at our login route: the provider's address and the browser's cookie. */
  async function start(query = 'loa=substantial&return=/o/ue-domzale&o=ue-domzale') {
    const res = await okence.app.inject({
      method: 'GET',
      url: `/auth/oidc/${PROVIDER}/login?${query}`,
    });
    if (res.statusCode !== 303) throw new Error(`login: ${res.statusCode} ${res.body}`);
    return {
      location: String(res.headers.location),
      browser: cookiesOf(res)[OIDC_BROWSER_COOKIE]!,
    };
  }

  /** Our callback, as the provider's redirect makes the browser call it. */
  function callback(url: string, browser: string | undefined) {
    const u = new URL(url);
    return okence.app.inject({
      method: 'GET',
      url: u.pathname + u.search,
      cookies: browser ? { [OIDC_BROWSER_COOKIE]: browser } : {},
    });
  }

  return {
    okence,
    nia,
    keys,
    start,
    callback,
    async close() {
      await okence.close();
      await nia.close();
    },
  };
}
