import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeLatin2, encodeLatin2, inLatin2, toLatin2Text } from './latin2.ts';

test('the table agrees with ICU on all 256 bytes', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.equal(decodeLatin2(all), new TextDecoder('iso-8859-2').decode(all));
  assert.deepEqual(encodeLatin2(decodeLatin2(all)), all);
});

test('Slovenian and Czech letters have their Latin-2 bytes', () => {
  assert.deepEqual([...encodeLatin2('čšžČŠŽ')], [0xe8, 0xb9, 0xbe, 0xc8, 0xa9, 0xae]);
  assert.deepEqual([...encodeLatin2('ěřůďťň')], [0xec, 0xf8, 0xf9, 0xef, 0xbb, 0xf2]);
});

test('a character outside Latin-2 is refused by the encoder, transliterated by toLatin2Text', () => {
  assert.throws(() => encodeLatin2('5 €'), /U\+20AC.*ISO-8859-2/);
  assert.equal(toLatin2Text('„Søren“ – 5 € ñ 😀'), '"Soren" - 5 EUR n ?');
  assert.equal(toLatin2Text('Plačilo št. 5'), 'Plačilo št. 5');
});

test('property: transliterated text always encodes, and round-trips', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
      const latin = toLatin2Text(text);
      assert.ok([...latin].every(inLatin2));
      assert.equal(decodeLatin2(encodeLatin2(latin)), latin);
    }),
  );
});
