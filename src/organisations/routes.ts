import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { operatorActor } from '../audit/domain.ts';
import { renderPage } from '../http/page.ts';
import { requireOperator } from '../http/operator-session.ts';
import { AppError } from '../lib/errors.ts';
import { slug } from '../tenants/admin-schema.ts';
import { translateErrors } from '../views/admin-form.ts';
import { MAX_IMPORT_BYTES } from './import.ts';
import { parseCreateForm } from './schema.ts';
import type { OperatorActor, OrganisationsService } from './service.ts';
import { detailPage, importPage, listPage, newPage, newValues } from './views/pages.ts';

const BASE = '/operator/organisations';
const slugParam = z.object({ slug });
const doneQuery = z.object({ done: z.string().max(40).optional() });
type FormBody = Record<string, string | string[] | undefined>;
const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const typedConfirmation = (request: FastifyRequest) =>
  z.string().max(200).catch('').parse(body(request).confirm);

/** The operator behind a console request, as the organisations service records them. */
function actorOf(request: FastifyRequest): OperatorActor {
  const operator = requireOperator(request);
  return { name: operator.email, actor: operatorActor(operator) };
}

/** A refused form: its field problems, or the error itself when it is not a form's. */
async function formProblems(work: () => Promise<unknown>): Promise<Record<string, string> | null> {
  try {
    await work();
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_input' && err.fields) return err.fields;
    throw err;
  }
}

/**
 * The operator console's organisations (/operator/organisations): the list with usage, a new
 * organisation, the import, and each one's suspension and deletion. Every route asks for a
 * signed-in operator before it reads anything; staff sessions open none of them.
 */
export function organisationRoutes(orgs: OrganisationsService) {
  return async (app: FastifyInstance) => {
    app.get(BASE, async (request, reply) => {
      requireOperator(request);
      const { done } = doneQuery.parse(request.query);
      const organisations = await orgs.list();
      return renderPage(request, reply, (ctx) =>
        listPage(ctx, { organisations, ...(done ? { done } : {}) }),
      );
    });

    app.get(`${BASE}/new`, async (request, reply) => {
      requireOperator(request);
      return renderPage(request, reply, (ctx) => newPage(ctx, { values: newValues(), errors: {} }));
    });

    app.post(BASE, async (request, reply) => {
      const actor = actorOf(request);
      const parsed = parseCreateForm(body(request));
      const fields = parsed.ok
        ? await formProblems(() => orgs.create(actor, parsed.spec))
        : parsed.fields;
      if (fields)
        return renderPage(
          request,
          reply,
          (ctx) => newPage(ctx, { values: body(request), errors: translateErrors(ctx.t, fields) }),
          400,
        );
      return reply.redirect(`${BASE}/${parsed.ok ? parsed.spec.slug : ''}?done=created`, 303);
    });

    app.get(`${BASE}/import`, async (request, reply) => {
      requireOperator(request);
      return renderPage(request, reply, (ctx) => importPage(ctx, { problems: [] }));
    });

    // The file arrives as multipart (its CSRF token in the query, as the body is read here).
    app.post(`${BASE}/import`, async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart())
        throw new AppError('invalid_input', 'expected multipart/form-data');
      const file = await request.file({
        limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 },
      });
      if (!file)
        return renderPage(
          request,
          reply,
          (ctx) =>
            importPage(ctx, {
              problems: [{ path: '$', line: 1, message: 'orgs.error.empty_file' }],
            }),
          400,
        );
      const bytes = await file.toBuffer().catch((err: unknown) => {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
        throw err;
      });
      const result = bytes
        ? await orgs.import(actor, bytes.toString('utf8'))
        : {
            ok: false as const,
            problems: [{ path: '$', line: 1, message: 'orgs.error.file_too_large' as const }],
          };
      if (!result.ok)
        return renderPage(
          request,
          reply,
          (ctx) => importPage(ctx, { problems: result.problems, fileName: file.filename }),
          400,
        );
      return renderPage(request, reply, (ctx) =>
        importPage(ctx, { problems: [], imported: result.organisations }),
      );
    });

    app.get(`${BASE}/:slug`, async (request, reply) => {
      requireOperator(request);
      const { done } = doneQuery.parse(request.query);
      const organisation = await orgs.get(slugParam.parse(request.params).slug);
      return renderPage(request, reply, (ctx) =>
        detailPage(ctx, { organisation, errors: {}, ...(done ? { done } : {}) }),
      );
    });

    /** An action on one organisation, then back to its page (or the form again with its problem). */
    const act = (
      path: string,
      done: string,
      run: (actor: OperatorActor, slug: string, request: FastifyRequest) => Promise<unknown>,
    ) =>
      app.post(`${BASE}/:slug/${path}`, async (request: FastifyRequest, reply: FastifyReply) => {
        const actor = actorOf(request);
        const { slug: org } = slugParam.parse(request.params);
        const fields = await formProblems(() => run(actor, org, request));
        if (fields) {
          const organisation = await orgs.get(org);
          return renderPage(
            request,
            reply,
            (ctx) => detailPage(ctx, { organisation, errors: translateErrors(ctx.t, fields) }),
            400,
          );
        }
        return reply.redirect(
          done === 'deleted' ? `${BASE}?done=deleted` : `${BASE}/${org}?done=${done}`,
          303,
        );
      });
    act('suspend', 'suspended', (actor, org) => orgs.suspend(actor, org));
    act('resume', 'resumed', (actor, org) => orgs.resume(actor, org));
    act('request-deletion', 'deletion_requested', (actor, org, request) =>
      orgs.requestDeletion(actor, org, typedConfirmation(request)),
    );
    act('cancel-deletion', 'deletion_cancelled', (actor, org) => orgs.cancelDeletion(actor, org));
    act('delete', 'deleted', (actor, org, request) =>
      orgs.deleteNow(actor, org, typedConfirmation(request)),
    );
  };
}
