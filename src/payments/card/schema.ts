// Input of the card payment's routes and API operation.
import { z } from 'zod';

/** The organisation in a path: its slug. */
export const orgParams = z.object({
  org: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(63),
});

/** A card payment's result page. */
export const resultParams = orgParams.extend({ id: z.uuid() });

/** The card button's form: a payment token (no sign-in) or the citizen's own obligation. */
export const startForm = z.union([
  z.object({ token: z.string().min(16).max(200) }),
  z.object({ obligation: z.uuid() }),
]);

/** What the gateway sends back: named fields of printable text, nothing long. */
export const returnFields = z.record(z.string().regex(/^[A-Z0-9]{1,20}$/), z.string().max(2000));
