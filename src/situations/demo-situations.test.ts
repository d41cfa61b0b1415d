import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ORGANISATIONS } from '../tenants/demo-organisations.ts';
import { GUIDE_PARTS, MAX_LENGTH, RPP_CODE, TEXT_FIELDS } from './domain.ts';
import { DEMO_SITUATIONS } from './demo-situations.ts';

test('each demo situation is complete in its organisation’s language and English, within the limits', () => {
  for (const d of DEMO_SITUATIONS) {
    const org = DEMO_ORGANISATIONS.find((o) => o.slug === d.organisation);
    assert.ok(org, d.organisation);
    for (const field of TEXT_FIELDS)
      for (const lang of [org.lang, 'en'] as const) {
        const text = d.texts[field][lang] ?? '';
        assert.ok(text.trim(), `${d.slug}: ${field} in ${lang}`);
        assert.ok(text.length <= MAX_LENGTH[field], `${d.slug}: ${field} in ${lang} is too long`);
      }
    assert.ok(
      GUIDE_PARTS.every((p) => d.texts[p]),
      d.slug,
    );
    for (const code of d.rppCodes) assert.match(code, RPP_CODE);
    for (const service of d.services)
      assert.ok(
        org.services.some((s) => s.slug === service),
        `${d.slug}: ${service}`,
      );
  }
  const keys = DEMO_SITUATIONS.map((d) => `${d.organisation}/${d.slug}`);
  assert.equal(new Set(keys).size, keys.length, 'slugs are unique per organisation');
});

test('the Slovenian and Czech demo texts keep their typography (the rules of i18n.test.ts)', () => {
  const faults = DEMO_SITUATIONS.flatMap((d) =>
    TEXT_FIELDS.flatMap((f) =>
      (['sl', 'cs'] as const).flatMap((lang) => {
        const text = d.texts[f][lang] ?? '';
        const fault = /["»«”]/.test(text)
          ? 'quote with „…“'
          : /\d ?- ?\d/.test(text)
            ? 'a range takes an en dash'
            : /\s[,.;:!?]/.test(text)
              ? 'space before punctuation'
              : /\d[ ](min|s|h|[kMG]B|%|Kč|€|EUR)(?![\p{L}])/u.test(text)
                ? 'a number and its unit are joined by a no-break space'
                : /\d [0-9]{3}(?!\d)/.test(text)
                  ? 'thousands are grouped with a no-break space'
                  : null;
        return fault ? [`${d.slug} ${f} ${lang}: ${fault}`] : [];
      }),
    ),
  );
  assert.deepEqual(faults, []);
});
