// A real Janus for tests and the benchmark: Debian's `janus` started from the ready-to-copy
// configuration in docs/examples/janus/ (so the documented files are the tested ones), with
// this run's ports, secrets and network interface substituted, in a temporary folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'janus');
const FILES = ['janus.jcfg', 'janus.plugin.videoroom.jcfg', 'janus.transport.websockets.jcfg'];
/** UDP ports per Janus in tests: a few per peer connection, far more than a 12-person room needs. */
const RTP_PORTS = 400;

/** A running Janus: its API (`JANUS_URL`), the secrets Okence needs, and how to stop it. */
export type TestJanus = {
  url: string;
  apiSecret: string;
  adminKey: string;
  /** The temporary folder: its configuration, `janus.log`, and where a recording would land. */
  dir: string;
  /** Janus's process id (the benchmark reads its CPU time from /proc); a restart changes it. */
  pid: number;
  /** Kills Janus (as a crash or an operator's restart would) and starts it again on the same ports. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** The first non-internal IPv4 interface: Janus gathers no ICE candidates on loopback. */
export function mediaInterface(): string {
  for (const [name, addresses] of Object.entries(networkInterfaces()))
    if (addresses?.some((a) => a.family === 'IPv4' && !a.internal)) return name;
  throw new Error('no non-loopback IPv4 interface: Janus cannot gather ICE candidates here');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sets `key = value` in a jcfg text; fails when the example no longer has the key. */
function setKey(text: string, key: string, value: string): string {
  const pattern = new RegExp(`^(\\s*${key}\\s*=\\s*).*$`, 'm');
  if (!pattern.test(text)) throw new Error(`docs/examples/janus: no ${key}`);
  return text.replace(pattern, (_m, head: string) => `${head}${value}`);
}

/** Whether Janus answers an `info` request on its WebSocket API. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'janus-protocol');
    const done = (ok: boolean) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1000);
    ws.on('open', () => ws.send(JSON.stringify({ janus: 'info', transaction: 'ready' })));
    ws.on('message', (data: Buffer) => done(String(data).includes('server_info')));
    ws.on('error', () => done(false));
  });
}

/** Starts Janus on free ports and waits until its WebSocket API answers. */
export async function startJanus(opts: { timeoutMs?: number } = {}): Promise<TestJanus> {
  const dir = mkdtempSync(join(tmpdir(), 'okence-janus-'));
  const apiSecret = randomBytes(18).toString('base64url');
  const adminKey = randomBytes(18).toString('base64url');
  const port = await freePort();
  // A random block of UDP ports: several test files may run a Janus at once.
  const base = 20_000 + Math.floor(Math.random() * 100) * RTP_PORTS;
  const texts = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(EXAMPLES, f), 'utf8')]));
  let general = texts['janus.jcfg']!;
  general = setKey(general, 'configs_folder', JSON.stringify(dir));
  general = setKey(general, 'api_secret', JSON.stringify(apiSecret));
  general = setKey(general, 'admin_secret', JSON.stringify(randomBytes(18).toString('base64url')));
  general = setKey(general, 'rtp_port_range', `"${base}-${base + RTP_PORTS - 1}"`);
  general = setKey(general, 'ice_enforce_list', JSON.stringify(mediaInterface()));
  writeFileSync(join(dir, 'janus.jcfg'), general);
  writeFileSync(
    join(dir, 'janus.plugin.videoroom.jcfg'),
    setKey(texts['janus.plugin.videoroom.jcfg']!, 'admin_key', JSON.stringify(adminKey)),
  );
  writeFileSync(
    join(dir, 'janus.transport.websockets.jcfg'),
    setKey(texts['janus.transport.websockets.jcfg']!, 'ws_port', String(port)),
  );
  const log = join(dir, 'janus.log');
  const url = `ws://127.0.0.1:${port}`;
  let janus = launch(dir, log);
  const stopProcess = async (signal: NodeJS.Signals) => {
    if (!janus.gone()) janus.child.kill(signal);
    const timer = setTimeout(() => janus.child.kill('SIGKILL'), 5000);
    await janus.exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    await stopProcess('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = async () => {
    const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
    while (!(await answers(url))) {
      if (janus.gone() || Date.now() > deadline) {
        const tail = readLog(log).split('\n').slice(-30).join('\n');
        await stop();
        throw new Error(`Janus did not answer on ${url}:\n${tail}`);
      }
      // Poll again once the attempt above has failed: Janus loads its plugins first.
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await ready();
  const running: TestJanus = {
    url,
    apiSecret,
    adminKey,
    dir,
    pid: janus.child.pid!,
    stop,
    async restart() {
      await stopProcess('SIGKILL');
      janus = launch(dir, log);
      running.pid = janus.child.pid!;
      await ready();
    },
  };
  return running;
}

/** Janus on the configuration in `dir`, logging to `log`. */
function launch(dir: string, log: string) {
  const child = spawn('janus', ['-F', dir, '-C', join(dir, 'janus.jcfg'), '-N', '-L', log], {
    cwd: dir,
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  return { child, exited, gone: () => gone };
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '(no log)';
  }
}
