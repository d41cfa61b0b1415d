// The demo organisations' forms, loaded published (version 1) with the demo data (boot.ts):
// written as those offices write them, in each organisation's language and English.
import type { DefinitionInput } from './definition.ts';
import { DEMO_FORMS_CZ } from './demo-forms-cz.ts';
import { DEMO_REQUESTS_CZ } from './demo-forms-cz-requests.ts';
import { DEMO_FORMS_SI } from './demo-forms-si.ts';

/** A demo form: its organisation by slug, its own slug and its definition. */
export type DemoForm = { organisation: string; slug: string; definition: DefinitionInput };

/** Every demo form, in the order each organisation lists them. */
export const DEMO_FORMS: readonly DemoForm[] = [
  ...DEMO_FORMS_CZ,
  ...DEMO_REQUESTS_CZ,
  ...DEMO_FORMS_SI,
];
