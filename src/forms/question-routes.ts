// The routes of one question's edit page and of a page's condition (issue 17): GET shows the
// stored question; POST with a row button re-shows the form with one row added, removed or moved
// (nothing saved); POST "save" replaces the question through saveDraft, the engine's problems
// shown beside the fields as typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import type { Values } from '../views/admin-form.ts';
import type { FormBody } from '../tenants/admin-schema.ts';
import * as b from './builder.ts';
import type { FormDefinition, FormsService } from './service.ts';
import { BASE } from './admin-views.ts';
import { refusedFields, translate } from './admin-problems.ts';
import * as qf from './question-form.ts';
import { questionPage } from './question-page.ts';

const params = z.object({
  id: z.uuid(),
  p: z.coerce.number().int().min(0).max(99),
  i: z.coerce.number().int().min(0).max(999).optional(),
});
const ROW = /^(opt|cond)-(add|remove|up|down)-(\d{1,2})$/;
const ROW_FIELDS = {
  opt: ['value', 'label_sl', 'label_cs', 'label_en'],
  cond: ['field', 'op', 'value'],
};

function admin(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (staff.role !== 'admin') throw new AppError('forbidden', 'admins only');
  return staff;
}

/** The question form's field for a problem's path under this question (or page). */
export function questionField(path: string, at: string, first: string): string {
  if (!path.startsWith(at)) return first;
  const rest = path.slice(at.length).split('.').filter(Boolean);
  const [head, a, c, d] = rest;
  if (head === 'visibleIf') return 'cond0-field';
  if (head === 'label' || head === 'help') return a ? `${head}_${a}` : first.replace('label', head);
  if (head === 'options' && a !== undefined)
    return c === 'label' ? `opt${a}-label_${d ?? first.slice(-2)}` : `opt${a}-value`;
  return head ?? first;
}

/** One question's page and a page's condition, for the form's admins. */
export function questionRoutes(forms: FormsService) {
  return async (app: FastifyInstance) => {
    const load = async (request: FastifyRequest) => {
      const staff = admin(request);
      const { id, p, i = null } = params.parse(request.params);
      const draft = await forms.draft(staff, id);
      const page = draft?.definition.pages[p];
      if (!draft || !page || (i !== null && !page.questions[i]))
        throw new AppError('not_found', 'no such question');
      return { staff, id, p, i, def: draft.definition };
    };
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      o: { id: string; p: number; i: number | null; def: FormDefinition },
      values: Values,
      fields: Record<string, string> = {},
    ) =>
      renderPage(
        request,
        reply,
        (ctx) =>
          questionPage(ctx, {
            formId: o.id,
            p: o.p,
            i: o.i,
            definition: o.def,
            before: b.fieldsBefore(o.def, o.p, o.i),
            values,
            errors: translate(ctx.t, fields),
          }),
        Object.keys(fields).length ? 400 : 200,
      );

    const stored = (def: FormDefinition, p: number, i: number | null) =>
      i === null
        ? qf.conditionValues(def.pages[p]!.visibleIf)
        : qf.questionValues(def.pages[p]!.questions[i]!);
    const get = async (request: FastifyRequest, reply: FastifyReply) => {
      const o = await load(request);
      return show(request, reply, o, stored(o.def, o.p, o.i));
    };
    const post = async (request: FastifyRequest, reply: FastifyReply) => {
      const o = await load(request);
      const v = (request.body ?? {}) as FormBody;
      const row = ROW.exec(String(v.action ?? ''));
      if (row) {
        const [, prefix, kind, n] = row as unknown as [string, 'opt' | 'cond', 'add', string];
        const edited = qf.editRows(v, prefix, ROW_FIELDS[prefix], { kind, row: Number(n) });
        return show(request, reply, o, edited);
      }
      const typeOf = (id: string) => b.fieldsBefore(o.def, o.p, o.i).find((q) => q.id === id)?.type;
      let next: FormDefinition;
      try {
        const cond = qf.readCondition(v, typeOf);
        next =
          o.i === null
            ? b.setCondition(o.def, o.p, null, cond)
            : b.setCondition(
                b.replaceQuestion(
                  o.def,
                  o.p,
                  o.i,
                  qf.readQuestion(v, o.def.pages[o.p]!.questions[o.i]!, o.def.languages),
                ),
                o.p,
                o.i,
                cond,
              );
      } catch (err) {
        if (!(err instanceof SyntaxError)) throw err;
        return show(request, reply, o, v, { 'cond0-field': 'forms.admin.problem.other' });
      }
      try {
        await forms.saveDraft(o.staff, o.id, next);
      } catch (err) {
        const at = o.i === null ? `pages.${o.p}` : `pages.${o.p}.questions.${o.i}`;
        const first = `label_${o.def.languages[0]}`;
        const fields = refusedFields(err, (path) =>
          o.i === null ? 'cond0-field' : questionField(path, at, first),
        );
        return show(request, reply, o, v, fields);
      }
      return reply.redirect(`${BASE}/${o.id}?done=1`, 303);
    };
    app.get(`${BASE}/:id/pages/:p/questions/:i`, get);
    app.post(`${BASE}/:id/pages/:p/questions/:i`, post);
    app.get(`${BASE}/:id/pages/:p/condition`, get);
    app.post(`${BASE}/:id/pages/:p/condition`, post);
  };
}
