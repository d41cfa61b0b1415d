// "kill -9 between the gateway's answer and our write loses nothing" (issue 18, decision 045):
// Okence runs as `npm start` runs it, in its own process, against GP webpay's emulator, which
// runs here, outside it. A payer pays at the gateway and comes back; Okence asks the gateway for
// the payment's state — and the emulator, before its answer goes out, kills Okence with SIGKILL.
// Nothing was written. Okence is started again on the same data: its first sweep asks the
// gateway about every payment still 'started', without any request, and the payment is paid.
// (Started through the public API's startCardPayment, which names the payment.)
// On the embedded database (PGlite in DATA_DIR) and on PostgreSQL when DATABASE_URL is set.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { start, stop, START_SCRIPT, type Server } from '../bench/process.ts';
import { bootOkence } from '../src/boot.ts';
import { parseConfig } from '../src/config/config.ts';
import { ALL_DB_KINDS, createFreshDatabase, seededDataDir } from '../src/db/testing.ts';
import { emulatedMerchant } from '../src/payments/gateway/testing.ts';
import { obligationWithToken } from '../src/payments/card/testing.ts';

const SLUG = 'koprivnice';
/** A first start runs initdb and loads the demo data: over a minute on a loaded 2-core machine. */
const START_MS = 300_000;

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

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const kind of ALL_DB_KINDS) {
  describe(`a card payment across kill -9, on ${kind}`, () => {
    const running: Server[] = [];
    const stopAll = async () => {
      for (const s of running) if (s.child.exitCode === null && !s.child.signalCode) await stop(s);
    };
    after(stopAll);

    test('the gateway answered, the process died before writing; the restart settles it', async () => {
      const gp = await emulatedMerchant({ organisations: [SLUG] });
      const fresh =
        kind === 'postgres'
          ? await createFreshDatabase(process.env.DATABASE_URL!, 'okence_card_crash')
          : undefined;
      const env = {
        // Made and migrated ahead, as a first start leaves it: initdb is not this test's point.
        DATA_DIR:
          kind === 'postgres'
            ? mkdtempSync(join(tmpdir(), 'okence-card-crash-'))
            : await seededDataDir('okence-card-crash-'),
        DATABASE_URL: fresh?.url ?? '',
        GPWEBPAY_MERCHANTS_FILE: gp.file,
      };
      try {
        // The obligation and its token, written before Okence's process holds the data.
        const setup = parseConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
        assert.ok(setup.ok);
        const inProcess = await bootOkence(setup.config, { backgroundJobs: false });
        const o = await obligationWithToken(inProcess.handle.db, {
          slug: SLUG,
          amountMinor: 150000,
          currency: 'CZK',
          now: new Date(),
        });
        await inProcess.close();

        const first = await okence(env);
        running.push(first);
        const started = await fetch(`${first.base}/api/v1/organisations/${SLUG}/card-payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: o.token }),
        });
        assert.equal(started.status, 201);
        const { paymentId, redirectUrl: gatewayUrl } = (await started.json()) as {
          paymentId: string;
          redirectUrl: string;
        };
        const order = new URL(gatewayUrl).searchParams.get('ORDERNUMBER') ?? '';
        assert.equal((await fetch(gatewayUrl)).status, 200);
        const paid = await fetch(`${gp.emulator.origin}/pgw/pay`, {
          method: 'POST',
          body: new URLSearchParams({
            ORDERNUMBER: order,
            action: 'pay',
            card: '4111111111111111',
          }),
          redirect: 'manual',
        });
        // Our return URL, on this process's port (PORT=0: PUBLIC_URL's default names no port).
        const returned = new URL(paid.headers.get('location') ?? '');
        const back = new URL(returned.pathname + returned.search, first.base);

        // Okence asks; the gateway has its answer ready, and Okence dies before it arrives.
        const exited = new Promise((resolve) => first.child.once('exit', resolve));
        gp.emulator.beforeStatusAnswer = async (n) => {
          if (n !== order) return;
          gp.emulator.beforeStatusAnswer = null;
          first.child.kill('SIGKILL');
          await exited;
        };
        await assert.rejects(fetch(back), 'the browser gets no answer');
        await exited;
        const asked = gp.emulator.wsCalls;

        const second = await okence(env);
        running.push(second);
        // Without any request: the first sweep asks the gateway again.
        await until(() => gp.emulator.wsCalls > asked, 60_000, "the restart's state query");
        const page = await fetch(`${second.base}/o/${SLUG}/pay/card/${paymentId}`, {
          headers: { 'accept-language': 'en' },
        });
        assert.match(await page.text(), /Payment received/);
      } finally {
        await stopAll();
        await fresh?.drop();
        await gp.emulator.close();
      }
    });
  });
}
