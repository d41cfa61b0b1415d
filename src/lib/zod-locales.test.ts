import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ZOD_LOCALES } from './zod-locales.mjs';

const root = join(import.meta.dirname, '..', '..');

/** zod's locales as a fresh process sees them, with or without the hook of `npm start`. */
function localesSeen(hook: boolean): { locales: string[]; message: string } {
  const script = `
    ${hook ? "(await import('./src/lib/zod-locales.mjs')).keepOnlyOkenceZodLocales();" : ''}
    const { z } = await import('zod');
    const r = z.string().safeParse(1, { error: z.locales.cs().localeError });
    console.log(JSON.stringify({ locales: Object.keys(z.locales).sort(), message: r.error.issues[0].message }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { locales: string[]; message: string };
}

test("npm start's hook leaves zod only the locales Okence uses, and they still speak", () => {
  const all = localesSeen(false);
  assert.ok(all.locales.length > 40, 'without the hook zod loads every locale');
  const trimmed = localesSeen(true);
  assert.deepEqual(trimmed.locales, [...ZOD_LOCALES].sort());
  assert.equal(trimmed.message, all.message);
  assert.match(trimmed.message, /Neplatný vstup/);
});

test('every z.locales.<language> the code names is one the hook keeps', () => {
  const named = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/z\.locales\.(\w+)/g)) named.add(m[1]!);
    }
  };
  walk(join(root, 'src'));
  assert.ok(named.size > 0, 'the walk finds the uses');
  for (const l of named) assert.ok(ZOD_LOCALES.includes(l), `z.locales.${l} is not kept`);
});
