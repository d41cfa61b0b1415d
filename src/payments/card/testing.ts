// For card payment tests: an obligation with a payment token, the CSRF pair a form post needs,
// and a snapshot of every table a card payment may write, to show that something changed nothing.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/db.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../../http/security.ts';
import { paymentTokenHash } from '../pay/domain.ts';

/** A fee obligation of an organisation with a live payment token (the token itself returned). */
export async function obligationWithToken(
  db: Db,
  o: { slug: string; amountMinor: number; currency: string; now: Date; email?: string | null },
): Promise<{ obligationId: string; token: string; variableSymbol: string }> {
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', o.slug)
    .executeTakeFirstOrThrow();
  const fee = await db
    .insertInto('fee_types')
    .values({
      organisation_id: org.id,
      code: `dog-${randomBytes(3).toString('hex')}`,
      name: JSON.stringify({ cs: 'Poplatek ze psů', en: 'Dog fee', sl: 'Pasja taksa' }),
      basis: 'object',
      created_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const variableSymbol = String(2026000000 + Math.floor(Math.random() * 999_999));
  const obligation = await db
    .insertInto('obligations')
    .values({
      organisation_id: org.id,
      fee_type_id: fee.id,
      variable_symbol: variableSymbol,
      payer_name: 'Jana Nováková',
      payer_name_key: 'jana novakova',
      period: '2026',
      amount_minor: o.amountMinor,
      currency: o.currency,
      due_date: '2026-12-31',
      source: 'staff',
      created_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('obligation_instalments')
    .values({
      obligation_id: obligation.id,
      seq: 1,
      due_date: '2026-12-31',
      amount_minor: o.amountMinor,
    })
    .execute();
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('payment_tokens')
    .values({
      token_hash: paymentTokenHash(token),
      obligation_id: obligation.id,
      receipt_email: o.email === undefined ? 'jana@example.cz' : o.email,
      created_at: o.now,
      expires_at: new Date(o.now.getTime() + 3_600_000),
    })
    .execute();
  return { obligationId: obligation.id, token, variableSymbol };
}

/** A cookie and the matching form token, as a browser that loaded one of our forms has them. */
export function csrfPair(secret: string): { cookie: string; token: string } {
  const value = randomBytes(16).toString('hex');
  return { cookie: `${CSRF_COOKIE}=${value}`, token: csrfTokenFor(secret, value) };
}

/**
 * Every row a card payment may write, as text: equal snapshots mean nothing changed. Of the
 * outbox only what was queued (the mail worker, woken after each commit, moves delivery fields).
 */
export async function paymentTables(db: Db): Promise<string> {
  const parts: unknown[] = [];
  for (const t of ['card_payments', 'payments', 'audit_event'] as const)
    parts.push(
      (
        await sql<{
          r: unknown;
        }>`SELECT to_jsonb(x) AS r FROM ${sql.table(t)} x ORDER BY 1`.execute(db)
      ).rows,
    );
  parts.push(
    await db
      .selectFrom('mail_outbox')
      .select(['dedupe_key', 'to_address', 'subject', 'text_body', 'created_at'])
      .orderBy('dedupe_key')
      .execute(),
  );
  return JSON.stringify(parts);
}
