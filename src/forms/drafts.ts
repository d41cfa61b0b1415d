// Citizens' drafts of answers (issue 17, decision 038): one live draft per form and person, saved
// page by page; a signed-in citizen's drafts belong to the account, anyone else's to an e-mail
// address that gets a resume link (an unguessable token stored only as its SHA-256, good for
// this one draft until it expires). A deleted draft can be restored for RESTORE_DAYS, then the
// purge job takes it. Who may open a draft is decided here, once, for every route.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { isConflict } from '../db/retry.ts';
import { localeOf, translator, type Lang } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { enqueueMail, forgetMail } from '../mail/service.ts';
import { validateAnswers } from './answers.ts';
import type { Answers } from './answer-types.ts';
import * as repo from './drafts-repo.ts';
import type { FormsService, FormVersion } from './service.ts';

/** How long a deleted draft can be restored before the purge job removes it. */
export const RESTORE_DAYS = 30;
/** How long a resume link works; the draft without an account goes with its last link. */
export const LINK_DAYS = 30;
const DAY_MS = 86_400_000;

/** Who is asking: a signed-in citizen's account, or the browser holding a resume link's token. */
export type Holder = { accountId: string } | { token: string };
export type Draft = repo.DraftRow;

/** SHA-256 of a token, hex: what the database keeps instead of the token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The answers of `answers` that still fit `def` (a newer version): each question that reads. */
export function carryOver(def: FormVersion['definition'], answers: Answers): Answers {
  return validateAnswers(def, answers).answers;
}

export function formDrafts(deps: {
  db: Db;
  clock: Clock;
  forms: Pick<FormsService, 'published' | 'publishedVersion'>;
  publicUrl: URL;
  wakeMail: () => void;
}) {
  const { db, clock, forms } = deps;

  /** The draft if `holder` may open it (deleted ones too, to restore them); otherwise 404. */
  async function owned(holder: Holder, draftId: string): Promise<Draft> {
    const draft = /^[0-9a-f-]{36}$/.test(draftId) ? await repo.findDraft(db, draftId) : undefined;
    if (draft && 'accountId' in holder && draft.accountId === holder.accountId) return draft;
    if (draft && 'token' in holder && draft.accountId === null) {
      const link = await repo.draftOfLink(db, tokenHash(holder.token), clock.now());
      if (link?.draftId === draft.id) return draft;
    }
    throw new AppError('not_found', 'no such draft');
  }

  async function live(holder: Holder, draftId: string): Promise<Draft> {
    const draft = await owned(holder, draftId);
    if (draft.deletedAt) throw new AppError('not_found', 'draft deleted');
    return draft;
  }

  /** A new resume link for a draft without an account, mailed in the transaction that stores it. */
  async function mailLink(
    tx: Db,
    m: { draftId: string; email: string; lang: Lang; title: string; path: string; now: Date },
  ) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(m.now.getTime() + LINK_DAYS * DAY_MS);
    await repo.insertLink(tx, {
      draftId: m.draftId,
      tokenHash: tokenHash(token),
      now: m.now,
      expiresAt,
    });
    const t = translator(m.lang);
    const until = new Intl.DateTimeFormat(localeOf(m.lang), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Ljubljana',
    }).format(expiresAt);
    await enqueueMail(
      tx,
      {
        dedupeKey: `form-draft-link:${tokenHash(token)}`,
        to: m.email,
        subject: t('forms.fill.mail.subject', { form: m.title }),
        text: `${t('forms.fill.mail.body', {
          form: m.title,
          link: new URL(`${m.path}/resume/${token}`, deps.publicUrl).href,
          until,
        })}\n`,
      },
      m.now,
    );
    return { token, expiresAt };
  }

  return {
    owned,
    live,

    /** The live draft of a form for a signed-in account, if there is one. */
    liveFor(formId: string, accountId: string) {
      return repo.findLive(db, formId, { accountId });
    },

    /**
     * Starts a signed-in citizen's draft with the prefilled answers, or gives the live one back
     * (`existing`): a second start never makes a second draft.
     */
    async startForAccount(
      form: FormVersion,
      accountId: string,
      lang: Lang,
      answers: Answers,
    ): Promise<{ draftId: string; existing: boolean }> {
      const found = await repo.findLive(db, form.formId, { accountId });
      if (found) return { draftId: found.id, existing: true };
      try {
        const draftId = await repo.insertDraft(db, {
          formId: form.formId,
          version: form.version,
          accountId,
          email: null,
          language: lang,
          answers,
          now: clock.now(),
          expiresAt: null,
        });
        return { draftId, existing: false };
      } catch (err) {
        // Two starts at once: the other one's draft is the one.
        const other = isConflict(err) && (await repo.findLive(db, form.formId, { accountId }));
        if (other) return { draftId: other.id, existing: true };
        throw err;
      }
    },

    /**
     * Starts a draft without an account and mails its resume link. When the address already has
     * a live draft of this form, a new link to that one is mailed instead (`existing`), and this
     * browser gets no token: only the mailbox's holder may open it.
     */
    async startWithEmail(
      form: FormVersion,
      input: { email: string; lang: Lang; title: string; path: string },
    ): Promise<
      { existing: true } | { existing: false; draftId: string; token: string; expiresAt: Date }
    > {
      const email = input.email.trim().toLowerCase();
      const now = clock.now();
      const result = await db.transaction().execute(async (tx) => {
        const found = await repo.findLive(tx, form.formId, { email });
        if (found) {
          await mailLink(tx, { ...input, email, draftId: found.id, now });
          return { existing: true as const };
        }
        const draftId = await repo.insertDraft(tx, {
          formId: form.formId,
          version: form.version,
          accountId: null,
          email,
          language: input.lang,
          answers: {},
          now,
          expiresAt: now,
        });
        const link = await mailLink(tx, { ...input, email, draftId, now });
        return { existing: false as const, draftId, ...link };
      });
      deps.wakeMail();
      return result;
    },

    /** The draft a resume link opens, and the link's expiry; null when unknown or expired. */
    async resume(token: string) {
      const link = await repo.draftOfLink(db, tokenHash(token), clock.now());
      return link ?? null;
    },

    /**
     * The draft's form version; when a newer one is published meanwhile, the draft moves to it
     * with the answers that still fit, and `updated` says so.
     */
    async version(
      organisationId: string,
      slug: string,
      draft: Draft,
    ): Promise<{ form: FormVersion; answers: Answers; updated: boolean }> {
      const newest = await forms.published(organisationId, slug);
      if (newest.formId !== draft.formId) throw new AppError('not_found', 'not this form');
      if (newest.version === draft.version)
        return { form: newest, answers: draft.answers, updated: false };
      const answers = carryOver(newest.definition, draft.answers);
      await repo.saveAnswers(db, draft.id, answers, newest.version, clock.now());
      return { form: newest, answers, updated: true };
    },

    /** Saves a page's answers: in the database before the next page is shown. */
    async save(holder: Holder, draftId: string, version: number, answers: Answers): Promise<void> {
      const draft = await live(holder, draftId);
      if (!(await repo.saveAnswers(db, draft.id, answers, version, clock.now())))
        throw new AppError('not_found', 'draft deleted');
    },

    /** A sent draft goes for good: its answers live on in the submission. */
    async sent(holder: Holder, draftId: string): Promise<void> {
      const draft = await owned(holder, draftId);
      await repo.removeDraft(db, draft.id);
    },

    /** Deletes a draft (restorable for RESTORE_DAYS); when it can be restored until. */
    async remove(holder: Holder, draftId: string): Promise<Date> {
      const draft = await live(holder, draftId);
      const now = clock.now();
      await repo.setDeleted(db, draft.id, now);
      return restorableUntil(now);
    },

    /** Restores a deleted draft; `conflict` when a new live draft of the form was started since. */
    async restore(holder: Holder, draftId: string): Promise<Draft> {
      const draft = await owned(holder, draftId);
      if (!draft.deletedAt) return draft;
      try {
        await repo.setDeleted(db, draft.id, null);
      } catch (err) {
        if (isConflict(err)) throw new AppError('conflict', 'another draft is live');
        throw err;
      }
      return { ...draft, deletedAt: null };
    },

    /** The account's drafts with their answers: its part of the account's export. */
    exportFor(accountId: string) {
      return repo.exportForAccount(db, accountId);
    },

    /** The account is being deleted: its drafts go with it, restorable no more. */
    beforeAccountDeleted(accountId: string) {
      return repo.removeForAccount(db, accountId);
    },

    /** The account's drafts for its page, live and restorable. */
    listForAccount(accountId: string) {
      return repo.listForAccount(db, accountId);
    },

    /** The purge job: deleted drafts past RESTORE_DAYS, drafts without an account past their links. */
    async purge(): Promise<number> {
      const now = clock.now();
      // A link's mail carries the token: it goes with the link (a day's margin for the sending).
      await forgetMail(db, 'form-draft-link', new Date(now.getTime() - (LINK_DAYS + 1) * DAY_MS));
      return repo.purge(db, now, new Date(now.getTime() - RESTORE_DAYS * DAY_MS));
    },
  };
}

/** Until when a draft deleted at `deletedAt` can be restored. */
export const restorableUntil = (deletedAt: Date) =>
  new Date(deletedAt.getTime() + RESTORE_DAYS * DAY_MS);

export type FormDrafts = ReturnType<typeof formDrafts>;
