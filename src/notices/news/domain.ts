// Which of an organisation's news items a citizen sees on a day. A news item is dated in days of
// the organisation's time zone (like the notice board, board-time.ts): shown from the first
// instant of published_on through the last instant of shown_until (open-ended when null).
import type { Localized } from '../../i18n/i18n.ts';
import { boardDay } from '../board-time.ts';

/** A news item as the pages and the service see it. */
export type NewsItem = {
  id: string;
  organisationId: string;
  title: Localized;
  body: Localized;
  /** `YYYY-MM-DD`, the organisation's day it appears. */
  publishedOn: string;
  /** `YYYY-MM-DD`, its last day, or null: until it is taken down. */
  shownUntil: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The longest title and text the admin form takes (per language). */
export const MAX_TITLE = 200;
export const MAX_BODY = 5000;
/** How many news items the home page shows before "all news". */
export const HOME_NEWS = 3;

/** The organisation's calendar day at `now` (`YYYY-MM-DD`). */
export function newsDay(now: Date, timeZone: string): string {
  return boardDay(now, timeZone);
}

/** Whether a news item is shown on a day: from its first day through its last, both included. */
export function shownOn(item: Pick<NewsItem, 'publishedOn' | 'shownUntil'>, day: string): boolean {
  return item.publishedOn <= day && (item.shownUntil === null || day <= item.shownUntil);
}

/** The items shown on a day, newest first (by day, then by creation), at most `limit`. */
export function currentNews<T extends Pick<NewsItem, 'publishedOn' | 'shownUntil' | 'createdAt'>>(
  items: readonly T[],
  day: string,
  limit = Infinity,
): T[] {
  return items
    .filter((i) => shownOn(i, day))
    .sort(
      (a, b) =>
        b.publishedOn.localeCompare(a.publishedOn) || b.createdAt.getTime() - a.createdAt.getTime(),
    )
    .slice(0, limit);
}
