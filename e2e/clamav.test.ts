import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ScannerUnavailable, pingClamd, scanBytes } from '../src/files/clamav.ts';
import { makeZip } from '../src/files/testing.ts';
import { EICAR, startClamd } from './clamd.ts';

const MB = 1024 * 1024;
const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe('scanning uploads with a real clamd', () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  before(async () => {
    clamd = await startClamd();
  });
  after(async () => {
    await clamd.stop();
  });

  test('answers PING over TCP and over its Unix socket', async () => {
    assert.equal(await pingClamd(clamd.url), true);
    assert.equal(await pingClamd(clamd.unixUrl), true);
  });

  test('a plain PDF is clean', async () => {
    assert.deepEqual(await scanBytes(clamd.url, PDF), { clean: true });
    assert.deepEqual(await scanBytes(clamd.unixUrl, PDF), { clean: true });
  });

  test('the EICAR test file is found and named', async () => {
    const result = await scanBytes(clamd.url, EICAR);
    assert.equal(result.clean, false);
    assert.match(result.clean ? '' : result.signature, /Eicar/);
  });

  test('EICAR appended to a PDF or deflated inside a .docx is found', async () => {
    assert.equal((await scanBytes(clamd.url, Buffer.concat([PDF, EICAR]))).clean, false);
    const docx = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/media/x.bin', data: EICAR },
    ]);
    assert.equal((await scanBytes(clamd.url, docx)).clean, false);
  });

  test('a 20 MB file is scanned to its last byte', async () => {
    const big = Buffer.alloc(20 * MB, 0x20);
    PDF.copy(big);
    assert.deepEqual(await scanBytes(clamd.url, big), { clean: true });
    // Past clamd's size limits a file would be skipped and reported OK; this proves it was read.
    EICAR.copy(big, big.length - EICAR.length);
    assert.equal((await scanBytes(clamd.url, big)).clean, false);
  });

  test('a file over StreamMaxLength is refused as unscanned, not passed as clean', async () => {
    await assert.rejects(
      scanBytes(clamd.url, Buffer.alloc(26 * MB)),
      (e) => e instanceof ScannerUnavailable && /size limit/i.test(e.message),
    );
  });

  test('a clamd slower than the timeout gives ScannerUnavailable', async () => {
    await assert.rejects(
      scanBytes(clamd.url, Buffer.alloc(5 * MB), { timeoutMs: 1 }),
      (e) => e instanceof ScannerUnavailable && /within 1 ms/.test(e.message),
    );
  });
});

test('nothing listening gives ScannerUnavailable at once, and PING says false', async () => {
  // Port 1 (tcpmux) is privileged and unused on any machine these tests run on.
  const started = Date.now();
  await assert.rejects(
    scanBytes('tcp://127.0.0.1:1', EICAR),
    (e) => e instanceof ScannerUnavailable && /ECONNREFUSED/.test(e.message),
  );
  await assert.rejects(scanBytes('unix:///nonexistent/clamd.sock', EICAR), ScannerUnavailable);
  assert.ok(Date.now() - started < 1_000);
  assert.equal(await pingClamd('tcp://127.0.0.1:1'), false);
});
