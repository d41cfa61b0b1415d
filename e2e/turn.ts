// coturn from Debian's package, started by a test on a free loopback port with a
// shared secret (the scheme Okence signs short-lived credentials with).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from './net.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starts turnserver on 127.0.0.1; `env` is what Okence needs to hand out credentials for it. */
export async function startTurn(): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const child = spawn(
    '/usr/bin/turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--min-port=49160',
      '--max-port=49300',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=okence.test',
      '--allow-loopback-peers',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 100 && !/listener opened on|Total General servers/i.test(out); i++) {
    if (child.exitCode !== null) throw new Error(`turnserver exited: ${out}`);
    await sleep(50);
  }
  return {
    env: {
      TURN_URLS: `turn:127.0.0.1:${port}?transport=udp,turn:127.0.0.1:${port}?transport=tcp`,
      TURN_SECRET: secret,
      ICE_TRANSPORT_POLICY: 'relay',
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
