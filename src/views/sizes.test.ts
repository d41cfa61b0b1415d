import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSize } from './sizes.ts';

const plain = (s: string) => s.replace(/\s/gu, ' ');

test('sizes read in binary units, one decimal below ten, never "0 kB"', () => {
  assert.equal(plain(formatSize(0, 'en')), '1 kB');
  assert.equal(plain(formatSize(840 * 1024, 'en')), '840 kB');
  assert.equal(plain(formatSize(3.4 * 1024 * 1024, 'en')), '3.4 MB');
  assert.equal(plain(formatSize(20 * 1024 * 1024, 'en')), '20 MB', 'the limit, 20 MiB');
  assert.equal(plain(formatSize(123.4 * 1024 * 1024, 'en')), '123 MB');
});

test('the decimal separator is the language’s', () => {
  assert.equal(plain(formatSize(3.4 * 1024 * 1024, 'sl')), '3,4 MB');
  assert.equal(plain(formatSize(3.4 * 1024 * 1024, 'cs')), '3,4 MB');
});
