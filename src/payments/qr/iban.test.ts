import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkIban,
  czechAccountToIban,
  formatIbanForPrint,
  ibanToCzechAccount,
  isValidIban,
  mod97,
  normaliseIban,
  parseCzechAccount,
} from './iban.ts';

test('valid IBANs from the standards notes and the registry examples', () => {
  for (const iban of [
    'CZ6508000000192000145399',
    'CZ5855000000001265098001',
    'CZ2806000000000168540115',
    'CZ7801000000000000000123',
    'SI56029220020148350',
    'SI56 1910 0000 0123 438',
    'SK31 1200 0000 1987 4263 7541',
    'AT61 1904 3002 3457 3201',
    'DE89 3704 0044 0532 0130 00',
    'HR12 1001 0051 8630 0016 0',
    'be72000000001616',
  ])
    assert.equal(isValidIban(iban), true, iban);
});

test('each refusal says why', () => {
  assert.deepEqual(checkIban('CZ65 0800'), { valid: false, problem: 'format' });
  assert.deepEqual(checkIban('XX6508000000192000145399'), { valid: false, problem: 'country' });
  assert.deepEqual(checkIban('SI5602922002014835'), { valid: false, problem: 'length' });
  assert.deepEqual(checkIban('DE8937040044053201300A'), { valid: false, problem: 'bban' });
  assert.deepEqual(checkIban('CZ6608000000192000145399'), { valid: false, problem: 'checksum' });
  // Mod 97 holds (the check digits were recomputed) but the account number fails mod 11.
  const bban = '08000000192000145398';
  const iban = `CZ${String(98 - mod97(`${bban}CZ00`)).padStart(2, '0')}${bban}`;
  assert.deepEqual(checkIban(iban), { valid: false, problem: 'bban' });
});

test('normalising and printing', () => {
  assert.equal(normaliseIban(' si56 0292\u00a02002 0148 350 '), 'SI56029220020148350');
  assert.equal(formatIbanForPrint('SI56029220020148350'), 'SI56 0292 2002 0148 350');
  assert.equal(formatIbanForPrint('CZ6508000000192000145399'), 'CZ65 0800 0000 1920 0014 5399');
});

test('Czech domestic account ↔ IBAN (the tmachala vector)', () => {
  assert.equal(czechAccountToIban('19-2000145399/0800'), 'CZ6508000000192000145399');
  assert.equal(czechAccountToIban('000019-2000145399/0800'), 'CZ6508000000192000145399');
  assert.equal(ibanToCzechAccount('CZ65 0800 0000 1920 0014 5399'), '19-2000145399/0800');
  assert.equal(ibanToCzechAccount('CZ7801000000000000000123'), '123/0100');
  assert.equal(czechAccountToIban('19-2000145398/0800'), null, 'mod 11 fails');
  assert.equal(czechAccountToIban('2000145399'), null, 'no bank code');
  assert.equal(ibanToCzechAccount('SI56029220020148350'), null);
  assert.deepEqual(parseCzechAccount('123/0100'), { prefix: '', number: '123', bankCode: '0100' });
});

// Czech accounts that pass mod 11: random digits, the last one chosen so the sum is 0 mod 11
// (skipping the draws where no digit can do it).
const prefixWeights = [10, 5, 8, 4, 2, 1];
const numberWeights = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];
function completeMod11(head: number[], weights: number[]): string | null {
  const sum = head.reduce((s, d, i) => s + d * weights[i]!, 0);
  const last = (11 - (sum % 11)) % 11;
  return last > 9 ? null : [...head, last].join('');
}
const czechAccount = fc
  .record({
    prefix: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }),
    number: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    bank: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ prefix, number, bank }) => ({
    prefix: completeMod11(prefix, prefixWeights),
    number: completeMod11(number, numberWeights),
    bank: String(bank).padStart(4, '0'),
  }))
  .filter((a) => a.prefix !== null && a.number !== null && /[1-9]/.test(a.number))
  .map((a) => `${a.prefix}-${a.number}/${a.bank}`);

test('property: a Czech account survives the round trip through its IBAN', () => {
  fc.assert(
    fc.property(czechAccount, (account) => {
      const iban = czechAccountToIban(account);
      assert.ok(iban && isValidIban(iban), account);
      const back = ibanToCzechAccount(iban);
      assert.equal(czechAccountToIban(back!), iban);
    }),
  );
});

test('property: mod 97 catches every single changed digit and every swap of adjacent digits', () => {
  fc.assert(
    fc.property(czechAccount, fc.nat(), fc.integer({ min: 1, max: 9 }), (account, at, delta) => {
      const iban = czechAccountToIban(account)!;
      const i = 2 + (at % (iban.length - 2));
      const changed = (Number(iban[i]) + delta) % 10;
      assert.equal(isValidIban(iban.slice(0, i) + changed + iban.slice(i + 1)), false);
      const j = 4 + (at % (iban.length - 5));
      if (iban[j] !== iban[j + 1]) {
        const swapped = iban.slice(0, j) + iban[j + 1] + iban[j] + iban.slice(j + 2);
        assert.equal(isValidIban(swapped), false);
      }
    }),
  );
});

test('property: the print form normalises back to the IBAN', () => {
  fc.assert(
    fc.property(czechAccount, (account) => {
      const iban = czechAccountToIban(account)!;
      assert.equal(normaliseIban(formatIbanForPrint(iban)), iban);
      assert.ok(
        formatIbanForPrint(iban)
          .split(' ')
          .every((g) => g.length <= 4),
      );
    }),
  );
});
