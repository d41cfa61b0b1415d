/**
 * Obligations made by a submitted form (decision 043): a fee type may name the form whose
 * submission creates it (fee_types.form_slug, migration 039), and each stored submission of that
 * form gets one obligation for its submitter, linked to the citizen's account when the
 * submission came from one. The submissions domain announces "stored"; services.ts subscribes
 * this. Idempotent: a submission makes at most one obligation (a unique index), whatever retries.
 */
import type { Db } from '../db/db.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../lib/clock.ts';
import { dayIn } from './domain.ts';
import { checkDraft } from './obligation-input.ts';
import { storeObligation } from './obligation-store.ts';
import * as repo from './repo.ts';

/** Days a form-made obligation is due in (the dog ordinance's 15 days to notify, then a month to pay). */
export const FORM_FEE_DUE_DAYS = 30;

/** What a form's answers say about its fee. */
export type AnswersFee = {
  exempt: boolean;
  reduced: boolean;
  units: number;
  subject: string | null;
};

type Answers = Record<string, unknown>;

/**
 * How the answers of a fee's form change it. The Czech dog notice (ohlaseni-psa): an exemption
 * claimed (osvobozeni ≠ ne) makes no obligation until the office decides it; a pension as the
 * only income (duchodce) takes the fee type's reduced variant (code + "-snizena"); each dog of
 * the group "pes" is one unit, named in the subject. A form without such questions: one unit.
 */
export function feeFromAnswers(answers: Answers): AnswersFee {
  const dogs = Array.isArray(answers.pes) ? (answers.pes as Answers[]) : [];
  const names = dogs
    .map((d) => (typeof d.jmeno === 'string' ? d.jmeno.trim() : ''))
    .filter(Boolean);
  return {
    exempt: typeof answers.osvobozeni === 'string' && answers.osvobozeni !== 'ne',
    reduced: answers.duchodce === true,
    units: Math.max(1, dogs.length),
    subject: names.length ? names.join(', ').slice(0, 200) : null,
  };
}

/** The day `days` after `day` (calendar days). */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Submitter = { givenName?: string; familyName?: string; email?: string };

/** The form-made obligations' service: built once in services.ts. */
export function formFees(deps: { db: Db; clock: Clock; audit: AuditService; secret: string }) {
  const { db, clock } = deps;
  return {
    /** Creates the obligation a stored submission makes, if its form makes one; its id, or null. */
    async fromSubmission(submissionId: string): Promise<string | null> {
      return db.transaction().execute(async (tx) => {
        const s = await tx
          .selectFrom('submissions as s')
          .innerJoin('forms as f', 'f.id', 's.form_id')
          .select([
            's.organisation_id',
            's.citizen_account_id',
            's.submitter',
            's.answers',
            'f.slug',
          ])
          .where('s.id', '=', submissionId)
          .executeTakeFirst();
        if (!s) return null;
        const base = await repo.findFeeType(tx, s.organisation_id, { formSlug: s.slug });
        if (!base) return null;
        const done = await tx
          .selectFrom('obligations')
          .select('id')
          .where('submission_id', '=', submissionId)
          .executeTakeFirst();
        if (done) return done.id;
        const fee = feeFromAnswers((s.answers ?? {}) as Answers);
        if (fee.exempt) return null;
        const reduced = fee.reduced
          ? await repo.findFeeType(tx, s.organisation_id, { code: `${base.code}-snizena` })
          : undefined;
        const type = reduced ?? base;
        const org = await repo.orgContext(tx, s.organisation_id);
        const today = dayIn(clock.now(), org.timeZone);
        const dueDate = addDays(today, FORM_FEE_DUE_DAYS);
        const rates = await repo.listRates(tx, s.organisation_id, type.id);
        const rate = rates.filter((r) => r.effectiveFrom <= dueDate).at(-1);
        if (!rate) return null;
        const who = (s.submitter ?? {}) as Submitter;
        const checked = checkDraft(
          {
            payerName: `${who.givenName ?? ''} ${who.familyName ?? ''}`,
            subject: fee.subject ?? '',
            period: today.slice(0, 4),
            amount: String((rate.amountMinor * fee.units) / 100),
            dueDates: [dueDate],
            birthNumber: '',
            email: who.email ?? '',
          },
          { rates, today, secret: deps.secret },
        );
        if (!checked.ok) return null;
        const stored = await storeObligation(deps, tx, s.organisation_id, type.id, checked.value, {
          source: 'form',
          createdBy: null,
          submissionId,
          citizenAccountId: s.citizen_account_id,
          actor: null,
        });
        return stored.id;
      });
    },
  };
}

export type FormFees = ReturnType<typeof formFees>;
