// Statistics figures for `npm run bench`: the statistics page over a year of one organisation's
// appointments (about 10,000, each with a meeting and a lobby wait, a third rated), timed one
// request at a time against the bare Fastify route in the same run. `node bench/stats.ts` runs
// this section alone (PGlite, and PostgreSQL when DATABASE_URL is set).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onEachDatabase, start, startBenchOkence, stop } from './process.ts';

const REQUESTS = 30;
const PER_WEEKDAY = 40;

/** Demo data plus a year of appointments at UE Domžale's general information service. */
async function seed(env: Record<string, string>, from: Date, days: number): Promise<void> {
  const [{ openDatabase }, { migrate }, { hashPassword }, { loadDemoData }, { seedBulk }] =
    await Promise.all([
      import('../src/db/db.ts'),
      import('../src/db/migrate.ts'),
      import('../src/identity/password.ts'),
      import('../src/tenants/demo-data.ts'),
      import('../src/stats/testing.ts'),
    ]);
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '',
  });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
    const db = handle.db;
    const target = await db
      .selectFrom('service as s')
      .innerJoin('service_office as so', 'so.service_id', 's.id')
      .innerJoin('service_official as sf', 'sf.service_id', 's.id')
      .innerJoin('organisation as o', 'o.id', 's.organisation_id')
      .select(['s.organisation_id', 's.id as service_id', 'so.office_id', 'sf.staff_id'])
      .where('o.slug', '=', 'ue-domzale')
      .where('s.slug', '=', 'splosne-informacije')
      .executeTakeFirstOrThrow();
    const starts: Date[] = [];
    for (let d = 0; d < days; d++) {
      const day = new Date(from.getTime() + d * 86_400_000);
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      for (let k = 0; k < PER_WEEKDAY; k++)
        starts.push(new Date(day.getTime() + 7 * 3600_000 + k * 12 * 60_000));
    }
    await seedBulk(
      db,
      {
        organisationId: target.organisation_id,
        officeId: target.office_id,
        serviceId: target.service_id,
        staffId: target.staff_id,
      },
      starts,
    );
  } finally {
    await handle.close();
  }
}

/** Signs in as the demo admin over HTTP; returns the cookie header. */
async function signIn(base: string): Promise<string> {
  const form = await fetch(`${base}/staff/sign-in`);
  const csrfCookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const { DEMO_PASSWORD } = await import('../src/tenants/demo-data.ts');
  const res = await fetch(`${base}/staff/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: 'admin@domzale.example',
      password: DEMO_PASSWORD,
      _csrf: token,
    }),
  });
  if (res.status !== 303) throw new Error(`sign-in: ${res.status}`);
  return [csrfCookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

/** Median milliseconds of sequential requests, after a warm-up. */
async function median(url: string, cookie = ''): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Number(((times[(times.length - 1) >> 1]! + times[times.length >> 1]!) / 2).toFixed(2));
}

/** The statistics page for a year on one database: median times and their ratio to the bare route. */
export async function statsFigures(label: string, databaseUrl: string | undefined) {
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-stats-')),
    DATABASE_URL: databaseUrl ?? '',
  };
  const to = new Date();
  const from = new Date(to.getTime() - 364 * 86_400_000);
  await seed(env, from, 365);
  const bare = await start('bench/bare-server.ts', {}, /listening (\d+)/);
  const okence = await startBenchOkence(env);
  try {
    const base = `http://127.0.0.1:${okence.port}`;
    const cookie = await signIn(base);
    const period = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
    const bareMs = await median(`http://127.0.0.1:${bare.port}/`);
    const yearMs = await median(`${base}/staff/stats?${period}`, cookie);
    const serviceId = /<option value="([0-9a-f-]{36})">General information<\/option>/.exec(
      await (await fetch(`${base}/staff/stats?lang=en`, { headers: { cookie } })).text(),
    )?.[1];
    const withCapacityMs = await median(
      `${base}/staff/stats?${period}&service=${serviceId}`,
      cookie,
    );
    const csvMs = await median(`${base}/staff/stats.csv?${period}`, cookie);
    return {
      database: label,
      appointments: Math.round((365 * 5) / 7) * PER_WEEKDAY,
      'bare median ms': bareMs,
      'stats page (year) median ms': yearMs,
      'ratio bare/page': Number((bareMs / yearMs).toFixed(3)),
      'with capacity (one service) ms': withCapacityMs,
      'CSV (year) ms': csvMs,
    };
  } finally {
    await stop(okence);
    await stop(bare);
  }
}

/** Prints the section's table and budget line. */
export function printStatsFigures(rows: Awaited<ReturnType<typeof statsFigures>>[]): void {
  console.log(
    `\nStatistics: a year of one organisation (${PER_WEEKDAY} appointments every weekday), ${REQUESTS} sequential requests each, medians.`,
  );
  console.table(rows);
  const worst = Math.max(...rows.map((r) => r['stats page (year) median ms']));
  console.log(
    `Budget: a year's statistics page renders in < 250 ms — ${worst < 250 ? 'met' : 'NOT met'} (slowest median ${worst} ms).`,
  );
}

if (import.meta.main) printStatsFigures(await onEachDatabase(statsFigures));
