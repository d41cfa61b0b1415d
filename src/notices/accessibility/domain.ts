// The accessibility statement in the model form of Commission Implementing Decision (EU) 2018/1523
// (Directive (EU) 2016/2102, art. 7; decision 052): the body's commitment under its country's law,
// the compliance status, the content that is not accessible and why, how and when the statement
// was prepared and reviewed, how to give feedback, and the enforcement procedure with the national
// body that hears complaints. Without a statement of its own an organisation shows the platform's.
import type { Localized } from '../../i18n/i18n.ts';

export type Compliance = 'full' | 'partial' | 'none';
export type Method = 'self' | 'third_party';
export const COMPLIANCE: readonly Compliance[] = ['full', 'partial', 'none'];
export const METHODS: readonly Method[] = ['self', 'third_party'];
/** The longest description of non-accessible content the form takes (per language). */
export const MAX_NON_ACCESSIBLE = 5000;

/** An organisation's statement as saved by its admin. */
export type SavedStatement = {
  compliance: Compliance;
  nonAccessible: Localized;
  preparedOn: string;
  reviewedOn: string | null;
  method: Method;
  feedbackEmail: string | null;
  feedbackPhone: string | null;
};

/** The statement a page shows: the organisation's own, or the platform's (`platform: true`). */
export type Statement = SavedStatement & { platform: boolean };

/**
 * The platform's own statement (Okence's status, tested against WCAG 2.1 AA with axe and
 * keyboard-only browser tests; decision 052), dated so a reader knows how old it is. Partially
 * compliant, not fully: automated checks do not find every problem, and the documents an
 * organisation attaches are its authors' to make accessible. Its non-accessible content is the
 * page's own texts (frontdoor.a11y.platform.*), so nonAccessible stays empty.
 */
export const PLATFORM_STATEMENT = {
  compliance: 'partial',
  preparedOn: '2026-12-03',
  reviewedOn: null,
  method: 'self',
} as const satisfies Partial<SavedStatement>;

/** The statement to show: the saved one, else the platform's with the organisation's contacts. */
export function effectiveStatement(
  saved: SavedStatement | undefined,
  organisation: { email: string | null; phone: string | null },
): Statement {
  if (saved) return { ...saved, platform: false };
  return {
    ...PLATFORM_STATEMENT,
    nonAccessible: {},
    feedbackEmail: organisation.email,
    feedbackPhone: organisation.phone,
    platform: true,
  };
}

/**
 * The body that supervises the law and hears complaints when a body does not answer (the
 * statement's enforcement procedure). Slovenia: Inšpektorat Republike Slovenije za informacijsko
 * družbo (ZDSMA, art. 15). Czechia: Digitální a informační agentura, which took the supervision
 * over from the Ministry of the Interior on 1 April 2023 (zákon č. 471/2022 Sb.). Its name per
 * language is the i18n's (`frontdoor.a11y.body.SI`, `.CZ`); the sources are in decision 052.
 */
export const ENFORCEMENT_BODY = {
  SI: {
    address: 'Davčna ulica 1, 1000 Ljubljana',
    email: 'gp.irsid@gov.si',
    dataBox: null,
  },
  CZ: {
    address: 'Na Vápence 915/14, 130 00 Praha 3',
    email: 'posta@dia.gov.cz',
    dataBox: 'yukd8p7',
  },
} as const satisfies Record<
  'SI' | 'CZ',
  { address: string; email: string; dataBox: string | null }
>;

/** The lines of a text as list items (blank lines dropped). */
export function items(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}
