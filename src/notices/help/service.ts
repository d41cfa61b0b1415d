// The help pages' use cases: which guide a task names, which media file a request names. Nothing
// here is per organisation or per person: the guides are the same for everyone.
import { AppError } from '../../lib/errors.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { guideOf, type Guide } from './guides.ts';
import { helpMedia, type HelpMedia, type HelpMediaFile } from './media.ts';

/** The help service over the committed media (or a test's directory). */
export function helpService(media: HelpMedia = helpMedia()) {
  return {
    media,
    /** The guide of a task; not_found for any other name. */
    guide(task: string): Guide {
      const guide = guideOf(task);
      if (!guide) throw new AppError('not_found');
      return guide;
    },
    /** A media file of a language; not_found when there is none by that name. */
    mediaFile(lang: Lang, name: string): HelpMediaFile {
      const found = media.file(lang, name);
      if (!found) throw new AppError('not_found');
      return found;
    },
  };
}

export type HelpService = ReturnType<typeof helpService>;
