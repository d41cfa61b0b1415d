// Wording rules for the Slovenian and Czech texts that a word list can check.
//
// Past tenses agree with the subject's gender ("Ana je odprla", "Jan je odprl"). Okence does not
// know the gender of the people it names, so a text that names a person ({name}, {who}) must not
// put a past participle after the name, nor hedge with "(a)": it says the same with a noun or
// the passive ("Skupna mapa je odprta", "Prihod v čakalnico: Ana").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from './i18n.ts';

/**
 * A name as the subject (not after a noun that carries the gender, as in "stranka {name}"),
 * optionally "je"/"se"/"byl", then a word ending in a past participle's -l, -la, -lo.
 */
const NAMED_PARTICIPLE =
  /(?<!\p{L}\s)\{(?:name|who)\}\s+(?:(?:je|se|si|byl|bil)\s+){0,2}(?:\p{L}+\s+)?\p{L}+l[ao]?(?!\p{L})/u;
const HEDGED = /\p{L}\(a\)/u;

for (const lang of ['sl', 'cs'] as const) {
  test(`${lang}: no text guesses the gender of the person it names`, () => {
    const offending = Object.entries(MESSAGES[lang]).filter(
      ([, text]) => NAMED_PARTICIPLE.test(text) || HEDGED.test(text),
    );
    assert.deepEqual(offending, []);
  });
}

test('the rule catches what it is for', () => {
  for (const text of [
    '{name} je odprl skupno mapo',
    '{name} otevřel složku',
    '{who} termín zrušil(a)',
    '{who} je bil(a) sprejet(a)',
  ]) {
    assert.ok(NAMED_PARTICIPLE.test(text) || HEDGED.test(text), text);
  }
  for (const text of [
    'Skupna mapa je odprta.',
    'Sprejmi: {name}',
    '{name} čaka v čakalnici.',
    '{name}: soubor byl odmítnut',
    '{name} je naložena.',
    'Označi, da stranka {name} ni prišla',
  ]) {
    assert.ok(!NAMED_PARTICIPLE.test(text) && !HEDGED.test(text), text);
  }
});

// One word for one role across the product, the words the offices use: sl "uslužbenec" and
// "stranka", cs "úředník" and "občan" (the meeting had said "uradna oseba" and "klient").
const OTHER_WORDS: Record<'sl' | 'cs', RegExp> = {
  sl: /uradn\p{L}* oseb/iu,
  cs: /\bklient|pracovník/iu,
};

for (const lang of ['sl', 'cs'] as const) {
  test(`${lang}: the staff and the citizen go by one name everywhere`, () => {
    const offending = Object.entries(MESSAGES[lang]).filter(([, text]) =>
      OTHER_WORDS[lang].test(text),
    );
    assert.deepEqual(offending, []);
  });
}

// Slovenian "s"/"z": "s" before the voiceless c, č, f, h, k, p, s, š, t, "z" before the rest
// ("s tega naslova", "z orodjem"); a number before it ("30 s") is a unit, not the preposition.
const SL_Z_BEFORE_VOICELESS = /(?<![\p{L}\p{N}}])[zZ] (?=[cčfhkpsštCČFHKPSŠT])/u;
const SL_S_BEFORE_VOICED = /(?<![\p{L}\p{N}}])[sS] (?=[aeioubdgjlmnrvzžAEIOUBDGJLMNRVZŽ])/u;

test('sl: the preposition s/z agrees with the sound that follows', () => {
  const offending = Object.entries(MESSAGES.sl).filter(
    ([, text]) => SL_Z_BEFORE_VOICELESS.test(text) || SL_S_BEFORE_VOICED.test(text),
  );
  assert.deepEqual(offending, []);
  for (const bad of ['z tega naslova', 's orodjem', 'Z kodo'])
    assert.ok(SL_Z_BEFORE_VOICELESS.test(bad) || SL_S_BEFORE_VOICED.test(bad), bad);
  for (const good of ['s tega naslova', 'z orodjem', 'S kodo', 'čez 30 s', 'preveč zahtev'])
    assert.ok(!SL_Z_BEFORE_VOICELESS.test(good) && !SL_S_BEFORE_VOICED.test(good), good);
});
