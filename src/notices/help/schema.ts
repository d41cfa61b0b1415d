// Input of the help pages: a guide's task and a media file's language and name.
import { z } from 'zod';
import { LANGS } from '../../i18n/i18n.ts';

export const guideParams = z.object({ task: z.string().max(40) });

/** A media file: only names the walk and the video script write (a step's PNG, a task's WebM or VTT). */
export const mediaParams = z.object({
  lang: z.enum(LANGS),
  file: z.string().regex(/^[a-z]+(-\d{1,2})?\.(png|webp|webm|vtt)$/),
});
