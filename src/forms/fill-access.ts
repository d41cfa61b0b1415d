// Who may reach a form's draft, found once for every filling-in route (decision 038): the
// published form of the URL, the holder (the signed-in account at the form's level, or the resume
// link's cookie), the live draft that holder may open, moved to the newest version.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireCitizen } from '../http/citizen-session.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { FormDrafts, Holder } from './drafts.ts';
import type { FormsService, FormVersion } from './service.ts';

/** The resume link's token in this browser (one draft without an account at a time). */
export const DRAFT_COOKIE = '__Host-okence-draft';

export const formParams = z.object({ org: z.string().max(100), slug: z.string().max(80) });
export const draftParams = formParams.extend({ draft: z.string().max(40) });

/** The form, holder and draft lookups the filling-in routes share. */
export function fillAccess(deps: {
  tenants: Pick<TenantsService, 'getOrganisation'>;
  forms: Pick<FormsService, 'published'>;
  drafts: FormDrafts;
}) {
  const { drafts } = deps;
  /** The published form of the URL and its base path. */
  async function formOf(p: z.infer<typeof formParams>) {
    const { organisation } = await deps.tenants.getOrganisation(p.org);
    const form = await deps.forms.published(organisation.id, p.slug);
    return {
      organisationId: organisation.id,
      country: organisation.country,
      form,
      base: `/o/${p.org}/forms/${p.slug}`,
    };
  }

  /** Who asks about a draft: the signed-in account at the form's level, else the link's cookie. */
  function holderOf(request: FastifyRequest, form: FormVersion): Holder {
    if (request.citizen)
      return { accountId: requireCitizen(request, form.definition.assurance).accountId };
    const token = request.cookies[DRAFT_COOKIE];
    if (token && form.definition.assurance === 'low') return { token };
    throw new AppError('not_found', 'no such draft');
  }

  /** The live draft of the URL, moved to the newest version if one was published meanwhile. */
  async function draftOf(request: FastifyRequest, p: z.infer<typeof draftParams>) {
    const f = await formOf(p);
    const holder = holderOf(request, f.form);
    const draft = await drafts.live(holder, p.draft);
    const v = await drafts.version(f.organisationId, p.slug, draft);
    return {
      ...f,
      form: v.form,
      holder,
      draft,
      answers: v.answers,
      updated: v.updated,
      href: `${f.base}/drafts/${draft.id}`,
    };
  }

  return { formOf, holderOf, draftOf };
}

export type DraftInContext = Awaited<ReturnType<ReturnType<typeof fillAccess>['draftOf']>>;
