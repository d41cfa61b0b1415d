// Downloads of a payment's receipt (decision 048): the signed-in payer's, through their account;
// a payment token's holder's, through the token's payment page; an admin's, of their
// organisation's payments. Each checks the payment belongs to whoever asks (another's is a
// 404, the same as none), then serves the stored PDF, issuing it first if the job has not yet.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireCitizen } from '../http/citizen-session.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import type { PaymentReceipts } from './receipts.ts';

const payment = z.uuid();
const accountParams = z.object({ id: z.uuid(), payment });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/), payment });
const staffParams = z.object({ payment });

/** Parses path parameters; a malformed id is a 404, as an unknown one. */
function params<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'no such receipt');
  return parsed.data;
}

function send(reply: FastifyReply, receipt: { pdf: Buffer; fileName: string } | null) {
  if (!receipt) throw new AppError('not_found', 'no such receipt');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${receipt.fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .send(receipt.pdf);
}

/** The three receipt downloads. */
export function receiptRoutes(deps: { receipts: Pick<PaymentReceipts, 'receiptFor'> }) {
  const { receipts } = deps;
  return async (app: FastifyInstance) => {
    app.get('/account/fees/:id/payments/:payment/receipt.pdf', async (request, reply) => {
      const citizen = requireCitizen(request, 'low');
      const p = params(accountParams, request.params);
      const asker = { obligationId: p.id, citizenAccountId: citizen.accountId };
      return send(reply, await receipts.receiptFor(p.payment, asker));
    });

    app.get('/pay/:token/payments/:payment/receipt.pdf', async (request, reply) => {
      const p = params(tokenParams, request.params);
      return send(reply, await receipts.receiptFor(p.payment, { token: p.token }));
    });

    app.get('/staff/admin/fees/payments/:payment/receipt.pdf', async (request, reply) => {
      const staff = requireStaff(request);
      if (staff.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const p = params(staffParams, request.params);
      const asker = { organisationId: staff.organisationId };
      return send(reply, await receipts.receiptFor(p.payment, asker));
    });
  };
}
