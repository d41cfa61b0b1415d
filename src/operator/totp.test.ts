import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  base32Decode,
  base32Encode,
  checkTotp,
  hotp,
  otpauthUri,
  totpAt,
  totpStep,
} from './totp.ts';

// RFC 6238 Appendix B: the seeds are the ASCII digits "1234567890" repeated to the key length of each hash.
const SEED = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, string, string][] = [
  // Unix time, SHA-1, SHA-256, SHA-512 (8 digits)
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('the test vectors of RFC 6238 Appendix B', () => {
  for (const [seconds, sha1, sha256, sha512] of VECTORS) {
    const at = new Date(seconds * 1000);
    assert.equal(totpAt(SEED.sha1, at, 8), sha1, `SHA-1 at ${seconds}`);
    assert.equal(totpAt(SEED.sha256, at, 8, 'sha256'), sha256, `SHA-256 at ${seconds}`);
    assert.equal(totpAt(SEED.sha512, at, 8, 'sha512'), sha512, `SHA-512 at ${seconds}`);
    // Six digits are the last six of the eight (the same truncated number modulo 10^6).
    assert.equal(totpAt(SEED.sha1, at), sha1.slice(2));
  }
});

test('the HOTP values of RFC 4226 Appendix D', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  expected.forEach((code, counter) => assert.equal(hotp(SEED.sha1, counter), code));
});

test('base32 round-trips and matches RFC 4648 §10', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Encode(Buffer.from('f')), 'MY');
  assert.deepEqual(base32Decode('mzxw 6ytb oi======'), Buffer.from('foobar'));
  assert.equal(base32Decode('MZ1'), null);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) =>
      assert.deepEqual(base32Decode(base32Encode(bytes)), Buffer.from(bytes)),
    ),
  );
});

test('a code is accepted one step either side of now, not two', () => {
  const now = new Date(1_800_000_015_000);
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);
  for (const steps of [-1, 0, 1])
    assert.deepEqual(checkTotp(SEED.sha1, totpAt(SEED.sha1, at(steps)), now, null), {
      ok: true,
      step: totpStep(now) + steps,
    });
  for (const steps of [-2, 2])
    assert.equal(checkTotp(SEED.sha1, totpAt(SEED.sha1, at(steps)), now, null).ok, false);
});

test('a used code cannot be replayed within its window, nor an older one after it', () => {
  const now = new Date(1_800_000_015_000);
  const code = totpAt(SEED.sha1, now);
  const first = checkTotp(SEED.sha1, code, now, null);
  assert.ok(first.ok);
  assert.deepEqual(checkTotp(SEED.sha1, code, new Date(now.getTime() + 20_000), first.step), {
    ok: false,
    reason: 'replayed',
  });
  const previous = totpAt(SEED.sha1, new Date(now.getTime() - 30_000));
  assert.deepEqual(checkTotp(SEED.sha1, previous, now, first.step), {
    ok: false,
    reason: 'replayed',
  });
  // The next step's code is still good.
  const next = new Date(now.getTime() + 30_000);
  assert.ok(checkTotp(SEED.sha1, totpAt(SEED.sha1, next), next, first.step).ok);
});

test('typed codes: spaces are ignored, anything but six digits is malformed', () => {
  const now = new Date(1_800_000_015_000);
  const code = totpAt(SEED.sha1, now);
  assert.ok(checkTotp(SEED.sha1, `${code.slice(0, 3)} ${code.slice(3)}`, now, null).ok);
  for (const typed of ['', '12345', '1234567', 'abcdef'])
    assert.deepEqual(checkTotp(SEED.sha1, typed, now, null), { ok: false, reason: 'malformed' });
});

test('the otpauth URI names Okence and the account', () => {
  assert.equal(
    otpauthUri('ana@example.org', 'JBSWY3DP'),
    'otpauth://totp/Okence:ana%40example.org?secret=JBSWY3DP&issuer=Okence&algorithm=SHA1&digits=6&period=30',
  );
});
