import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/db.ts';
import type { AuditService } from '../audit/service.ts';
import type { InvitationService } from '../identity/invitations.ts';
import type { Clock } from '../lib/clock.ts';
import type { OperatorService } from './service.ts';

/** What a command gets: the open database, the services, and where to write. */
export type CliContext = {
  config: Config;
  handle: DatabaseHandle;
  clock: Clock;
  audit: AuditService;
  operators: OperatorService;
  invitations: InvitationService;
  out(line: string): void;
  err(line: string): void;
};

/**
 * One command of `npm run operator -- <name> …`. `options` are node:util parseArgs options;
 * `run` gets the parsed values and positionals and returns the exit status. A command that
 * fails on input prints one line to `err` and returns 1 (or throws a CliError).
 */
export type CliCommand = {
  name: string;
  /** e.g. "create-admin <email> [--lang sl|cs|en]" */
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(
    ctx: CliContext,
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
  ): Promise<number>;
};

/** A refusal worth one line to the operator, not a stack trace. */
export class CliError extends Error {}
