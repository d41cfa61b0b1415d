// Staff pages of the organisation's submissions (decision 041): the list, one submission, its
// state changed with a message, its receipt. Any staff member of the organisation; another
// organisation's submission is a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FormAttachments } from '../forms/service.ts';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import { STAFF_PAGE_SIZE, type SubmissionHandling } from './handling.ts';
import type { SubmissionsService } from './service.ts';
import { STAFF_ACTIONS, STATES } from './states.ts';
import { detailPage, listPage } from './views/staff.ts';

const idParams = z.object({ id: z.string().max(64) });
const fileParams = idParams.extend({ file: z.string().max(64) });
/** A download name without quotes or controls; the real name is the stored one, shown on the page. */
const asciiName = (name: string) => name.normalize('NFKD').replace(/[^\x20-\x7e]|["\\]/g, '_');
// A filter from a link or the filter form: anything unknown shows everything, never an error page.
const listQuery = z.object({
  state: z.enum(STATES).optional().catch(undefined),
  form: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const detailQuery = z.object({ changed: z.literal('1').optional().catch(undefined) });
const changeForm = z.object({
  action: z.enum(STAFF_ACTIONS).optional().catch(undefined),
  message: z.string().max(20_000).default(''),
});

export function submissionStaffRoutes(deps: {
  handling: SubmissionHandling;
  submissions: Pick<SubmissionsService, 'receiptOf'>;
  attachments: Pick<FormAttachments, 'listOfSubmission' | 'ofSubmission'>;
}) {
  const { handling } = deps;
  return async (app: FastifyInstance) => {
    app.get('/staff/submissions', async (request, reply) => {
      const staff = requireStaff(request);
      const q = listQuery.parse(request.query);
      const filter = {
        page: q.page,
        ...(q.state ? { state: q.state } : {}),
        ...(q.form ? { formId: q.form } : {}),
      };
      const data = await handling.staffList(staff, filter);
      return renderPage(request, reply, (ctx) =>
        listPage(ctx, {
          ...data,
          filter: {
            page: q.page,
            ...(q.state ? { state: q.state } : {}),
            ...(q.form ? { form: q.form } : {}),
          },
          pageSize: STAFF_PAGE_SIZE,
        }),
      );
    });

    const detail = async (
      request: FastifyRequest,
      reply: FastifyReply,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const { id } = idParams.parse(request.params);
      const data = await handling.staffDetail(requireStaff(request), id);
      const files = await deps.attachments.listOfSubmission(data.submission.id);
      const changed = !typed && detailQuery.parse(request.query).changed === '1';
      return renderPage(
        request,
        reply,
        (ctx) =>
          detailPage(ctx, {
            ...data,
            files,
            changed,
            values: typed?.values ?? {},
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    app.get('/staff/submissions/:id', detail);

    app.post('/staff/submissions/:id/state', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParams.parse(request.params);
      const form = changeForm.parse(request.body ?? {});
      const values = { action: form.action, message: form.message };
      if (!form.action)
        return detail(request, reply, { values, fields: { action: 'submissions.error.action' } });
      try {
        await handling.staffChange(staff, id, form.action, form.message);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'invalid_input' && err.fields)) throw err;
        return detail(request, reply, { values, fields: err.fields });
      }
      return reply.redirect(`/staff/submissions/${id}?changed=1`, 303);
    });

    // A file of the citizen's answers: checked against the organisation through the submission first.
    app.get('/staff/submissions/:id/files/:file', async (request, reply) => {
      const p = fileParams.parse(request.params);
      const { submission } = await handling.staffDetail(requireStaff(request), p.id);
      const file = (await deps.attachments.ofSubmission(submission.id)).find(
        (f) => f.id === p.file,
      );
      if (!file) throw new AppError('not_found', 'no such file');
      return reply
        .header('content-type', file.mime)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    });

    app.get('/staff/submissions/:id/receipt.pdf', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParams.parse(request.params);
      const receipt = await deps.submissions.receiptOf(staff.organisationId, id);
      if (!receipt) throw new AppError('not_found', 'no such submission');
      const name = receipt.reference.replace(/[^A-Za-z0-9-]+/g, '-');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(receipt.pdf);
    });
  };
}
