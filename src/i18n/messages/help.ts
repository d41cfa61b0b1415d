/** Texts of the help pages: task guides, videos and the staff manual (src/notices/help). Each language has exactly the English keys. */
const en = {
  'help.title': 'Help',
};

export type HelpMessageKey = keyof typeof en;

const sl: Record<HelpMessageKey, string> = {
  'help.title': 'Pomoč',
};

const cs: Record<HelpMessageKey, string> = {
  'help.title': 'Nápověda',
};

export const helpMessages: Record<'sl' | 'cs' | 'en', Record<HelpMessageKey, string>> = {
  en,
  sl,
  cs,
};
