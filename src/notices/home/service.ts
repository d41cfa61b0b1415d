import type { Clock } from '../../lib/clock.ts';
import type { TenantsService } from '../../tenants/service.ts';
import type { NewsService } from '../news/service.ts';
import { HOME_NEWS } from '../news/domain.ts';

/**
 * The organisation's home page, /o/{org}: the catalogue's view of the organisation (offices,
 * services; unknown and suspended organisations refused as everywhere) with the news it shows
 * today, at most HOME_NEWS of them.
 */
export function homeService(deps: { clock: Clock; tenants: TenantsService; news: NewsService }) {
  return {
    /** What the home page shows of an organisation now. */
    async home(orgSlug: string) {
      const view = await deps.tenants.getOrganisation(orgSlug);
      const news = await deps.news.shownAt(view.organisation, deps.clock.now(), HOME_NEWS + 1);
      // One more than shown says whether "all news" leads anywhere further.
      return { ...view, news: news.slice(0, HOME_NEWS), moreNews: news.length > HOME_NEWS };
    },
  };
}

export type HomeService = ReturnType<typeof homeService>;
