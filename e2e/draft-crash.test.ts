// "A crash or a restart never loses a saved page" (issue 17, decision 038): Okence runs as
// `npm start` runs it, in its own process; a citizen starts a draft and posts its first page;
// once the answer (303 to the next page) has come back, the process is killed with SIGKILL —
// no shutdown, nothing flushed on the way out — and started again on the same data. The page
// is there, as typed, and the draft goes on from the next page. On the embedded database
// (PGlite in DATA_DIR) and on PostgreSQL when DATABASE_URL is set.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, stop, START_SCRIPT, type Server } from '../bench/process.ts';
import { ALL_DB_KINDS, createFreshDatabase, seededDataDir } from '../src/db/testing.ts';

const FORM = '/o/ue-domzale/forms/sprejem-novorojencev';
/** A first start runs initdb and loads the demo data: over a minute on a loaded 2-core machine. */
const START_MS = 300_000;

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`));

/** Okence on `env`'s data, as `npm start` runs it; its base URL. */
async function okence(env: Record<string, string>): Promise<Server & { base: string }> {
  const server = await start(
    START_SCRIPT,
    { PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    /open http:\/\/localhost:(\d+)/,
    START_MS,
  );
  return { ...server, base: `http://127.0.0.1:${server.port}` };
}

for (const kind of ALL_DB_KINDS) {
  describe(`a saved draft page after kill -9, on ${kind}`, () => {
    const running: Server[] = [];
    const stopAll = async () => {
      // A killed child has a signalCode and no exitCode: it is gone, and stop() would wait forever.
      for (const s of running) if (s.child.exitCode === null && !s.child.signalCode) await stop(s);
    };
    after(stopAll);

    test('survives: the restarted Okence shows the page as typed and goes on from the next', async () => {
      const fresh =
        kind === 'postgres'
          ? await createFreshDatabase(process.env.DATABASE_URL!, 'okence_crash')
          : undefined;
      const env = {
        // Made and migrated ahead, as a first start leaves it: initdb is not this test's point.
        DATA_DIR:
          kind === 'postgres'
            ? mkdtempSync(join(tmpdir(), 'okence-crash-'))
            : await seededDataDir('okence-crash-'),
        DATABASE_URL: fresh?.url ?? '',
      };
      try {
        const first = await okence(env);
        running.push(first);
        const form = await fetch(`${first.base}${FORM}`);
        const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
        const csrf = cookieOf(form, '__Host-okence-csrf');
        assert.ok(token && csrf, `the form's start page (${form.status})`);
        const post = (path: string, cookie: string, fields: Record<string, string>) =>
          fetch(`${first.base}${path}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
            body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
          });

        const started = await post(`${FORM}/start`, csrf, { email: 'starsa@example.org' });
        assert.equal(started.status, 303);
        const draft = /^(.*\/drafts\/[^/?]+)\/pages\/otrok/.exec(
          started.headers.get('location') ?? '',
        )?.[1];
        const cookie = `${csrf}; ${cookieOf(started, '__Host-okence-draft')}`;
        assert.ok(draft, started.headers.get('location') ?? '');
        const saved = await post(`${draft}/pages/otrok`, cookie, {
          _action: 'continue',
          'otroci.0.ime.givenName': 'Eva',
          'otroci.0.ime.familyName': 'Kovač',
          'otroci.0.ime.dateOfBirth': '3. 5. 2026',
        });
        assert.equal(saved.status, 303, 'the page was accepted');
        assert.match(saved.headers.get('location') ?? '', /\/pages\/starsi$/);

        // The answer is in: now the process dies at once.
        const exited = new Promise((resolve) => first.child.once('exit', resolve));
        first.child.kill('SIGKILL');
        await exited;

        const second = await okence(env);
        running.push(second);
        const page = await fetch(`${second.base}${draft}/pages/otrok`, { headers: { cookie } });
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /value="Eva"/);
        assert.match(html, /value="Kovač"/);
        const check = await fetch(`${second.base}${draft}/check`, {
          headers: { cookie },
          redirect: 'manual',
        });
        assert.equal(check.status, 303, 'the next page is still to answer');
        assert.match(check.headers.get('location') ?? '', /\/pages\/starsi$/);
      } finally {
        // Stopped before its database is dropped (a connected client would hold it).
        await stopAll();
        await fresh?.drop();
      }
    });
  });
}
