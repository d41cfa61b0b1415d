import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { translator, type MessageKey } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import { CliError, type CliCommand, type CliContext } from '../operator/cli-command.ts';
import { TENANTS_CHANGED } from '../tenants/service.ts';
import { parseCreateForm } from './schema.ts';
import { connectedOrganisations, type OperatorActor } from './service.ts';

const CLI: OperatorActor = { name: 'npm run operator', actor: { system: 'cli' } };
const en = translator('en');

/** The organisations service as the command line uses it: the same rules, audit log and invitations. */
function organisations(ctx: CliContext) {
  return connectedOrganisations({
    db: ctx.handle.db,
    clock: ctx.clock,
    audit: ctx.audit,
    invitations: ctx.invitations,
    // A running Okence on PostgreSQL reloads its catalogue (the embedded database is not shared while it runs).
    published: async () =>
      void (await sql`SELECT pg_notify(${TENANTS_CHANGED}, '')`.execute(ctx.handle.db)),
    exportsDir: join(ctx.config.dataDir, 'exports'),
    filesDir: ctx.config.files.dir,
    log: { error: (obj, msg) => ctx.err(`${msg}: ${String((obj as { err?: unknown }).err)}`) },
  });
}

function oneSlug(positionals: string[], usage: string): string {
  const [slug, ...extra] = positionals;
  if (!slug || extra.length) throw new CliError(`Usage: npm run operator -- ${usage}`);
  return slug;
}

/** An AppError as one line, in English; a refused form as one line per field. */
async function refusalsAsLines<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.fields)
      throw new CliError(
        Object.entries(err.fields)
          .map(([f, k]) => `--${FLAG_OF[f] ?? f}: ${en(k as MessageKey)}`)
          .join('\n'),
      );
    if (err instanceof AppError)
      throw new CliError(`${en(`error.${err.code}.title` as MessageKey)}: ${err.message}`);
    throw err;
  }
}

/** Flags of create-organisation and the form inputs they fill. */
const FLAGS: Record<string, string> = {
  slug: 'slug',
  'name-sl': 'name_sl',
  'name-cs': 'name_cs',
  'name-en': 'name_en',
  country: 'country',
  language: 'defaultLanguage',
  'time-zone': 'timeZone',
  'sender-name': 'mailSenderName',
  'reply-to': 'mailReplyTo',
  'office-slug': 'officeSlug',
  'office-name-sl': 'officeName_sl',
  'office-name-cs': 'officeName_cs',
  'office-name-en': 'officeName_en',
  street: 'street',
  postcode: 'postcode',
  city: 'city',
  'office-time-zone': 'officeTimeZone',
  'admin-name': 'adminName',
  'admin-email': 'adminEmail',
};
const FLAG_OF: Record<string, string> = Object.fromEntries(
  Object.entries(FLAGS).map(([flag, field]) => [field, flag]),
);
const stringOptions = Object.fromEntries(
  [...Object.keys(FLAGS), 'logo', 'file'].map((f) => [f, { type: 'string' as const }]),
);

function printProblems(
  ctx: CliContext,
  file: string,
  problems: { line: number; path: string; message: MessageKey; params?: Record<string, string> }[],
): number {
  ctx.err(
    `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
  );
  for (const p of problems) ctx.err(`${file}:${p.line}: ${p.path}: ${en(p.message, p.params)}`);
  return 1;
}

/** Provisioning and running organisations from the command line (the console's pages do the same). */
export const organisationCommands: CliCommand[] = [
  {
    name: 'create-organisation',
    usage: 'create-organisation --slug … --name-sl … [--file org.json]',
    summary:
      'Creates an organisation with its first office and admin (invited by e-mail); flags or one JSON file.',
    options: stringOptions,
    async run(ctx, { values }) {
      const service = organisations(ctx);
      if (typeof values.file === 'string') {
        const result = await service.import(CLI, await readFile(values.file, 'utf8'));
        if (!result.ok) return printProblems(ctx, values.file, result.problems);
        for (const o of result.organisations)
          ctx.out(`Organisation ${o.slug} created; ${o.invited} invitation(s) queued by e-mail.`);
        return 0;
      }
      const body = Object.fromEntries(
        Object.entries(FLAGS).map(([flag, field]) => [
          field,
          typeof values[flag] === 'string' ? values[flag] : '',
        ]),
      );
      body.officeTimeZone ||= body.timeZone ?? '';
      if (typeof values.logo === 'string') body.logoSvg = await readFile(values.logo, 'utf8');
      const parsed = parseCreateForm(body);
      if (!parsed.ok)
        throw new CliError(
          Object.entries(parsed.fields)
            .map(([f, k]) => `--${FLAG_OF[f] ?? f}: ${en(k)}`)
            .join('\n'),
        );
      const created = await refusalsAsLines(() => service.create(CLI, parsed.spec));
      ctx.out(`Organisation ${created.slug} created with office ${parsed.spec.offices[0]!.slug}.`);
      ctx.out(
        `${parsed.spec.officials[0]!.email} is invited by e-mail to set a password (the mail worker sends it).`,
      );
      return 0;
    },
  },
  {
    name: 'import',
    usage: 'import <file.json>',
    summary:
      'Imports organisations with offices, services, officials and hours from one JSON file (docs/import.md); all or nothing.',
    async run(ctx, { positionals }) {
      const file = oneSlug(positionals, this.usage);
      const result = await organisations(ctx).import(CLI, await readFile(file, 'utf8'));
      if (!result.ok) return printProblems(ctx, file, result.problems);
      for (const o of result.organisations)
        ctx.out(`${o.slug}: imported, ${o.invited} invitation(s) queued by e-mail.`);
      ctx.out(`${result.organisations.length} organisation(s) imported.`);
      return 0;
    },
  },
  {
    name: 'list-organisations',
    usage: 'list-organisations',
    summary: 'Organisations with their state and usage (counts only).',
    async run(ctx) {
      ctx.out(
        [
          'slug',
          'state',
          'offices',
          'staff',
          'appointments this month',
          'folder bytes',
          'created',
        ].join('\t'),
      );
      for (const o of await organisations(ctx).list()) {
        ctx.out(
          [
            o.slug,
            o.state,
            o.usage.offices,
            o.usage.officials,
            o.usage.appointmentsThisMonth,
            o.usage.folderBytes,
            o.createdAt.toISOString().slice(0, 10),
          ].join('\t'),
        );
      }
      return 0;
    },
  },
  {
    name: 'suspend-organisation',
    usage: 'suspend-organisation <slug>',
    summary: 'Suspends an organisation’s online counter (nothing is deleted).',
    async run(ctx, { positionals }) {
      const slug = oneSlug(positionals, this.usage);
      await refusalsAsLines(() => organisations(ctx).suspend(CLI, slug));
      ctx.out(`${slug} is suspended: its pages say so, its staff cannot sign in.`);
      return 0;
    },
  },
  {
    name: 'resume-organisation',
    usage: 'resume-organisation <slug>',
    summary: 'Resumes a suspended organisation.',
    async run(ctx, { positionals }) {
      const slug = oneSlug(positionals, this.usage);
      await refusalsAsLines(() => organisations(ctx).resume(CLI, slug));
      ctx.out(`${slug} works again.`);
      return 0;
    },
  },
  {
    name: 'request-deletion',
    usage: 'request-deletion <slug> --confirm <slug>',
    summary:
      'Asks for an organisation’s deletion after the waiting period; exports its data first.',
    options: { confirm: { type: 'string' } },
    async run(ctx, { values, positionals }) {
      const slug = oneSlug(positionals, this.usage);
      const done = await refusalsAsLines(() =>
        organisations(ctx).requestDeletion(
          CLI,
          slug,
          typeof values.confirm === 'string' ? values.confirm : '',
        ),
      );
      ctx.out(
        `${slug} is suspended and will be deleted on ${done.dueAt.toISOString()} unless cancelled (cancel-deletion ${slug}).`,
      );
      if (done.export)
        ctx.out(
          `Export: ${join(ctx.config.dataDir, 'exports', done.export.name)} (${done.export.bytes} bytes, sha256 ${done.export.sha256}).`,
        );
      return 0;
    },
  },
  {
    name: 'cancel-deletion',
    usage: 'cancel-deletion <slug>',
    summary: 'Cancels a deletion request; the organisation stays suspended until resumed.',
    async run(ctx, { positionals }) {
      const slug = oneSlug(positionals, this.usage);
      await refusalsAsLines(() => organisations(ctx).cancelDeletion(CLI, slug));
      ctx.out(
        `The deletion of ${slug} is cancelled. It stays suspended: resume-organisation ${slug}.`,
      );
      return 0;
    },
  },
];
