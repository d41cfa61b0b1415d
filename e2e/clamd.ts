// clamd from Debian's package, started by a test with its own configuration and a one-line
// signature database for the EICAR test file: freshclam cannot reach the network here, and
// nothing in /etc/clamav, /var/lib/clamav or the system's clamav-daemon service is used.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { freePort } from './net.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pingClamd } from '../src/files/clamav.ts';

const CLAMD = '/usr/sbin/clamd';

/**
 * The 68-byte EICAR anti-virus test file (eicar.org). Kept in two halves so that a scanner on a
 * developer's machine does not quarantine this source file.
 */
export const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-', 'STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''),
  'latin1',
);

// An .ndb body signature (ClamAV "Extended signature format": name:target:offset:hex) with
// target 0 (any file) and offset * matches EICAR anywhere in a file and in unpacked archive
// entries; an .hdb MD5 signature would only match a file that is exactly EICAR.
const SIGNATURES = `Eicar-Test-Signature:0:*:${EICAR.toString('hex')}\n`;

// No User line: clamd keeps the user that starts it (root in CI, anyone else on a laptop).
// No LogFile: clamd then logs to stdout, which the fixture keeps for error messages.
// The limits are above Okence's 20 MB uploads, as in Debian's clamd.conf, so a file that big is
// scanned in full rather than skipped as "too large" (which clamd reports as OK).
function clamdConf(dir: string, port: number): string {
  return [
    'Foreground yes',
    `DatabaseDirectory ${join(dir, 'db')}`,
    `TemporaryDirectory ${dir}`,
    `PidFile ${join(dir, 'clamd.pid')}`,
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    `LocalSocket ${join(dir, 'clamd.sock')}`,
    'StreamMaxLength 25M',
    'MaxFileSize 25M',
    'MaxScanSize 100M',
    '',
  ].join('\n');
}

/** Starts clamd on 127.0.0.1 and on a socket in a temporary directory; `url` is its tcp:// address. */
export async function startClamd(): Promise<{
  url: string;
  unixUrl: string;
  stop(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'okence-clamd-'));
  const port = await freePort();
  const config = join(dir, 'clamd.conf');
  await mkdir(join(dir, 'db'));
  await writeFile(join(dir, 'db', 'eicar.ndb'), SIGNATURES);
  await writeFile(config, clamdConf(dir, port));

  const child = spawn(CLAMD, [`--config-file=${config}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // Unref'd: once clamd has exited, this timer must not hold the test process for 10 s.
      await Promise.race([
        exited,
        sleep(10_000, undefined, { ref: false }).then(() => child.kill('SIGKILL')),
      ]);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const url = `tcp://127.0.0.1:${port}`;
  // With one signature clamd answers within about 0.1 s; the official database takes 20 s or more.
  const deadline = Date.now() + 60_000;
  while (!(await pingClamd(url, { timeoutMs: 1_000 }))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `clamd ${child.exitCode === null ? 'did not answer PING within 60 s' : `exited with ${child.exitCode}`}:\n${out}`,
      );
    }
    await sleep(50);
  }
  return { url, unixUrl: `unix://${join(dir, 'clamd.sock')}`, stop };
}
