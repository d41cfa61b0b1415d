/**
 * A submission's states and who may move it where (decision 041), pure. Staff take it in hand,
 * ask the citizen to complete it (with a message), and close it as done or refused; the citizen's
 * answer in the thread gives it back to staff. Done and refused are final.
 */
export const STATES = ['received', 'in_progress', 'needs_completion', 'done', 'refused'] as const;
export type SubmissionState = (typeof STATES)[number];

/** What staff do to a submission; each names the state it leads to. */
export const STAFF_ACTIONS = ['start', 'ask', 'done', 'refuse'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
/** Everything that moves a submission: staff's actions and the citizen's answer. */
export type Action = StaffAction | 'answer';

export const TARGET: Record<Action, SubmissionState> = {
  start: 'in_progress',
  ask: 'needs_completion',
  done: 'done',
  refuse: 'refused',
  answer: 'in_progress',
};

/** The longest message staff or a citizen may write with a change (the column's limit). */
export const MESSAGE_MAX = 5000;

/**
 * Where each action may be taken from. `start` from needs completion is staff's way back when
 * the citizen answered by other means (in person, by post); the citizen answers only what was
 * asked. A message is required where the citizen must learn why: an ask, a refusal, an answer.
 */
const FROM: Record<Action, readonly SubmissionState[]> = {
  start: ['received', 'needs_completion'],
  ask: ['received', 'in_progress'],
  done: ['received', 'in_progress', 'needs_completion'],
  refuse: ['received', 'in_progress', 'needs_completion'],
  answer: ['needs_completion'],
};
const NEEDS_MESSAGE: ReadonlySet<Action> = new Set(['ask', 'refuse', 'answer']);

/** Why an action is refused: not from this state, or a required message is missing or too long. */
export type TransitionError = 'not_allowed' | 'message_required' | 'message_too_long';

/** The state an action leads to from `from`, with its message trimmed (null when empty). */
export function transition(
  from: SubmissionState,
  action: Action,
  message: string,
):
  | { ok: true; to: SubmissionState; message: string | null }
  | { ok: false; error: TransitionError } {
  if (!FROM[action].includes(from)) return { ok: false, error: 'not_allowed' };
  const text = message.trim();
  if (text.length > MESSAGE_MAX) return { ok: false, error: 'message_too_long' };
  if (!text && NEEDS_MESSAGE.has(action)) return { ok: false, error: 'message_required' };
  return { ok: true, to: TARGET[action], message: text || null };
}

/** The actions staff may take on a submission in `state`, in the order the page offers them. */
export function staffActions(state: SubmissionState): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => FROM[a].includes(state));
}

/** Whether a state is final: nothing moves a submission out of it. */
export const isFinal = (state: SubmissionState): boolean => state === 'done' || state === 'refused';

/** Whether the citizen may answer in the thread now (staff asked and await it). */
export const awaitsCitizen = (state: SubmissionState): boolean => state === 'needs_completion';
