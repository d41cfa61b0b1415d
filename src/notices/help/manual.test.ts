import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, MESSAGES } from '../../i18n/i18n.ts';
import { MANUAL_SECTIONS, manualIn, manualKeys, resolveLabels } from './manual.ts';

test('every language has every section, each with text, and names only real pages’ labels', () => {
  for (const lang of LANGS) {
    const sections = manualIn(lang);
    assert.deepEqual(
      sections.map((s) => s.id),
      MANUAL_SECTIONS.map((s) => s.id),
    );
    for (const s of sections) {
      assert.ok(s.title && s.items.length > 0, `${lang} ${s.id}`);
      for (const item of s.items) assert.doesNotMatch(item, /\{|\}/, `${lang} ${s.id}: ${item}`);
    }
    assert.ok(manualKeys(lang).length >= 8, `${lang}: the manual names the pages' own labels`);
  }
});

test('a label is the page’s own text in quotes; a key that is no message is refused', () => {
  assert.equal(
    resolveLabels('cs', 'V části {submissions.nav}.'),
    `V části „${MESSAGES.cs['submissions.nav']}“.`,
  );
  assert.throws(() => resolveLabels('en', 'Under {nothing.like.this}.'), /nothing\.like\.this/);
});
