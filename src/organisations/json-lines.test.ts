import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatJsonPath, JsonSyntaxError, lineAndColumn, parseWithLines } from './json-lines.ts';

const text = `[
  {
    "slug": "os-prule",
    "offices": [
      { "slug": "main",
        "hours": { "mon": "08:00-12:00" } },
      {
        "slug": "second",
        "odd key": "\\"quoted\\" }, ]"
      }
    ],
    "tags": [1, 2,
      3]
  }
]`;

test('members are found on their key line, elements where they start', () => {
  const located = parseWithLines(text);
  assert.equal(located.lineOf([]), 1);
  assert.equal(located.lineOf([0]), 2);
  assert.equal(located.lineOf([0, 'slug']), 3);
  assert.equal(located.lineOf([0, 'offices']), 4);
  assert.equal(located.lineOf([0, 'offices', 0]), 5);
  assert.equal(located.lineOf([0, 'offices', 0, 'slug']), 5);
  assert.equal(located.lineOf([0, 'offices', 0, 'hours', 'mon']), 6);
  assert.equal(located.lineOf([0, 'offices', 1]), 7);
  assert.equal(located.lineOf([0, 'offices', 1, 'slug']), 8);
  // A string holding JSON punctuation and escaped quotes does not throw the count off.
  assert.equal(located.lineOf([0, 'offices', 1, 'odd key']), 9);
  assert.equal(located.lineOf([0, 'tags', 2]), 13);
});

test('a missing field is reported on the line of the object it is missing from', () => {
  const located = parseWithLines(text);
  assert.equal(located.lineOf([0, 'offices', 1, 'name']), 7);
  assert.equal(located.lineOf([0, 'offices', 1, 'name', 'sl']), 7);
  assert.equal(located.lineOf([5, 'slug']), 1);
});

test('the value is what JSON.parse gives, a repeated key keeps the last line as it keeps the last value', () => {
  const located = parseWithLines('{\n"a": 1,\n"a": 2\n}');
  assert.deepEqual(located.value, { a: 2 });
  assert.equal(located.lineOf(['a']), 3);
});

test('a syntax error names its line and column', () => {
  assert.throws(
    () => parseWithLines('{\n  "a": 1,\n  "b" 2\n}'),
    (err: unknown) => err instanceof JsonSyntaxError && err.line === 3 && err.column >= 6,
  );
});

test('every element of any JSON value is located on a line that holds its start', () => {
  // Pretty-printed values: each element's line is the one where its printed text begins.
  fc.assert(
    fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), (values) => {
      const printed = JSON.stringify(values, null, 2);
      const located = parseWithLines(printed);
      const printedLines = printed.split('\n');
      values.forEach((v, n) => {
        const line = located.lineOf([n]);
        const first = JSON.stringify(v, null, 2).split('\n')[0]!;
        assert.ok(
          printedLines[line - 1]!.trimStart().startsWith(first.trimStart()),
          `element ${n} on line ${line}`,
        );
      });
    }),
  );
});

test('paths read as JSON paths', () => {
  assert.equal(formatJsonPath([]), '$');
  assert.equal(formatJsonPath([0, 'offices', 2, 'slug']), '$[0].offices[2].slug');
  assert.equal(formatJsonPath(['odd key']), '$["odd key"]');
  assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
});
