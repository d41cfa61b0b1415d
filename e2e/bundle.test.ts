// `npm start` runs Okence bundled (lib/bundle.mjs, decision 059): the same code as the sources
// the rest of the suite runs, so what can differ is what bundling changes. Each class of that is
// tried here on a bundle made for this file: a module finding files beside itself (every
// location rewritten, nothing left relative to the bundle), a module imported at its first use
// (every chunk loads; the two PDF receipts come out byte for byte as from the sources), and the
// server itself (pages in three languages, their assets, a second start without a rebuild).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { start, stop, START_SCRIPT, type Server } from '../bench/process.ts';
import { seededDataDir } from '../src/db/testing.ts';
import { czechReceipt } from '../src/forms/receipt/testing.ts';
import { renderReceipt } from '../src/forms/receipt/receipt.ts';
import { renderPaymentReceipt } from '../src/payments/receipt.ts';
import { czechPaymentReceipt } from '../src/payments/testing-receipts.ts';

const cache = mkdtempSync(join(tmpdir(), 'okence-bundle-test-'));
after(() => rmSync(cache, { recursive: true, force: true }));

/** The bundle folder of the compile cache in `cache` (Node names its own level by version). */
function bundleDir(): { root: string; dir: string } {
  const [versioned] = readdirSync(cache);
  const root = join(cache, versioned!, 'okence-bundle');
  const { dir } = JSON.parse(readFileSync(join(root, 'current.json'), 'utf8')) as { dir: string };
  return { root, dir: join(root, dir) };
}

const payment = czechPaymentReceipt();

describe('Okence as npm start runs it, bundled', () => {
  let server: Server;
  let base: string;
  let dataDir: string;
  const env = () => ({
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    NODE_COMPILE_CACHE: cache,
  });

  before(async () => {
    dataDir = await seededDataDir('okence-bundle-data-');
    server = await start(START_SCRIPT, env(), /open http:\/\/localhost:(\d+)/, 300_000);
    base = `http://127.0.0.1:${server.port}`;
  });
  after(async () => {
    if (server.child.exitCode === null) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the first start made the bundle, and nothing in it looks for files beside itself', () => {
    const { dir } = bundleDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    assert.ok(files.includes('main.js'));
    assert.ok(files.length < 40, `${files.length} modules`);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(text, /import\.meta|__dirname|__filename/, file);
      assert.doesNotMatch(
        text,
        /[\u0080-\uffff]/,
        `${file} is ASCII, so V8 keeps it one byte a character`,
      );
    }
    // zod's message locales: Okence's three, not its ~60 (lib/zod-locales.mjs).
    const { inputs } = JSON.parse(readFileSync(join(bundleDir().root, 'current.json'), 'utf8')) as {
      inputs: string[];
    };
    const locales = inputs.filter((f) => f.includes('/zod/v4/locales/')).map((f) => basename(f));
    assert.deepEqual(locales.sort(), ['cs.js', 'en.js', 'index.js', 'sl.js']);
    // Its sources were not run: no module was stripped of its types for the server.
    assert.deepEqual(readdirSync(join(bundleDir().root, '..')).includes('okence-stripped'), false);
  });

  test('every module loaded at first use loads, and the receipts come out as from the sources', async () => {
    const { dir } = bundleDir();
    const chunks = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'main.js');
    assert.equal(chunks.filter((f) => f.startsWith('receipt-')).length, 2, 'two receipts');
    // In a process of its own, as the server loads them: each chunk, and each receipt made by
    // the bundle's code from the same model as below (the model itself from the sources).
    const script = `
      import { czechReceipt } from ${JSON.stringify(join(import.meta.dirname, '../src/forms/receipt/testing.ts'))};
      const out = {};
      for (const f of ${JSON.stringify(chunks)}) {
        const m = await import(${JSON.stringify(dir)} + '/' + f);
        if (m.renderPaymentReceipt) {
          const model = JSON.parse(process.env.PAYMENT_RECEIPT);
          model.payment.recordedAt = new Date(model.payment.recordedAt);
          out.payment = Buffer.from((await m.renderPaymentReceipt(model)).pdf).toString('base64');
        }
        if (m.renderReceipt)
          out.form = Buffer.from((await m.renderReceipt(czechReceipt())).pdf).toString('base64');
      }
      process.stdout.write(JSON.stringify(out));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, PAYMENT_RECEIPT: JSON.stringify(payment) },
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as { payment: string; form: string };
    const fromSources = {
      payment: Buffer.from((await renderPaymentReceipt(payment)).pdf).toString('base64'),
      form: Buffer.from((await renderReceipt(czechReceipt())).pdf).toString('base64'),
    };
    assert.ok(out.payment.length > 10_000 && out.form.length > 10_000);
    assert.equal(out.payment, fromSources.payment, 'the payment receipt, byte for byte');
    assert.equal(out.form, fromSources.form, 'the form receipt, byte for byte');
  });

  test("with Node's source maps on, a stack trace names Okence's file and line", () => {
    const { dir } = bundleDir();
    const chunk = readdirSync(dir).find(
      (f) =>
        f.startsWith('receipt-') && readFileSync(join(dir, f), 'utf8').includes('renderReceipt'),
    )!;
    const source = readFileSync(
      join(import.meta.dirname, '../src/forms/receipt/receipt.ts'),
      'utf8',
    );
    const line = source.split('\n').findIndex((l) => l.includes('receiptModelSchema.parse(')) + 1;
    const script = `
      const { renderReceipt } = await import(${JSON.stringify(join(dir, chunk))});
      try { await renderReceipt({}); } catch (err) { process.stdout.write(err.stack); }`;
    const stack = execFileSync(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    assert.match(stack, new RegExp(`src/forms/receipt/receipt\\.ts:${line}:`), stack);
  });

  test('pages in three languages, the links on them and their assets answer', async () => {
    const seen = new Set<string>();
    const assets = new Set<string>();
    for (const lang of ['sl', 'cs', 'en']) {
      const queue = ['/'];
      const here = new Set<string>();
      while (queue.length > 0 && here.size < 25) {
        const path = `${queue.shift()!}`;
        if (here.has(path)) continue;
        here.add(path);
        seen.add(`${lang} ${path}`);
        const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, {
          redirect: 'manual',
        });
        assert.ok(res.status < 500, `${path}: ${res.status}`);
        if (!res.headers.get('content-type')?.includes('text/html')) continue;
        const page = await res.text();
        if (res.status === 200) assert.match(page, new RegExp(`<html lang="${lang}"`), path);
        for (const [, href] of page.matchAll(/<a [^>]*href="(\/[^"#]*)"/g))
          if (!href!.includes('lang=') && !href!.includes('/sign-out')) queue.push(href!);
        for (const [, src] of page.matchAll(/(?:src|href)="(\/(?:static|assets)\/[^"]+)"/g))
          assets.add(src!);
      }
    }
    assert.ok(seen.size >= 45, `${seen.size} pages`);
    assert.ok(assets.size >= 2, `${[...assets].join(' ')}`);
    for (const asset of assets) {
      const res = await fetch(base + asset);
      assert.equal(res.status, 200, asset);
      assert.ok((await res.arrayBuffer()).byteLength > 0, asset);
    }
  });

  test('a second start uses the bundle made, without making it again', async () => {
    await stop(server);
    const { root, dir } = bundleDir();
    const madeAt = statSync(join(dir, 'main.js')).mtimeMs;
    server = await start(START_SCRIPT, env(), /open http:\/\/localhost:(\d+)/, 300_000);
    assert.equal(bundleDir().dir, dir);
    assert.equal(statSync(join(dir, 'main.js')).mtimeMs, madeAt);
    assert.deepEqual(
      readdirSync(root).filter((f) => f.endsWith('.part')),
      [],
      'no build was begun',
    );
    const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    assert.equal(res.status, 200);
  });

  test('a cache folder others may write in holds no code: Okence runs from its sources', () => {
    const shared = mkdtempSync(join(tmpdir(), 'okence-shared-cache-'));
    chmodSync(shared, 0o777);
    try {
      // An invalid port ends the start once every module is loaded (bench/process.ts does the same).
      const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', START_SCRIPT)], {
        env: { ...process.env, NODE_COMPILE_CACHE: shared, PORT: 'not-a-port' },
        encoding: 'utf8',
      });
      assert.match(run.stderr, /keeps no code in .*okence-shared-cache-/);
      assert.match(run.stderr, /Configuration error: PORT/, 'it ran main.ts from its sources');
      const kept = readdirSync(shared).flatMap((v) => readdirSync(join(shared, v)));
      assert.equal(kept.filter((f) => f.startsWith('okence-')).length, 0, kept.join(' '));
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
