// The public notice board's paths and query. A query that makes no sense is no filter, never an
// error page: an odd category or page number falls back to all and the first.
import { z } from 'zod';
import { CATEGORIES } from './domain.ts';

const slugParam = z.string().max(80);
// A path that names no notice (/notices/abc, a number out of range, a file id that is no uuid) is
// a page that does not exist: 0 and the nil uuid are never stored, so they end in 404, not 400.
const numberParam = z.coerce.number().int().min(1).max(2_147_483_647).catch(0);

export const orgParams = z.object({ org: slugParam });
export const noticeParams = orgParams.extend({ number: numberParam });
export const versionParams = noticeParams.extend({ version: numberParam });
export const fileParams = noticeParams.extend({
  fileId: z.uuid().catch('00000000-0000-0000-0000-000000000000'),
});

/** The list and archive's filter as the GET form and links give it. */
export const listQuery = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
