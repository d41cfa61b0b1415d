// The citizen's thread of a submission (decision 041): from the account for one sent signed in,
// or by the link mailed with each state change for one sent without an account. Anyone else —
// another account, a wrong link, another person's link for this id — gets a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UploadFailure } from '../files/service.ts';
import type { FormAttachments } from '../forms/service.ts';
import { requireCitizen } from '../http/citizen-session.ts';
import { renderPage, type PageContext } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors } from '../views/admin-form.ts';
import type { FieldErrors } from '../views/form.ts';
import {
  ANSWER_FILES as ANSWER_RULES,
  FILES_FIELD,
  readAnswerPost,
  refusalText,
} from './answer-post.ts';
import { answerLabel, type SubmissionHandling, type ThreadHolder } from './handling.ts';
import { threadPage } from './views/thread.ts';

const idParams = z.object({ id: z.string().max(64) });
const tokenParams = z.object({ token: z.string().max(64) });
const answered = z.object({ answered: z.literal('1').optional().catch(undefined) });
const FAILURE_STATUS = { busy: 429, no_space: 507, malformed: 400 } as const;
/** An answer is stored and staff are told; ten a minute is more than anyone types. */
const LIMITED = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

export function submissionThreadRoutes(deps: {
  handling: SubmissionHandling;
  attachments: FormAttachments;
}) {
  const { handling, attachments } = deps;
  return async (app: FastifyInstance) => {
    /** The thread's page for `holder`, with what was typed and its error after a refused answer. */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      where: { holder: ThreadHolder; id?: string; action: string },
      typed?: { message: string; errors: (ctx: PageContext) => FieldErrors; status?: number },
    ) => {
      const data = await handling.thread(where.holder, where.id);
      const files = await attachments.listOfSubmission(data.submission.id);
      const answers = data.history.filter((e) => e.kind === 'answer').length;
      // A link's token is in this page's address: it goes to no other site.
      reply.header('referrer-policy', 'no-referrer');
      return renderPage(
        request,
        reply,
        (ctx) =>
          threadPage(ctx, {
            ...data,
            action: where.action,
            answered: !typed && answered.parse(request.query).answered === '1',
            message: typed?.message ?? '',
            errors: typed ? typed.errors(ctx) : {},
            files,
            pending: answerLabel(answers + 1),
            limits: attachments.rulesFor(ANSWER_RULES),
          }),
        typed ? (typed.status ?? 400) : 200,
      );
    };
    const answer = async (
      request: FastifyRequest,
      reply: FastifyReply,
      where: { holder: ThreadHolder; id?: string; action: string },
    ) => {
      // Who may answer is settled before a byte of a file is read.
      const target = await handling.answerTarget(where.holder, where.id);
      let post;
      try {
        post = await readAnswerPost(request, target, attachments);
      } catch (err) {
        if (!(err instanceof UploadFailure)) throw err;
        // The rest of the body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        return show(request, reply, where, {
          message: '',
          errors: (ctx) => ({ [FILES_FIELD]: ctx.t(`files.error.${err.reason}`) }),
          status: FAILURE_STATUS[err.reason],
        });
      }
      const { message, refused } = post;
      if (refused.length) {
        const limits = {
          typeNames: attachments.rulesFor(ANSWER_RULES).typeNames,
          ...attachments.limits,
        };
        return show(request, reply, where, {
          message,
          errors: (ctx) => ({
            [FILES_FIELD]: refused.map((r) => refusalText(ctx.t, ctx.lang, r, limits)).join(' '),
          }),
        });
      }
      try {
        await handling.answer(where.holder, message, target.id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'invalid_input' && err.fields)) throw err;
        const fields = err.fields;
        return show(request, reply, where, {
          message,
          errors: (ctx) => translateErrors(ctx.t, fields),
        });
      }
      return reply.redirect(`${where.action}?answered=1`, 303);
    };
    const ofAccount = (request: FastifyRequest) => {
      const { id } = idParams.parse(request.params);
      const { accountId } = requireCitizen(request, 'low');
      return { holder: { accountId }, id, action: `/account/submissions/${id}` };
    };
    const ofLink = (request: FastifyRequest) => {
      const { token } = tokenParams.parse(request.params);
      return { holder: { token }, action: `/submissions/thread/${token}` };
    };

    app.get('/account/submissions/:id', (request, reply) =>
      show(request, reply, ofAccount(request)),
    );
    app.post('/account/submissions/:id', LIMITED, (request, reply) =>
      answer(request, reply, ofAccount(request)),
    );
    app.get('/submissions/thread/:token', (request, reply) =>
      show(request, reply, ofLink(request)),
    );
    app.post('/submissions/thread/:token', LIMITED, (request, reply) =>
      answer(request, reply, ofLink(request)),
    );
  };
}
