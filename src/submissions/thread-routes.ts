// The citizen's thread of a submission (decision 041): from the account for one sent signed in,
// or by the link mailed with each state change for one sent without an account. Anyone else —
// another account, a wrong link, another person's link for this id — gets a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireCitizen } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors } from '../views/admin-form.ts';
import type { SubmissionHandling, ThreadHolder } from './handling.ts';
import { threadPage } from './views/thread.ts';

const idParams = z.object({ id: z.string().max(64) });
const tokenParams = z.object({ token: z.string().max(64) });
const answered = z.object({ answered: z.literal('1').optional().catch(undefined) });
const answerForm = z.object({ message: z.string().max(20_000).default('') });
/** An answer is stored and staff are told; ten a minute is more than anyone types. */
const LIMITED = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

export function submissionThreadRoutes(handling: SubmissionHandling) {
  return async (app: FastifyInstance) => {
    /** The thread's page for `holder`, with what was typed and its error after a refused answer. */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      where: { holder: ThreadHolder; id?: string; action: string },
      typed?: { message: string; fields: Record<string, string> },
    ) => {
      const data = await handling.thread(where.holder, where.id);
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
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    const answer = async (
      request: FastifyRequest,
      reply: FastifyReply,
      where: { holder: ThreadHolder; id?: string; action: string },
    ) => {
      const { message } = answerForm.parse(request.body ?? {});
      try {
        await handling.answer(where.holder, message, where.id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'invalid_input' && err.fields)) throw err;
        return show(request, reply, where, { message, fields: err.fields });
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
