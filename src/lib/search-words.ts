// The words of a search that ignores case, diacritics and Slovenian and Czech endings: shared by
// the life situations' search, the notice board's and the contacts' (one folding, so the same
// query finds the same words everywhere). Pure.

/**
 * Folds text for a search that ignores case and diacritics: "Řízení" and "rizeni" meet. NFD
 * splits most letters from their marks; the few that do not decompose (đ, ł, ø, ß) are mapped.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss');
}

/** The words of a query, folded, without duplicates; a query of only spaces has none. */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      foldForSearch(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

/**
 * A word cut to what its inflected forms share, roughly: Slovenian and Czech change the ending
 * ("poplatek", "poplatku"; "potrdilo", "potrdila"), so the last letters of a longer word are
 * not required. Short words are kept whole, or "pes" would find every "pe…".
 */
export function stem(word: string): string {
  if (word.length >= 6) return word.slice(0, -2);
  if (word.length === 5) return word.slice(0, -1);
  return word;
}
