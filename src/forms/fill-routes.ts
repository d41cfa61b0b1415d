// Citizens filling in a form (decision 038): start, one page at a time, check your answers, and a
// draft's deletion and restore. Every draft route finds the draft through drafts.owned/live with
// who is asking (the account, or the resume link's cookie): another person's draft is a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loaAtLeast, signInLocation, type CitizensService } from '../citizens/service.ts';
import { requireCitizen } from '../http/citizen-session.ts';
import { renderPage, type PageContext } from '../http/page.ts';
import { HOST_COOKIE } from '../http/security.ts';
import { UploadFailure } from '../files/service.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { FormAttachments } from './attachments.ts';
import type { FormDrafts, Draft } from './drafts.ts';
import {
  DRAFT_COOKIE,
  draftParams,
  fillAccess,
  formParams,
  type DraftInContext,
} from './fill-access.ts';
import { restorableUntil } from './drafts.ts';
import {
  checkPage,
  deletedPage,
  linkMailedPage,
  linkSentNotice,
  questionPage,
  startPage,
} from './fill-pages.ts';
import type { Rendering } from './fill-questions.ts';
import { firstFileField, keepFiles, readPagePost, type PagePost } from './fill-uploads.ts';
import * as fill from './fill-values.ts';
import {
  fieldErrorText,
  prefill,
  validateAnswers,
  validateFormPost,
  type FormsService,
  type FormVersion,
} from './service.ts';
import { visibility } from './visibility.ts';

export { DRAFT_COOKIE };

const pageParams = draftParams.extend({ page: z.string().max(40) });
const tokenParams = formParams.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const startBody = z.object({ email: z.string().max(300).optional() }).loose();
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type Deps = {
  tenants: Pick<TenantsService, 'getOrganisation'>;
  forms: Pick<FormsService, 'published'>;
  drafts: FormDrafts;
  citizens: Pick<CitizensService, 'account'>;
  attachments: FormAttachments;
  /** The installation's largest file (FILE_MAX_MB): an upload is cut off past it. */
  maxFileBytes: number;
  /** The site's requests per minute from one client (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
};

/** Page posts carrying files, per client and minute: each is spooled, checked and kept. */
export const UPLOADS_PER_MINUTE = 30;

// A whole page post that failed (not one of its files): its status.
const FAILURE_STATUS = { busy: 429, no_space: 507, malformed: 400 } as const;

/** Whether a page asks for a file (its own question, or a member of a repeated group). */
const takesFiles = (page: FormVersion['definition']['pages'][number]) =>
  page.questions.some(
    (q) => q.type === 'file' || (q.type === 'group' && q.questions.some((m) => m.type === 'file')),
  );

export function formFillingRoutes(deps: Deps) {
  const { drafts, attachments } = deps;
  const { formOf, holderOf, draftOf } = fillAccess(deps);

  function errorsOf(
    ctx: PageContext,
    errors: {
      field: string;
      key: Parameters<typeof fieldErrorText>[0]['key'];
      params?: Parameters<typeof fieldErrorText>[0]['params'];
    }[],
  ) {
    const out: Record<string, string> = {};
    for (const e of errors) if (!(e.field in out)) out[e.field] = fieldErrorText(e, ctx.lang);
    return out;
  }

  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    d: DraftInContext,
    page: FormVersion['definition']['pages'][number],
    fields: fill.Fields,
    errors: Parameters<typeof errorsOf>[1],
    status = 200,
    notice?: (ctx: PageContext) => string,
    worded?: (ctx: PageContext) => Record<string, string>,
  ) {
    const def = d.form.definition;
    const typed = validateFormPost(def, fields).answers;
    const shown = visibility(def, typed);
    const previous = fill.previousPage(def, typed, page.id);
    const multipart = takesFiles(page);
    const held = multipart ? await attachments.ofDraft(d.draft.id) : [];
    return renderPage(
      request,
      reply,
      (ctx) => {
        const r: Rendering = {
          ctx,
          def,
          fields,
          errors: { ...errorsOf(ctx, errors), ...worded?.(ctx) },
          files: {
            byId: new Map(held.map((a) => [a.id, a])),
            rules: attachments.rulesFor,
            draft: attachments.limits,
          },
        };
        return questionPage(r, page, {
          multipart,
          action: `${d.href}/pages/${page.id}${request.url.includes('change=1') ? '?change=1' : ''}`,
          back: previous ? `${d.href}/pages/${previous.id}` : d.base,
          shown: shown.questions,
          questions: fill.shownQuestions(def, typed, page),
          ...(notice
            ? { notice: notice(ctx) }
            : d.updated
              ? { notice: ctx.t('forms.fill.updated') }
              : {}),
        });
      },
      status,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/o/:org/forms/:slug', async (request, reply) => {
      const p = formParams.parse(request.params);
      const { form, base } = await formOf(p);
      const def = form.definition;
      const citizen = request.citizen;
      let state: Parameters<typeof startPage>[3];
      if (citizen && loaAtLeast(citizen.loa, def.assurance)) {
        const found = await drafts.liveFor(form.formId, citizen.accountId);
        state = found
          ? {
              kind: 'continue',
              href: `${base}/drafts/${found.id}/check`,
              updatedAt: found.updatedAt,
            }
          : { kind: 'start', anonymous: false };
      } else if (def.assurance !== 'low' || citizen)
        state = {
          kind: 'sign-in',
          href: signInLocation(def.assurance, base),
          stepUp: citizen !== null,
        };
      else state = { kind: 'start', anonymous: true };
      return renderPage(request, reply, (ctx) => startPage(ctx, def, `${base}/start`, state));
    });

    app.post('/o/:org/forms/:slug/start', async (request, reply) => {
      const p = formParams.parse(request.params);
      const { form, base } = await formOf(p);
      const def = form.definition;
      const first = def.pages[0]!.id;
      if (request.citizen || def.assurance !== 'low') {
        const citizen = requireCitizen(request, def.assurance);
        const account = await deps.citizens.account(citizen.accountId);
        const known = prefill(def, account ?? {});
        const { draftId, existing } = await drafts.startForAccount(
          form,
          citizen.accountId,
          request.lang,
          known,
        );
        return reply.redirect(
          `${base}/drafts/${draftId}/${existing ? 'check' : `pages/${first}`}`,
          303,
        );
      }
      const email = startBody.parse(request.body ?? {}).email?.trim() ?? '';
      if (!EMAIL.test(email) || email.length > 254)
        return renderPage(
          request,
          reply,
          (ctx) =>
            startPage(ctx, def, `${base}/start`, {
              kind: 'start',
              anonymous: true,
              email,
              emailError: ctx.t('forms.fill.start.email_error'),
            }),
          400,
        );
      const title = def.title[request.lang] ?? def.title[def.languages[0]!] ?? p.slug;
      const started = await drafts.startWithEmail(form, {
        email,
        lang: request.lang,
        title,
        path: base,
      });
      if (started.existing) return renderPage(request, reply, (ctx) => linkMailedPage(ctx, def));
      reply.setCookie(DRAFT_COOKIE, started.token, { ...HOST_COOKIE, maxAge: 30 * 86_400 });
      const until = started.expiresAt.getTime();
      return reply.redirect(`${base}/drafts/${started.draftId}/pages/${first}?sent=${until}`, 303);
    });

    app.get('/o/:org/forms/:slug/resume/:token', async (request, reply) => {
      const p = tokenParams.parse(request.params);
      const { base } = await formOf(p);
      const link = await drafts.resume(p.token);
      if (!link) throw new AppError('not_found', 'link unknown or expired');
      reply.setCookie(DRAFT_COOKIE, p.token, { ...HOST_COOKIE, maxAge: 30 * 86_400 });
      return reply.redirect(`${base}/drafts/${link.draftId}/check`, 303);
    });

    app.get('/o/:org/forms/:slug/drafts/:draft/pages/:page', async (request, reply) => {
      const p = pageParams.parse(request.params);
      const d = await draftOf(request, p);
      const page = fill.visiblePages(d.form.definition, d.answers).find((x) => x.id === p.page);
      if (!page) throw new AppError('not_found', 'no such page');
      const fields = fill.fieldsOf(d.form.definition, d.answers, request.lang);
      const sent = /[?&]sent=(\d{13})/.exec(request.url)?.[1];
      const email = d.draft.email;
      const notice =
        sent && email
          ? (ctx: PageContext) => linkSentNotice(ctx, email, new Date(Number(sent)))
          : undefined;
      return showPage(request, reply, d, page, fields, [], 200, notice);
    });

    // A post with files is stored work (disk, clamd): its own, tighter bucket per client. Read
    // from the header: the limit runs before the body is parsed (and isMultipart() is known).
    const withFiles = (r: FastifyRequest) =>
      r.headers['content-type']?.startsWith('multipart/form-data') ?? false;
    const pagePostLimit = {
      rateLimit: {
        keyGenerator: (r: FastifyRequest) => `${r.ip}${withFiles(r) ? ' files' : ''}`,
        max: (r: FastifyRequest) => (withFiles(r) ? UPLOADS_PER_MINUTE : deps.rateLimitPerMinute),
        timeWindow: 60_000,
      },
    };
    app.post(
      '/o/:org/forms/:slug/drafts/:draft/pages/:page',
      { config: pagePostLimit },
      async (request, reply) => {
        const p = pageParams.parse(request.params);
        const d = await draftOf(request, p);
        const def = d.form.definition;
        const page = fill.visiblePages(def, d.answers).find((x) => x.id === p.page);
        if (!page) throw new AppError('not_found', 'no such page');
        const stored = fill.fieldsOf(def, d.answers, request.lang);
        let post: PagePost;
        try {
          post = await readPagePost(request, page, d.draft.id, attachments, deps.maxFileBytes);
        } catch (err) {
          if (!(err instanceof UploadFailure)) throw err;
          // The rest of the body is not read: the connection closes after the answer.
          reply.header('connection', 'close');
          const at = firstFileField(page);
          return showPage(
            request,
            reply,
            d,
            page,
            stored,
            [],
            FAILURE_STATUS[err.reason],
            undefined,
            (ctx) => ({
              [at]: ctx.t(`files.error.${err.reason}`),
            }),
          );
        }
        const body = post.body;
        let posted = fill.pagePost(page, body);
        const action = typeof body._action === 'string' ? body._action : 'continue';
        const files = await keepFiles({ drafts, attachments }, d, page, post, posted, action);
        if (files.done) {
          const merged = fill.mergedPost(page, stored, posted);
          return showPage(
            request,
            reply,
            d,
            page,
            merged,
            [],
            files.status,
            files.notice,
            files.worded,
          );
        }
        const group = /^(add|remove):([a-z][a-z0-9-]{0,39})(?::(\d{1,3}))?$/.exec(action);
        if (group) {
          // Another repeat, or one fewer: the page again with what was typed, nothing checked yet.
          const q = page.questions.find((x) => x.id === group[2] && x.type === 'group');
          if (q?.type === 'group' && group[1] === 'add') {
            const n = Math.max(fill.repeatsOf(q.id, posted).length, q.minItems, 1);
            posted[`${q.id}.${n}.${q.questions[0]!.id}`] = '';
          } else if (q && group[3] !== undefined)
            posted = fill.withoutRepeat(q.id, posted, Number(group[3]));
          return showPage(request, reply, d, page, fill.mergedPost(page, stored, posted), []);
        }
        const merged = fill.mergedPost(page, stored, posted);
        // The draft's files matter only to a page that asks for one: no query on the others.
        const held = takesFiles(page)
          ? { files: attachments.facts(await attachments.ofDraft(d.draft.id)) }
          : {};
        const result = validateFormPost(def, merged, { pages: [page.id], ...held });
        if (!result.ok || files.worded)
          return showPage(
            request,
            reply,
            d,
            page,
            merged,
            result.ok ? [] : result.errors,
            400,
            undefined,
            files.worded,
          );
        await drafts.save(d.holder, d.draft.id, d.form.version, result.answers);
        const next = request.url.includes('change=1')
          ? null
          : fill.nextPage(def, result.answers, page.id);
        return reply.redirect(next ? `${d.href}/pages/${next.id}` : `${d.href}/check`, 303);
      },
    );

    app.get('/o/:org/forms/:slug/drafts/:draft/check', async (request, reply) => {
      const p = draftParams.parse(request.params);
      const d = await draftOf(request, p);
      const def = d.form.definition;
      const held = await attachments.ofDraft(d.draft.id);
      // A file the answers name must be one the draft holds, as the server found it.
      const all = validateAnswers(def, d.answers, { files: attachments.facts(held) });
      if (!all.ok) {
        // A page not yet answered (or an answer a newer version refuses): that page comes first.
        const shown = fill.visiblePages(def, d.answers);
        const first = shown.find((pg) =>
          pg.questions.some((q) => all.errors.some((e) => e.field.split('.')[0] === q.id)),
        );
        if (first) return reply.redirect(`${d.href}/pages/${first.id}`, 303);
      }
      return renderPage(request, reply, (ctx) =>
        checkPage(ctx, def, {
          pages: fill
            .visiblePages(def, d.answers)
            .map((page) => ({ page, questions: fill.shownQuestions(def, d.answers, page) })),
          answers: d.answers,
          pageHref: (id) => `${d.href}/pages/${id}`,
          // An act confirmed by a fresh eID sign-in (CZ 12/2020 §4) is sent by that sign-in
          // (act-routes.ts), which needs an account: a draft by e-mail link cannot send it.
          sendAction: !def.authoriseAct
            ? `${d.href}/send`
            : 'accountId' in d.holder
              ? `${d.href}/authorise`
              : null,
          authoriseAct: def.authoriseAct,
          deleteAction: `${d.href}/delete`,
          files: new Map(held.map((a) => [a.id, a])),
          ...(d.updated ? { notice: ctx.t('forms.fill.updated') } : {}),
        }),
      );
    });

    app.post('/o/:org/forms/:slug/drafts/:draft/delete', async (request, reply) => {
      const p = draftParams.parse(request.params);
      const f = await formOf(p);
      await drafts.remove(holderOf(request, f.form), p.draft);
      return reply.redirect(`${f.base}/drafts/${p.draft}/deleted`, 303);
    });

    app.get('/o/:org/forms/:slug/drafts/:draft/deleted', async (request, reply) => {
      const p = draftParams.parse(request.params);
      const f = await formOf(p);
      const draft: Draft = await drafts.owned(holderOf(request, f.form), p.draft);
      if (!draft.deletedAt) return reply.redirect(`${f.base}/drafts/${draft.id}/check`, 303);
      const until = restorableUntil(draft.deletedAt);
      return renderPage(request, reply, (ctx) =>
        deletedPage(ctx, f.form.definition, until, `${f.base}/drafts/${draft.id}/restore`),
      );
    });

    app.post('/o/:org/forms/:slug/drafts/:draft/restore', async (request, reply) => {
      const p = draftParams.parse(request.params);
      const f = await formOf(p);
      const draft = await drafts.restore(holderOf(request, f.form), p.draft);
      return reply.redirect(`${f.base}/drafts/${draft.id}/check`, 303);
    });
  };
}
