// The form builder's staff routes (issue 17) under /staff/admin/forms: admins of the form's own
// organisation only (formsService refuses officials and answers 404 for another's form). Every
// change is a plain POST that applies one builder.ts operation and saves through saveDraft, so
// the engine checks each result; what it refuses comes back beside the field, as typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { LANGS, translator, type Lang } from '../i18n/i18n.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import type { Values } from '../views/admin-form.ts';
import type { FormBody } from '../tenants/admin-schema.ts';
import * as b from './builder.ts';
import { type FormDefinition, type LocalizedText, type FormsService } from './service.ts';
import { editorPage, type Edit } from './admin-editor.ts';
import { BASE, confirmPage, formListPage, newFormPage } from './admin-views.ts';
import { pageField, refusedFields, settingsField, translate } from './admin-problems.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const idParams = z.object({ id: z.uuid() });
const pageParams = idParams.extend({ p: z.coerce.number().int().min(0).max(99) });
const questionParams = pageParams.extend({ i: z.coerce.number().int().min(0).max(999) });
const by = z.object({ by: z.enum(['-1', '1']).transform(Number) });
const confirm = z.object({ confirm: z.literal('yes') });
const str = (v: Values[string]) => (Array.isArray(v) ? v[0] : v) ?? '';
const list = (v: Values[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function admin(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (staff.role !== 'admin') throw new AppError('forbidden', 'admins only');
  return staff;
}

/** A text in the given languages from `${prefix}_${lang}` fields (empty ones left out). */
function localized(v: Values, prefix: string, languages: readonly Lang[]): LocalizedText {
  const out: LocalizedText = {};
  for (const l of languages) {
    const text = str(v[`${prefix}_${l}`]).trim();
    if (text) out[l] = text;
  }
  return out;
}
const placeholder = (key: 'forms.admin.new_page' | 'forms.admin.new_question') => (l: Lang) =>
  translator(l)(key);
const inAll = (
  def: FormDefinition,
  key: 'forms.admin.new_page' | 'forms.admin.new_question',
): LocalizedText => Object.fromEntries(def.languages.map((l) => [l, translator(l)(key)]));

/** The settings form read: languages, title, level; invalid ones left for the engine to name. */
function readSettings(v: Values) {
  const languages = list(v.languages).filter((l): l is Lang =>
    (LANGS as readonly string[]).includes(l),
  );
  return {
    languages,
    title: localized(v, 'title', languages),
    assurance: str(v.assurance) as FormDefinition['assurance'],
    // A checkbox: sent when ticked, absent when not (decision 042).
    authoriseAct: list(v.authoriseAct).includes('yes'),
  };
}

/** The admin's pages of the organisation's forms and their drafts. */
export function formAdminRoutes(forms: FormsService) {
  return async (app: FastifyInstance) => {
    app.get(BASE, async (request, reply) => {
      const staff = admin(request);
      const rows = await forms.list(staff);
      return renderPage(request, reply, (ctx) =>
        formListPage(ctx, { forms: rows, fallback: ctx.lang }),
      );
    });

    app.get(`${BASE}/new`, async (request, reply) => {
      admin(request);
      return renderPage(request, reply, (ctx) =>
        newFormPage(ctx, { values: { languages: [ctx.lang], assurance: 'low' }, errors: {} }),
      );
    });

    app.post(BASE, async (request, reply) => {
      const staff = admin(request);
      const v = body(request);
      const s = readSettings(v);
      const definition = b.blankDefinition({
        ...s,
        pageTitle: placeholder('forms.admin.new_page'),
        questionLabel: placeholder('forms.admin.new_question'),
      });
      try {
        const { formId } = await forms.create(staff, { slug: str(v.slug).trim(), definition });
        return reply.redirect(`${BASE}/${formId}?done=created`, 303);
      } catch (err) {
        const fields = refusedFields(err, (path) => settingsField(path, v));
        return renderPage(
          request,
          reply,
          (ctx) => newFormPage(ctx, { values: v, errors: translate(ctx.t, fields) }),
          400,
        );
      }
    });

    /** The editor, as stored or with what a refused change typed (then 400). */
    const editor = async (
      request: FastifyRequest,
      reply: FastifyReply,
      formId: string,
      edit: Edit = {},
    ) => {
      const staff = admin(request);
      const draft = await forms.draft(staff, formId);
      const row = (await forms.list(staff)).find((f) => f.id === formId);
      if (!row) throw new AppError('not_found', 'no such form');
      const done = z.object({ done: z.string().max(20).optional() }).parse(request.query).done;
      return renderPage(
        request,
        reply,
        (ctx) =>
          editorPage(ctx, {
            formId,
            slug: row.slug,
            draft,
            published: row.published,
            edit: {
              ...(edit.typed && {
                typed: { ...edit.typed, errors: translate(ctx.t, edit.typed.errors) },
              }),
              notice: edit.typed ? null : done ? ctx.t('forms.admin.done') : null,
            },
          }),
        edit.typed ? 400 : 200,
      );
    };
    app.get(`${BASE}/:id`, async (request, reply) =>
      editor(request, reply, idParams.parse(request.params).id),
    );

    /** Loads the draft, applies one change and saves it; a refusal re-renders the editor. */
    const change = async (
      request: FastifyRequest,
      reply: FastifyReply,
      formId: string,
      apply: (def: FormDefinition) => FormDefinition,
      typedAt: number | 'settings' = 'settings',
    ) => {
      const staff = admin(request);
      const draft = await forms.draft(staff, formId);
      if (!draft) throw new AppError('not_found', 'no draft');
      let next: FormDefinition;
      try {
        next = apply(draft.definition);
      } catch (err) {
        // A page or question that is not there (an old tab, a hand-made post).
        if (err instanceof RangeError) throw new AppError('not_found', err.message);
        throw err;
      }
      try {
        await forms.saveDraft(staff, formId, next);
      } catch (err) {
        const values = body(request);
        const fields = refusedFields(err, (path) =>
          typedAt === 'settings'
            ? settingsField(path, values)
            : pageField(path, typedAt, values, draft.definition.languages),
        );
        return editorWith(request, reply, formId, { page: typedAt, values: body(request), fields });
      }
      return reply.redirect(`${BASE}/${formId}?done=1`, 303);
    };
    const editorWith = (
      request: FastifyRequest,
      reply: FastifyReply,
      formId: string,
      t: { page: number | 'settings'; values: Values; fields: Record<string, string> },
    ) =>
      editor(request, reply, formId, {
        typed: { page: t.page, values: t.values, errors: t.fields },
      });

    app.post(`${BASE}/:id/settings`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      return change(request, reply, id, (def) => b.setSettings(def, readSettings(body(request))));
    });
    app.post(`${BASE}/:id/pages`, async (request, reply) => {
      const { id } = idParams.parse(request.params);
      return change(request, reply, id, (def) =>
        b.addPage(def, inAll(def, 'forms.admin.new_page'), inAll(def, 'forms.admin.new_question')),
      );
    });
    app.post(`${BASE}/:id/pages/:p`, async (request, reply) => {
      const { id, p } = pageParams.parse(request.params);
      const v = body(request);
      return change(
        request,
        reply,
        id,
        (def) => {
          const help = localized(v, `p${p}-help`, def.languages);
          return b.editPage(def, p, {
            title: localized(v, `p${p}-title`, def.languages),
            help: Object.keys(help).length ? help : undefined,
          });
        },
        p,
      );
    });
    app.post(`${BASE}/:id/pages/:p/move`, async (request, reply) => {
      const { id, p } = pageParams.parse(request.params);
      // The body is read inside the change, after who asks and which form were checked.
      const d = () => by.parse(body(request)).by;
      return change(request, reply, id, (def) => b.movePage(def, p, d()), p);
    });
    app.get(`${BASE}/:id/pages/:p/delete`, async (request, reply) => {
      const { id, p } = pageParams.parse(request.params);
      const draft = await forms.draft(admin(request), id);
      if (!draft?.definition.pages[p]) throw new AppError('not_found', 'no such page');
      return renderPage(request, reply, (ctx) =>
        confirmPage(ctx, {
          title: ctx.t('forms.admin.delete_page_title', { n: p + 1 }),
          text: ctx.t('forms.admin.delete_page_text'),
          action: `${BASE}/${id}/pages/${p}/delete`,
          yes: ctx.t('forms.admin.delete_page'),
          back: `${BASE}/${id}`,
        }),
      );
    });
    // Deleting a page asks first: a post without confirm=yes is sent to the question.
    app.post(`${BASE}/:id/pages/:p/delete`, async (request, reply) => {
      const { id, p } = pageParams.parse(request.params);
      if (!confirm.safeParse(body(request)).success) {
        await forms.draft(admin(request), id);
        return reply.redirect(`${BASE}/${id}/pages/${p}/delete`, 303);
      }
      return change(request, reply, id, (def) => b.deletePage(def, p), p);
    });
    app.post(`${BASE}/:id/pages/:p/questions`, async (request, reply) => {
      const { id, p } = pageParams.parse(request.params);
      const type = () => z.enum(b.QUESTION_TYPES).parse(body(request).type);
      return change(
        request,
        reply,
        id,
        (def) => b.addQuestion(def, p, type(), inAll(def, 'forms.admin.new_question')).definition,
        p,
      );
    });
    app.post(`${BASE}/:id/pages/:p/questions/:i/move`, async (request, reply) => {
      const { id, p, i } = questionParams.parse(request.params);
      const d = () => by.parse(body(request)).by;
      return change(request, reply, id, (def) => b.moveQuestion(def, p, i, d()), p);
    });
    app.post(`${BASE}/:id/pages/:p/questions/:i/to`, async (request, reply) => {
      const { id, p, i } = questionParams.parse(request.params);
      const to = () => z.coerce.number().int().min(0).max(99).parse(body(request).to);
      return change(request, reply, id, (def) => b.moveQuestionToPage(def, p, i, to()), p);
    });
    app.post(`${BASE}/:id/pages/:p/questions/:i/delete`, async (request, reply) => {
      const { id, p, i } = questionParams.parse(request.params);
      return change(request, reply, id, (def) => b.deleteQuestion(def, p, i), p);
    });
  };
}
