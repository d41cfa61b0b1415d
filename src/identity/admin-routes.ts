import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { renderPage } from '../http/page.ts';
import { requireStaff, SESSION_COOKIE } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import {
  issueKeys,
  localizedFrom,
  many,
  one,
  tooLong,
  type FormBody,
} from '../tenants/admin-schema.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import type { StaffAccounts, StaffInput } from './staff-admin.ts';
import { staffListQuery } from './schema.ts';
import { passwordPage } from './views/password.ts';
import { staffFormPage, staffListPage, staffValues } from './views/staff-admin.ts';

const key = (k: MessageKey) => k;
const idParam = z.object({ id: z.uuid() });
const accountForm = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, key('identity.error.display_name'))
    .max(80, key('identity.error.display_name')),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, key('identity.error.email'))
    .pipe(z.email(key('identity.error.email'))),
  role: z.enum(['admin', 'official'], key('identity.error.role')),
  ids: z.array(z.uuid()).max(200),
});
const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const savedFlag = (request: FastifyRequest) => staffListQuery.parse(request.query).saved;
const invitedFlag = (request: FastifyRequest) => staffListQuery.parse(request.query).invited;

function parseAccount(
  b: FormBody,
): { ok: true; input: StaffInput } | { ok: false; fields: Record<string, string> } {
  const parsed = accountForm.safeParse({
    displayName: one(b, 'displayName'),
    email: one(b, 'email'),
    role: one(b, 'role'),
    ids: [...many(b, 'offices'), ...many(b, 'services')],
  });
  const long = tooLong(b, 'title', 120);
  if (!parsed.success || long.length) {
    return {
      ok: false,
      fields: issueKeys([
        ...(parsed.success
          ? []
          : parsed.error.issues.map((i) =>
              i.path[0] === 'ids' ? { ...i, path: ['offices'] } : i,
            )),
        ...long,
      ]),
    };
  }
  const { displayName, email, role } = parsed.data;
  return {
    ok: true,
    input: {
      displayName,
      email,
      role,
      title: localizedFrom(b, 'title'),
      officeIds: many(b, 'offices'),
      serviceIds: many(b, 'services'),
    },
  };
}

async function attempt(save: () => Promise<unknown>): Promise<Record<string, string> | null> {
  try {
    await save();
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_input' && err.fields) return err.fields;
    throw err;
  }
}

/** Admins manage their organisation's accounts; every staff member changes their own password. */
export function staffAdminRoutes(accounts: StaffAccounts) {
  return async (app: FastifyInstance) => {
    app.get('/staff/admin/officials', async (request, reply) => {
      const data = await accounts.list(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        staffListPage(ctx, { ...data, saved: savedFlag(request) }),
      );
    });

    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const staff = requireStaff(request);
      const data = id
        ? await accounts.get(staff, id)
        : { ...(await accounts.choices(staff)), account: undefined };
      const values = typed?.values ?? staffValues(data.account);
      return renderPage(
        request,
        reply,
        (ctx) =>
          staffFormPage(ctx, {
            ...data,
            ...(data.account ? { account: data.account } : {}),
            values,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            saved: !typed && savedFlag(request),
            invited: !typed && invitedFlag(request),
            self: id === staff.id,
          }),
        typed ? 400 : 200,
      );
    };
    app.get('/staff/admin/officials/new', async (request, reply) => show(request, reply, null));
    app.get('/staff/admin/officials/:id', async (request, reply) =>
      show(request, reply, idParam.parse(request.params).id),
    );

    app.post('/staff/admin/officials', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const parsed = parseAccount(b);
      let id = '';
      const fields = parsed.ok
        ? await attempt(async () => (id = await accounts.create(staff, parsed.input)))
        : parsed.fields;
      if (fields) return show(request, reply, null, { values: b, fields });
      return reply.redirect(`/staff/admin/officials/${id}?invited=1`, 303);
    });
    // A new link for an account that has not set its password; the earlier one dies.
    app.post('/staff/admin/officials/:id/invitation', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      await accounts.inviteAgain(staff, id);
      return reply.redirect(`/staff/admin/officials/${id}?invited=1`, 303);
    });
    app.post('/staff/admin/officials/:id', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      const b = body(request);
      const parsed = parseAccount(b);
      const fields = parsed.ok
        ? await attempt(() => accounts.update(staff, id, parsed.input))
        : parsed.fields;
      if (fields) return show(request, reply, id, { values: b, fields });
      // An admin who made themselves an official has no admin pages left to come back to.
      const stillAdmin = id !== staff.id || (parsed.ok && parsed.input.role === 'admin');
      return reply.redirect(stillAdmin ? `/staff/admin/officials/${id}?saved=1` : '/staff', 303);
    });
    app.post('/staff/admin/officials/:id/active', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      await accounts.get(staff, id); // who may, before what was posted
      const active = z.enum(['0', '1']).parse(one(body(request), 'active')) === '1';
      const fields = await attempt(() => accounts.setActive(staff, id, active));
      if (fields)
        return show(request, reply, id, {
          values: staffValues((await accounts.get(staff, id)).account),
          fields,
        });
      return reply.redirect(`/staff/admin/officials/${id}?saved=1`, 303);
    });

    app.get('/staff/account/password', async (request, reply) => {
      requireStaff(request);
      return renderPage(request, reply, (ctx) =>
        passwordPage(ctx, { errors: {}, saved: savedFlag(request) }),
      );
    });
    app.post(
      '/staff/account/password',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const b = body(request);
        const current = one(b, 'currentPassword');
        const next = one(b, 'newPassword');
        const fields = await attempt(() =>
          accounts.changeOwnPassword(staff, request.cookies[SESSION_COOKIE] ?? '', current, next),
        );
        if (fields)
          return renderPage(
            request,
            reply,
            (ctx) => passwordPage(ctx, { errors: translateErrors(ctx.t, fields), saved: false }),
            400,
          );
        return reply.redirect('/staff/account/password?saved=1', 303);
      },
    );
  };
}
