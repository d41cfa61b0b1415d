/**
 * The anonymisation plan's entries for the submissions' tables (src/submissions): none is touched
 * by a booking's retention; each goes with its submission or holds no citizen data. Spread into
 * ANONYMISATION_PLAN (anonymisation.ts), whose type still demands an entry for every table.
 */
import type { TablePlan } from './anonymisation.ts';

type SubmissionTable =
  | 'submissions'
  | 'submission_webhooks'
  | 'submission_deliveries'
  | 'submission_receipts'
  | 'submission_act_authorisations'
  | 'submission_delivery_digests'
  | 'submission_events'
  | 'submission_thread_links'
  | 'submission_counter';

export const SUBMISSIONS_PLAN = {
  submissions: {
    treatment: 'pruned_elsewhere',
    by: "the organisation's records management: a submission is an official record, kept as the filing rules of its office say (its deletion with the organisation)",
    within: 'the retention set by the office, to come with the staff side of submissions',
    why: 'a submission is a filed act of the citizen, not an appointment: the booking retention does not apply',
  },
  submission_webhooks: {
    treatment: 'no_citizen_data',
    why: "an organisation's delivery settings",
  },
  submission_deliveries: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its submission',
    within: 'the same transaction (ON DELETE CASCADE)',
    why: 'the state of posting a submission; it holds no answers itself',
  },
  submission_receipts: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its submission',
    within: 'the same transaction (ON DELETE CASCADE)',
    why: 'the receipt is the submission as a document',
  },
  submission_act_authorisations: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its submission',
    within: 'the same transaction (ON DELETE CASCADE)',
    why: "the proof that the act was authorised (provider, instant, the answer's id and hash): part of the filed act",
  },
  submission_delivery_digests: {
    treatment: 'no_citizen_data',
    why: 'which local day a digest of failed deliveries was sent for an organisation, and how many failed',
  },
  submission_events: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its submission (ON DELETE CASCADE); append-only until then',
    within: 'the same transaction',
    why: "the submission's record: what the office asked and the citizen answered (decision 041)",
  },
  submission_thread_links: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its submission (ON DELETE CASCADE)',
    within: 'the same transaction',
    why: 'hashes of links to a thread, which name only the submission',
  },
  submission_counter: {
    treatment: 'no_citizen_data',
    why: 'the last reference number per organisation and year',
  },
} as const satisfies { [T in SubmissionTable]: TablePlan<T> };
