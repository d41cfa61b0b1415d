import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGES } from './i18n.ts';

// t() of a key that is not in the messages gives undefined (the typecheck stops only literal
// keys; a key built at run time or carried in a string, e.g. a zod message, escapes it). This
// scan finds every string that looks like a key, in the sources and the e2e tests, and each
// `prefix.${…}` a key is built from, and checks the messages have it.

const root = join(import.meta.dirname, '..', '..');
const known = Object.keys(MESSAGES.en);
const prefixes = new Set(known.map((k) => k.split('.')[0]));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' ? [] : files(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Strings that look like keys and are not: audit actions (named by audit.action.*), a column. */
const NOT_KEYS = new Set([
  'meeting.ended',
  'privacy.cancelled',
  'privacy.exported',
  'mail.dedupeKey',
  'eid.oidc_refused',
]);
/** File names: meeting.js, api.ts, folder.zip, a proxy's error.log. */
const FILE = /\.(js|ts|zip|css|json|txt|ics|csv|log)$/;

test('every key the code or the e2e tests name is in the messages', () => {
  const unknown: string[] = [];
  for (const path of [...files(join(root, 'src')), ...files(join(root, 'e2e'))]) {
    const text = readFileSync(path, 'utf8');
    const where = relative(root, path);
    for (const [, key] of text.matchAll(/['"`]([a-z_]+(?:\.[a-z0-9_]+)+)['"`]/gi))
      if (
        prefixes.has(key!.split('.')[0]) &&
        !known.includes(key!) &&
        !NOT_KEYS.has(key!) &&
        !FILE.test(key!)
      )
        unknown.push(`${where}: ${key}`);
    for (const [, stem] of text.matchAll(/`([a-z_]+(?:\.[a-z0-9_]+)*\.)\$\{/gi))
      if (prefixes.has(stem!.split('.')[0]) && !known.some((k) => k.startsWith(stem!)))
        unknown.push(`${where}: ${stem}\${…}`);
  }
  assert.deepEqual(unknown, []);
});

test('no key is defined by two domain message files (the later spread would silently win)', () => {
  const dir = join(import.meta.dirname, 'messages');
  // en.ts, sl.ts and cs.ts each hold one language of the common keys: the same keys by design.
  const base = new Set(['en.ts', 'sl.ts', 'cs.ts']);
  const owner = new Map<string, string>();
  const twice: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !base.has(f))) {
    const keys = new Set(
      [...readFileSync(join(dir, file), 'utf8').matchAll(/^\s+'([a-z_]+\.[\w.]+)':/gm)].map(
        (m) => m[1]!,
      ),
    );
    for (const key of keys) {
      const first = owner.get(key);
      if (first) twice.push(`${key}: ${first} and ${file}`);
      else owner.set(key, file);
    }
  }
  assert.deepEqual(twice, []);
});
