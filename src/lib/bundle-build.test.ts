// The two rewrites the bundle makes to module text (decision 059): each module keeps its own
// location, and the bundle's text is ASCII without changing what it means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { asciiOnly, keepLocation } from './bundle-build.mjs';

test('a module keeps the location of its own file', () => {
  const esm = keepLocation(
    '/opt/okence/src/db/migrate.ts',
    'const a = import.meta.dirname; const b = new URL("x", import.meta.url); const c = import.meta.filename; const __dirname = 1;',
  );
  assert.equal(
    esm,
    'const a = "/opt/okence/src/db"; const b = new URL("x", "file:///opt/okence/src/db/migrate.ts"); const c = "/opt/okence/src/db/migrate.ts"; const __dirname = 1;',
    'in an ES module, __dirname is an ordinary name and stays',
  );
  const cjs = keepLocation(
    '/opt/okence/node_modules/pdfkit/js/pdfkit.js',
    'fs.readFileSync(__dirname + "/data/Helvetica.afm"); module.exports.f = __filename;',
  );
  assert.equal(
    cjs,
    'fs.readFileSync("/opt/okence/node_modules/pdfkit/js" + "/data/Helvetica.afm"); module.exports.f = "/opt/okence/node_modules/pdfkit/js/pdfkit.js";',
  );
  assert.equal(keepLocation('/a/b.js', 'const x = 1;'), 'const x = 1;');
});

test('non-ASCII characters become escapes that mean the same', () => {
  const cases = [
    'const t = (s, ...v) => s.join("|"); return t`Kč · ${1} – Žeryk`;',
    'return /^[đð]+\\s*[-–—]$/u.test("đ–");',
    'return "ŠČŽ" + `${"ř"}ů` + "😀";',
    'const š = 2; return š * 3;',
    'return /[😀]/u.test("😀");',
  ];
  for (const code of cases) {
    const escaped = asciiOnly(code);
    assert.doesNotMatch(escaped, /[\u0080-\uffff]/);
    assert.deepEqual(
      runInNewContext(`(() => { ${escaped} })()`),
      runInNewContext(`(() => { ${code} })()`),
      code,
    );
  }
});

test('a character escaped already stops the build rather than change its meaning', () => {
  assert.throws(() => asciiOnly('const s = "a\\·b";'), /escaped non-ASCII/);
  // An escaped backslash before it is fine: the character itself is not escaped.
  assert.equal(asciiOnly('"a\\\\·"'), '"a\\\\\\u00b7"');
});
