// Filling in forms for `npm run bench` (issue 17): a long form (30 questions over 8 pages) filled
// in and sent over HTTP against a started Okence (`npm start`'s process, on its own database):
// page posts per second and their p99, and sends per second — each send stores the submission
// and makes its receipt (a tagged PDF/A-3) before it answers, so sends/s is receipts made per
// second. Both as ratios to the bare Fastify route measured by the same client in the same run
// (bench/bare-server.ts). `node bench/forms.ts` runs this section alone (PGlite, and PostgreSQL
// when DATABASE_URL is set).
//
// Honest posts: every page post goes to its own draft (a distinct citizen who started with an
// e-mail address, its draft cookie and the page's answers), and the run fails unless every post
// was accepted (303). The drafts are started before the clock starts; the posts are ordered page
// by page, so no two posts of one draft are ever in flight together.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { onEachDatabase, start, startBenchOkence, stop } from './process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
/** Citizens whose drafts are filled in during the measured run, after WARM_UP others. */
const DRAFTS = Number(process.env.BENCH_FORM_DRAFTS ?? 200);
const WARM_UP = 50;
const ORG = 'ue-domzale';
const SLUG = 'bench-long-form';

const sl = (text: string) => ({ sl: text });

/** The questions each page asks, by kind: 30 in all over 8 pages, every common kind. */
const PAGES: string[][] = [
  ['person', 'email', 'phone', 'date'],
  ['address', 'yesNo', 'singleChoice', 'text'],
  ['text', 'number', 'money', 'longText'],
  ['multipleChoice', 'text', 'date', 'yesNo'],
  ['text', 'text', 'number', 'singleChoice'],
  ['longText', 'email', 'phone', 'text'],
  ['money', 'number', 'yesNo'],
  ['text', 'longText', 'singleChoice'],
];

const question = (type: string, id: string) => {
  const base = { id, type, label: sl(`Vprašanje ${id}`), required: true };
  if (type === 'singleChoice' || type === 'multipleChoice')
    return {
      ...base,
      options: ['a', 'b', 'c'].map((v) => ({ value: v, label: sl(`Izbira ${v}`) })),
    };
  if (type === 'money') return { ...base, currency: 'EUR' };
  return base;
};

/** The long form's definition (Slovenian, no sign-in needed). */
export const LONG_FORM = {
  format: 1,
  languages: ['sl'],
  title: sl('Dolg obrazec za merjenje'),
  assurance: 'low',
  pages: PAGES.map((types, p) => ({
    id: `stran-${p + 1}`,
    title: sl(`Stran ${p + 1}`),
    questions: types.map((type, k) => question(type, `q${p + 1}-${k + 1}`)),
  })),
};

/** A citizen's answers to one question, as the page's form posts them. */
function answer(type: string, id: string, n: number): Record<string, string> {
  switch (type) {
    case 'person':
      return { [`${id}.givenName`]: 'Ana', [`${id}.familyName`]: `Novak ${n}` };
    case 'address':
      return {
        [`${id}.street`]: 'Ljubljanska cesta 1',
        [`${id}.postcode`]: '1230',
        [`${id}.city`]: 'Domžale',
        [`${id}.country`]: 'SI',
      };
    case 'email':
      return { [id]: `ana.${n}@example.org` };
    case 'phone':
      return { [id]: '041 234 567' };
    case 'date':
      return { [id]: '3. 5. 2026' };
    case 'number':
      return { [id]: String(n % 1000) };
    case 'money':
      return { [id]: '12,50' };
    case 'yesNo':
      return { [id]: 'yes' };
    case 'singleChoice':
    case 'multipleChoice':
      return { [id]: 'b' };
    case 'longText':
      return { [id]: `Daljše besedilo številka ${n}, z nekaj šumniki: čžš ČŽŠ. `.repeat(4) };
    default:
      return { [id]: `Odgovor ${n} – čšž` };
  }
}

/** The body of page `p` for citizen `n`. */
function pageBody(p: number, n: number, csrf: string): string {
  const fields: Record<string, string> = { _csrf: csrf, _action: 'continue' };
  PAGES[p]!.forEach((type, k) => Object.assign(fields, answer(type, `q${p + 1}-${k + 1}`, n)));
  return new URLSearchParams(fields).toString();
}

/** The schema, the demo data and the long form published, before Okence opens the database. */
async function seed(env: { DATA_DIR: string; DATABASE_URL: string }): Promise<void> {
  const { openDatabase } = await import('../src/db/db.ts');
  const { migrate } = await import('../src/db/migrate.ts');
  const { loadDemoData } = await import('../src/tenants/demo-data.ts');
  const { hashPassword } = await import('../src/identity/password.ts');
  const { formsService } = await import('../src/forms/service.ts');
  const { auditService } = await import('../src/audit/service.ts');
  const { publishForm } = await import('../src/forms/fill-testing.ts');
  const { systemClock } = await import('../src/lib/clock.ts');
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR,
  });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
    const db = handle.db;
    const org = await db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', ORG)
      .executeTakeFirstOrThrow();
    const clock = systemClock;
    const forms = formsService({ db, clock, audit: auditService({ db, clock }) });
    await publishForm(db, forms, org.id, SLUG, LONG_FORM);
  } finally {
    await handle.close();
  }
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`));

/** One CSRF cookie and its token, shared by every citizen of the run (bound to the cookie only). */
async function csrfOf(base: string) {
  const res = await fetch(`${base}/o/${ORG}/forms/${SLUG}`);
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = cookieOf(res, '__Host-okence-csrf');
  if (!token || !cookie) throw new Error(`no CSRF token on the form's page (${res.status})`);
  return { token, cookie };
}

type Citizen = { n: number; href: string; cookie: string };

/** Starts `count` drafts (each a citizen with an e-mail address and the draft's cookie). */
async function startDrafts(
  base: string,
  csrf: { token: string; cookie: string },
  from: number,
  count: number,
) {
  const out: Citizen[] = [];
  for (let n = from; n < from + count; n++) {
    const res = await fetch(`${base}/o/${ORG}/forms/${SLUG}/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      body: new URLSearchParams({ _csrf: csrf.token, email: `bench-${n}@example.org` }).toString(),
    });
    const draft = cookieOf(res, '__Host-okence-draft');
    const location = res.headers.get('location') ?? '';
    const href = /^(.*\/drafts\/[^/]+)\/pages\//.exec(location)?.[1];
    if (res.status !== 303 || !draft || !href) throw new Error(`start: ${res.status}`);
    out.push({ n, href, cookie: `${csrf.cookie}; ${draft}` });
  }
  return out;
}

type Post = { path: string; cookie: string; body: string };

/** Posts each request once, 50 at a time; per second over the wall time, and p99. */
async function postAll(base: string, posts: Post[], what: string, connections = CONNECTIONS) {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: Math.min(connections, posts.length),
    amount: posts.length,
    timeout: 120,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const p = posts[next++]!;
          return {
            ...req,
            path: p.path,
            body: p.body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: p.cookie },
          };
        },
      },
    ],
  });
  if (result['3xx'] !== posts.length)
    throw new Error(
      `${what}: ${result['3xx']} of ${posts.length} accepted (${result['4xx']} refused, ${result['5xx']} 5xx, ${result.errors} errors, ${result.timeouts} time-outs)`,
    );
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return { perSecond: Math.round(posts.length / seconds), p99: result.latency.p99 };
}

/** Every page of every citizen's draft, page by page; then every draft sent. */
function pagePosts(citizens: Citizen[], csrf: string): Post[] {
  return PAGES.flatMap((_, p) =>
    citizens.map((c) => ({
      path: `${new URL(c.href, 'http://x').pathname}/pages/stran-${p + 1}`,
      cookie: c.cookie,
      body: pageBody(p, c.n, csrf),
    })),
  );
}
const sends = (citizens: Citizen[], csrf: string): Post[] =>
  citizens.map((c) => ({
    path: `${new URL(c.href, 'http://x').pathname}/send`,
    cookie: c.cookie,
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  }));

/** The bare route under SECONDS of load (as eid.ts's `load`). */
async function bareLoad(url: string, seconds = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: not all 2xx`);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
}

/** Page posts and sends of the long form on one database, against the bare route. */
export async function formFigures(label: string, databaseUrl: string | undefined) {
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-forms-')),
    DATABASE_URL: databaseUrl ?? '',
  };
  await seed(env);
  const okence = await startBenchOkence(env);
  const bare = await start('bench/bare-server.ts', {}, /listening (\d+)/).catch(async (err) => {
    await stop(okence);
    throw err;
  });
  try {
    const base = `http://127.0.0.1:${okence.port}`;
    const csrf = await csrfOf(base);
    const warm = await startDrafts(base, csrf, 0, WARM_UP);
    const citizens = await startDrafts(base, csrf, WARM_UP, DRAFTS);
    await bareLoad(`http://127.0.0.1:${bare.port}/`, 2);
    // Fewer connections than half the drafts: a draft's next page is never posted while its
    // previous one is still in flight (the posts go page by page, one draft after another).
    const apart = (n: number) => Math.max(1, Math.min(CONNECTIONS, Math.floor(n / 2)));
    await postAll(base, pagePosts(warm, csrf.token), 'warm-up pages', apart(WARM_UP));
    await postAll(base, sends(warm, csrf.token), 'warm-up sends');
    const bareRoute = await bareLoad(`http://127.0.0.1:${bare.port}/`);
    const pages = await postAll(base, pagePosts(citizens, csrf.token), 'page posts', apart(DRAFTS));
    const sent = await postAll(base, sends(citizens, csrf.token), 'sends');
    return {
      database: label,
      'bare req/s': bareRoute.rps,
      'page posts': DRAFTS * PAGES.length,
      'page posts/s': pages.perSecond,
      'page post p99 ms': pages.p99,
      'ratio pages/bare': Number((pages.perSecond / bareRoute.rps).toFixed(4)),
      'sends (receipts)': DRAFTS,
      'receipts/s': sent.perSecond,
      'send p99 ms': sent.p99,
      'ratio receipts/bare': Number((sent.perSecond / bareRoute.rps).toFixed(5)),
    };
  } finally {
    await stop(okence);
    await stop(bare);
  }
}

/** Prints the section's table. */
export function printFormFigures(rows: Awaited<ReturnType<typeof formFigures>>[]): void {
  console.log(
    `\nForms: a 30-question, 8-page form filled in by ${DRAFTS} citizens over HTTP (each page post to its own draft, up to ${CONNECTIONS} connections), then each draft sent (a submission stored and its PDF/A-3 receipt made per send); against the bare route, ${SECONDS} s.`,
  );
  console.table(rows);
}

if (import.meta.main) printFormFigures(await onEachDatabase(formFigures));
