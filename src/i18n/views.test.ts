import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGES } from './i18n.ts';

/** Keys any page may use: the layout's, the error pages', the forms' shared texts. */
const COMMON = ['layout', 'error', 'form'];

/**
 * The key prefixes each domain's code may use besides COMMON: its own, kept in
 * messages/<domain>.ts (the meeting's browser texts, `room.*`, in messages/meeting-client.ts). A
 * text another domain also shows is duplicated under the domain's own prefix, never borrowed, so
 * each domain's wording can change alone.
 */
const OWN: Record<string, string[]> = {
  agenda: ['agenda'],
  audit: ['audit'],
  booking: ['book'],
  citizens: ['citizens'],
  eid: ['eid'],
  folder: ['files', 'folder'],
  forms: ['forms', 'receipt'],
  identity: ['identity'],
  integrations: ['integrations'],
  mail: ['mail'],
  meeting: ['meeting', 'room'],
  operator: ['op'],
  payments: ['fees', 'pay', 'payments', 'statements'],
  organisations: ['orgs'],
  privacy: ['privacy', 'notice'],
  situations: ['situations'],
  submissions: ['delivery', 'submissions'],
  stats: ['stats'],
  tenants: ['tenants'],
  notices: ['notices', 'contacts', 'frontdoor', 'help'],
};

/**
 * Files that name other domains' keys on purpose: the help guides name each real page's controls
 * by the key the page itself uses, so a renamed button renames the guide (decision 053).
 */
const QUOTES_PAGES = ['notices/help/guides.ts'];

const src = join(import.meta.dirname, '..');

/**
 * The browser scripts all live in meeting/client (assets.ts serves that folder); the ones another
 * domain's pages load are that domain's code.
 */
const CLIENTS: Record<string, string> = {
  'meeting/client/folder.ts': 'folder',
  'meeting/client/lobby-panel.ts': 'agenda',
};
const known = new Set(Object.keys(MESSAGES.en));

/** The files under a folder but the tests. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A domain's source files, views or not: pages are also built in routes, mails and clients. */
function sources(domain: string): string[] {
  const client = (path: string) => CLIENTS[relative(src, path)];
  return [
    ...files(join(src, domain)).filter((path) => !client(path)),
    ...Object.keys(CLIENTS)
      .filter((path) => CLIENTS[path] === domain)
      .map((path) => join(src, path)),
  ];
}

/** The message keys a domain's code names as string literals. */
function keysIn(domain: string): { file: string; key: string }[] {
  const found: { file: string; key: string }[] = [];
  for (const path of sources(domain))
    for (const [, key] of readFileSync(path, 'utf8').matchAll(/['"`]([a-z_]+\.[\w.]+)['"`]/g))
      if (key && known.has(key)) found.push({ file: relative(src, path), key });
  return found;
}

test("a domain's code uses only its own keys and the common ones", () => {
  for (const [domain, own] of Object.entries(OWN)) {
    const keys = keysIn(domain);
    for (const prefix of own)
      assert.ok(
        keys.some(({ key }) => key.startsWith(`${prefix}.`)),
        `${domain}'s code names no ${prefix}.* key: is the scan still right?`,
      );
    const borrowed = keys.filter(
      ({ file, key }) =>
        !QUOTES_PAGES.includes(file) && ![...own, ...COMMON].includes(key.split('.')[0]!),
    );
    assert.deepEqual(borrowed, [], `${domain}'s code borrows other domains' keys`);
  }
});
