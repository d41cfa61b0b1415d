// The admin's pages for bank statements (decision 046): import a statement file and read the
// report, and assign unmatched payments by variable symbol. Thin: parse, call the service, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../http/page.ts';
import { requireStaff } from '../../http/session.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { adminActor, MAX_STATEMENT_BYTES, type StatementsService } from './service.ts';
import type { ImportReport } from './report.ts';
import { STATEMENTS_PATH, UNMATCHED_PATH } from './views/common.ts';
import { importPage } from './views/import-page.ts';
import { unmatchedPage } from './views/unmatched-page.ts';

const idParam = z.object({ id: z.uuid() });
const assignForm = z.object({ variableSymbol: z.string().max(40).default('') });
const doneQuery = z.object({
  assigned: z
    .string()
    .regex(/^[0-9]{1,10}$/)
    .optional()
    .catch(undefined),
});

type UploadProblem = 'statements.upload.empty' | 'statements.upload.too_large';

/** The uploaded file's name and bytes, or what was wrong with the upload. */
async function readUpload(
  request: FastifyRequest,
): Promise<{ fileName: string; bytes: Buffer } | UploadProblem> {
  if (!request.isMultipart()) throw new AppError('invalid_input', 'expected multipart/form-data');
  const file = await request.file({
    limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 2 },
  });
  if (!file) return 'statements.upload.empty';
  const bytes = await file.toBuffer().catch((err: unknown) => {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
    throw err;
  });
  if (bytes === null) return 'statements.upload.too_large';
  if (bytes.length === 0) return 'statements.upload.empty';
  return { fileName: file.filename, bytes };
}

/** The statements pages. */
export function statementsRoutes(statements: StatementsService) {
  return async (app: FastifyInstance) => {
    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      shown: { report?: ImportReport; problem?: MessageKey } = {},
    ) => {
      const { organisationId } = adminActor(requireStaff(request));
      const [list, timeZone] = await Promise.all([
        statements.statements(organisationId),
        statements.timeZone(organisationId),
      ]);
      const outcome = shown.report?.outcome;
      const failed =
        shown.problem !== undefined || outcome === 'refused' || outcome === 'other_account';
      return renderPage(
        request,
        reply,
        (ctx) =>
          importPage(ctx, {
            statements: list,
            timeZone,
            report: shown.report ?? null,
            uploadError: shown.problem
              ? ctx.t(shown.problem, { max: MAX_STATEMENT_BYTES / 1024 / 1024 })
              : null,
          }),
        failed ? 400 : 200,
      );
    };

    app.get(STATEMENTS_PATH, async (request, reply) => page(request, reply));

    // The file arrives as multipart (its CSRF token in the query, as the body is read here).
    app.post(STATEMENTS_PATH, async (request, reply) => {
      const { organisationId, actor } = adminActor(requireStaff(request));
      const upload = await readUpload(request);
      if (typeof upload === 'string') return page(request, reply, { problem: upload });
      const report = await statements.importStatement({ organisationId, actor, ...upload });
      return page(request, reply, { report });
    });

    app.get(UNMATCHED_PATH, async (request, reply) => {
      const { organisationId } = adminActor(requireStaff(request));
      const rows = await statements.unmatched(organisationId);
      const done = doneQuery.parse(request.query).assigned ?? null;
      return renderPage(request, reply, (ctx) => unmatchedPage(ctx, { rows, typed: null, done }));
    });

    app.post(`${UNMATCHED_PATH}/:id/assign`, async (request, reply) => {
      const { organisationId, actor } = adminActor(requireStaff(request));
      const { id } = idParam.parse(request.params);
      const { variableSymbol } = assignForm.parse(request.body ?? {});
      try {
        await statements.assignPayment({
          organisationId,
          actor,
          paymentId: id,
          obligation: { variableSymbol },
        });
      } catch (err) {
        const key =
          err instanceof AppError && err.code === 'invalid_input'
            ? err.fields?.variableSymbol
            : undefined;
        if (key === undefined) throw err;
        const rows = await statements.unmatched(organisationId);
        return renderPage(
          request,
          reply,
          (ctx) =>
            unmatchedPage(ctx, {
              rows,
              typed: { paymentId: id, variableSymbol, error: ctx.t(key as MessageKey) },
              done: null,
            }),
          400,
        );
      }
      const vs = variableSymbol.trim().replace(/^0+/, '');
      return reply.redirect(`${UNMATCHED_PATH}?assigned=${encodeURIComponent(vs)}`, 303);
    });
  };
}
