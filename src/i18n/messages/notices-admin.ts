/** Texts of the staff's notice board pages (src/notices, /staff/admin/notices). Each language has exactly the English keys. */
const en = {
  'notices.admin.title': 'Notice board',
};

export type NoticesAdminMessageKey = keyof typeof en;

const sl: Record<NoticesAdminMessageKey, string> = {
  'notices.admin.title': 'Oglasna deska',
};

const cs: Record<NoticesAdminMessageKey, string> = {
  'notices.admin.title': 'Úřední deska',
};

export const noticesAdminMessages: Record<
  'sl' | 'cs' | 'en',
  Record<NoticesAdminMessageKey, string>
> = {
  en,
  sl,
  cs,
};
