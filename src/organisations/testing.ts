// The operator's side of organisations as its tests meet it: an app with its own DATA_DIR and a
// public URL, the operator actor of the command line, the console's create form, and helpers to
// count rows and read the installation-level log.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Okence } from '../boot.ts';
import type { DbKind } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { parseCreateForm } from './schema.ts';
import type { OperatorActor } from './service.ts';

export const EXAMPLE = readFileSync(
  new URL('../../docs/examples/organisations.json', import.meta.url),
  'utf8',
);
export const OPERATOR: OperatorActor = { name: 'npm run operator', actor: { system: 'cli' } };
export const MANAGE = randomBytes(32).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const FORM = {
  name_sl: 'Upravna enota Kamnik',
  name_en: 'Kamnik Administrative Unit',
  slug: 'ue-kamnik',
  country: 'SI',
  defaultLanguage: 'sl',
  timeZone: 'Europe/Ljubljana',
  officeName_sl: 'Glavni urad',
  officeSlug: 'glavni',
  street: 'Glavni trg 24',
  postcode: '1241',
  city: 'Kamnik',
  officeTimeZone: 'Europe/Ljubljana',
  adminName: 'Maja Novak',
  adminEmail: 'maja.novak@kamnik.example',
  mailSenderName: 'UE Kamnik',
};
export const spec = (over: Record<string, string> = {}) => {
  const parsed = parseCreateForm({ ...FORM, ...over });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.fields));
  return parsed.spec;
};
export const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, fields: err.fields };
    throw err;
  }
  assert.fail('expected a refusal');
};

/** Boots the app for one describe block (its before and after hooks) and returns what its tests use. */
export function operatorSideApp(kind: DbKind) {
  let okence: Okence;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-orgs-'));
  const filesDir = join(dataDir, 'files');
  const exportsDir = join(dataDir, 'exports');
  let ips = 0;
  const ip = () => `203.0.113.${++ips}`;
  before(async () => {
    okence = await bootTestApp(kind, {
      clock,
      env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://okence.example' },
    });
  });
  after(async () => {
    await okence.close();
  });
  const db = () => okence.handle.db;
  // The app's own service: its catalogue is dropped at once. A second tenants service here
  // would reach the app only by NOTIFY, which PostgreSQL delivers a moment later (a page read
  // in between saw the organisation unsuspended).
  const orgs = () => okence.organisations;
  const count = async (table: 'organisation' | 'staff' | 'mail_outbox') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const installationLog = (action: string) =>
    db()
      .selectFrom('audit_event')
      .selectAll()
      .where('organisation_id', 'is', null)
      .where('action', '=', action)
      .execute();
  const page = (url: string, lang = 'en') =>
    okence.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': lang },
      remoteAddress: ip(),
    });

  return {
    get okence() {
      return okence;
    },
    clock,
    dataDir,
    filesDir,
    exportsDir,
    ip,
    db,
    orgs,
    count,
    installationLog,
    page,
  };
}
