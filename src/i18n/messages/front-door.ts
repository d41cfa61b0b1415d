/** Texts of the organisation's home page, its news and its accessibility statement (src/notices/news, src/notices/accessibility, the home page). Each language has exactly the English keys. */
const en = {
  'frontdoor.news.title': 'News',
};

export type FrontDoorMessageKey = keyof typeof en;

const sl: Record<FrontDoorMessageKey, string> = {
  'frontdoor.news.title': 'Novice',
};

const cs: Record<FrontDoorMessageKey, string> = {
  'frontdoor.news.title': 'Aktuality',
};

export const frontDoorMessages: Record<'sl' | 'cs' | 'en', Record<FrontDoorMessageKey, string>> = {
  en,
  sl,
  cs,
};
