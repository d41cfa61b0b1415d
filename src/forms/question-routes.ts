// The routes of one question's edit page and of a page's condition (issue 17): GET shows the
// stored question; POST with a row button re-shows the form with one row added, removed or moved
// (nothing saved); POST "save" replaces the question through saveDraft, the engine's problems
// shown beside the fields as typed. A repeated group's questions have the same page (under
// .../members/:m, without a condition), and are added, moved and removed from the group's page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import type { Values } from '../views/admin-form.ts';
import type { FormBody } from '../tenants/admin-schema.ts';
import * as b from './builder.ts';
import type { MemberQuestion } from './definition.ts';
import type { FormDefinition, FormsService } from './service.ts';
import { BASE } from './admin-views.ts';
import { refusedFields, translate } from './admin-problems.ts';
import * as qf from './question-form.ts';
import { questionPage } from './question-page.ts';

const params = z.object({
  id: z.uuid(),
  p: z.coerce.number().int().min(0).max(99),
  i: z.coerce.number().int().min(0).max(999).optional(),
  m: z.coerce.number().int().min(0).max(99).optional(),
});
const done = z.object({ done: z.literal('1').optional() });
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

/**
 * The question form's field for a problem's path under this question (or page). A text missing
 * a language (the path names none) is placed at the first of the form's languages left empty.
 */
export function questionField(
  path: string,
  at: string,
  langs: readonly Lang[],
  values: Values,
): string {
  const first = `label_${langs[0] ?? 'en'}`;
  if (!path.startsWith(at)) return first;
  const rest = path.slice(at.length).split('.').filter(Boolean);
  const [head, a, c, d] = rest;
  if (head === 'visibleIf') return 'cond0-field';
  const text = (prefix: string, lang: string | undefined) =>
    `${prefix}_${lang ?? langs.find((l) => !String(values[`${prefix}_${l}`] ?? '').trim()) ?? langs[0] ?? 'en'}`;
  if (head === 'label' || head === 'help') return text(head, a);
  if (head === 'options' && a !== undefined)
    return c === 'label' ? text(`opt${a}-label`, d) : `opt${a}-value`;
  return head ?? first;
}

/** One question's page and a page's condition, for the form's admins. */
export function questionRoutes(forms: FormsService) {
  return async (app: FastifyInstance) => {
    /** The draft and the question (or a group's question, `m`) the URL names; else 404. */
    const load = async (request: FastifyRequest) => {
      const staff = admin(request);
      const { id, p, i = null, m = null } = params.parse(request.params);
      const draft = await forms.draft(staff, id);
      const page = draft?.definition.pages[p];
      const q = i === null ? null : page?.questions[i];
      if (!draft || !page || q === undefined) throw new AppError('not_found', 'no such question');
      const member = m === null ? null : q?.type === 'group' ? q.questions[m] : undefined;
      if (member === undefined) throw new AppError('not_found', 'no such question in the group');
      return { staff, id, p, i, m, member, def: draft.definition };
    };
    type Loaded = Awaited<ReturnType<typeof load>>;
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      o: Loaded,
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
            member: o.m,
            definition: o.def,
            before: b.fieldsBefore(o.def, o.p, o.i),
            values,
            errors: translate(ctx.t, fields),
            notice: done.parse(request.query).done ? ctx.t('forms.admin.done') : null,
          }),
        Object.keys(fields).length ? 400 : 200,
      );

    const stored = (o: Loaded) =>
      o.member
        ? qf.questionValues(o.member)
        : o.i === null
          ? qf.conditionValues(o.def.pages[o.p]!.visibleIf)
          : qf.questionValues(o.def.pages[o.p]!.questions[o.i]!);
    const get = async (request: FastifyRequest, reply: FastifyReply) => {
      const o = await load(request);
      return show(request, reply, o, stored(o));
    };
    const groupPage = (o: Loaded) => `${BASE}/${o.id}/pages/${o.p}/questions/${o.i}?done=1`;

    /** A group's question saved as typed (its stored condition kept: members have no rows). */
    const saveMember = async (request: FastifyRequest, reply: FastifyReply, o: Loaded) => {
      const v = (request.body ?? {}) as FormBody;
      const member = o.member!;
      const typed = qf.readQuestion(v, member, o.def.languages) as MemberQuestion;
      const next = b.replaceMember(o.def, o.p, o.i!, o.m!, {
        ...typed,
        ...(member.visibleIf && { visibleIf: member.visibleIf }),
      });
      try {
        await forms.saveDraft(o.staff, o.id, next);
      } catch (err) {
        const at = `pages.${o.p}.questions.${o.i}.questions.${o.m}`;
        const langs = o.def.languages;
        return show(
          request,
          reply,
          o,
          v,
          refusedFields(err, (path) => questionField(path, at, langs, v)),
        );
      }
      return reply.redirect(groupPage(o), 303);
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
      if (o.member) return saveMember(request, reply, o);
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
        const fields = refusedFields(err, (path) =>
          o.i === null ? 'cond0-field' : questionField(path, at, o.def.languages, v),
        );
        return show(request, reply, o, v, fields);
      }
      return reply.redirect(`${BASE}/${o.id}?done=1`, 303);
    };
    /** One change of a group's list of questions; a refusal is shown beside the list. */
    const memberChange =
      (apply: (o: Loaded, body: FormBody) => FormDefinition) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const o = await load(request);
        let next: FormDefinition;
        try {
          next = apply(o, (request.body ?? {}) as FormBody);
        } catch (err) {
          // Not a group (an old tab, a hand-made post).
          if (err instanceof RangeError) throw new AppError('not_found', err.message);
          throw err;
        }
        try {
          await forms.saveDraft(o.staff, o.id, next);
        } catch (err) {
          const group = { ...o, m: null, member: null };
          return show(
            request,
            reply,
            group,
            stored(group),
            refusedFields(err, () => 'members'),
          );
        }
        return reply.redirect(groupPage(o), 303);
      };
    const by = z.object({ by: z.enum(['-1', '1']).transform(Number) });
    const type = z.object({ type: z.enum(b.MEMBER_TYPES) });
    const label = (o: Loaded) =>
      Object.fromEntries(
        o.def.languages.map((l) => [l, translator(l)('forms.admin.new_question')]),
      );
    app.post(
      `${BASE}/:id/pages/:p/questions/:i/members`,
      memberChange(
        (o, v) => b.addMember(o.def, o.p, o.i!, type.parse(v).type, label(o)).definition,
      ),
    );
    app.post(
      `${BASE}/:id/pages/:p/questions/:i/members/:m/move`,
      memberChange((o, v) => b.moveMember(o.def, o.p, o.i!, o.m!, by.parse(v).by)),
    );
    app.post(
      `${BASE}/:id/pages/:p/questions/:i/members/:m/delete`,
      memberChange((o) => b.deleteMember(o.def, o.p, o.i!, o.m!)),
    );
    app.get(`${BASE}/:id/pages/:p/questions/:i/members/:m`, get);
    app.post(`${BASE}/:id/pages/:p/questions/:i/members/:m`, post);
    app.get(`${BASE}/:id/pages/:p/questions/:i`, get);
    app.post(`${BASE}/:id/pages/:p/questions/:i`, post);
    app.get(`${BASE}/:id/pages/:p/condition`, get);
    app.post(`${BASE}/:id/pages/:p/condition`, post);
  };
}
