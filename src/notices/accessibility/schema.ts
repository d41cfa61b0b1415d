// The accessibility statement's admin form as posted. Messages are translation keys named after
// the inputs, so an issue's path is the id the error summary links to.
import { z } from 'zod';
import { LANGS, type MessageKey } from '../../i18n/i18n.ts';
import { isCalendarDate } from '../../lib/zoned-time.ts';
import { localizedFrom, one, type FormBody } from '../../tenants/admin-schema.ts';
import { COMPLIANCE, MAX_NON_ACCESSIBLE, METHODS, type SavedStatement } from './domain.ts';

export const orgParams = z.object({ org: z.string().max(80) });

const email = z.string().max(254).pipe(z.email());
const phone = z.string().regex(/^\+?[0-9 ()/-]{6,40}$/);

/**
 * Reads the statement form, every problem at once: a status and method from their lists, the day
 * it was prepared (the review, if any, not before it), the non-accessible content's length, and a
 * way to give feedback (an e-mail address or a phone number; the model statement requires one).
 */
export function parseStatementForm(
  body: FormBody,
): { ok: true; input: SavedStatement } | { ok: false; fields: Record<string, MessageKey> } {
  const compliance = COMPLIANCE.find((c) => c === one(body, 'compliance'));
  const method = METHODS.find((m) => m === one(body, 'method'));
  const preparedOn = one(body, 'preparedOn').trim();
  const reviewedOn = one(body, 'reviewedOn').trim();
  const feedbackEmail = one(body, 'feedbackEmail').trim().toLowerCase();
  const feedbackPhone = one(body, 'feedbackPhone').trim();
  const nonAccessible = localizedFrom(body, 'nonAccessible');
  const fields: Record<string, MessageKey> = {};
  const problem = (field: string, message: MessageKey) => (fields[field] ??= message);
  if (!compliance) problem('compliance', 'frontdoor.a11y.error.compliance');
  for (const l of LANGS)
    if ((nonAccessible[l] ?? '').length > MAX_NON_ACCESSIBLE)
      problem(`nonAccessible_${l}`, 'frontdoor.a11y.error.too_long');
  if (!isCalendarDate(preparedOn)) problem('preparedOn', 'frontdoor.a11y.error.date');
  if (reviewedOn && !isCalendarDate(reviewedOn)) problem('reviewedOn', 'frontdoor.a11y.error.date');
  else if (reviewedOn && isCalendarDate(preparedOn) && reviewedOn < preparedOn)
    problem('reviewedOn', 'frontdoor.a11y.error.review_before');
  if (!method) problem('method', 'frontdoor.a11y.error.method');
  if (feedbackEmail && !email.safeParse(feedbackEmail).success)
    problem('feedbackEmail', 'frontdoor.a11y.error.email');
  if (feedbackPhone && !phone.safeParse(feedbackPhone).success)
    problem('feedbackPhone', 'frontdoor.a11y.error.phone');
  if (!feedbackEmail && !feedbackPhone) problem('feedbackEmail', 'frontdoor.a11y.error.contact');
  if (Object.keys(fields).length || !compliance || !method) return { ok: false, fields };
  return {
    ok: true,
    input: {
      compliance,
      method,
      nonAccessible,
      preparedOn,
      reviewedOn: reviewedOn || null,
      feedbackEmail: feedbackEmail || null,
      feedbackPhone: feedbackPhone || null,
    },
  };
}
