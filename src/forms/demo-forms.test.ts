import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition } from './definition-check.ts';
import { DEMO_FORMS } from './demo-forms.ts';
import { prefill } from './prefill.ts';
import { visibility } from './visibility.ts';

test('every demo form passes the checker', () => {
  assert.equal(DEMO_FORMS.length, 6);
  for (const f of DEMO_FORMS) {
    const c = checkDefinition(JSON.stringify(f.definition));
    assert.ok(c.ok, `${f.slug}: ${JSON.stringify(!c.ok && c.problems)}`);
  }
});

test('demo forms: slugs unique per organisation, texts in its language and English', () => {
  const keys = DEMO_FORMS.map((f) => `${f.organisation}/${f.slug}`);
  assert.equal(new Set(keys).size, keys.length);
  for (const f of DEMO_FORMS) {
    const own = f.organisation === 'ue-domzale' ? 'sl' : 'cs';
    assert.deepEqual(f.definition.languages, [own, 'en'], f.slug);
  }
});

test('a pensioner’s dog notice asks for the proof of pension', () => {
  const dog = DEMO_FORMS.find((f) => f.slug === 'ohlaseni-psa')!;
  const c = checkDefinition(dog.definition);
  assert.ok(c.ok);
  const shown = (pensioner: boolean) =>
    visibility(c.definition, { duchodce: pensioner }).questions.has('doklad-duchod');
  assert.equal(shown(true), true);
  assert.equal(shown(false), false);
  const filled = prefill(c.definition, { givenName: 'Jana', familyName: 'Nováková' });
  assert.deepEqual(filled['osoba'], { givenName: 'Jana', familyName: 'Nováková' });
});
