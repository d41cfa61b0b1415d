// Pure rules of departments and contacts: the tree and its moves, which people the public may
// see, the search, and the IRIs (tel:, mailto:) the open data needs. No I/O.
import type { Lang, Localized } from '../../i18n/i18n.ts';
import { foldForSearch, queryWords, stem } from '../../lib/search-words.ts';

/** A department (odbor, oddelek) as the domain sees it, with what it handles. */
export type Department = {
  id: string;
  organisationId: string;
  parentId: string | null;
  slug: string;
  name: Localized;
  description: Localized;
  location: Localized;
  officeHours: Localized;
  email: string | null;
  phone: string | null;
  position: number;
  serviceIds: string[];
  situationIds: string[];
  updatedAt: Date;
};

/** A person of a department; the public sees them only while `published` (decision 051). */
export type Person = {
  id: string;
  departmentId: string;
  fullName: string;
  role: Localized;
  email: string | null;
  phone: string | null;
  room: string | null;
  officeHours: Localized;
  staffId: string | null;
  published: boolean;
  consentRecordedAt: Date | null;
  consentRecordedBy: string | null;
  position: number;
  updatedAt: Date;
};

/** A department in the tree as pages list it: depth 0 at the top. */
export type TreeEntry = { department: Department; depth: number };

/** The longest text each field takes (characters). */
export const MAX_LENGTH = {
  name: 200,
  description: 2000,
  location: 300,
  officeHours: 1000,
  role: 200,
  fullName: 200,
  room: 100,
} as const;

/** How deep the tree may go: a department's chain of parents, counting itself (odbor → oddělení → …). */
export const MAX_DEPTH = 5;

/** A text in any of its languages, the reader's first, for sorting and plain labels. */
export function anyText(text: Localized, lang: Lang, fallback: Lang): string {
  for (const l of [lang, fallback, 'en', 'sl', 'cs'] as const) {
    const v = text[l]?.trim();
    if (v) return v;
  }
  return '';
}

/** The departments in tree order (each after its parent, siblings by position, then name), with their depth. */
export function flattenTree(
  departments: readonly Department[],
  lang: Lang,
  fallback: Lang,
): TreeEntry[] {
  const collator = new Intl.Collator(lang);
  const ids = new Set(departments.map((d) => d.id));
  const children = (parent: string | null) =>
    departments
      .filter((d) => (d.parentId !== null && ids.has(d.parentId) ? d.parentId : null) === parent)
      .sort(
        (a, b) =>
          a.position - b.position ||
          collator.compare(anyText(a.name, lang, fallback), anyText(b.name, lang, fallback)),
      );
  const out: TreeEntry[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const d of children(parent)) {
      out.push({ department: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The department and everything under it, by id. */
export function subtreeIds(departments: readonly Department[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments)
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
  }
  return out;
}

/** How many levels a subtree spans (1 for a department without children). */
function height(departments: readonly Department[], id: string): number {
  const kids = departments.filter((d) => d.parentId === id);
  return 1 + Math.max(0, ...kids.map((k) => height(departments, k.id)));
}

/** How many departments a chain from the top down to `id` holds (1 at the top). */
function levelOf(departments: readonly Department[], id: string): number {
  let level = 0;
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at);) {
    seen.add(at);
    level++;
    at = departments.find((d) => d.id === at)?.parentId ?? null;
  }
  return level;
}

/**
 * Why a department (id null: a new one) may not go under `parentId`, or null when it may: under
 * itself or anything under it would make a cycle (the tree would leave the organisation), and
 * the tree stays at most MAX_DEPTH levels deep.
 */
export function moveProblem(
  departments: readonly Department[],
  id: string | null,
  parentId: string | null,
): 'cycle' | 'too_deep' | null {
  if (parentId === null) return null;
  if (id !== null && subtreeIds(departments, id).has(parentId)) return 'cycle';
  const below = id === null ? 1 : height(departments, id);
  return levelOf(departments, parentId) + below > MAX_DEPTH ? 'too_deep' : null;
}

/** The public's view of people: only those published (with a recorded consent). */
export function publicPeople<T extends Pick<Person, 'published' | 'consentRecordedAt'>>(
  people: readonly T[],
): T[] {
  return people.filter((p) => p.published && p.consentRecordedAt !== null);
}

/** A URL slug from a name: folded, lower case, words joined by dashes, at most 80 characters. */
export function slugFrom(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const CALLING_CODE: Record<'CZ' | 'SI', string> = { CZ: '420', SI: '386' };

/**
 * A phone number as a tel: IRI (RFC 3966), in E.164 where the number allows: "+386 1 724 10 00",
 * "00420 556 879 411" and a national number ("01 724 10 00" in Slovenia, "556 879 411" in
 * Czechia) become "tel:+386…"/"tel:+420…". Anything else (a short internal line) is kept as a
 * local number in the organisation's country's context. Null when there are no digits.
 */
export function telIri(phone: string, country: 'CZ' | 'SI'): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return null;
  const code = CALLING_CODE[country];
  if (trimmed.startsWith('+')) return `tel:+${digits}`;
  if (digits.startsWith('00') && digits.length > 8) return `tel:+${digits.slice(2)}`;
  if (country === 'CZ' && digits.length === 9) return `tel:+${code}${digits}`;
  if (country === 'SI' && digits.startsWith('0') && digits.length >= 8 && digits.length <= 9)
    return `tel:+${code}${digits.slice(1)}`;
  return `tel:${digits};phone-context=+${code}`;
}

/** An e-mail address as a mailto: IRI. */
export function mailtoIri(email: string): string {
  return `mailto:${email.trim()}`;
}

/** Every language of a text, for a search that finds a department whatever language one types in. */
function allLanguages(text: Localized): string {
  return Object.values(text).join(' \n ');
}

/** What a search looks in, besides the departments and people themselves. */
export type Handled = {
  serviceNames: Map<string, Localized>;
  situationNames: Map<string, Localized>;
};

/**
 * The departments and published people matching every word (its stem) of the query, folded
 * (case and diacritics ignored), in any language: a department by its name and by the services
 * and life situations it handles, a person by name and role. Unpublished people are never
 * searched. An empty query finds nothing.
 */
export function searchContacts<P extends Person>(
  tree: readonly TreeEntry[],
  people: readonly P[],
  handled: Handled,
  query: string,
): { departments: Department[]; people: P[] } {
  const words = queryWords(query).map(stem);
  if (words.length === 0) return { departments: [], people: [] };
  const matches = (haystack: string) => {
    const folded = foldForSearch(haystack);
    return words.every((w) => folded.includes(w));
  };
  const departments = tree
    .map((e) => e.department)
    .filter((d) =>
      matches(
        [
          allLanguages(d.name),
          ...d.serviceIds.map((id) => allLanguages(handled.serviceNames.get(id) ?? {})),
          ...d.situationIds.map((id) => allLanguages(handled.situationNames.get(id) ?? {})),
        ].join(' \n '),
      ),
    );
  const found = publicPeople(people).filter((p) =>
    matches(`${p.fullName} \n ${allLanguages(p.role)}`),
  );
  return { departments, people: found };
}
