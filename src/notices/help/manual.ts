// The staff's user manual (/staff/help): its sections in order, the page each is about and whether
// only administrators see that page. Each language's text is a content file (manual-{lang}.ts) that
// must give every section, so the type checker finds a section missing in one language. A page's
// label is named by its message key in braces ({layout.nav.agenda}), so the manual says what the
// page says, also after a rename.
import { MESSAGES, type Lang, type MessageKey } from '../../i18n/i18n.ts';
import { quoted } from './guides.ts';
import { MANUAL_CS } from './manual-cs.ts';
import { MANUAL_EN } from './manual-en.ts';
import { MANUAL_SL } from './manual-sl.ts';

export const MANUAL_SECTIONS = [
  { id: 'agenda', href: '/staff', adminOnly: false },
  { id: 'meeting', href: '/staff', adminOnly: false },
  { id: 'folder', href: null, adminOnly: false },
  { id: 'submissions', href: '/staff/submissions', adminOnly: false },
  { id: 'fees', href: '/staff/admin/fees', adminOnly: true },
  { id: 'notices', href: '/staff/admin/notices', adminOnly: true },
  { id: 'departments', href: '/staff/admin/departments', adminOnly: true },
  { id: 'news', href: '/staff/admin/news', adminOnly: true },
  { id: 'accounts', href: '/staff/admin/officials', adminOnly: true },
  { id: 'stats', href: '/staff/stats', adminOnly: true },
] as const;

export type ManualSectionId = (typeof MANUAL_SECTIONS)[number]['id'];

/** A section's text: its title and short task-oriented paragraphs. */
export type ManualText = { title: string; items: readonly string[] };

/** One language's manual: a text for every section. */
export type ManualContent = Record<ManualSectionId, ManualText>;

const MANUALS: Record<Lang, ManualContent> = { en: MANUAL_EN, sl: MANUAL_SL, cs: MANUAL_CS };

/** A manual text with each {message.key} replaced by that label in quotes; an unknown key throws. */
export function resolveLabels(lang: Lang, text: string): string {
  return text.replace(/\{([a-z_]+(?:\.[a-z0-9_]+)+)\}/g, (_, key: string) => {
    const label = (MESSAGES[lang] as Record<string, string | undefined>)[key];
    if (label === undefined) throw new Error(`The manual names ${key}, which is no message`);
    return quoted(lang, label);
  });
}

/** The manual's sections in a language, in order, with where each leads. */
export function manualIn(lang: Lang) {
  return MANUAL_SECTIONS.map((s) => {
    const text = MANUALS[lang][s.id];
    return { ...s, title: text.title, items: text.items.map((i) => resolveLabels(lang, i)) };
  });
}

/** The message keys the manual names, for the tests. */
export function manualKeys(lang: Lang): MessageKey[] {
  const texts = Object.values(MANUALS[lang]).flatMap((t) => t.items);
  return texts.flatMap((t) => [...t.matchAll(/\{([a-z_.0-9]+)\}/g)].map((m) => m[1] as MessageKey));
}
