// Sending a draft (decision 038): the check page's button posts here; the answers go to the
// submissions service against the version the draft keeps, the draft goes, and the citizen
// lands on the confirmation with the reference number and the receipt's link. The receipt's
// token is the only key to that page and the PDF.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CitizensService } from '../citizens/service.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import type { SubmissionsService } from '../submissions/service.ts';
import type { FormAttachments } from './attachments.ts';
import { draftParams, fillAccess, formParams } from './fill-access.ts';
import { sentPage } from './fill-pages.ts';
import { submitterOf } from './sending.ts';

const receiptParams = formParams.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export function formSendingRoutes(
  deps: Parameters<typeof fillAccess>[0] & {
    submissions: Pick<SubmissionsService, 'submit' | 'receipt'>;
    citizens: Pick<CitizensService, 'account'>;
    attachments: Pick<FormAttachments, 'purge'>;
  },
) {
  const { draftOf } = fillAccess(deps);
  return async (app: FastifyInstance) => {
    app.post('/o/:org/forms/:slug/drafts/:draft/send', async (request, reply) => {
      const p = draftParams.parse(request.params);
      const d = await draftOf(request, p);
      const account =
        'accountId' in d.holder ? await deps.citizens.account(d.holder.accountId) : null;
      const sent = await deps.submissions.submit({
        organisationId: d.organisationId,
        formSlug: p.slug,
        version: d.form.version,
        answers: d.answers,
        lang: request.lang,
        submitter: submitterOf(d.answers, {
          account: account ?? null,
          draftEmail: d.draft.email,
          country: d.country,
          missing: request.t('forms.fill.not_given'),
        }),
        ...(request.citizen
          ? { citizen: { accountId: request.citizen.accountId, loa: request.citizen.loa } }
          : {}),
        // A draft is sent once: a repeated POST (or one after a crash before the draft was
        // removed) finds the submission already stored.
        idempotencyKey: `draft:${d.draft.id}`,
        // The files its answers name become the submission's, in the same transaction.
        draftId: d.draft.id,
      });
      // Stored with its reference: the draft's answers live on in the submission, and the
      // files it held that no answer names (a question since hidden, a replaced one) go now.
      await deps.drafts.sent(d.holder, d.draft.id);
      await deps.attachments.purge();
      return reply.redirect(`${d.base}/sent/${sent.receiptToken}`, 303);
    });

    app.get('/o/:org/forms/:slug/sent/:token', async (request, reply) => {
      const p = receiptParams.parse(request.params);
      const receipt = await deps.submissions.receipt(p.token);
      if (!receipt) throw new AppError('not_found', 'no such receipt');
      const base = `/o/${p.org}/forms/${p.slug}`;
      reply.header('referrer-policy', 'no-referrer');
      return renderPage(request, reply, (ctx) =>
        sentPage(ctx, receipt.reference, `${base}/sent/${p.token}/receipt.pdf`),
      );
    });

    app.get('/o/:org/forms/:slug/sent/:token/receipt.pdf', async (request, reply) => {
      const p = receiptParams.parse(request.params);
      const receipt = await deps.submissions.receipt(p.token);
      if (!receipt) throw new AppError('not_found', 'no such receipt');
      const name = receipt.reference.replace(/[^A-Za-z0-9-]+/g, '-');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(receipt.pdf);
    });
  };
}
