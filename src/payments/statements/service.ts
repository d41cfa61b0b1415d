// Bank statements' use cases (decision 046): import a statement file (upload or staff API) and
// match its credits to obligations; assign an unmatched payment by hand. Every change is in the
// audit log, in the transaction that makes it.
import { createHash } from 'node:crypto';
import { staffActor, type AuditActor } from '../../audit/domain.ts';
import type { AuditService } from '../../audit/service.ts';
import type { Db } from '../../db/db.ts';
import type { StaffPrincipal } from '../../identity/domain.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import {
  lineKeys,
  normaliseNumericSymbol,
  type ParsedStatement,
  type StatementLine,
} from './lines.ts';
import { isAccountOf } from './account.ts';
import { matchCredits } from './matching.ts';
import {
  countDecisions,
  emptyCounts,
  parseStatement,
  type ImportReport,
  type NotedLine,
} from './report.ts';
import * as repo from './repo.ts';

/** Who imports or assigns: a staff member on the pages, or an API token of the organisation. */
export type StatementActor = { staffId: string | null; audit: AuditActor };

/**
 * A staff member acting on the organisation's statements: an admin of it, as on every admin
 * page (decision 046); the organisation is always the admin's own.
 */
export function adminActor(staff: StaffPrincipal): {
  organisationId: string;
  actor: StatementActor;
} {
  if (staff.role !== 'admin') throw new AppError('forbidden', 'admins only');
  return {
    organisationId: staff.organisationId,
    actor: { staffId: staff.id, audit: staffActor(staff) },
  };
}

/** How many unmatched payments and statements a page lists. */
export const PAGE_LIMIT = 500;

const UNIQUE_VIOLATION = '23505';

/** The largest statement file taken: a year of a busy municipality's account fits many times. */
export const MAX_STATEMENT_BYTES = 16 * 1024 * 1024;

export function statementsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /** Stores the statement, its new credit lines and their payments, matched where they can be. */
  async function store(
    tx: Db,
    input: { organisationId: string; fileName: string; sha256: string; actor: StatementActor },
    statement: ParsedStatement,
  ): Promise<Extract<ImportReport, { outcome: 'imported' }>> {
    const now = clock.now();
    const statementId = await repo.insertStatement(tx, {
      ...statement,
      organisationId: input.organisationId,
      fileName: input.fileName,
      sha256: input.sha256,
      importedAt: now,
      importedBy: input.actor.staffId,
    });
    const keys = lineKeys(statement);
    // Only money received is a payment; a zero line (a bank's notice) pays nothing.
    const credits = statement.lines.flatMap((line, i) =>
      line.direction === 'credit' && line.amountMinor > 0 ? [{ line, key: keys[i]! }] : [],
    );
    const inserted = await repo.insertLines(
      tx,
      input.organisationId,
      statementId,
      credits.map(newLine),
    );
    const fresh = credits.filter((c) => inserted.has(c.key));
    const symbols = fresh.flatMap((c) =>
      c.line.variableSymbol === null ? [] : [c.line.variableSymbol],
    );
    const obligations = await repo.obligationsBySymbols(tx, input.organisationId, symbols);
    const decisions = matchCredits(
      fresh.map((c) => c.line),
      obligations,
    );
    await repo.insertBankPayments(
      tx,
      input.organisationId,
      fresh.map((c, i) => {
        const d = decisions[i]!;
        return {
          statementLineId: inserted.get(c.key)!,
          obligationId: d.kind === 'matched' ? d.obligationId : null,
          amountMinor: c.line.amountMinor,
          currency: c.line.currency,
          receivedOn: c.line.bookedOn,
        };
      }),
      { at: now, by: input.actor.staffId },
    );
    const counts = countDecisions(emptyCounts(statement.lines), decisions);
    counts.alreadyKnown = credits.length - fresh.length;
    const reversals: NotedLine[] = statement.lines
      .filter((l) => l.direction.endsWith('reversal'))
      .map(({ source, direction, amountMinor, currency }) => ({
        source,
        direction,
        amountMinor,
        currency,
      }));
    const { format, account, statementNumber } = statement;
    return {
      outcome: 'imported',
      statementId,
      format,
      account,
      statementNumber,
      counts,
      reversals,
    };
  }

  /**
   * Imports one statement file into the organisation. A malformed file is refused whole with
   * every bad line; the same file again is refused by its SHA-256 and changes nothing.
   */
  async function importStatement(input: {
    organisationId: string;
    bytes: Uint8Array;
    fileName: string;
    actor: StatementActor;
  }): Promise<ImportReport> {
    const parsed = await parseStatement(input.bytes);
    if (!parsed.ok) return { outcome: 'refused', format: parsed.format, errors: parsed.errors };
    // Another organisation's statement (or the wrong account of this one) would book strangers'
    // payments against this organisation's variable symbols, which other organisations allocate
    // alike: refused whole. With no account configured there is nothing to compare with.
    const iban = await repo.settingsIban(db, input.organisationId);
    const account = parsed.statement.account;
    if (iban !== null && !isAccountOf(account, iban))
      return { outcome: 'other_account', account, iban };
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const fileName = input.fileName.trim().slice(0, 255) || 'statement';
    const args = { ...input, fileName, sha256 };
    try {
      return await db.transaction().execute(async (tx) => {
        const earlier = await repo.statementByHash(tx, input.organisationId, sha256);
        if (earlier)
          return {
            outcome: 'already_imported' as const,
            statementId: earlier.id,
            importedAt: earlier.importedAt,
          };
        const report = await store(tx, args, parsed.statement);
        await audit.record(tx, {
          organisationId: input.organisationId,
          actor: input.actor.audit,
          action: 'bank_statement.imported',
          objectType: 'bank_statement',
          objectId: report.statementId,
          summary: fileName,
          detail: { format: report.format, statement: report.statementNumber, ...report.counts },
        });
        return report;
      });
    } catch (err) {
      // The same file imported at the same moment by someone else: the unique hash decided.
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      const earlier = await repo.statementByHash(db, input.organisationId, sha256);
      if (!earlier) throw err;
      return {
        outcome: 'already_imported',
        statementId: earlier.id,
        importedAt: earlier.importedAt,
      };
    }
  }

  /**
   * Assigns an unmatched bank payment to an obligation of the same organisation, once: a
   * payment that has an obligation is a conflict (nobody moves money between obligations here).
   */
  async function assignPayment(input: {
    organisationId: string;
    paymentId: string;
    obligation: { id: string } | { variableSymbol: string };
    actor: StatementActor;
  }): Promise<{ obligationId: string }> {
    const by =
      'variableSymbol' in input.obligation
        ? { variableSymbol: normaliseNumericSymbol(input.obligation.variableSymbol) ?? '' }
        : input.obligation;
    return db.transaction().execute(async (tx) => {
      const payment = await repo.lockPayment(tx, input.organisationId, input.paymentId);
      if (!payment) throw new AppError('not_found', 'no such payment');
      if (payment.obligationId !== null) throw new AppError('conflict', 'payment already assigned');
      const obligation = await repo.findObligation(tx, input.organisationId, by);
      if (!obligation || obligation.cancelled)
        throw new AppError('invalid_input', 'no such obligation', {
          variableSymbol: 'statements.assign.error.unknown',
        });
      if (obligation.currency !== payment.currency)
        throw new AppError('invalid_input', 'other currency', {
          variableSymbol: 'statements.assign.error.currency',
        });
      const now = clock.now();
      if (
        !(await repo.assign(tx, payment.id, obligation.id, {
          at: now,
          staffId: input.actor.staffId,
        }))
      )
        throw new AppError('conflict', 'payment already assigned');
      await audit.record(tx, {
        organisationId: input.organisationId,
        actor: input.actor.audit,
        action: 'bank_payment.assigned',
        objectType: 'bank_payment',
        objectId: payment.id,
        summary: obligation.variableSymbol,
        detail: {
          obligation: obligation.id,
          amountMinor: payment.amountMinor,
          currency: payment.currency,
        },
      });
      return { obligationId: obligation.id };
    });
  }

  return {
    importStatement,
    assignPayment,
    /** The organisation's imported statements, newest first. */
    statements: (organisationId: string) => repo.listStatements(db, organisationId, PAGE_LIMIT),
    /** The organisation's bank payments waiting for an obligation. */
    unmatched: (organisationId: string) => repo.unmatchedPayments(db, organisationId, PAGE_LIMIT),
    /** The organisation's time zone, for showing when statements were imported. */
    timeZone: (organisationId: string) => repo.timeZone(db, organisationId),
  };
}

export type StatementsService = ReturnType<typeof statementsService>;

function newLine(c: { line: StatementLine; key: string }): repo.NewLine {
  const { line, key } = c;
  return {
    lineKey: key,
    bookedOn: line.bookedOn,
    amountMinor: line.amountMinor,
    currency: line.currency,
    variableSymbol: line.variableSymbol,
    constantSymbol: line.constantSymbol,
    specificSymbol: line.specificSymbol,
    counterAccount: line.counterAccount,
    counterName: line.counterName,
    message: line.message,
  };
}
