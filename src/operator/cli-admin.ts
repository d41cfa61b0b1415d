import { isLang, type Lang } from '../i18n/i18n.ts';
import { normaliseEmail } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import { z } from 'zod';
import { CliError, type CliCommand, type CliContext } from './cli-command.ts';

const email = z.email();
const CLI_INVITER = { name: 'npm run operator', actor: { system: 'cli' } } as const;

function address(positionals: string[], usage: string): string {
  const [given, ...extra] = positionals;
  if (!given || extra.length) throw new CliError(`Usage: npm run operator -- ${usage}`);
  const normalised = normaliseEmail(given);
  if (!email.safeParse(normalised).success)
    throw new CliError(`"${given}" is not an e-mail address.`);
  return normalised;
}

function language(value: string | boolean | undefined): Lang {
  if (value === undefined) return 'en';
  if (!isLang(value)) throw new CliError('--lang must be sl, cs or en.');
  return value;
}

/** Sends a link and prints it: the operator may have no working mail yet. */
async function sendLink(
  ctx: CliContext,
  operatorId: string,
  to: string,
  lang: Lang,
): Promise<void> {
  const made = await ctx.invitations.invite({ kind: 'operator', operatorId }, CLI_INVITER, {
    lang,
  });
  const until = made.expiresAt.toISOString().replace('T', ' ').slice(0, 16);
  ctx.out(`One-time link to set the password (works once, until ${until} UTC):`);
  ctx.out(`  ${made.url}`);
  const delivery = ctx.config.smtpUrl
    ? 'Okence’s mail worker sends it (now if Okence runs, otherwise when it starts).'
    : `Without SMTP_URL it stays in the outbox${ctx.config.env === 'production' ? '' : `, readable at ${new URL('/dev/mail', ctx.config.publicUrl).href} while Okence runs`}.`;
  ctx.out(`The same link is queued by e-mail to ${to}. ${delivery}`);
  ctx.out(
    'After the password, the console asks for an authenticator app (TOTP); it cannot be skipped.',
  );
}

/** Creating operators and sending them a new link. */
export const adminCommands: CliCommand[] = [
  {
    name: 'create-admin',
    usage: 'create-admin <email> [--lang sl|cs|en]',
    summary: 'Creates an operator and prints (and mails) a one-time link to set the password.',
    options: { lang: { type: 'string' } },
    async run(ctx, { values, positionals }) {
      const to = address(positionals, this.usage);
      const lang = language(values.lang);
      let operatorId: string;
      try {
        operatorId = await ctx.operators.create(to, CLI_INVITER.actor);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict')
          throw new CliError(
            `An operator ${to} exists already. To send a new link (and set up the second factor again): npm run operator -- reset-admin ${to}`,
          );
        throw err;
      }
      ctx.out(`Operator ${to} created.`);
      await sendLink(ctx, operatorId, to, lang);
      return 0;
    },
  },
  {
    name: 'reset-admin',
    usage: 'reset-admin <email> [--lang sl|cs|en]',
    summary:
      'Forgets an operator’s password and second factor, ends their sessions, sends a new link.',
    options: { lang: { type: 'string' } },
    async run(ctx, { values, positionals }) {
      const to = address(positionals, this.usage);
      const lang = language(values.lang);
      const operator = await ctx.operators.find(to);
      if (!operator)
        throw new CliError(
          `There is no operator ${to}. Create one: npm run operator -- create-admin ${to}`,
        );
      await ctx.operators.reset(operator.id, CLI_INVITER.actor);
      ctx.out(`The password and second factor of ${to} are reset; their sessions have ended.`);
      await sendLink(ctx, operator.id, to, lang);
      return 0;
    },
  },
];
