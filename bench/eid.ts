// eID figures for `npm run bench` (issue 16): the SAML assertion consumer with valid, pre-made
// responses (the signature verified, the assertion decrypted, the replay cache, the account,
// the session and the statistics' count written), as req/s and its ratio to the bare Fastify
// route measured by the same client in the same run; and /account's p99 for a signed-in citizen
// under load. `node bench/eid.ts` runs this section alone (PGlite, and PostgreSQL when
// DATABASE_URL is set).
//
// Honest replays: the replay cache refuses a response seen before, so every posted response is
// a different one: a sign-in started through /auth/saml/nia/login (its pending request in the
// database), answered by a response minted for that request, with its own IDs and person. All
// of it is made before the clock starts; each response is posted once, and the run fails unless
// every one was accepted (303 to the account).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import autocannon from 'autocannon';
import { onEachDatabase, start, startBenchOkence, stop } from './process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
/** Responses posted in the measured run, after WARM_UP ones (JIT, pools). */
const RESPONSES = Number(process.env.BENCH_SAML_RESPONSES ?? 1500);
const WARM_UP = 200;
const IDP = 'urn:microsoft:cgg2010:fpsts';

type Keys = Awaited<ReturnType<typeof keysAndProviders>>;

/** Key pairs for the IdP and our SP, and a providers file naming them (NIA by SAML). */
async function keysAndProviders() {
  const { idpMetadataXml, makeKeyPair } = await import('../src/eid/testing.ts');
  const idp = makeKeyPair('idp.bench');
  const sp = makeKeyPair('okence.bench');
  const dir = mkdtempSync(join(tmpdir(), 'okence-bench-eid-'));
  writeFileSync(
    join(dir, 'idp.xml'),
    idpMetadataXml({ entityId: IDP, base: 'https://idp.bench', cert: idp.cert }),
  );
  writeFileSync(join(dir, 'sp.key'), sp.key);
  writeFileSync(join(dir, 'sp.crt'), sp.cert);
  const nia = {
    id: 'nia',
    protocol: 'saml',
    name: { sl: 'NIA', cs: 'NIA', en: 'NIA' },
    loa: 'substantial',
    idpMetadataFile: 'idp.xml',
    spPrivateKeyFile: 'sp.key',
    spCertificateFile: 'sp.crt',
    wantAssertionsSigned: false,
  };
  writeFileSync(join(dir, 'providers.json'), JSON.stringify([nia]));
  return { idp, sp, providersFile: join(dir, 'providers.json') };
}

/** A port free on loopback now: PUBLIC_URL must name it before Okence starts (the SP's addresses). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `count` sign-ins (each a pending request in the database) and mints their answers, as base64. */
async function premade(
  base: string,
  keys: Keys & { publicUrl: string },
  count: number,
): Promise<string[]> {
  const acs = `${keys.publicUrl}/auth/saml/nia/acs`;
  const { b64, mintResponse, personAttributes } = await import('../src/eid/testing.ts');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/auth/saml/nia/login?loa=substantial&o=ue-domzale`, {
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location') ?? '');
    const xml = inflateRawSync(
      Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64'),
    ).toString();
    const requestId = /ID="([^"]+)"/.exec(xml)?.[1];
    if (!requestId) throw new Error(`no AuthnRequest ID (${res.status})`);
    const response = await mintResponse({
      idp: keys.idp,
      encryptTo: keys.sp.cert,
      issuer: IDP,
      destination: acs,
      recipient: acs,
      audience: `${keys.publicUrl}/auth/saml/nia/metadata`,
      inResponseTo: requestId,
      now: new Date(),
      // Long enough for the whole run (the default is five minutes).
      notOnOrAfter: new Date(Date.now() + 14 * 60_000),
      attributes: personAttributes('Jana', `Nováková${i}`),
    });
    out.push(new URLSearchParams({ SAMLResponse: b64(response), RelayState: '' }).toString());
  }
  return out;
}

/** Posts each body once to the assertion consumer, 50 at a time; req/s over the wall time. */
async function postAll(base: string, bodies: string[]) {
  let next = 0;
  const result = await autocannon({
    url: `${base}/auth/saml/nia/acs`,
    connections: CONNECTIONS,
    amount: bodies.length,
    // A sign-in waiting its turn behind 49 others is slow, not failed: no retry, no time-out.
    timeout: 120,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (req) => ({ ...req, body: bodies[next++] }),
      },
    ],
  });
  const accepted = result['3xx'];
  if (accepted !== bodies.length)
    throw new Error(
      `ACS: ${accepted} of ${bodies.length} accepted (${result['4xx']} refused, ${result['5xx']} 5xx, ${result.errors} errors, ${result.timeouts} time-outs)`,
    );
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return { rps: Math.round(bodies.length / seconds), p99: result.latency.p99 };
}

/** Loads a URL for SECONDS at 50 connections (as run.ts's `load`). */
async function load(url: string, headers: Record<string, string> = {}, seconds = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
}

/** A signed-in citizen's cookie, from one more pre-made sign-in posted by hand. */
async function citizenCookie(base: string, keys: Keys & { publicUrl: string }): Promise<string> {
  const [body] = await premade(base, keys, 1);
  const res = await fetch(`${base}/auth/saml/nia/acs`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('__Host-okence-citizen='));
  if (res.status !== 303 || !cookie) throw new Error(`citizen sign-in: ${res.status}`);
  return cookie;
}

/** The assertion consumer and /account on one database, against the bare route. */
export async function eidFigures(label: string, databaseUrl: string | undefined) {
  const port = await freePort();
  // The SP's addresses (Destination, Audience) are built on PUBLIC_URL: Okence's own, here.
  const keys = { ...(await keysAndProviders()), publicUrl: `http://localhost:${port}` };
  const base = `http://127.0.0.1:${port}`;
  const okence = await startBenchOkence({
    PORT: String(port),
    PUBLIC_URL: keys.publicUrl,
    EID_PROVIDERS_FILE: keys.providersFile,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-eid-')),
    DATABASE_URL: databaseUrl ?? '',
  });
  const bare = await start('bench/bare-server.ts', {}, /listening (\d+)/).catch(async (err) => {
    await stop(okence);
    throw err;
  });
  try {
    const bodies = await premade(base, keys, WARM_UP + RESPONSES);
    await load(`http://127.0.0.1:${bare.port}/`, {}, 2);
    await postAll(base, bodies.slice(0, WARM_UP));
    const bareRoute = await load(`http://127.0.0.1:${bare.port}/`);
    const acs = await postAll(base, bodies.slice(WARM_UP));
    const cookie = await citizenCookie(base, keys);
    await load(`${base}/account`, { cookie }, 2);
    const account = await load(`${base}/account`, { cookie });
    return {
      database: label,
      'bare req/s': bareRoute.rps,
      'ACS responses': RESPONSES,
      'ACS req/s': acs.rps,
      'ACS p99 ms': acs.p99,
      'ratio ACS/bare': Number((acs.rps / bareRoute.rps).toFixed(4)),
      '/account req/s': account.rps,
      '/account p99 ms': account.p99,
      'ratio account/bare': Number((account.rps / bareRoute.rps).toFixed(3)),
    };
  } finally {
    await stop(okence);
    await stop(bare);
  }
}

/** Prints the section's table. */
export function printEidFigures(rows: Awaited<ReturnType<typeof eidFigures>>[]): void {
  console.log(
    `\neID: the SAML assertion consumer with ${RESPONSES} distinct valid responses (signed Response, EncryptedAssertion; each a first sign-in), ${CONNECTIONS} connections, against the bare route; /account for a signed-in citizen, ${SECONDS} s.`,
  );
  console.table(rows);
}

if (import.meta.main) printEidFigures(await onEachDatabase(eidFigures));
