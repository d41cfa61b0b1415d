// Pure rules of life situations: what a guide holds, how it is searched, which video paths and
// register codes are acceptable. No I/O.
import { localize, type Lang, type Localized } from '../i18n/i18n.ts';
import { foldForSearch, queryWords, stem } from '../lib/search-words.ts';

/** The parts of a guide, in the order a guide page shows them. */
export const GUIDE_PARTS = [
  'audience',
  'preparation',
  'fees',
  'deadlines',
  'legalBasis',
  'department',
] as const;
export type GuidePart = (typeof GUIDE_PARTS)[number];

/** Every text of a situation an organisation writes, per language. */
export const TEXT_FIELDS = ['title', 'summary', ...GUIDE_PARTS] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A life situation as the domain sees it. */
export type Situation = {
  id: string;
  organisationId: string;
  slug: string;
  texts: Record<TextField, Localized>;
  /** A help video served by Okence itself (a local path), and its captions (WebVTT). */
  videoPath: string | null;
  captionsPath: string | null;
  /** National service register (RPP) codes the organisation gives, as written by the register. */
  rppCodes: string[];
  /**
   * The forms the situation offers, by their slugs in the form engine (src/forms): the guide
   * lists those published, in this order (decision 035).
   */
  formSlugs: string[];
  /** The services one can book about it, by id, in the order the guide lists them. */
  serviceIds: string[];
  position: number;
  updatedAt: Date;
};

/** The longest text each field takes (characters); the browser's maxlength is only a courtesy. */
export const MAX_LENGTH: Record<TextField, number> = {
  title: 200,
  summary: 500,
  audience: 2000,
  preparation: 3000,
  fees: 2000,
  deadlines: 2000,
  legalBasis: 2000,
  department: 500,
};

/**
 * The situations that match every word of the query (its stem), in the texts the reader sees (their
 * language, else the organisation's) or a register code; the ones whose title matches come
 * first, then by the organisation's order. An empty query gives them all in that order.
 */
export function searchSituations<T extends Situation>(
  situations: readonly T[],
  query: string,
  lang: Lang,
  fallback: Lang,
): T[] {
  const sorted = [...situations].sort(byPosition(lang, fallback));
  const words = queryWords(query).map(stem);
  if (words.length === 0) return sorted;
  const scored = sorted.flatMap((s) => {
    const title = foldForSearch(localize(s.texts.title, lang, fallback));
    const body = foldForSearch(
      [
        ...TEXT_FIELDS.filter((f) => f !== 'title').map((f) =>
          localize(s.texts[f], lang, fallback),
        ),
        ...s.rppCodes,
        s.slug.replace(/-/g, ' '),
      ].join(' \n '),
    );
    if (!words.every((w) => title.includes(w) || body.includes(w))) return [];
    return [{ s, inTitle: words.filter((w) => title.includes(w)).length }];
  });
  return scored.sort((a, b) => b.inTitle - a.inTitle).map((x) => x.s);
}

/** The organisation's order (position), then the title in the reader's language. */
export function byPosition(lang: Lang, fallback: Lang) {
  const collator = new Intl.Collator(lang);
  return (a: Situation, b: Situation) =>
    a.position - b.position ||
    collator.compare(
      localize(a.texts.title, lang, fallback),
      localize(b.texts.title, lang, fallback),
    );
}

/**
 * A path of a file Okence serves, for a help video or its captions: absolute, no scheme or host,
 * no `..` or `//`, plain characters. Another origin would mean a third-party player or tracker.
 */
export function isLocalMediaPath(path: string, kind: 'video' | 'captions'): boolean {
  if (path.length > 300 || !/^\/[A-Za-z0-9._/-]+$/.test(path)) return false;
  if (path.includes('//') || path.includes('..')) return false;
  return kind === 'video' ? /\.(mp4|webm)$/i.test(path) : /\.vtt$/i.test(path);
}

/** The media type a browser needs for a video's `<source>`. */
export function videoType(path: string): 'video/mp4' | 'video/webm' {
  return /\.webm$/i.test(path) ? 'video/webm' : 'video/mp4';
}

/**
 * A national service register code as registers write them: Czech RPP agendas (A1028), services
 * (S2036), acts (U12345) and other identifiers of letters, digits and dots or dashes.
 */
export const RPP_CODE = /^[A-Z]{1,3}[0-9]{1,8}([./-][0-9A-Z]{1,8}){0,3}$/;

/** Register codes from a text area (one per line, or separated by commas or spaces), upper-cased, without duplicates; the ones not in the register's form are returned as bad. */
export function parseRppCodes(text: string): { codes: string[]; bad: string[] } {
  const items = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  return {
    codes: items.filter((c) => RPP_CODE.test(c)),
    bad: items.filter((c) => !RPP_CODE.test(c)),
  };
}

/** Lines of a text (what to prepare), trimmed, empty ones left out. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Which languages each text of a situation lacks while another language has it. */
export function missingLanguages(
  texts: Record<TextField, Localized>,
): { field: TextField; lang: Lang }[] {
  const langs = (['sl', 'cs', 'en'] as const).filter((l) => texts.title[l]?.trim());
  return TEXT_FIELDS.flatMap((field) => {
    const has = langs.filter((l) => texts[field][l]?.trim());
    if (has.length === 0) return [];
    return langs.filter((l) => !has.includes(l)).map((lang) => ({ field, lang }));
  });
}
