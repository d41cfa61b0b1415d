import type { MessageKey } from '../../i18n/i18n.ts';
import type { AgendaState } from '../domain.ts';

export const STATE_KEYS: Record<AgendaState, MessageKey> = {
  not_arrived: 'agenda.state.not_arrived',
  in_lobby: 'agenda.state.in_lobby',
  in_progress: 'agenda.state.in_progress',
  done: 'agenda.state.done',
  no_show: 'agenda.state.no_show',
  cancelled: 'agenda.state.cancelled',
};
