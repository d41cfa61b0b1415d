// Regenerates src/identity/password-lists/common-passwords.txt from the password list that ships in the
// npm package @zxcvbn-ts/language-common (MIT). The runtime reads only the text file, so the
// package is needed while running this script and never by Okence itself:
//
//   npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
//   node scripts/build-password-list.ts package
//
// See src/identity/password-lists/README.md for where the list comes from and its licence.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const packageDir =
  process.argv[2] ??
  join(import.meta.dirname, '..', 'node_modules', '@zxcvbn-ts', 'language-common');
const target = join(
  import.meta.dirname,
  '..',
  'src',
  'identity',
  'password-lists',
  'common-passwords.txt',
);

const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  name?: string;
  version?: string;
  license?: string;
};
if (manifest.name !== '@zxcvbn-ts/language-common')
  throw new Error(`${packageDir} is not @zxcvbn-ts/language-common`);
if (manifest.license !== 'MIT')
  throw new Error(
    `Expected an MIT licence, found ${manifest.license}: check before redistributing`,
  );

const source = readFileSync(join(packageDir, 'src', 'passwords.json'), 'utf8');
const parsed: unknown = JSON.parse(source);
if (!Array.isArray(parsed) || !parsed.every((entry): entry is string => typeof entry === 'string'))
  throw new Error('passwords.json is not a list of strings');

// The runtime compares lower-cased input line by line, so every entry must be one
// non-empty lower-case line. The list is kept in its order (most common first).
const entries = [...new Set(parsed)];
const bad = entries.filter(
  (entry) => entry === '' || /\s/u.test(entry) || entry !== entry.toLowerCase(),
);
if (bad.length > 0)
  throw new Error(`Entries the runtime could never match: ${bad.slice(0, 5).join(', ')}`);

writeFileSync(target, `${entries.join('\n')}\n`);
const sha256 = createHash('sha256').update(source).digest('hex');
console.log(
  `Wrote ${entries.length} passwords from ${manifest.name}@${manifest.version} (passwords.json sha256 ${sha256}) to ${target}`,
);
