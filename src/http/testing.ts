import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootOkence, type Okence } from '../boot.ts';
import { parseConfig, type Config } from '../config/config.ts';
import { openTestDatabase, type DbKind } from '../db/testing.ts';
import { fixedClock, type Clock } from '../lib/clock.ts';
import type { PacerTime } from '../lib/pacing.ts';

/** The real app on a fresh test database with demo data, for `app.inject` tests. */
export async function bootTestApp(
  kind: DbKind,
  opts: {
    clock?: Clock;
    env?: Record<string, string>;
    backgroundJobs?: boolean;
    pacerTime?: PacerTime;
  } = {},
): Promise<Okence> {
  const config = testConfig(opts.env);
  const handle = await openTestDatabase(kind);
  return bootOkence(config, {
    handle,
    clock: opts.clock ?? fixedClock(new Date('2026-11-23T09:00:00Z')),
    backgroundJobs: opts.backgroundJobs,
    ...(opts.pacerTime ? { pacerTime: opts.pacerTime } : {}),
  });
}

/** The configuration tests run with: quiet, demo data, a fresh DATA_DIR, plus `env`. */
export function testConfig(env: Record<string, string> = {}): Config {
  const parsed = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'true',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-app-')),
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

/** Cookies from a response's Set-Cookie headers, as name → value. */
export function cookiesOf(response: {
  cookies: { name: string; value: string }[];
}): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

/** The hidden CSRF token in a rendered form. */
export function csrfFrom(htmlText: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(htmlText);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}
