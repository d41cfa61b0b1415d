// Sending a draft whose act must be authorised (decision 042; Czech act 12/2020 Sb. §4): the
// check page's button starts a forced eID sign-in with the session's own provider (through an
// ActAuthoriser); its verified answer comes back here from the protocol's routes, is decided on
// (act-domain.ts) and, when it authorises the act, the draft is sent with the proof kept beside
// the submission. A refusal sends nothing, keeps the draft and is audited.
import type { AuditService } from '../audit/service.ts';
import type { CitizenPrincipal, CitizensService } from '../citizens/service.ts';
import type { Db } from '../db/db.ts';
import type { ActAnswer, ActAuthoriser } from '../eid/act.ts';
import type { Lang, Translate } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { SubmissionsService } from '../submissions/service.ts';
import { actDecision, type ActRefusal } from './act-domain.ts';
import type { FormAttachments } from './attachments.ts';
import { fillAccess, type DraftInContext } from './fill-access.ts';
import { submitterOf } from './sending.ts';

/** A draft's own path, as an act's request keeps it. */
const DRAFT_PATH = /^\/o\/([^/]{1,100})\/forms\/([^/]{1,80})\/drafts\/([0-9a-f-]{36})$/;

/**
 * Where a refused act's page is: the form's, naming the reason and the draft to go back to. Not
 * under the draft's routes, which 404 for a draft that is gone (a refusal's reason may be that).
 */
export const refusedPath = (draftPath: string, reason: ActRefusal) => {
  const [, form, draft] = /^(.*)\/drafts\/([^/]+)$/.exec(draftPath) ?? ['', draftPath, ''];
  return `${form}/act-refused?reason=${reason}&draft=${draft}`;
};

/** The acts of forms with `authoriseAct`: started from the check page, finished on the answer. */
export function formActs(
  deps: Parameters<typeof fillAccess>[0] & {
    db: Db;
    clock: Clock;
    audit: AuditService;
    authoriser: ActAuthoriser;
    submissions: Pick<SubmissionsService, 'submit' | 'actProofUsed'>;
    citizens: Pick<CitizensService, 'account' | 'accountOfIdentity'>;
    attachments: Pick<FormAttachments, 'purge'>;
  },
) {
  const { db, clock, audit, drafts } = deps;
  const access = fillAccess(deps);

  const record = (organisationId: string | null, action: string, draftId: string, detail: object) =>
    audit.record(db, {
      organisationId,
      actor: { system: 'citizen' },
      action,
      objectType: 'form_draft',
      objectId: draftId,
      detail: detail as Record<string, string>,
    });

  /** The draft's form from its path (404 when it is no longer published). */
  async function formOfPath(path: string) {
    const m = DRAFT_PATH.exec(path);
    if (!m) throw new AppError('not_found', 'not a draft path');
    return { ...(await access.formOf({ org: m[1]!, slug: m[2]! })), slug: m[2]! };
  }

  return {
    /**
     * Starts the act's authorisation for a signed-in citizen's draft: the address the browser
     * goes to (the provider of the citizen's session, asked to authenticate anew).
     */
    async start(
      d: DraftInContext,
      citizen: CitizenPrincipal,
      o: { browser: string; lang: Lang },
    ): Promise<string> {
      if (!d.form.definition.authoriseAct || !('accountId' in d.holder))
        throw new AppError('not_found', 'no act to authorise');
      return deps.authoriser.start({
        providerId: citizen.providerId,
        intent: { draftId: d.draft.id, accountId: d.holder.accountId },
        loa: d.form.definition.assurance,
        returnTo: d.href,
        browser: o.browser,
        lang: o.lang,
      });
    },

    /**
     * A verified answer to an act's sign-in: the draft sent with its proof (the receipt's path),
     * or, when the answer does not authorise it, the refused page's path (audited, nothing sent).
     */
    async finish(answer: ActAnswer, o: { lang: Lang; t: Translate }): Promise<string> {
      const { intent, proof, identity } = answer;
      const f = await formOfPath(answer.returnTo);
      const holder = { accountId: intent.accountId };
      const draft = await drafts.live(holder, intent.draftId).catch(() => null);
      const v = draft && (await drafts.version(f.organisationId, f.slug, draft));
      const def = v?.form.definition ?? f.form.definition;
      const decision = actDecision({
        intent,
        proof,
        identityAccount: await deps.citizens.accountOfIdentity(
          identity.providerId,
          identity.personIdentifier,
        ),
        draftAccount: draft?.accountId ?? null,
        formLoa: def.assurance,
        used: await deps.submissions.actProofUsed(proof),
        now: clock.now(),
      });
      const detail = { provider: proof.providerId, responseId: proof.responseId.slice(0, 100) };
      if (!decision.ok || !draft || !v || !proof.authnInstant) {
        const reason = decision.ok ? 'draft' : decision.reason;
        await record(f.organisationId, 'form_act.refused', intent.draftId, { ...detail, reason });
        return refusedPath(answer.returnTo, reason);
      }
      const account = await deps.citizens.account(intent.accountId);
      const sent = await deps.submissions.submit({
        organisationId: f.organisationId,
        formSlug: f.slug,
        version: v.form.version,
        answers: v.answers,
        lang: o.lang,
        submitter: submitterOf(v.answers, {
          account: account ?? null,
          draftEmail: draft.email,
          country: f.country,
          missing: o.t('forms.fill.not_given'),
        }),
        citizen: { accountId: intent.accountId, loa: proof.loa },
        idempotencyKey: `draft:${draft.id}`,
        draftId: draft.id,
        actProof: { ...proof, authnInstant: proof.authnInstant },
      });
      await record(f.organisationId, 'form_act.authorised', intent.draftId, detail);
      await drafts.sent(holder, draft.id);
      await deps.attachments.purge();
      return `${f.base}/sent/${sent.receiptToken}`;
    },

    /** The provider refused or the citizen cancelled there: audited, the refused page's path. */
    async refusedAtProvider(draftPath: string, reason: 'cancelled' | 'answer'): Promise<string> {
      const f = await formOfPath(draftPath);
      const draftId = DRAFT_PATH.exec(draftPath)![3]!;
      await record(f.organisationId, 'form_act.refused', draftId, { reason });
      return refusedPath(draftPath, reason);
    },
  };
}

export type FormActs = ReturnType<typeof formActs>;
