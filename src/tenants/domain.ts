import type { Lang, Localized } from '../i18n/i18n.ts';
import { localeOf, localize } from '../i18n/i18n.ts';

export type OpeningHours = { weekday: number; opens: string; closes: string };

export type Organisation = {
  id: string;
  slug: string;
  country: 'SI' | 'CZ';
  defaultLanguage: Lang;
  timeZone: string;
  currency: string;
  name: Localized;
  description: Localized;
  brandColour: string | null;
  /** The organisation's logo (SVG markup), served only as an image; null when it has none. */
  logoSvg: string | null;
  /** Changes when the logo does: part of its URL, so browsers may cache it for good. */
  logoVersion: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** The display name and reply-to address on mail to citizens (null: the installation's). */
  mailSender: { name: string | null; replyTo: string | null };
  /**
   * True while an operator has suspended the organisation's online counter (decision 023): its
   * citizen pages say so instead of offering anything, and it is left out of search and lists.
   */
  suspended: boolean;
};

export type Office = {
  id: string;
  organisationId: string;
  slug: string;
  name: Localized;
  street: string;
  postcode: string;
  city: string;
  email: string | null;
  phone: string | null;
  /** The office's own zone, or the organisation's. */
  timeZone: string;
  hours: OpeningHours[];
  /** False once an admin deactivates it: gone from citizen pages, its bookings kept. */
  active: boolean;
};

export type Service = {
  id: string;
  organisationId: string;
  slug: string;
  name: Localized;
  description: Localized;
  preparation: Localized;
  feeNote: Localized;
  feeMinor: number | null;
  durationMinutes: number;
  /** Booking rules: gap after each appointment, seats per slot, earliest and latest booking. */
  bufferMinutes: number;
  capacity: number;
  minNoticeMinutes: number;
  horizonDays: number;
  byVideo: boolean;
  inPerson: boolean;
  officeIds: string[];
  officialIds: string[];
};

export type Official = {
  id: string;
  organisationId: string;
  displayName: string;
  title: Localized;
  role: 'admin' | 'official';
  officeIds: string[];
};

/** Everything a citizen can browse, loaded at once and kept in memory (it changes rarely). */
export type Catalogue = {
  organisations: Organisation[];
  offices: Office[];
  services: Service[];
  officials: Official[];
};

/** Where the organisation's logo is served, or null when it has none. */
export function logoUrl(org: Organisation): string | null {
  return org.logoVersion ? `/o/${org.slug}/logo.svg?v=${org.logoVersion}` : null;
}

/** Lower-cases and strips diacritics, so "domzale" finds "Domžale" and "koprivnice" finds "Kopřivnice". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Organisations (not suspended ones) whose name in any language or office towns contain every word of the query. */
export function searchOrganisations(catalogue: Catalogue, query: string): Organisation[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const open = catalogue.organisations.filter((org) => !org.suspended);
  if (words.length === 0) return open;
  return open.filter((org) => {
    const towns = catalogue.offices
      .filter((o) => o.organisationId === org.id)
      .map((o) => `${o.city} ${o.postcode}`);
    const haystack = foldForSearch([...Object.values(org.name), ...towns].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** Sorts by the name shown in the reader's language, with that language's collation. */
export function byLocalizedName<T extends { name: Localized }>(
  items: readonly T[],
  lang: Lang,
): T[] {
  const collator = new Intl.Collator(localeOf(lang));
  return [...items].sort((a, b) =>
    collator.compare(localize(a.name, lang), localize(b.name, lang)),
  );
}

// Money is formatted in shared machinery (views/money.ts), which the forms' receipts use too.
export { formatMoney } from '../views/money.ts';

/** Opening hours grouped by weekday, Monday first; a day without hours is closed. */
export function weekSchedule(
  hours: readonly OpeningHours[],
): { weekday: number; ranges: { opens: string; closes: string }[] }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    ranges: hours
      .filter((h) => h.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map(({ opens, closes }) => ({ opens: opens.slice(0, 5), closes: closes.slice(0, 5) })),
  }));
}

/** Non-empty lines of a multi-line text (used for "what to prepare"). */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
