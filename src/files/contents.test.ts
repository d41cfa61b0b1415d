import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspectContents } from './contents.ts';
import { hostileCorpus, lyingZipBomb, ooxml } from './corpus.ts';
import { sniffType } from './sniff.ts';
import { concat, makeZip, samplePdf } from './testing.ts';

/** What the folder's checks make of a file: the sniff first, then the contents. */
async function verdict(bytes: Uint8Array, allowMacros = false): Promise<string> {
  const sniffed = sniffType(bytes);
  if (!sniffed.ok) return sniffed.reason;
  return (await inspectContents(bytes, sniffed.type, { allowMacros })) ?? 'accepted';
}

test('every file of the hostile corpus gets its verdict from what is inside', async () => {
  for (const item of hostileCorpus()) {
    const expected = item.expected.outcome === 'refused' ? item.expected.reason : 'accepted';
    assert.equal(await verdict(item.bytes), expected, item.what);
  }
});

test('an organisation that accepts macros gets macro documents, and nothing else changes', async () => {
  for (const item of hostileCorpus()) {
    const expected =
      item.expected.outcome === 'refused' && item.expected.reason !== 'macros'
        ? item.expected.reason
        : 'accepted';
    assert.equal(await verdict(item.bytes, true), expected, item.what);
  }
});

test('sizes are what the data inflates to: an understated entry is a bomb, an overstated or corrupted one is damaged', async () => {
  assert.equal(await verdict(lyingZipBomb(2 * 1024 * 1024, 100)), 'zip_bomb');
  // A header may not claim more either: the data must inflate to exactly what it says.
  assert.equal(await verdict(lyingZipBomb(1000, 5000)), 'bad_zip');
  const doc = ooxml('word');
  const corrupted = new Uint8Array(doc);
  corrupted[60] = (corrupted[60] ?? 0) ^ 0xff; // inside the first entry's compressed data
  assert.equal(await verdict(corrupted), 'bad_zip');
  // The whole document, nested parts included, inflates to at most the budget.
  const big = ooxml('word', [
    { name: 'word/media/a.bin', data: randomBytes(3 * 1024 * 1024), store: true },
  ]);
  const sniffed = sniffType(big);
  assert.ok(sniffed.ok);
  assert.equal(
    await inspectContents(big, sniffed.type, {
      allowMacros: false,
      maxInflatedBytes: 2 * 1024 * 1024,
    }),
    'zip_bomb',
  );
});

test('a nested archive that is not an office document, or one nested twice, is refused', async () => {
  const inner = ooxml('xl', [{ name: 'xl/embeddings/x.xlsx', data: ooxml('xl') }]);
  assert.equal(
    await verdict(ooxml('word', [{ name: 'word/embeddings/a.xlsx', data: inner }])),
    'nested_archive',
  );
  assert.equal(
    await verdict(
      ooxml('word', [
        { name: 'word/embeddings/b.zip', data: makeZip([{ name: 'x.txt', data: 'x' }]) },
      ]),
    ),
    'nested_archive',
  );
});

test('HTML anywhere in a PDF makes it a polyglot; PDF text that only mentions tags does not', async () => {
  const far = concat(
    samplePdf('x'),
    new Uint8Array(5 * 1024 * 1024),
    '<iframe src="https://evil.example">',
  );
  assert.equal(await verdict(far), 'polyglot');
  assert.equal(
    await verdict(concat(samplePdf('x'), '(use the <b> and <p> elements)\n')),
    'accepted',
  );
});
