import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import { cashForm, doneQuery, idParam, listQuery, obligationForm } from './schema.ts';
import type { FeeRegister } from './service.ts';
import { FEES_PATH } from './views/common.ts';
import { DUE_FIELDS, newObligationPage } from './views/obligation-form.ts';
import { obligationPage, registerPage } from './views/register.ts';

type Typed = { values: Values; fields: Record<string, string> };

const DONE: Record<string, MessageKey> = {
  created: 'fees.created',
  cash: 'fees.cash.recorded',
  cancelled: 'fees.cancel.done',
};

/** Field errors of a refused form, or the error itself to rethrow. */
export function formErrors(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'invalid_input' && err.fields) return err.fields;
  throw err;
}

/** The register's pages for an organisation's admins: the list, one obligation, a new one. */
export function feeAdminRoutes(fees: FeeRegister) {
  return async (app: FastifyInstance) => {
    app.get(FEES_PATH, async (request, reply) => {
      const staff = requireStaff(request);
      const q = listQuery.parse(request.query);
      const [list, types, org] = await Promise.all([
        fees.list(staff, { standing: q.standing, feeTypeId: q.fee, q: q.q }),
        fees.feeTypes(staff),
        fees.context(staff),
      ]);
      const currency = org.currency;
      const values = { standing: q.standing ?? '', fee: q.fee ?? '', q: q.q ?? '' };
      return renderPage(request, reply, (ctx) =>
        registerPage(ctx, { ...list, types, currency, values }),
      );
    });

    const form = async (request: FastifyRequest, reply: FastifyReply, typed?: Typed) => {
      const types = await fees.feeTypes(requireStaff(request));
      return renderPage(
        request,
        reply,
        (ctx) =>
          newObligationPage(ctx, {
            types,
            values: typed?.values ?? {},
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${FEES_PATH}/new`, async (request, reply) => form(request, reply));
    app.post(`${FEES_PATH}/new`, async (request, reply) => {
      const staff = requireStaff(request);
      const body = obligationForm.parse(request.body ?? {});
      const dueDates = Array.from({ length: DUE_FIELDS }, (_, i) => body[`due${i + 1}`] ?? '');
      try {
        const { id } = await fees.createObligation(staff, body.feeType, {
          payerName: body.payerName ?? '',
          subject: body.subject ?? '',
          period: body.period ?? '',
          amount: body.amount ?? '',
          dueDates,
          birthNumber: body.birthNumber ?? '',
          email: body.email ?? '',
        });
        return reply.redirect(`${FEES_PATH}/obligations/${id}?done=created`, 303);
      } catch (err) {
        // The birth number is never typed back into a page: it is asked again.
        return form(request, reply, {
          values: { ...body, birthNumber: '' },
          fields: formErrors(err),
        });
      }
    });

    const detail = async (request: FastifyRequest, reply: FastifyReply, typed?: Typed) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      const d = await fees.detail(staff, id);
      const done = typed ? undefined : doneQuery.parse(request.query).done;
      return renderPage(
        request,
        reply,
        (ctx) =>
          obligationPage(ctx, {
            ...d,
            done:
              done && DONE[done]
                ? ctx.t(DONE[done], { symbol: d.obligation.variableSymbol })
                : null,
            values: typed?.values ?? {},
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${FEES_PATH}/obligations/:id`, async (request, reply) => detail(request, reply));
    app.post(`${FEES_PATH}/obligations/:id/cash`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      const body = cashForm.parse(request.body ?? {});
      try {
        await fees.recordCash(staff, id, body);
        return reply.redirect(`${FEES_PATH}/obligations/${id}?done=cash`, 303);
      } catch (err) {
        return detail(request, reply, { values: body, fields: formErrors(err) });
      }
    });
    app.post(`${FEES_PATH}/obligations/:id/cancel`, async (request, reply) => {
      const { id } = idParam.parse(request.params);
      await fees.cancel(requireStaff(request), id);
      return reply.redirect(`${FEES_PATH}/obligations/${id}?done=cancelled`, 303);
    });
  };
}
