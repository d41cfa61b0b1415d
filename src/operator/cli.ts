import { parseArgs } from 'node:util';
import { parseConfig } from '../config/config.ts';
import { resolveSessionSecret } from '../config/secret.ts';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { migrate } from '../db/migrate.ts';
import { auditService } from '../audit/service.ts';
import { invitationService } from '../identity/invitations.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import { operatorService } from './service.ts';
import { adminCommands } from './cli-admin.ts';
import { organisationCommands } from '../organisations/cli.ts';
import { CliError, type CliCommand, type CliContext } from './cli-command.ts';

export { CliError, type CliCommand, type CliContext };

/** Every command, in the order `help` lists them. A new family of commands adds its list here. */
export const COMMANDS: readonly CliCommand[] = [...adminCommands, ...organisationCommands];

type Io = { out(line: string): void; err(line: string): void };

function help(io: Io): void {
  io.out('Usage: npm run operator -- <command> [arguments]');
  io.out('');
  for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(44)} ${c.summary}`);
  io.out(`  ${'help'.padEnd(44)} This list.`);
}

/**
 * Runs one command against DATABASE_URL or the embedded database in DATA_DIR (migrated first,
 * as Okence itself does). The embedded database can be opened only while Okence is stopped:
 * a locked DATA_DIR is one line on stderr and status 1.
 */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io,
  clock: Clock = systemClock,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run: npm run operator -- help`);
    return 1;
  }
  let args;
  try {
    args = parseArgs({
      args: [...rest],
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${(err as Error).message}. Usage: npm run operator -- ${command.usage}`);
    return 1;
  }
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    for (const line of parsed.errors) io.err(`Configuration error: ${line}`);
    return 1;
  }
  const config = parsed.config;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      io.err(
        `Okence is running on ${config.dataDir} (embedded database): stop it, run this command, then start Okence again.`,
      );
      return 1;
    }
    throw err;
  }
  try {
    await migrate(handle.db);
    const audit = auditService({ db: handle.db, clock });
    const sessionSecret = resolveSessionSecret(config.sessionSecret, config.dataDir);
    const ctx: CliContext = {
      config,
      handle,
      clock,
      audit,
      ...io,
      operators: operatorService({ db: handle.db, clock, sessionSecret, audit }),
      invitations: invitationService({ db: handle.db, clock, publicUrl: config.publicUrl, audit }),
    };
    return await command.run(
      ctx,
      args as { values: Record<string, string | boolean | undefined>; positionals: string[] },
    );
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}
