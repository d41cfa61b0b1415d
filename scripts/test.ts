// `npm test`: every test — unit, database (on PostgreSQL when DATABASE_URL is set, else PGlite;
// decision 057) and browser tests in Debian's Chromium headless shell, with calls relayed
// through Debian's coturn, and uploads scanned by Debian's clamd, and citizens signing in at
// Debian's simplesamlphp (a real SAML IdP under php-cli), and the forms' receipts read back by
// Debian's poppler-utils (pdffonts, pdftotext, pdfdetach), and the bank QR codes read back by
// Debian's zbar-tools (zbarimg), and larger meetings through Debian's Janus, and several
// instances behind Debian's nginx and HAProxy. All are installed here when missing (as root,
// with apt).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's headless shell: the same Chromium (Blink, V8, WebRTC) built without the desktop
// browser around it, as Playwright itself runs headless tests. It does the suite's pages for about
// half the CPU of the full browser in headless mode (e2e/pages: 101 → 60 CPU-seconds, the calls of
// e2e/meeting: 61 → 30), on a machine whose two cores the suite keeps busy (decision 057).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

function hasApt(): boolean {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** simplesamlphp needs PHP's DOM (php-xml), which its Debian package does not pull in. */
function phpHasDom(): boolean {
  const check = ['-r', 'exit(class_exists("DOMDocument") ? 0 : 1);'];
  return spawnSync('php', check, { stdio: 'ignore' }).status === 0;
}
/** Debian's packages the tests run for real, what shows each is there, and why it is needed. */
const NEEDED: { packages: string[]; present: () => boolean; why: string }[] = [
  {
    packages: ['chromium-headless-shell'],
    present: () => existsSync(chromium),
    why: `Browser tests need Chromium at ${chromium} (or set CHROMIUM_PATH)`,
  },
  {
    packages: ['coturn'],
    present: () => existsSync('/usr/bin/turnserver'),
    why: 'The call relayed through TURN needs coturn',
  },
  {
    packages: ['clamav-daemon'],
    present: () => existsSync('/usr/sbin/clamd'),
    why: 'Virus scanning of uploads needs clamd',
  },
  {
    packages: ['simplesamlphp', 'php-cli', 'php-xml'],
    present: () => existsSync('/usr/share/simplesamlphp/www') && phpHasDom(),
    why: 'eID sign-in tests need a SAML IdP',
  },
  {
    packages: ['poppler-utils'],
    present: () => existsSync('/usr/bin/pdfdetach'),
    why: 'The receipt tests read PDFs back with poppler-utils',
  },
  {
    packages: ['zbar-tools'],
    present: () => existsSync('/usr/bin/zbarimg'),
    why: 'The payment QR tests read the codes back with zbarimg',
  },
  {
    packages: ['janus'],
    present: () => existsSync('/usr/bin/janus'),
    why: 'Meetings of more than four go through Janus',
  },
  {
    packages: ['nginx', 'haproxy'],
    present: () => existsSync('/usr/sbin/nginx') && existsSync('/usr/sbin/haproxy'),
    why: 'Several instances are tested behind nginx and HAProxy',
  },
  {
    packages: ['prometheus'],
    present: () => existsSync('/usr/bin/promtool'),
    why: "The /metrics tests check the exposition with Prometheus's promtool",
  },
];
const missing = NEEDED.filter((n) => !n.present()).flatMap((n) => n.packages);
if (missing.length > 0) {
  if (process.getuid?.() === 0 && hasApt()) {
    console.log(
      `Installing Debian's ${new Intl.ListFormat('en').format(missing)} for the end-to-end tests…`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
  for (const n of NEEDED)
    if (!n.present()) {
      console.error(
        `${n.why}: run "sudo apt-get install -y ${n.packages.join(' ')}" and run npm test again.`,
      );
      process.exit(1);
    }
}

// Options after `npm test --` (a reporter, say) or files run through `node --test` as given;
// without any, scripts/run-suite.ts runs every file in an order that keeps the files with real
// calls apart (`node --test` sorts its files, and put them side by side).
const given = process.argv.slice(2);
// Five files at a time on two cores: the suite waits on browsers, sockets and timers far more
// than it computes (at three files, 17.5 CPU-minutes in a 22-minute run, the files' tests
// 50 minutes in all), and a later `--test-concurrency` in `given` wins.
const args = given.length
  ? ['--test', '--test-concurrency=5', ...reporters(), ...given]
  : [join(import.meta.dirname, 'run-suite.ts')];
const result = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    CHROMIUM_PATH: chromium,
    // Each test file is a process that strips and compiles the same ~250 modules; Node's compile
    // cache (as `npm start` uses it, decision 028) makes that once per run: 1.5 → 1.0 s per file.
    NODE_COMPILE_CACHE:
      process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'okence-test-compile-cache'),
  },
});
process.exit(result.status ?? 1);

/**
 * The spec reporter, and after it the time each file took (scripts/file-times.ts), unless the
 * caller named reporters of their own.
 */
function reporters(): string[] {
  if (given.some((arg) => arg.startsWith('--test-reporter'))) return [];
  const out = '--test-reporter-destination=stdout';
  return ['--test-reporter=spec', out, '--test-reporter=./scripts/file-times.ts', out];
}
