// The builder's routes around versions (issue 17): preview, publish and discard with their
// confirmations, published versions read only, export of any version as a .json download and
// import of a definition file into the draft (checked by the engine; its problems shown).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import { exportDefinition } from './builder.ts';
import { checkDefinition, type FormsService } from './service.ts';
import { BASE, confirmPage, importPage, versionPage } from './admin-views.ts';
import { problemKey } from './admin-problems.ts';

/** The largest definition file an import reads (the engine's own limit is 256 KiB of JSON). */
export const MAX_IMPORT_BYTES = 512 * 1024;

const idParams = z.object({ id: z.uuid() });
const versionParams = idParams.extend({ n: z.coerce.number().int().min(1).max(1_000_000) });
const confirmed = (request: FastifyRequest) =>
  z.object({ confirm: z.literal('yes') }).safeParse(request.body ?? {}).success;

function admin(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (staff.role !== 'admin') throw new AppError('forbidden', 'admins only');
  return staff;
}

/** Preview, publish, discard, versions, export and import of one form. */
export function formVersionRoutes(forms: FormsService) {
  return async (app: FastifyInstance) => {
    const draftOf = async (request: FastifyRequest, id: string) => {
      const draft = await forms.draft(admin(request), id);
      if (!draft) throw new AppError('not_found', 'no draft');
      return draft;
    };

    app.get(`${BASE}/:id/preview`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const d = await draftOf(request, id);
      return renderPage(request, reply, (ctx) =>
        versionPage(ctx, {
          formId: id,
          version: d.version,
          published: false,
          definition: d.definition,
          versions: [],
          preview: true,
        }),
      );
    });

    for (const what of ['publish', 'discard'] as const) {
      app.get(`${BASE}/:id/${what}`, async (request, reply) => {
        const { id } = idParams.parse(request.params);
        const d = await draftOf(request, id);
        return renderPage(request, reply, (ctx) =>
          confirmPage(ctx, {
            title: ctx.t(`forms.admin.${what}_title`, { n: d.version }),
            text: ctx.t(`forms.admin.${what}_text`, { n: d.version }),
            action: `${BASE}/${id}/${what}`,
            yes: ctx.t(`forms.admin.${what}_yes`, { n: d.version }),
            back: `${BASE}/${id}`,
          }),
        );
      });
      // Asks first: a post without confirm=yes is sent to the question.
      app.post(`${BASE}/:id/${what}`, async (request, reply) => {
        const { id } = idParams.parse(request.params);
        const staff = admin(request);
        await draftOf(request, id);
        if (!confirmed(request)) return reply.redirect(`${BASE}/${id}/${what}`, 303);
        if (what === 'publish') await forms.publish(staff, id);
        else await forms.discardDraft(staff, id);
        return reply.redirect(`${BASE}/${id}?done=${what}`, 303);
      });
    }

    // A new draft from the newest published version, when every version is published.
    app.post(`${BASE}/:id/draft`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const staff = admin(request);
      const row = (await forms.list(staff)).find((f) => f.id === id);
      if (!row?.published) throw new AppError('not_found', 'no such form');
      if (!(await forms.draft(staff, id))) {
        const latest = await forms.version(staff, id, row.published);
        await forms.saveDraft(staff, id, latest.definition);
      }
      return reply.redirect(`${BASE}/${id}`, 303);
    });

    app.get(`${BASE}/:id/versions/:n`, async (request, reply) => {
      const { id, n } = versionParams.parse(request.params);
      const v = await forms.version(admin(request), id, n);
      return renderPage(request, reply, (ctx) =>
        versionPage(ctx, {
          formId: id,
          version: n,
          published: v.publishedAt !== null,
          definition: v.definition,
          versions: [],
          preview: false,
        }),
      );
    });

    const download = (slug: string, n: number | 'draft', json: string) => ({
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}-${n === 'draft' ? 'draft' : `v${n}`}.json"`,
      json,
    });
    app.get(`${BASE}/:id/versions/:n/export`, async (request, reply) => {
      const { id, n } = versionParams.parse(request.params);
      const v = await forms.version(admin(request), id, n);
      const d = download(v.slug, n, exportDefinition(v.definition));
      return reply
        .header('content-disposition', d['content-disposition'])
        .type(d['content-type'])
        .send(d.json);
    });
    app.get(`${BASE}/:id/export`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const v = await draftOf(request, id);
      const d = download(v.slug, 'draft', exportDefinition(v.definition));
      return reply
        .header('content-disposition', d['content-disposition'])
        .type(d['content-type'])
        .send(d.json);
    });

    app.get(`${BASE}/:id/import`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      await forms.list(admin(request)).then((rows) => {
        if (!rows.some((r) => r.id === id)) throw new AppError('not_found', 'no such form');
      });
      return renderPage(request, reply, (ctx) => importPage(ctx, { formId: id, problems: [] }));
    });
    // The file arrives as multipart (its CSRF token in the query, as the body is read here).
    app.post(`${BASE}/:id/import`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const staff = admin(request);
      if (!(await forms.list(staff)).some((r) => r.id === id))
        throw new AppError('not_found', 'no such form');
      if (!request.isMultipart())
        throw new AppError('invalid_input', 'expected multipart/form-data');
      const file = await request.file({
        limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 },
      });
      const bytes = file
        ? await file.toBuffer().catch((err: unknown) => {
            if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
            throw err;
          })
        : undefined;
      const problems =
        bytes === undefined
          ? [{ path: '', code: 'empty' }]
          : bytes === null
            ? [{ path: '', code: 'too_large' }]
            : (() => {
                const c = checkDefinition(bytes.toString('utf8'));
                return c.ok ? [] : c.problems;
              })();
      if (problems.length === 0) {
        await forms.saveDraft(staff, id, bytes!.toString('utf8'));
        return reply.redirect(`${BASE}/${id}?done=imported`, 303);
      }
      return renderPage(
        request,
        reply,
        (ctx) =>
          importPage(ctx, {
            formId: id,
            problems: problems.slice(0, 50).map((p) => ({
              path: p.path,
              text:
                p.code === 'empty' ? ctx.t('forms.admin.problem.empty') : ctx.t(problemKey(p.code)),
            })),
          }),
        400,
      );
    });
  };
}
