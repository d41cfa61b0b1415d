/** The audit page's search form, as it arrives in the query string. */
import { z } from 'zod';
import type { Translate } from '../i18n/i18n.ts';
import type { FieldErrors } from '../views/form.ts';

export const auditQuery = z.object({
  q: z.string().max(200).optional(),
  who: z.string().max(100).optional(),
  what: z.string().max(100).optional(),
  object: z.string().max(200).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  before: z.string().max(30).optional(),
});
export type AuditQueryForm = z.infer<typeof auditQuery>;

const day = z.iso.date();

/** The search, or errors keyed by field id; unknown "who" and "what" values are errors too (they come from selects). */
export function readSearch(raw: unknown, t: Translate) {
  const parsed = auditQuery.safeParse(raw ?? {});
  const typed: AuditQueryForm = parsed.success ? parsed.data : {};
  const errors: FieldErrors = {};
  const text = (v: string | undefined) => v?.trim() || undefined;
  const fromDay = text(typed.from);
  const toDay = text(typed.to);
  if (fromDay && !day.safeParse(fromDay).success) errors['audit-from'] = t('audit.error.date');
  if (toDay && !day.safeParse(toDay).success) errors['audit-to'] = t('audit.error.date');
  if (fromDay && toDay && !errors['audit-from'] && !errors['audit-to'] && toDay < fromDay)
    errors['audit-to'] = t('audit.error.order');
  const who = text(typed.who);
  const what = text(typed.what);
  const before = text(typed.before);
  if (who && !z.uuid().safeParse(who).success) errors['audit-who'] = t('audit.error.choice');
  if (what && !/^[a-z_]+(\.[a-z_]+)*$/.test(what)) errors['audit-what'] = t('audit.error.choice');
  const search = {
    ...(text(typed.q) ? { text: text(typed.q)! } : {}),
    ...(who ? { actorStaffId: who } : {}),
    ...(what ? { action: what } : {}),
    ...(text(typed.object) ? { objectId: text(typed.object)! } : {}),
    ...(fromDay ? { fromDay } : {}),
    ...(toDay ? { toDay } : {}),
    // A malformed cursor is dropped rather than refused: it only ever comes from our own link.
    ...(before && /^\d{1,18}$/.test(before) ? { beforeId: before } : {}),
  };
  return { search, typed, errors };
}
