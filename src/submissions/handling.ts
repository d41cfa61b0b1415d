// A submission's handling (issue 17, decision 041): staff move it through its states and ask
// the citizen to complete it; the citizen answers in the same thread, from the account or by a
// mailed link. Every change is one transaction: the history row, the state, the audit entry and
// the citizen's e-mail commit together or not at all.
import { createHash, randomBytes } from 'node:crypto';
import { staffActor, type AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { FormDefinition } from '../forms/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { translator, type Lang, type MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { enqueueMail, forgetMail } from '../mail/service.ts';
import * as repo from './handling-repo.ts';
import { formLanguage, formText } from './receipt-model.ts';
import {
  awaitsCitizen,
  transition,
  type Action,
  type StaffAction,
  type SubmissionState,
} from './states.ts';

/** Who opens a thread: the signed-in account that sent it, or the holder of a mailed link. */
export type ThreadHolder = { accountId: string } | { token: string };

/**
 * The label of the files of the citizen's `n`th answer (1, 2, …): files are attached as they
 * arrive, before the answer is stored, and are found by it afterwards (decision 041).
 */
export const answerLabel = (n: number): string => `answer-${n}`;

/** A page of the staff list. */
export const STAFF_PAGE_SIZE = 25;

/** A state change's mail leaves the outbox this long after it was queued; the thread keeps it. */
const MAIL_KEPT_MS = 30 * 86_400_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The form's title in the reader's language (else the form's first). */
export function titleOf(def: unknown, lang: Lang): string {
  const d = def as FormDefinition;
  return formText(d, d.title, formLanguage(d, lang));
}

/** Messages of a refused change, as the form's field error keys. */
const ERROR_KEY: Record<string, MessageKey> = {
  message_required: 'submissions.error.message_required',
  message_too_long: 'submissions.error.message_too_long',
};

export function submissionHandling(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  publicUrl: URL;
  wakeMail: () => void;
}) {
  const { db, clock, audit } = deps;

  /** Mails the citizen that their submission moved, with a way back to its thread. */
  async function mailCitizen(
    tx: Db,
    s: NonNullable<Awaited<ReturnType<typeof repo.lockForChange>>>,
    to: SubmissionState,
    message: string | null,
    eventKey: string,
  ): Promise<boolean> {
    const email = (s.submitter as { email?: string }).email;
    if (!email) return false;
    let path = `/account/submissions/${s.id}`;
    if (!s.citizen_account_id) {
      const token = randomBytes(32).toString('base64url');
      await repo.insertLink(tx, sha256(token), s.id, clock.now());
      path = `/submissions/thread/${token}`;
    }
    const t = translator(s.language);
    const state = t(`submissions.state.${to}`);
    const lines = [
      t('submissions.mail.body', { reference: s.reference, state }),
      ...(message ? ['', t('submissions.mail.message'), message] : []),
      '',
      t(to === 'needs_completion' ? 'submissions.mail.answer' : 'submissions.mail.see', {
        link: new URL(path, deps.publicUrl).href,
      }),
    ];
    await enqueueMail(
      tx,
      {
        dedupeKey: `submission-state:${s.id}:${eventKey}`,
        to: email,
        subject: t('submissions.mail.subject', { reference: s.reference, state }),
        text: `${lines.join('\n')}\n`,
      },
      clock.now(),
    );
    return true;
  }

  /** One change: checked against the rule in the locked row's state, recorded, audited, mailed. */
  async function change(
    id: string,
    inOrganisation: string | null,
    action: Action,
    message: string,
    actor: { kind: 'staff'; staff: StaffPrincipal } | { kind: 'citizen' },
  ): Promise<SubmissionState> {
    if (!repo.isId(id)) throw new AppError('not_found', 'no such submission');
    let mailed = false;
    const to = await db.transaction().execute(async (tx) => {
      const s = await repo.lockForChange(tx, id);
      if (!s || (inOrganisation && s.organisation_id !== inOrganisation))
        throw new AppError('not_found', 'no such submission');
      const r = transition(s.state, action, message);
      if (!r.ok) {
        if (r.error === 'not_allowed') throw new AppError('conflict', `${action} from ${s.state}`);
        throw new AppError('invalid_input', r.error, { message: ERROR_KEY[r.error]! });
      }
      const at = clock.now();
      const staff = actor.kind === 'staff' ? actor.staff : null;
      await repo.appendEvent(tx, {
        submissionId: s.id,
        kind: action === 'answer' ? 'answer' : 'state',
        fromState: s.state,
        toState: r.to,
        actorKind: actor.kind,
        actorStaffId: staff?.id ?? null,
        actorName: staff?.displayName ?? null,
        message: r.message,
        at,
      });
      const who: AuditActor = staff ? staffActor(staff) : { system: 'citizen' };
      await audit.record(tx, {
        organisationId: s.organisation_id,
        actor: who,
        action: action === 'answer' ? 'submission.answered' : 'submission.state_changed',
        objectType: 'submission',
        objectId: s.id,
        // The reference number is the office's own; the messages stay out of the log.
        summary: s.reference,
        detail: { from: s.state, to: r.to },
      });
      // The citizen is told of staff's changes; their own answer needs no mail back.
      if (staff) mailed = await mailCitizen(tx, s, r.to, r.message, `${at.getTime()}:${r.to}`);
      return r.to;
    });
    if (mailed) deps.wakeMail();
    return to;
  }

  /** A submission of the holder's, or a 404: another's account or an unknown link never tells. */
  async function ownedBy(holder: ThreadHolder, id?: string) {
    let sid = id;
    if ('token' in holder) {
      if (!TOKEN.test(holder.token)) throw new AppError('not_found', 'no such thread');
      sid = await repo.submissionOfLink(db, sha256(holder.token));
    }
    const s = sid ? await repo.submissionOf(db, sid) : undefined;
    if (!s || ('accountId' in holder && s.accountId !== holder.accountId))
      throw new AppError('not_found', 'no such thread');
    return s;
  }

  return {
    /** Staff move a submission of their organisation; another's is a 404. */
    staffChange(staff: StaffPrincipal, id: string, action: StaffAction, message: string) {
      return change(id, staff.organisationId, action, message, { kind: 'staff', staff });
    },

    /** A page of the organisation's submissions, filtered, with the forms to filter by. */
    async staffList(
      staff: StaffPrincipal,
      filter: repo.ListFilter & { page: number },
    ): Promise<{
      rows: Awaited<ReturnType<typeof repo.staffPage>>['rows'];
      total: number;
      forms: { id: string; definition: unknown }[];
      timeZone: string;
    }> {
      const page = Math.max(1, filter.page);
      const [list, forms, timeZone] = await Promise.all([
        repo.staffPage(db, staff.organisationId, {
          ...filter,
          offset: (page - 1) * STAFF_PAGE_SIZE,
          limit: STAFF_PAGE_SIZE,
        }),
        repo.formsWithSubmissions(db, staff.organisationId),
        repo.timeZoneOf(db, staff.organisationId),
      ]);
      return { ...list, forms, timeZone };
    },

    /** A submission of the organisation with its history; another organisation's is a 404. */
    async staffDetail(staff: StaffPrincipal, id: string) {
      const s = await repo.submissionOf(db, id, staff.organisationId);
      if (!s) throw new AppError('not_found', 'no such submission');
      const [history, timeZone] = await Promise.all([
        repo.events(db, s.id),
        repo.timeZoneOf(db, s.organisationId),
      ]);
      return { submission: s, history, timeZone };
    },

    /** The citizen's thread: the submission and its history, for its holder only. */
    async thread(holder: ThreadHolder, id?: string) {
      const s = await ownedBy(holder, id);
      const [history, timeZone] = await Promise.all([
        repo.events(db, s.id),
        repo.timeZoneOf(db, s.organisationId),
      ]);
      return { submission: s, history, timeZone };
    },

    /**
     * Where an answer's files go, checked before any byte of them is read: the holder's
     * submission, while staff ask for completion (else 404 or 409), and the label its files take.
     */
    async answerTarget(holder: ThreadHolder, id?: string): Promise<{ id: string; label: string }> {
      const s = await ownedBy(holder, id);
      if (!awaitsCitizen(s.state)) throw new AppError('conflict', 'no completion asked');
      return { id: s.id, label: answerLabel((await repo.answerCount(db, s.id)) + 1) };
    },

    /** The citizen answers what staff asked; the submission goes back to staff. */
    async answer(holder: ThreadHolder, message: string, id?: string): Promise<SubmissionState> {
      const s = await ownedBy(holder, id);
      return change(s.id, null, 'answer', message, { kind: 'citizen' });
    },

    /** The account's submissions with their answers and history, for its export (decision 032). */
    exportFor: (accountId: string) => repo.exportOfAccount(db, accountId),

    /**
     * Before an account is erased: its submissions stay (they are the office's records) and let
     * go of it; a later state change then mails a thread link to the address the submission names.
     */
    beforeAccountDeleted: (accountId: string) => repo.releaseAccount(db, accountId),

    /** The account's own submissions, newest first. */
    ofAccount: (accountId: string) => repo.ofAccount(db, accountId),

    /** Forgets state-change mail past its time: the outbox need not keep the address. */
    pruneMail: () =>
      forgetMail(db, 'submission-state', new Date(clock.now().getTime() - MAIL_KEPT_MS)),

    /** A page of the pull API (listSubmissions). */
    pull: (organisationId: string, filter: repo.PullFilter) =>
      repo.pullPage(db, organisationId, filter),

    /** One submission of the organisation with its history (getSubmission); else null. */
    async pullOne(organisationId: string, id: string) {
      const s = await repo.submissionOf(db, id, organisationId);
      return s ? { submission: s, history: await repo.events(db, s.id) } : null;
    },
  };
}

export type SubmissionHandling = ReturnType<typeof submissionHandling>;
