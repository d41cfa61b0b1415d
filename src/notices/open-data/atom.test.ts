import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { summaryOf, xmlText } from './atom.ts';

test('XML text escapes markup and drops the controls XML 1.0 forbids', () => {
  assert.equal(xmlText(`a < b & "c" 'd' >`), 'a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;');
  assert.equal(xmlText('tab\tline\nbell\u0007nul\u0000'), 'tab\tline\nbellnul');
  const feed = parseFeed(
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText('Ř & <b>\u0001')}</title></feed>`,
  );
  assert.equal(feed.title, 'Ř & <b>');
});

test('the summary is the start of the text, cut at a word', () => {
  assert.equal(summaryOf('  Krátký\n\ntext  '), 'Krátký text');
  const long = 'slovo '.repeat(100);
  const summary = summaryOf(long, 50);
  assert.ok(summary.length <= 51);
  assert.match(summary, /^slovo( slovo)*…$/);
});
