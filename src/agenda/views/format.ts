import { localeOf, type Lang } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { AgendaState } from '../domain.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, timeZone: string, kind: 'time' | 'day' | 'stamp'): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time' ? { hour: '2-digit', minute: '2-digit' }
      : kind === 'day' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' };
    f = new Intl.DateTimeFormat(localeOf(lang), { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "10:30" in the office's zone. */
export const timeOf = (d: Date, timeZone: string, lang: Lang) => format(lang, timeZone, 'time').format(d);

/** "ponedeljek, 23. november 2026" for a local date `YYYY-MM-DD` (formatted at noon UTC, so no zone moves it). */
export const dayName = (day: string, lang: Lang) => format(lang, 'UTC', 'day').format(new Date(`${day}T12:00:00Z`));

/** Date and time to the second, for a history line. */
export const stampOf = (d: Date, timeZone: string, lang: Lang) => format(lang, timeZone, 'stamp').format(d);

export const STATE_KEYS: Record<AgendaState, MessageKey> = {
  not_arrived: 'agenda.state.not_arrived',
  in_lobby: 'agenda.state.in_lobby',
  in_progress: 'agenda.state.in_progress',
  done: 'agenda.state.done',
  no_show: 'agenda.state.no_show',
  cancelled: 'agenda.state.cancelled',
};
