// The personal account's own routes (decision 032): the export download and the deletion.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { endCitizenSession, requireCitizen } from '../http/citizen-session.ts';
import { pageContext, renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { accountActionLoa, type PersonalAccount } from './account.ts';
import type { CitizensService } from './service.ts';
import { deletePage } from './views/your-data.ts';

/**
 * The signed-in citizen's live account, at the level its changes need (a step-up otherwise):
 * what every page and form that changes the account starts with, GET pages too, so the step-up
 * comes before anything is typed.
 */
export async function accountForChange(
  citizens: Pick<CitizensService, 'account'>,
  request: FastifyRequest,
) {
  const signedIn = requireCitizen(request, 'low');
  const account = await citizens.account(signedIn.accountId);
  if (!account) throw new AppError('unauthenticated', 'account deleted');
  requireCitizen(request, accountActionLoa(account));
  return account;
}

/** GET /account/export.json, GET /account/delete (the confirmation) and POST /account/delete. */
export function personalAccountRoutes(deps: {
  account: PersonalAccount;
  citizens: CitizensService;
}) {
  return async (app: FastifyInstance) => {
    // Reading what is held is the citizen's right at any level they signed in with.
    app.get('/account/export.json', async (request, reply) => {
      const citizen = requireCitizen(request, 'low');
      const data = await deps.account.export(citizen.accountId);
      if (!data) throw new AppError('unauthenticated', 'account deleted');
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="okence-account.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    });

    app.get('/account/delete', async (request, reply) => {
      const account = await accountForChange(deps.citizens, request);
      const cancelled = await deps.account.deletionPreview(account.id, pageContext(request, reply));
      return renderPage(request, reply, (ctx) => deletePage(ctx, { cancelled }));
    });

    app.post('/account/delete', async (request, reply) => {
      const account = await accountForChange(deps.citizens, request);
      await deps.account.delete(account.id);
      await endCitizenSession(deps.citizens, request, reply);
      return reply.redirect('/account/sign-in?signed_out=1', 303);
    });
  };
}
