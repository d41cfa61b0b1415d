import type { Clock } from '../../lib/clock.ts';
import type { TenantsService } from '../../tenants/service.ts';
import type { NewsService } from '../news/service.ts';
import { HOME_NEWS } from '../news/domain.ts';
import type { PublicNoticeBoard } from '../public/service.ts';

/** How many of the notice board's latest notices the home page lists before "all notices". */
export const HOME_NOTICES = 3;

/**
 * The organisation's home page, /o/{org}: the catalogue's view of the organisation (offices,
 * services; unknown and suspended organisations refused as everywhere) with the news it shows
 * today, at most HOME_NEWS of them, and the notice board's latest current notices.
 */
export function homeService(deps: {
  clock: Clock;
  tenants: TenantsService;
  news: NewsService;
  /** The notice board, for its latest current notices. */
  notices: Pick<PublicNoticeBoard, 'latestNotices'>;
}) {
  return {
    /** What the home page shows of an organisation now. */
    async home(orgSlug: string) {
      const view = await deps.tenants.getOrganisation(orgSlug);
      const now = deps.clock.now();
      const [news, notices] = await Promise.all([
        deps.news.shownAt(view.organisation, now, HOME_NEWS),
        deps.notices.latestNotices(view.organisation, now, HOME_NOTICES),
      ]);
      return { ...view, news, notices };
    },
  };
}

export type HomeService = ReturnType<typeof homeService>;
