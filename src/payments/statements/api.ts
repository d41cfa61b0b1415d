// importBankStatement: the organisation's finance system sends a bank statement file (ABO/GPC
// or camt.053) with an API token of the scope statements:write (decisions 037, 046). The same as
// the upload page: a malformed file is refused whole (422 with each bad line), the same file
// again is a 409 and changes nothing, and what was imported comes back counted.
import { z } from 'zod';
import { operation, type AnyOperation } from '../../http/api.ts';
import { staffCaller } from '../../integrations/api.ts';
import type { IntegrationsService } from '../../integrations/service.ts';
import { AppError } from '../../lib/errors.ts';
import { MAX_STATEMENT_BYTES, type StatementsService } from './service.ts';

/** base64 of the largest file the page takes would be 4/3 its size; the API takes a third of it. */
const MAX_API_FILE_BYTES = MAX_STATEMENT_BYTES / 4;
const BODY_LIMIT = Math.ceil((MAX_API_FILE_BYTES * 4) / 3) + 4096;

const params = z.object({
  organisation: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/)
    .describe('Organisation slug, e.g. koprivnice'),
});
const body = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .describe('The file name, kept with the statement (e.g. vypis-2026-11.gpc)'),
  content: z
    .base64()
    .max(BODY_LIMIT)
    .describe(
      'The file as the bank exported it, base64: ABO/GPC in Windows-1250, or camt.053.001.02/.08 XML',
    ),
});
const count = z.number().int().min(0);
const report = z
  .object({
    statementId: z.uuid(),
    format: z.enum(['abo', 'camt053']),
    account: z.string().describe("The statement's account as the file names it"),
    statementNumber: z.string().nullable(),
    lines: count.describe('Booked lines in the file'),
    credits: count.describe('Payments received'),
    alreadyKnown: count.describe(
      'Payments an earlier, overlapping statement had already brought (not stored again)',
    ),
    matched: z
      .object({ exact: count, partial: count, over: count })
      .describe(
        'Payments matched to an obligation by variable symbol, by how they compare with what was due',
      ),
    unmatched: z
      .object({
        no_variable_symbol: count,
        unknown_variable_symbol: count,
        other_currency: count,
        cancelled: count,
      })
      .describe('Payments stored without an obligation, waiting for staff, by reason'),
    debits: count.describe('Outgoing payments: reported, not stored'),
    reversals: count.describe('Reversals: reported for staff to check, not stored'),
  })
  .meta({ id: 'BankStatementImport', description: 'What importing a bank statement did' });

const EXAMPLE = {
  statementId: '0c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  format: 'abo' as const,
  account: '19-2000145399',
  statementNumber: '011',
  lines: 12,
  credits: 10,
  alreadyKnown: 0,
  matched: { exact: 7, partial: 1, over: 0 },
  unmatched: { no_variable_symbol: 1, unknown_variable_symbol: 1, other_currency: 0, cancelled: 0 },
  debits: 1,
  reversals: 1,
};

/** The staff operation of bank statements. */
export function statementOperations(deps: {
  integrations: IntegrationsService;
  statements: StatementsService;
}): AnyOperation[] {
  return [
    operation({
      operationId: 'importBankStatement',
      method: 'POST',
      path: '/organisations/{organisation}/bank-statements',
      summary:
        "Import a bank statement (ABO/GPC or camt.053): its payments are matched to the organisation's obligations by variable symbol and amount; the same file twice changes nothing",
      tag: 'integrations',
      params,
      body,
      response: report,
      status: 201,
      bodyLimit: BODY_LIMIT,
      errors: [
        'unauthenticated',
        'forbidden',
        'conflict',
        'unprocessable',
        'organisation_suspended',
      ],
      security: [{ staffToken: [] }],
      examples: {
        body: { fileName: 'vypis-2026-11.gpc', content: 'MDc0MDAwMDAxOTAwMDAwMDEyMzQ1Nw==' },
        response: EXAMPLE,
        problems: {
          unprocessable: {
            errors: [
              {
                field: 'body.content.line.3',
                code: 'bad_amount',
                message: 'the amount is not a whole number of cents or hellers',
              },
            ],
          },
        },
      },
      handler: async ({ params: p, body: b }, request) => {
        const caller = await staffCaller(
          deps.integrations,
          request,
          p.organisation,
          'statements:write',
        );
        const report = await deps.statements.importStatement({
          organisationId: caller.organisationId,
          bytes: Buffer.from(b.content, 'base64'),
          fileName: b.fileName,
          actor: { staffId: null, audit: { system: `api:${caller.name}`.slice(0, 190) } },
        });
        if (report.outcome === 'already_imported')
          throw new AppError('conflict', `already imported at ${report.importedAt.toISOString()}`);
        if (report.outcome === 'other_account')
          throw new AppError('unprocessable', 'statement of another account', [
            {
              field: 'body.content',
              code: 'other_account',
              message: 'statements.report.other_account',
            },
          ]);
        if (report.outcome === 'refused')
          throw new AppError(
            'unprocessable',
            'statement refused',
            report.errors.map((e) => ({
              field: `body.content.line.${e.line}`,
              code: e.problem,
              message: `statements.problem.${e.problem}`,
            })),
          );
        const { statementId, format, account, statementNumber, counts } = report;
        return { statementId, format, account, statementNumber, ...counts };
      },
    }),
  ];
}
