// File sizes as people read them, for the meeting folder and the appointment page alike.
import { localeOf, type Lang } from '../i18n/i18n.ts';

/** A size as people read it ("840 kB", "3.4 MB", in the page's language), in binary units like the limits (20 MB = 20 MiB). */
export function formatSize(bytes: number, lang: Lang): string {
  const [unit, value] =
    bytes < 1024 * 1024
      ? (['kilobyte', Math.max(1, bytes / 1024)] as const)
      : (['megabyte', bytes / 1024 / 1024] as const);
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
