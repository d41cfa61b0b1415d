import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, mediaTypeName } from './format.ts';

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('answers are written as each language writes them', () => {
  assert.equal(formatValue({ kind: 'date', date: '2026-12-24' }, 'sl'), '24. 12. 2026');
  assert.equal(formatValue({ kind: 'date', date: '2026-12-24' }, 'en'), '24/12/2026');
  assert.equal(
    nb(formatValue({ kind: 'money', minor: 150000, currency: 'CZK' }, 'cs')),
    '1 500,00 Kč',
  );
  assert.equal(nb(formatValue({ kind: 'money', minor: 12550, currency: 'EUR' }, 'sl')), '125,50 €');
  assert.equal(nb(formatValue({ kind: 'number', value: 1234.5 }, 'cs')), '1 234,5');
  assert.equal(formatValue({ kind: 'yesno', value: true }, 'cs'), 'Ano');
  assert.equal(formatValue({ kind: 'yesno', value: false }, 'sl'), 'Ne');
  assert.equal(formatValue({ kind: 'list', items: ['a', 'b', 'c'] }, 'sl'), 'a, b in c');
  assert.equal(formatValue({ kind: 'list', items: [] }, 'en'), 'Not answered');
  assert.equal(formatValue({ kind: 'empty' }, 'cs'), 'Nevyplněno');
  assert.equal(
    nb(formatValue({ kind: 'file', fileName: 'pes.png', bytes: 3 * 1024 * 1024 }, 'sl')),
    'pes.png (3 MB)',
  );
  assert.equal(mediaTypeName('application/PDF'), 'PDF');
  assert.equal(mediaTypeName('image/webp'), 'image/webp');
});
