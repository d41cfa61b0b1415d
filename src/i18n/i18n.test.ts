import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, MESSAGES, localize, missingLanguages, negotiateLanguage, translator } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every language has exactly the English keys, none empty, with the same placeholders', () => {
  const keys = Object.keys(MESSAGES.en).sort();
  for (const lang of LANGS) {
    const messages = MESSAGES[lang];
    assert.deepEqual(Object.keys(messages).sort(), keys, `${lang} keys differ from en`);
    for (const key of keys) {
      const text = messages[key as keyof typeof messages];
      assert.ok(text.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]), `${lang}.${key} placeholders`);
    }
  }
});

test('translations are not left in English', () => {
  for (const lang of ['sl', 'cs'] as const) {
    const same = Object.entries(MESSAGES[lang]).filter(
      ([k, v]) => v === MESSAGES.en[k as keyof typeof MESSAGES.en] && !/^\{?\w*\}?$/.test(v) && v.length > 8,
    );
    assert.deepEqual(same, [], `${lang} has untranslated texts`);
  }
});

test('language comes from ?lang=, then the cookie, then Accept-Language, then Slovenian', () => {
  assert.equal(negotiateLanguage({ query: 'cs', cookie: 'en', acceptLanguage: 'sl' }), 'cs');
  assert.equal(negotiateLanguage({ query: 'de', cookie: 'en', acceptLanguage: 'cs' }), 'en');
  assert.equal(negotiateLanguage({ acceptLanguage: 'de-DE,de;q=0.9,cs;q=0.8,en;q=0.7' }), 'cs');
  assert.equal(negotiateLanguage({ acceptLanguage: 'en;q=0.5, sl-SI;q=0.9' }), 'sl');
  assert.equal(negotiateLanguage({ acceptLanguage: 'cs;q=0, en' }), 'en');
  assert.equal(negotiateLanguage({ acceptLanguage: 'fr' }), 'sl');
  assert.equal(negotiateLanguage({}), 'sl');
});

test('translator fills placeholders and leaves unknown ones visible', () => {
  assert.equal(translator('en')('home.results', { count: 3 }), 'Offices found: 3');
  assert.equal(translator('sl')('staff.home.title', {}), 'Pozdravljeni, {name}');
});

test('organisation texts fall back to another language rather than vanish', () => {
  assert.equal(localize({ sl: 'Potrdilo', en: 'Certificate' }, 'cs', 'sl'), 'Potrdilo');
  assert.equal(localize({ en: 'Certificate' }, 'cs', 'sl'), 'Certificate');
  assert.equal(localize({ cs: 'Potvrzení', en: 'Certificate' }, 'cs'), 'Potvrzení');
  assert.equal(localize(undefined, 'en'), '');
  assert.deepEqual(missingLanguages({ sl: 'a', en: ' ' }), ['cs', 'en']);
});
