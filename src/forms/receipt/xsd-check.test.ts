import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadXsd } from './xsd-check.ts';

// The check is proven on the standard's own example and on broken copies of it, each of which
// an XSD validator refuses: if one of these passed, the check would be passing what it cannot see.
const dir = join(import.meta.dirname, 'standards');
const checker = loadXsd(dir);
const example = readFileSync(join(dir, 'dokument1.xml'), 'utf8');

/** The example with one replacement, which must apply. */
function broken(from: string | RegExp, to: string): string {
  const out = example.replace(from, to);
  if (out === example) throw new Error(`the example has no ${String(from)}`);
  return out;
}

test("the standard's example dokument1.xml conforms", () => {
  assert.deepEqual(checker.check(example), []);
});

test('a missing required element is refused, at the top and inside a person', () => {
  const top = checker.check(broken(/<vyplněn_v_isvs>[^]*?<\/vyplněn_v_isvs>/, ''));
  assert.equal(top.length, 1);
  assert.match(top[0]!, /^\/dokument: the children do not follow the schema/);
  const inner = checker.check(broken('<osoby:příjmení>Novotný</osoby:příjmení>', ''));
  assert.match(inner.join('\n'), /odesílatel\[3\]\/fyzická_osoba\[2\]: the children/);
  // An optional one may go: k_rukám has minOccurs="0".
  assert.deepEqual(checker.check(broken(/<k_rukám>.*<\/k_rukám>/, '')), []);
});

test('elements in the wrong order are refused', () => {
  const swapped = broken(/(<počet_příloh>2<\/počet_příloh>)(\s*<přílohy>[^]*?<\/přílohy>)/, '$2$1');
  assert.match(checker.check(swapped).join('\n'), /found .*přílohy, počet_příloh/);
  const names = broken(
    /<osoby:jméno>Jan<\/osoby:jméno>\s*<osoby:další_jména>Řehoř Xaver<\/osoby:další_jména>/,
    '<osoby:další_jména>Řehoř Xaver</osoby:další_jména><osoby:jméno>Jan</osoby:jméno>',
  );
  assert.equal(checker.check(names).length, 1);
});

test('a value its simple type does not allow is refused', () => {
  const cases: [string | RegExp, string, RegExp][] = [
    ['<osoby:ičo>00123454</osoby:ičo>', '<osoby:ičo>0012345</osoby:ičo>', /ičo.*does not match/],
    ['<kód>U1</kód>', '<kód>X1</kód>', /úkon\[\d+\]\/kód.*does not match/],
    ['<osoby:datum_narození>2004-02-29', '<osoby:datum_narození>2003-02-29', /is not a date/],
    ['<počet_příloh>2<', '<počet_příloh>dvě<', /is not an integer/],
    [
      /<doručit_osvědčení_do_datové_schránky>true/,
      '<doručit_osvědčení_do_datové_schránky>ano',
      /boolean/,
    ],
    ['>123456789<', '>1234567890<', /1234567890 > 999999999/],
    ['media-types/application/pdf', 'types/application/pdf', /typ_média.*does not match/],
    ['<okz>00000000-1234', '<okz>0000000-1234', /okz.*does not match/],
  ];
  for (const [from, to, problem] of cases)
    assert.match(checker.check(broken(from, to)).join('\n'), problem, String(from));
});

test('attributes: a required xml:lang missing and an undeclared one are refused', () => {
  assert.match(
    checker.check(broken('<věc xml:lang="cs">', '<věc>')).join('\n'),
    /věc\[\d+\]: the attribute xml:lang is missing/,
  );
  assert.match(
    checker.check(broken('<jid>0f54', '<jid barva="modrá">0f54')).join('\n'),
    /the attribute barva is not declared/,
  );
});

test('an unknown element, a wrong namespace, text in element content are refused', () => {
  assert.equal(
    checker.check(broken('<k_rukám>', '<k_rukam>').replace('</k_rukám>', '</k_rukam>')).length,
    1,
  );
  assert.match(
    checker
      .check(
        example.replace(
          /xmlns="http:\/\/dia.gov.cz\/ns\/dokumenty-z-formularu-ZoPDS"/,
          'xmlns="urn:jiný"',
        ),
      )
      .join(''),
    /no global element dokument/,
  );
  assert.match(
    checker.check(broken('<přílohy>', '<přílohy>text')).join(''),
    /text where only elements/,
  );
});
