import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScannerUnavailable, parseClamavUrl, parseReply } from './clamav.ts';

test('clamd URLs: tcp with host and port, unix with an absolute path in either spelling', () => {
  assert.deepEqual(parseClamavUrl('tcp://127.0.0.1:3310'), { host: '127.0.0.1', port: 3310 });
  assert.deepEqual(parseClamavUrl('tcp://clamav.internal:3310/'), {
    host: 'clamav.internal',
    port: 3310,
  });
  assert.deepEqual(parseClamavUrl('tcp://[::1]:3310'), { host: '::1', port: 3310 });
  assert.deepEqual(parseClamavUrl('unix:///run/clamav/clamd.ctl'), {
    path: '/run/clamav/clamd.ctl',
  });
  assert.deepEqual(parseClamavUrl('unix:/run/clamav/clamd.ctl'), { path: '/run/clamav/clamd.ctl' });
  assert.deepEqual(parseClamavUrl('unix:///tmp/my%20dir/clamd.sock'), {
    path: '/tmp/my dir/clamd.sock',
  });
});

test('clamd URLs without a port, with a relative path or another scheme are refused', () => {
  for (const bad of [
    'tcp://127.0.0.1',
    'tcp://127.0.0.1:0',
    'tcp://127.0.0.1:65536',
    'tcp://:3310',
    'unix:clamd.sock',
    'unix://',
    'http://127.0.0.1:3310',
    '',
  ]) {
    assert.throws(() => parseClamavUrl(bad), /tcp:\/\/host:port or unix:/, bad);
  }
});

test('"stream: OK" is clean', () => {
  assert.deepEqual(parseReply('stream: OK'), { clean: true });
  assert.deepEqual(parseReply('stream: OK\n'), { clean: true });
});

test('FOUND names the signature, without the hash and size ExtendedDetectionInfo adds', () => {
  assert.deepEqual(parseReply('stream: Win.Test.EICAR_HDB-1 FOUND'), {
    clean: false,
    signature: 'Win.Test.EICAR_HDB-1',
  });
  assert.deepEqual(
    parseReply('stream: Eicar-Test-Signature(44d88612fea8a8f36de82e1278abb02f:68) FOUND'),
    { clean: false, signature: 'Eicar-Test-Signature' },
  );
});

test('ERROR replies and anything unexpected are ScannerUnavailable, never clean', () => {
  assert.throws(
    () => parseReply('INSTREAM size limit exceeded. ERROR'),
    (e) => e instanceof ScannerUnavailable && /size limit exceeded/.test(e.message),
  );
  assert.throws(() => parseReply("stream: Can't allocate memory ERROR"), ScannerUnavailable);
  for (const odd of [
    '',
    'PONG',
    'UNKNOWN COMMAND',
    'COMMAND READ TIMED OUT',
    'stream: OK stream: OK',
    'stream:  FOUND',
    'stream: ok',
  ]) {
    assert.throws(() => parseReply(odd), ScannerUnavailable, odd);
  }
});
