// The help pages' media: the screenshots, videos and captions committed under public/help/{lang}/
// (made by `npm run help:screenshots`, decision 053). Okence serves them itself, with a content
// hash in the URL so browsers keep them, and with byte ranges so a video can seek. Only their
// names, sizes and hashes are held in memory; the bytes are read from disk per request.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { extname, join } from 'node:path';
import { LANGS, type Lang } from '../../i18n/i18n.ts';
import type { ByteRange } from './range.ts';

/** Where the committed help media live: public/help/{lang}/. */
export const HELP_MEDIA_DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'help');

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** A media file as served: its type, size and content hash. */
export type HelpMediaFile = { path: string; type: string; size: number; hash: string };

/** Every language's media in `dir`, by `lang/name`, with type, size and content hash. */
function indexMedia(dir: string): Map<string, HelpMediaFile> {
  const files = new Map<string, HelpMediaFile>();
  for (const lang of LANGS) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) continue;
    for (const name of readdirSync(langDir).sort()) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const path = join(langDir, name);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
      files.set(`${lang}/${name}`, { path, type, size: statSync(path).size, hash });
    }
  }
  return files;
}

/** The help media of one directory (public/help, or a test's own). */
export function helpMedia(dir: string = HELP_MEDIA_DIR) {
  // Built at the first help page or media request, not at start: hashing the ~2 MB of committed
  // media is work (and memory) an instance that serves no help page never needs.
  let index: Map<string, HelpMediaFile> | undefined;
  const indexed = (): Map<string, HelpMediaFile> => (index ??= indexMedia(dir));
  return {
    /** The file `name` of a language, or undefined. */
    file(lang: Lang, name: string): HelpMediaFile | undefined {
      return indexed().get(`${lang}/${name}`);
    },
    /** The versioned URL of a language's file, or null when it was never made. */
    url(lang: Lang, name: string): string | null {
      const found = indexed().get(`${lang}/${name}`);
      return found ? `/help/media/${lang}/${name}?v=${found.hash}` : null;
    },
    /** The names of a language's files, sorted. */
    names(lang: Lang): string[] {
      return [...indexed().keys()].filter((k) => k.startsWith(`${lang}/`)).map((k) => k.slice(3));
    },
    /** A file's bytes, or the range of them a request asked for. */
    read(found: HelpMediaFile, range: ByteRange | null): Readable {
      return createReadStream(found.path, range ?? {});
    },
  };
}

export type HelpMedia = ReturnType<typeof helpMedia>;
