import { configFromEnvOrExit } from './config/config.ts';
import { bootOkence } from './boot.ts';
import { DataDirLockedError } from './db/lock.ts';
import { DEMO_PASSWORD } from './tenants/demo-data.ts';
import { releaseMemory, releaseWhenIdle } from './lib/memory.ts';

const config = configFromEnvOrExit();
const started = performance.now();

let okence;
try {
  okence = await bootOkence(config);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const { app } = okence;

// SIGTERM (service managers, containers) and SIGINT (Ctrl+C): finish in-flight requests, then exit.
// Installed before listening, so a signal that comes during start-up also shuts down cleanly.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    okence.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.port, host: config.host });
// Start-up's garbage and grown young generation go back to the system now, and again after
// each busy spell once requests stop (lib/memory.ts, decision 028).
releaseMemory();
// Its timer is unref'd: it never holds the process open at shutdown.
const idle = releaseWhenIdle();
app.server.on('request', idle.activity);
app.server.on('upgrade', idle.activity);

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
app.log.info(
  { port, database: okence.handle.kind, startupMs: Math.round(performance.now() - started) },
  'Okence started',
);
// The banner is written at once, ending with its own last line: a program (or a test) that reads
// the output knows it has all of it when that line is there, even on a loaded machine where a
// pipe hands over several writes one at a time.
const banner = [
  `\nOkence is running: open ${config.publicUrl.origin === `http://localhost:${config.port}` ? `http://localhost:${port}` : config.publicUrl.href}`,
];
banner.push(
  `Database: ${okence.handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
);
if (config.env !== 'production' && !config.smtpUrl) {
  banner.push(`Email is not sent (no SMTP_URL): read it at http://localhost:${port}/dev/mail`);
}
if (config.env !== 'production' && okence.demoAccounts.length > 0) {
  banner.push(`\nDemo accounts (password "${DEMO_PASSWORD}"), sign in at /staff/sign-in:`);
  for (const a of okence.demoAccounts)
    banner.push(`  ${a.role.padEnd(8)} ${a.email.padEnd(36)} ${a.organisation}`);
} else if (config.env !== 'production' && config.demoData) {
  banner.push(
    `\nDemo data is loaded: sign in at /staff/sign-in as admin@domzale.example (admin) or uradnik@domzale.example (official), password "${DEMO_PASSWORD}".`,
  );
}
banner.push('\nStop Okence with Ctrl+C (or SIGTERM): requests in flight are finished first.');
process.stdout.write(banner.join('\n') + '\n');
