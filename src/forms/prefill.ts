// Prefill (decision 033): the first answers of a form from what the eID and the citizen's profile
// already know, so nobody types their own name again. The citizen can change every one of them;
// they are answers like any other once posted, and checked the same way.
import type { Address, Answers, Person } from './answer-types.ts';
import { dateOf } from './answer-types.ts';
import type { FormDefinition, PrefillSource } from './definition.ts';

/** What is known of the person filling in: the eID's attributes and the profile (citizens). */
export type KnownPerson = {
  givenName?: string | null | undefined;
  familyName?: string | null | undefined;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null | undefined;
  /** One line, as eIDs give it: "Hlavní 12, 742 21 Kopřivnice". */
  address?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
};

const clean = (v: string | null | undefined) => v?.trim() || undefined;

/**
 * An eID's one-line address in parts, where it reads as "street, postcode town" (sl 1230 Domžale,
 * cs 742 21 Kopřivnice); otherwise all of it as the street, for the citizen to finish.
 */
export function addressParts(line: string, country: 'SI' | 'CZ' | undefined): Partial<Address> {
  const at = line.lastIndexOf(',');
  const place = at >= 0 ? /^(\d{4}|\d{3} ?\d{2})\s+(.+)$/.exec(line.slice(at + 1).trim()) : null;
  if (!place) return { street: line.trim(), ...(country ? { country } : {}) };
  const postcode = place[1]!;
  const guessed = postcode.replace(' ', '').length === 5 ? 'CZ' : 'SI';
  return {
    street: line.slice(0, at).trim(),
    postcode,
    city: place[2]!.trim(),
    country: country ?? guessed,
  };
}

function valueOf(
  source: PrefillSource,
  person: KnownPerson,
  withDate: boolean,
  country?: 'SI' | 'CZ',
) {
  const given = clean(person.givenName);
  const family = clean(person.familyName);
  const born = person.dateOfBirth
    ? (dateOf(person.dateOfBirth.trim(), 'json') ?? undefined)
    : undefined;
  switch (source) {
    case 'person.givenName':
      return given;
    case 'person.familyName':
      return family;
    case 'person.fullName':
      return [given, family].filter(Boolean).join(' ') || undefined;
    case 'person.dateOfBirth':
      return born;
    case 'person.email':
      return clean(person.email);
    case 'person.phone':
      return clean(person.phone);
    case 'person.address': {
      const line = clean(person.address);
      return line ? addressParts(line, country) : undefined;
    }
    case 'person': {
      if (!given && !family) return undefined;
      const p: Partial<Person> = { givenName: given ?? '', familyName: family ?? '' };
      if (withDate && born) p.dateOfBirth = born;
      return p;
    }
  }
}

/**
 * The initial answers of a form for a person: one per top-level question that has a prefill
 * binding and something known to put there. Pure; what the person may see is the caller's to
 * decide (a form is only filled in by the signed-in person about themselves).
 */
export function prefill(def: FormDefinition, person: KnownPerson): Answers {
  const out: Answers = {};
  for (const page of def.pages)
    for (const q of page.questions) {
      if (!('prefill' in q) || !q.prefill) continue;
      const value = valueOf(
        q.prefill,
        person,
        q.type === 'person' && q.withDateOfBirth,
        q.type === 'address' ? q.defaultCountry : undefined,
      );
      if (value !== undefined) out[q.id] = value as Answers[string];
    }
  return out;
}
