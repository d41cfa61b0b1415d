import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  checkPassword,
  commonPasswordSet,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from './password-policy.ts';

const staff = { email: 'ana.novak@upravna-enota.si', name: 'Špela Kovačič' };
const codePoints = (s: string) => [...s.normalize('NFKC')].length;
const readList = (file: string) =>
  readFileSync(join(import.meta.dirname, 'password-lists', file), 'utf8')
    .split('\n')
    .filter(Boolean);

test('the minimum is 12 code points after NFKC: emoji count once, combining accents join their letter', () => {
  const animals = '🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🦊';
  assert.deepEqual(checkPassword(animals, {}), []);
  assert.deepEqual(checkPassword(animals.slice(0, -2), {}), ['too_short']); // drops one emoji (two UTF-16 units)

  // Twelve accented letters typed as letter + combining mark: 24 code points raw, 12 after NFKC.
  const accents = 'ščžćáéíóúýěř'.normalize('NFD');
  assert.equal([...accents].length, 24);
  assert.deepEqual(checkPassword(accents, {}), []);
  assert.deepEqual(checkPassword('ščžćáéíóúýě'.normalize('NFD'), {}), ['too_short']);

  // The ligature ﬀ is two letters after NFKC, so 11 code points as typed are 12 as hashed.
  assert.equal([...'zlﬀorkmiqbu'].length, 11);
  assert.deepEqual(checkPassword('zlﬀorkmiqbu', {}), []);
});

test('passphrases with spaces of 64 and 128 characters are accepted; 129 are too long and nothing else is said', () => {
  const sentence =
    'na mostu čez zeleno reko je zjutraj sedel moder kos in žvižgal staro pesem o mlinarju, ' +
    'ki je nekoč izgubil ključ od vrat, pa ga našel v žepu plašča, ko je šel spat ob polnoči';
  for (const length of [64, MAX_PASSWORD_LENGTH]) {
    const phrase = [...sentence].slice(0, length).join('');
    assert.equal(codePoints(phrase), length);
    assert.deepEqual(checkPassword(phrase, staff), [], phrase);
  }
  assert.deepEqual(checkPassword([...sentence].slice(0, MAX_PASSWORD_LENGTH + 1).join(''), staff), [
    'too_long',
  ]);
  assert.deepEqual(checkPassword('password'.repeat(40), staff), ['too_long']);
});

test('common passwords are refused in any case, with years and symbols around them, in leet and with accents', () => {
  for (const password of [
    'password',
    'Password123!',
    'PASSWORD2024',
    'P@ssw0rd2024!',
    '!!2024password',
    'pass word 123',
    'geslo2024',
    'heslo',
    'Geslo123',
    'G3sl0!!2024',
    'M@rib0r 1960',
    'Ljubljana1991!',
    'Česko 2024 !!!',
    'OLIMPIJA1911',
    '1893Sparta',
    'okence2024!!',
  ]) {
    assert.ok(checkPassword(password, {}).includes('common'), password);
  }
});

test('the most common breached passwords are all refused', () => {
  for (const password of readList('common-passwords.txt').slice(0, 200)) {
    assert.ok(checkPassword(password, {}).includes('common'), password);
  }
});

test('the lists are loaded once, whole, and written in the form the check compares', () => {
  const list = commonPasswordSet();
  assert.equal(commonPasswordSet(), list);
  assert.ok(list.size > 49_000, `only ${list.size} passwords loaded`);
  for (const word of readList('local-passwords.txt')) {
    assert.match(
      word,
      /^[a-z0-9]{4,}$/,
      'local words are lower case, without accents, at least four characters',
    );
    assert.ok(list.has(word));
  }
});

test('a password containing the email local part or a name of four or more letters is refused', () => {
  assert.deepEqual(checkPassword('moja.ana.novak.je.tu', staff), ['contains_email']);
  assert.deepEqual(checkPassword('zelena NOVAK reka teče', staff), ['contains_email']);
  assert.deepEqual(checkPassword('ananovak-v-pisarni', staff), ['contains_email']);
  assert.deepEqual(checkPassword('spela je v pisarni ob osmih', staff), ['contains_name']);
  assert.deepEqual(checkPassword('Kovačič dela na okencu', staff), ['contains_name']);
  // "ana" alone is shorter than four letters: too common a syllable to refuse.
  assert.deepEqual(checkPassword('banana za malico ob desetih', staff), []);
  assert.deepEqual(checkPassword('moja.ana.novak.je.tu', {}), []);
});

test('repeated characters, short units repeated and keyboard or alphabet sequences are refused', () => {
  for (const password of [
    'aaaaaaaaaaaa',
    '            ',
    '😀😀😀😀😀😀😀😀😀😀😀😀',
    'abcabcabcabc',
    'konj konj konj',
    '121212121212',
    '123456789012',
    '098765432109',
    'abcdefghijkl',
    'LKJIHGFEDCBA',
    'qwertyuiopas',
    'qwertzuiopas',
    'abcdef123456',
    '1qaz2wsx3edc4rfv',
    '1qay2wsx3edc4rfv',
    'qwertzuiopasdfghjklyxcvbnm',
  ]) {
    assert.ok(checkPassword(password, {}).includes('repeated'), password);
  }
});

test('strong passphrases pass without any composition rule', () => {
  assert.deepEqual(checkPassword('konj baterija spenjač pravilno', staff), []);
  assert.deepEqual(checkPassword('correct horse battery staple', staff), []);
  assert.deepEqual(checkPassword('zelena reka teče mimo mlina', staff), []); // lower case letters and spaces only
  assert.deepEqual(checkPassword('mlinarjevkoslovec', staff), []); // one long lower-case word
});

test('length problems follow the NFKC code-point count for any input, and checking never throws', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 160 }),
      fc.string(),
      fc.string(),
      (password, email, name) => {
        const problems = checkPassword(password, { email, name });
        const length = codePoints(password);
        assert.equal(problems.includes('too_short'), length < MIN_PASSWORD_LENGTH);
        assert.equal(problems.includes('too_long'), length > MAX_PASSWORD_LENGTH);
        if (length > MAX_PASSWORD_LENGTH) assert.deepEqual(problems, ['too_long']);
      },
    ),
  );
  // Not printable, but must not throw: lone surrogates and control characters.
  assert.deepEqual(
    checkPassword('\uD800\u0000\uDFFF\u0007'.repeat(4), { email: '@', name: '\uD800' }),
    ['repeated'],
  );
});

test('a listed word stays common whatever its case and whatever digits or symbols follow it', () => {
  const words = ['password', 'iloveyou', 'sunshine', 'geslo', 'ljubljana', 'maribor', 'slavia'];
  fc.assert(
    fc.property(
      fc.constantFrom(...words),
      fc.stringMatching(/^[0-9!?.#*_ -]{0,8}$/),
      fc.infiniteStream(fc.boolean()),
      (word, suffix, upper) => {
        const cased = [...word].map((c) => (upper.next().value ? c.toUpperCase() : c)).join('');
        return checkPassword(cased + suffix, {}).includes('common');
      },
    ),
  );
});

test('any unit too short on its own is refused when repeated to fill the minimum', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: MIN_PASSWORD_LENGTH - 1 }),
      (unit) => {
        const password = unit.repeat(Math.ceil(MIN_PASSWORD_LENGTH / unit.length) + 1);
        return checkPassword(password, {}).includes('repeated');
      },
    ),
  );
});

test('passphrases of four different uncommon words are accepted', () => {
  const words = [
    'mlinar',
    'zvonik',
    'pisarna',
    'kozolec',
    'trobenta',
    'jablana',
    'čebelnjak',
    'žerjav',
    'škorenj',
    'lestev',
    'ščetka',
    'meglica',
  ];
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom(...words), { minLength: 4, maxLength: 6 }),
      fc.constantFrom(' ', '-', ''),
      (picked, separator) => {
        assert.deepEqual(checkPassword(picked.join(separator), staff), []);
      },
    ),
  );
});
