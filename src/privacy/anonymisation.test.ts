import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contactForm } from '../booking/schema.ts';
import type { Database } from '../db/tables.ts';
import {
  ANONYMISATION_PLAN,
  ANONYMISED,
  anonymisationPlan,
  BOOKING_MAIL_PREFIXES,
  STAFF_MAIL_PREFIXES,
  SHORT_LIVED_MAIL_PREFIXES,
  bookingMailPatterns,
  isAnonymisedBooking,
  isPlaceholderEmail,
  placeholderEmail,
  type AnonymisationPlan,
  type Link,
  type TablePlan,
} from './anonymisation.ts';

// Compile-time tests: each line below must fail to type-check, or tsc reports the directive as
// unused. They prove that the plan's types, not only its current contents, follow `Database`.
type Columns<T extends keyof Database> = Extract<
  TablePlan<T>,
  { treatment: 'anonymise' }
>['columns'];
// @ts-expect-error -- citizen_name is NOT NULL, so it cannot be erased to NULL
const _nullIntoNotNull: Columns<'booking'>['citizen_name'] = { action: 'erase', to: null, why: '' };
// @ts-expect-error -- a timestamp cannot be blanked to ''
const _blankDate: Columns<'booking'>['cancelled_at'] = { action: 'erase', to: '', why: '' };
type Rating = Columns<'meeting_survey'>['rating'];
// @ts-expect-error -- a number cannot hold the marker
const _markerInNumber: Rating = { action: 'replace', with: ANONYMISED, why: '' };
// @ts-expect-error -- the outbox has no booking_id; its rows are found by dedupe key
const _badLink: Link<'mail_outbox'> = { by: 'booking_id' };
const { comment: _comment, ...withoutComment } = ANONYMISATION_PLAN.meeting_survey.columns;
// @ts-expect-error -- every column of an anonymised table needs a decision
const _missingColumn: Columns<'meeting_survey'> = withoutComment;
const _unknownColumn: Columns<'meeting_survey'> = {
  ...ANONYMISATION_PLAN.meeting_survey.columns,
  // @ts-expect-error -- a column the table does not have (a rename) is refused
  grade: { action: 'keep', why: '' },
};
const { meeting_chat: _chat, ...withoutChat } = ANONYMISATION_PLAN;
// @ts-expect-error -- every table needs a treatment
const _missingTable: AnonymisationPlan = withoutChat;

const BOOKING_ID = '7d7c4f0e-2b1a-4c59-9d1e-0a6b4f3c2e11';

test('the placeholder email is per booking, lower case, valid to the booking form and undeliverable', () => {
  const email = placeholderEmail(BOOKING_ID.toUpperCase());
  assert.equal(email, `anonymised+${BOOKING_ID}@anonymised.invalid`);
  assert.notEqual(placeholderEmail('00000000-0000-4000-8000-000000000000'), email);
  assert.deepEqual(contactForm.shape.email.safeParse(email), { success: true, data: email });
  assert.ok(email.endsWith('.invalid'), 'RFC 6761 reserves .invalid: it never resolves');
  assert.equal(isPlaceholderEmail(` ${email.toUpperCase()} `), true);
  assert.equal(isPlaceholderEmail('anonymised+someone@example.si'), false);
  assert.equal(isAnonymisedBooking({ citizen_email: email }), true);
  assert.equal(isAnonymisedBooking({ citizen_email: 'ana@example.si' }), false);
  assert.throws(() => placeholderEmail("x' OR 1=1 --"), RangeError);
});

test("a booking's outbox rows are found by the prefixes of its dedupe keys", () => {
  assert.deepEqual(bookingMailPatterns(BOOKING_ID), [
    `booking:${BOOKING_ID}:%`,
    `code:${BOOKING_ID}:%`,
    `reminder:${BOOKING_ID}:%`,
  ]);
  assert.throws(() => bookingMailPatterns('%'), RangeError);
});

test('every dedupe key the code builds has a prefix the plan knows', () => {
  const sources = tsFiles('src').map((f) => readFileSync(f, 'utf8'));
  const seen = new Set<string>();
  for (const src of sources) {
    for (const m of src.matchAll(/dedupeKey: ([^,;}\n]+)/g)) {
      const expr = (m[1] ?? '').trim();
      // The type and the pass-through inside the mail domain, not a key being made.
      if (expr === 'string' || expr === 'mail.dedupeKey') continue;
      const prefix = /^`([a-z_-]+):\$\{/.exec(expr)?.[1];
      assert.ok(prefix, `a dedupe key this test cannot read: ${expr}; teach it, and the plan`);
      seen.add(prefix);
    }
  }
  assert.ok(seen.size > 0, 'found no dedupe keys at all: the pattern above is stale');
  const known: readonly string[] = [
    ...BOOKING_MAIL_PREFIXES,
    ...STAFF_MAIL_PREFIXES,
    ...SHORT_LIVED_MAIL_PREFIXES,
  ];
  for (const p of seen)
    assert.ok(
      known.includes(p),
      `mail kind "${p}" is in none of BOOKING_, STAFF_ and SHORT_LIVED_MAIL_PREFIXES`,
    );
});

test('the personal data named in the issue never stays as it was', () => {
  const personal: [keyof typeof ANONYMISATION_PLAN, string][] = [
    ['booking', 'citizen_name'],
    ['booking', 'citizen_email'],
    ['booking', 'citizen_phone'],
    ['booking', 'notes'],
    ['booking', 'client_ip'],
    ['meeting', 'minutes'],
    ['meeting_participant', 'display_name'],
    ['meeting_guest', 'display_name'],
    ['meeting_survey', 'comment'],
    ['meeting_file_audit', 'actor_name'],
    ['meeting_file_audit', 'actor_ip'],
    ['meeting_file_audit', 'file_name'],
  ];
  for (const [table, column] of personal) {
    const plan = ANONYMISATION_PLAN[table];
    assert.equal(plan.treatment, 'anonymise', table);
    const rule = (plan.columns as Record<string, { action: string }>)[column];
    assert.notEqual(rule?.action, 'keep', `${table}.${column}`);
  }
  assert.equal(ANONYMISATION_PLAN.meeting_chat.treatment, 'delete_rows');
  assert.equal(ANONYMISATION_PLAN.mail_outbox.treatment, 'delete_rows');
});

test('the steps run the booking last and leave out what other jobs prune', () => {
  const steps = anonymisationPlan().map((s) => s.table);
  assert.equal(steps.at(-1), 'booking');
  for (const t of [
    'meeting',
    'meeting_chat',
    'meeting_survey',
    'meeting_file_audit',
    'mail_outbox',
  ] as const)
    assert.ok(steps.includes(t), t);
  for (const t of ['meeting_file', 'sign_in_attempt', 'meeting_relay', 'staff'] as const)
    assert.ok(!steps.includes(t), t);
});

test('every value the plan writes passes the NOT NULL, CHECK and UNIQUE rules of the migrations', () => {
  const schema = migrationsSchema();
  for (const { table, plan } of anonymisationPlan()) {
    if (plan.treatment === 'delete_rows') {
      // A reference that would refuse the delete (RESTRICT, the default) breaks the plan; one
      // that goes with the row or lets go of it (mail_attachments, an e-mail delivery) does not.
      const references = [
        ...schema.sql.matchAll(
          new RegExp(`REFERENCES ${table} \\([^)]*\\)( ON DELETE (CASCADE|SET NULL))?`, 'g'),
        ),
      ];
      assert.ok(
        references.every((r) => r[1]),
        `rows of ${table} are deleted, yet another table references it without ON DELETE CASCADE or SET NULL`,
      );
      continue;
    }
    if (plan.treatment !== 'anonymise') continue;
    for (const [column, rule] of Object.entries(plan.columns) as [
      string,
      { action: string; to?: null | '' },
    ][]) {
      if (rule.action === 'keep') continue;
      const value =
        rule.action === 'erase'
          ? (rule.to ?? null)
          : rule.action === 'replace'
            ? ANONYMISED
            : placeholderEmail(BOOKING_ID);
      const def = schema.column(table, column);
      const where = `${table}.${column} := ${JSON.stringify(value)}`;
      if (value === null) {
        assert.equal(def.notNull, false, `${where} breaks NOT NULL`);
        continue;
      }
      assert.equal(
        def.unique && rule.action !== 'placeholder_email',
        false,
        `${where}: one value in a UNIQUE column fails on the second row`,
      );
      for (const check of def.checks)
        assert.ok(passes(check, column, value), `${where} fails CHECK (${check})`);
    }
  }
});

/** Evaluates the CHECK forms the migrations use on text columns; any other form fails the test. */
function passes(check: string, column: string, value: string): boolean {
  const c = check.replace(/\s+/g, ' ').trim();
  const len = [...value].length; // PostgreSQL's length() counts characters, not UTF-16 units
  let m = new RegExp(`^length\\(${column}\\) BETWEEN (\\d+) AND (\\d+)$`).exec(c);
  if (m) return len >= Number(m[1]) && len <= Number(m[2]);
  m = new RegExp(`^length\\(${column}\\) <= (\\d+)$`).exec(c);
  if (m) return len <= Number(m[1]);
  m = new RegExp(`^${column} ~ '(.*)'$`).exec(c);
  if (m) return new RegExp(m[1] ?? '').test(value);
  if (c === `${column} = lower(${column})`) return value === value.toLowerCase();
  throw new Error(`a CHECK this test cannot evaluate: ${c}; teach it`);
}

type ColumnDef = { notNull: boolean; unique: boolean; checks: string[] };

/** Column definitions and the CHECKs that name them, read from the migrations' SQL. */
function migrationsSchema(): { sql: string; column(table: string, column: string): ColumnDef } {
  const dir = join(import.meta.dirname, '../../migrations');
  const sql = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/--[^\n]*/g, ''))
    .join('\n');
  const statements = sql.split(';').map((s) => s.trim());
  return {
    sql,
    column(table, column) {
      const items: string[] = [];
      for (const s of statements) {
        const create = new RegExp(`^CREATE TABLE ${table} \\(([\\s\\S]*)\\)$`).exec(s);
        if (create) items.push(...splitTopLevel(create[1] ?? ''));
        const alter = new RegExp(`^ALTER TABLE ${table}\\s+([\\s\\S]*)$`).exec(s);
        if (alter)
          items.push(...splitTopLevel(alter[1] ?? '').map((i) => i.replace(/^ADD COLUMN /, '')));
      }
      const def = items.find((i) => i.startsWith(`${column} `));
      assert.ok(def, `${table}.${column} is not in the migrations`);
      const named = new RegExp(`\\b${column}\\b`);
      const tableChecks = items.filter((i) => /^(CONSTRAINT \w+ )?CHECK /.test(i) && named.test(i));
      const checks = [def, ...tableChecks].flatMap((i) =>
        [...i.matchAll(/CHECK \(/g)].map((m) => balanced(i, (m.index ?? 0) + 'CHECK '.length)),
      );
      const uniqueIndex = new RegExp(`CREATE UNIQUE INDEX \\w+ ON ${table} \\(${column}\\)`).test(
        sql,
      );
      return {
        notNull: /\bNOT NULL\b/.test(def),
        unique: /\bUNIQUE\b/.test(def) || uniqueIndex,
        checks,
      };
    },
  };
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')') depth--;
    else if (body[i] === ',' && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(body.slice(start).trim());
  return out.filter(Boolean);
}

/** The inside of the parenthesis opening at `open`. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced: ${text}`);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (e) =>
        e.isFile() &&
        e.name.endsWith('.ts') &&
        !e.name.endsWith('.test.ts') &&
        !e.parentPath.includes('privacy'),
    )
    .map((e) => join(e.parentPath, e.name));
}
