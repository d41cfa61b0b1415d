// Okence on PostgreSQL never loads PGlite, without SMTP never loads nodemailer, and without a SAML
// provider's first sign-in never loads node-saml (with xml-crypto, ~20 MB), and before the first
// submission's receipt never loads pdfkit (with fontkit and its fonts), and without a SAML
// provider never loads xmldom and xpath (SAML metadata), nor jose without an OpenID Connect
// provider, nor fast-xml-parser before a bank statement or a card payment's status: each costs RSS after start (decision 028). Checked in a fresh process that records every module resolved.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

test('opening PostgreSQL and building the services without SMTP loads neither PGlite nor nodemailer nor node-saml nor pdfkit nor the XML parser of SAML metadata nor the Janus client', () => {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.push(r.url); return r; } });
    const { openDatabase } = await import('./src/db/db.ts');
    await import('./src/services.ts');
    // No connection is made until a query: the pool is lazy.
    const handle = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', dataDir: '' });
    await handle.close();
    console.log(JSON.stringify(seen));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  const seen = JSON.parse(out) as string[];
  assert.ok(
    seen.some((u) => u.includes('/node_modules/pg/')),
    'the probe sees packages',
  );
  assert.deepEqual(
    seen.filter((u) =>
      [
        '@electric-sql/pglite',
        '/nodemailer/',
        '@node-saml',
        '/xml-crypto/',
        '/pdfkit/',
        '/fontkit/',
        '/@xmldom/',
        '/xpath/',
        '/node_modules/jose/',
        '/fast-xml-parser/',
        // Janus's client (decision 054) loads at the first meeting through Janus.
        '/src/meeting/sfu/sfu.ts',
        '/src/meeting/sfu/janus-client.ts',
      ].some((p) => u.includes(p)),
    ),
    [],
  );
});

// An ES import of node:http copies its exports into a namespace, and reading the lazy ones
// (WebSocket, MessageEvent, CloseEvent) loads Node's bundled undici: 760 KB of source kept in the
// heap, for nothing Okence uses (lib/node-http.ts).
test("building the app and the card emulator loads no part of Node's bundled undici", () => {
  const script = `
    await import('./src/services.ts');
    await import('./src/http/app.ts');
    await import('./src/payments/gateway/gpwebpay-emulator.ts');
    console.log(JSON.stringify(process.moduleLoadList.filter((m) => m.includes('undici'))));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.deepEqual(JSON.parse(out), []);
});
