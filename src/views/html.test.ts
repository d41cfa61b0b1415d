import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { html, raw, join } from './html.ts';

test('escapes interpolated strings, keeps nested Html', () => {
  const name = '<script>alert("x")</script>&\'';
  const inner = html`<b>${name}</b>`;
  assert.equal(
    html`<p title="${name}">${inner}</p>`.value,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</b></p>',
  );
});

test('renders arrays, numbers, and skips null/undefined/booleans', () => {
  assert.equal(html`${[1, 'a<', null, undefined, false, true, raw('<i>')]}`.value, '1a&lt;<i>');
  assert.equal(join([html`<li>a</li>`, 'b&'], ', ').value, '<li>a</li>, b&amp;');
});

test('no interpolated string can produce a tag', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const out = html`<p>${s}</p>`.value;
      const inner = out.slice(3, -4);
      return !inner.includes('<') && !inner.includes('>') && !inner.includes('"');
    }),
  );
});
