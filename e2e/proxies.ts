// Debian's nginx and HAProxy in front of Okence instances, started by a test from the very files
// docs/examples/ ships: only the addresses, ports, certificate and log paths are replaced.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const EXAMPLES = new URL('../docs/examples/', import.meta.url);

/** A self-signed certificate for localhost in `dir`: cert.pem, key.pem and both in one.pem. */
export async function selfSignedCert(dir: string): Promise<void> {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const both =
    (await readFile(join(dir, 'cert.pem'), 'utf8')) +
    (await readFile(join(dir, 'key.pem'), 'utf8'));
  await writeFile(join(dir, 'one.pem'), both);
}

/** Which instances the proxy may send to: the test pins a page to one by leaving the other out. */
export type Upstreams = { a: number; b: number; up: ('a' | 'b')[] };

/** A GET through the proxy on a fresh connection (no keep-alive), certificate unchecked. */
export async function probe(url: string): Promise<number> {
  return (await fetchFresh(url)).status;
}

/**
 * A GET through the proxy on a fresh connection with the given cookies: which instance serves
 * it is then the proxy's choice now, not that of a kept-alive connection to an older worker.
 */
export function fetchFresh(url: string, cookie = ''): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = cookie ? { cookie } : {};
    const req = request(url, { rejectUnauthorized: false, agent: false, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(what: string, ok: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** nginx with docs/examples/nginx/okence.conf on `port` (TLS) and `port80`. */
export async function startNginx(dir: string, port: number, port80: number, up: Upstreams) {
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    await mkdir(join(dir, d), { recursive: true });
    // The workers run as nobody when the test runs as root: their temp directories are theirs.
    await chmod(join(dir, d), 0o777);
  }
  const example = await readFile(new URL('nginx/okence.conf', EXAMPLES), 'utf8');
  const site = (u: Upstreams) =>
    example
      .replace('10.0.0.11:3000', `127.0.0.1:${u.a}`)
      .replace('10.0.0.12:3000', `127.0.0.1:${u.b}`)
      .replace(/(127\.0\.0\.1:(\d+)[^;\n]*);/g, (line, head: string, p: string) =>
        (Number(p) === u.a && !u.up.includes('a')) || (Number(p) === u.b && !u.up.includes('b'))
          ? `${head} down;`
          : line,
      )
      .replace(/ {4}listen \[::\]:\d+[^;]*;\n/g, '')
      .replace('listen 80;', `listen 127.0.0.1:${port80};`)
      .replace('listen 443 ssl', `listen 127.0.0.1:${port} ssl`)
      .replace('/etc/letsencrypt/live/okence.example.org/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/letsencrypt/live/okence.example.org/privkey.pem', join(dir, 'key.pem'))
      .replace('/var/log/nginx/okence.access.log', join(dir, 'access.log'));
  const main = [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} notice;`,
    'events { worker_connections 512; }',
    'http {',
    `  client_body_temp_path ${join(dir, 'body')};`,
    `  proxy_temp_path ${join(dir, 'proxy')};`,
    `  fastcgi_temp_path ${join(dir, 'fastcgi')};`,
    `  uwsgi_temp_path ${join(dir, 'uwsgi')};`,
    `  scgi_temp_path ${join(dir, 'scgi')};`,
    `  include ${join(dir, 'okence.conf')};`,
    '}',
  ].join('\n');
  await writeFile(join(dir, 'okence.conf'), site(up));
  await writeFile(join(dir, 'nginx.conf'), main);
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf')];
  execFileSync('/usr/sbin/nginx', [...args, '-t'], { stdio: 'ignore' });
  const child = spawn('/usr/sbin/nginx', [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
  const base = `https://localhost:${port}`;
  await waitFor('nginx', () =>
    probe(`${base}/healthz`).then(
      () => true,
      () => false,
    ),
  );
  return {
    base,
    /** Rewrites the upstreams and reloads; old workers keep their sockets until those close. */
    async reload(next: Upstreams): Promise<void> {
      await writeFile(join(dir, 'okence.conf'), site(next));
      const before = new Set(workersOf(child.pid!).map((w) => w.pid));
      execFileSync('/usr/sbin/nginx', [...args, '-s', 'reload'], { stdio: 'ignore' });
      // `-s reload` only signals the master. Until an old worker takes its own signal it still
      // accepts new connections with the old upstreams: on a loaded machine three probes in a row
      // reached the new worker while the old one, not yet scheduled, later took the download
      // (CI, 2026-12-04). So: a new worker is up and every old one says it is leaving (nginx
      // renames a worker just before it closes its listening sockets).
      await waitFor('nginx to reload', () => {
        const now = workersOf(child.pid!);
        return (
          now.some((w) => !before.has(w.pid) && !w.leaving) &&
          now.every((w) => !before.has(w.pid) || w.leaving)
        );
      });
    },
    stop: () => stopChild(child),
  };
}

/** HAProxy with docs/examples/haproxy/okence.cfg on `port` (TLS) and `port80`. */
export async function startHaproxy(dir: string, port: number, port80: number, up: Upstreams) {
  const cfg = (await readFile(new URL('haproxy/okence.cfg', EXAMPLES), 'utf8'))
    .replace('    log /dev/log local0\n', '')
    .replace('bind :80', `bind 127.0.0.1:${port80}`)
    .replace('bind :443', `bind 127.0.0.1:${port}`)
    .replace('/etc/haproxy/certs/okence.example.org.pem', join(dir, 'one.pem'))
    .replace('10.0.0.11:3000', `127.0.0.1:${up.a}`)
    .replace('10.0.0.12:3000', `127.0.0.1:${up.b}`);
  await writeFile(join(dir, 'haproxy.cfg'), cfg);
  execFileSync('/usr/sbin/haproxy', ['-c', '-q', '-f', join(dir, 'haproxy.cfg')]);
  const child = spawn('/usr/sbin/haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], {
    stdio: 'ignore',
  });
  const base = `https://localhost:${port}`;
  await waitFor('haproxy', () =>
    probe(`${base}/readyz`).then(
      (s) => s === 200,
      () => false,
    ),
  );
  return { base, stop: () => stopChild(child) };
}

/** nginx's worker processes under `master`, and whether each is shutting down (by its title). */
function workersOf(master: number): { pid: number; leaving: boolean }[] {
  const out: { pid: number; leaving: boolean }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== master) continue;
      const title = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      out.push({ pid: Number(name), leaving: title.includes('is shutting down') });
    } catch {
      // gone between readdir and read: an old worker that has finished
    }
  }
  return out;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
