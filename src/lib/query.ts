import { z } from 'zod';

/**
 * A notice flag a redirect puts in a link (`?saved=1`): set only by exactly `1`, and anything
 * else, repeated or missing, is no flag rather than an error, since the page is the same page.
 */
export const queryFlag = z
  .unknown()
  .optional()
  .transform((v) => v === '1');

/**
 * Text typed into a form, to show it again: anything that is not one string (missing, or a field
 * sent twice) is empty, so a re-rendered form never fails on what it only echoes.
 */
export const typedText = z.string().catch('');
