// The notice board's pages for an organisation's admins (HTTP only): the list, a new notice, a
// notice's page, its correction, withdrawal and attachments. Forms post multipart (attachments
// without JavaScript); a refused one re-renders with every typed value kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { downloadHeaders } from '../files/service.ts';
import { renderPage, type PageContext } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import { formatSize } from '../views/sizes.ts';
import { refusalKey, type Receipt } from './attachments.ts';
import {
  attachmentParam,
  correctionForm,
  doneQuery,
  idParam,
  listQuery,
  noticeForm,
  withdrawForm,
} from './schema.ts';
import { CORRECTED_MEANWHILE, type NoticeBoard } from './service.ts';
import { readNoticePost } from './upload-post.ts';
import { NOTICES_PATH } from './views/common.ts';
import { detailPage } from './views/detail.ts';
import { correctionPage, newNoticePage } from './views/form.ts';
import { listPage } from './views/list.ts';

/** What a refused post brings back to its form. */
type Typed = { values: Values; fields: Record<string, string>; refused: Receipt['refused'] };

/** Field errors of a refused form, or the error itself to rethrow. */
function formErrors(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'invalid_input' && err.fields) return err.fields;
  throw err;
}

/** Each refused file's message in the reader's language. */
function refusals(ctx: PageContext, refused: Receipt['refused'], maxBytes: number): string[] {
  const max = formatSize(maxBytes, ctx.lang);
  return refused.map((r) =>
    ctx.t(refusalKey(r.reason), { name: r.name || '?', max, count: '', signature: '' }),
  );
}

/** The notice board's staff routes under /staff/admin/notices. */
export function noticeAdminRoutes(notices: NoticeBoard) {
  return async (app: FastifyInstance) => {
    app.get(NOTICES_PATH, async (request, reply) => {
      const q = listQuery.parse(request.query);
      const list = await notices.list(requireStaff(request), q.status);
      return renderPage(request, reply, (ctx) =>
        listPage(ctx, { ...list, status: q.status ?? '' }),
      );
    });

    const newForm = async (request: FastifyRequest, reply: FastifyReply, typed?: Typed) => {
      const c = await notices.context(requireStaff(request));
      const values = typed?.values ?? {
        postOn: c.today,
        language: c.org.defaultLanguage,
        category: 'public_notice',
      };
      return renderPage(
        request,
        reply,
        (ctx) =>
          newNoticePage(ctx, {
            departments: c.departments,
            values,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            refused: typed ? refusals(ctx, typed.refused, c.maxBytes) : [],
            maxBytes: c.maxBytes,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${NOTICES_PATH}/new`, async (request, reply) => newForm(request, reply));
    app.post(`${NOTICES_PATH}/new`, async (request, reply) => {
      const staff = requireStaff(request);
      const upload = await notices.startUpload(staff, null);
      const post = await readNoticePost(request, notices, upload);
      try {
        const { id } = await notices.create(staff, upload, noticeForm(post.fields), post.receipt);
        return reply.redirect(`${NOTICES_PATH}/${id}?done=created`, 303);
      } catch (err) {
        const fields = formErrors(err);
        return newForm(request, reply, {
          values: post.fields,
          fields,
          refused: post.receipt.refused,
        });
      }
    });

    const detail = async (request: FastifyRequest, reply: FastifyReply, typed?: Typed) => {
      const { id } = idParam.parse(request.params);
      const d = await notices.detail(requireStaff(request), id);
      const done = typed ? undefined : doneQuery.parse(request.query).done;
      const number = String(d.notice.number);
      return renderPage(
        request,
        reply,
        (ctx) =>
          detailPage(ctx, {
            ...d,
            done: done ? ctx.t(`notices.admin.done.${done}`, { number }) : null,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            reason: typeof typed?.values.reason === 'string' ? typed.values.reason : '',
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${NOTICES_PATH}/:id`, async (request, reply) => detail(request, reply));

    const correction = async (request: FastifyRequest, reply: FastifyReply, typed?: Typed) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      const [d, c] = await Promise.all([notices.correctionOf(staff, id), notices.context(staff)]);
      return renderPage(
        request,
        reply,
        (ctx) =>
          correctionPage(ctx, {
            id,
            number: d.number,
            files: d.files,
            departments: c.departments,
            // After a conflict the form is based on the version now latest: saving again is a
            // deliberate choice made after seeing that message.
            values: typed
              ? {
                  ...typed.values,
                  ...(typed.fields.note === CORRECTED_MEANWHILE && { base: d.values.base }),
                }
              : d.values,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            refused: typed ? refusals(ctx, typed.refused, c.maxBytes) : [],
            maxBytes: c.maxBytes,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${NOTICES_PATH}/:id/correct`, async (request, reply) => correction(request, reply));
    app.post(`${NOTICES_PATH}/:id/correct`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      const upload = await notices.startUpload(staff, id);
      const post = await readNoticePost(request, notices, upload);
      try {
        await notices.correct(staff, upload, correctionForm(post.fields), post.receipt);
        return reply.redirect(`${NOTICES_PATH}/${id}?done=corrected`, 303);
      } catch (err) {
        const fields = formErrors(err);
        return correction(request, reply, {
          values: post.fields,
          fields,
          refused: post.receipt.refused,
        });
      }
    });

    app.post(`${NOTICES_PATH}/:id/withdraw`, async (request, reply) => {
      const { id } = idParam.parse(request.params);
      const body = withdrawForm.parse(request.body ?? {});
      try {
        await notices.withdraw(requireStaff(request), id, body.reason);
        return reply.redirect(`${NOTICES_PATH}/${id}?done=withdrawn`, 303);
      } catch (err) {
        return detail(request, reply, { values: body, fields: formErrors(err), refused: [] });
      }
    });

    app.get(`${NOTICES_PATH}/:id/attachments/:attachment`, async (request, reply) => {
      const { id, attachment } = attachmentParam.parse(request.params);
      const f = await notices.attachment(requireStaff(request), id, attachment);
      return reply.headers(downloadHeaders(f.name, f.size)).send(f.stream);
    });
  };
}
