// The lobby rule, in one place: who enters already admitted, who may be let in or turned out,
// what someone waiting may send, and what reaches them. Someone in the lobby neither sends nor
// receives signalling, chat or the participant list; they hear only about their own admission
// and the meeting's end. The repository fetches the facts (a participant's state, how many
// browsers a link brought), the routes check what comes in and the hub what goes out, all by
// these functions.
import type { ClientMessage, Role, ServerMessage } from './protocol.ts';

/** Where a participant stands; `admitted` is kept across reconnects until they are turned out or the meeting ends. */
export type ParticipantState = 'knocking' | 'admitted' | 'denied' | 'removed' | 'left';
export const PARTICIPANT_STATES = [
  'knocking',
  'admitted',
  'denied',
  'removed',
  'left',
] as const satisfies readonly ParticipantState[];

/** Browsers one link may bring (each a participant of its own): more is a flood, not a person. */
export const MAX_BROWSERS_PER_LINK = 10;

/**
 * The state someone arriving takes: staff skip the lobby; someone admitted before in this
 * browser (a reconnect, a reload) goes back in; everyone else knocks, again after a denial or
 * a removal, since only the official lets anyone in.
 */
export function arrivalState(role: Role, before: ParticipantState | undefined): ParticipantState {
  return role === 'staff' || before === 'admitted' ? 'admitted' : 'knocking';
}

/** Whether a link (the citizen's or a guest's) that has brought `browsers` may bring one more; staff come by account. */
export function mayBringBrowser(role: Role, browsers: number): boolean {
  return role === 'staff' || browsers < MAX_BROWSERS_PER_LINK;
}

/** A connection closed: a knocker leaves the lobby; an admitted participant keeps the admission for a reconnect. */
export function stateAfterDisconnect(state: ParticipantState): ParticipantState {
  return state === 'knocking' ? 'left' : state;
}

/** Only someone knocking now can be let in (not someone who left, or was turned away meanwhile). */
export function mayAdmit(p: { state: ParticipantState }): boolean {
  return p.state === 'knocking';
}

/** Staff may deny or remove anyone but another official. */
export function mayTurnOut(p: { role: Role }): boolean {
  return p.role !== 'staff';
}

const STAFF_ONLY = new Set<ClientMessage['type']>([
  'admit',
  'deny',
  'remove',
  'minutes',
  'verify-identity',
  'invite',
  'end',
  'no-show',
  'open-folder',
]);
const ADMITTED_ONLY = new Set<ClientMessage['type']>([
  'signal',
  'chat',
  'media',
  'sfu-publish',
  'sfu-answer',
  'sfu-candidate',
  'sfu-receive',
  'sfu-restart',
]);

/** What a participant may send: someone in the lobby only pings; staff-only actions need staff. */
export function maySend(role: Role, admitted: boolean, type: ClientMessage['type']): boolean {
  if (type === 'ping') return true;
  if (!admitted) return false;
  if (STAFF_ONLY.has(type)) return role === 'staff';
  return ADMITTED_ONLY.has(type);
}

/** The most people a room holds at once, staff included: a mesh carries four, Janus twelve (decision 054). */
export const MAX_PEOPLE = { mesh: 4, sfu: 12 } as const;

// The only messages someone in the lobby can receive: no signalling, chat or participants.
const LOBBY_MAY_RECEIVE = new Set<ServerMessage['type']>([
  'welcome',
  'admitted',
  'denied',
  'removed',
  'ended',
  'error',
  'pong',
]);

/** What a participant may receive: in the lobby, only their welcome, their answer and the end. */
export function mayReceive(admitted: boolean, type: ServerMessage['type']): boolean {
  return admitted || LOBBY_MAY_RECEIVE.has(type);
}

/** Who in a meeting a message is for. */
export type Audience =
  { participant: string } | { admitted: true } | { staff: true } | { everyone: true };

/** A participant as the delivery rule sees them. */
export type Member = { participantId: string; role: Role; admitted: boolean };

/** Whether a message for `to` is addressed to this member (the staff audience is staff in the room). */
export function addressedTo(m: Member, to: Audience): boolean {
  if ('participant' in to) return m.participantId === to.participant;
  if ('admitted' in to) return m.admitted;
  if ('staff' in to) return m.role === 'staff' && m.admitted;
  return true;
}

/** Whether a message of `type` for `to` is delivered to this member: addressed to them, and allowed where they stand. */
export function delivers(m: Member, to: Audience, type: ServerMessage['type']): boolean {
  return addressedTo(m, to) && mayReceive(m.admitted, type);
}

/** Whether a member is in the room after receiving a message: admission lets in; a denial, a removal and the end put out. */
export function admittedAfter(admitted: boolean, type: ServerMessage['type']): boolean {
  if (type === 'admitted') return true;
  if (type === 'denied' || type === 'removed' || type === 'ended') return false;
  return admitted;
}

/** Whether a message closes the member's socket after it is sent: nothing more is theirs to hear. */
export function isFinal(type: ServerMessage['type']): boolean {
  return type === 'denied' || type === 'removed' || type === 'ended';
}
