import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from './i18n.ts';

/** Keys any page may use: the layout's, the error pages', the forms' shared texts. */
const COMMON = ['layout', 'error', 'form'];

/**
 * The key prefixes each domain's views may use besides COMMON: its own, kept in
 * messages/<domain>.ts. A text another domain also shows is duplicated under the domain's own
 * prefix, never borrowed, so each domain's wording can change alone. Domains not listed here
 * (booking, identity, meeting, operator, tenants) still share prefixes (book/admin, adm/pw/staff)
 * from before this convention (issue 15) and join the list when their keys are renamed.
 */
const OWN: Record<string, string[]> = {
  agenda: ['agenda'],
  audit: ['audit'],
  folder: ['files', 'folder'],
  mail: ['mail'],
  organisations: ['orgs'],
  privacy: ['privacy', 'notice'],
  stats: ['stats'],
};

const src = join(import.meta.dirname, '..');
const known = new Set(Object.keys(MESSAGES.en));

/** The message keys a domain's views name as string literals. */
function keysIn(domain: string): { file: string; key: string }[] {
  const dir = join(src, domain, 'views');
  const found: { file: string; key: string }[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
    for (const [, key] of readFileSync(join(dir, name), 'utf8').matchAll(/'([a-z_]+\.[\w.]+)'/g))
      if (key && known.has(key)) found.push({ file: `${domain}/views/${name}`, key });
  return found;
}

test("a domain's views use only its own keys and the common ones", () => {
  for (const [domain, own] of Object.entries(OWN)) {
    const keys = keysIn(domain);
    assert.ok(keys.length > 0, `${domain}'s views name no keys: is the scan still right?`);
    const borrowed = keys.filter(({ key }) => ![...own, ...COMMON].includes(key.split('.')[0]!));
    assert.deepEqual(borrowed, [], `${domain}'s views borrow other domains' keys`);
  }
});
