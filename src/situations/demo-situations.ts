// The demo organisations' life situations, loaded with the demo data (boot.ts): each in the
// organisation's language and English, as an office would write it. The Slovenian and Czech
// organisations lack the other one's language on purpose: a reader of a missing language gets
// the organisation's own (localize()), marked with its lang attribute.
import type { Localized } from '../i18n/i18n.ts';
import type { TextField } from './domain.ts';
import { DEMO_SITUATIONS_CZ } from './demo-situations-cz.ts';
import { DEMO_SITUATIONS_SI } from './demo-situations-si.ts';

/** A demo situation: its organisation and services by slug. */
export type DemoSituation = {
  organisation: string;
  slug: string;
  texts: Record<TextField, Localized>;
  rppCodes: string[];
  services: string[];
  /** Its forms by slug (src/forms/demo-forms*.ts). */
  forms: string[];
};

/** Every demo situation, in the order each organisation lists them. */
export const DEMO_SITUATIONS: readonly DemoSituation[] = [
  ...DEMO_SITUATIONS_CZ,
  ...DEMO_SITUATIONS_SI,
];
