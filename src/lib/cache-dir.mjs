// Plain JavaScript: src/main.mjs imports it before Node's type stripper would be needed.
import { realpathSync, statSync } from 'node:fs';
import module from 'node:module';
import { dirname } from 'node:path';
import process from 'node:process';

/** @type {Map<string, boolean>} */
const checked = new Map();

/**
 * Node's compile cache folder, if what Okence keeps there as code (its bundle, its modules
 * stripped of their types, the browsers' scripts) can have been written by no one but this
 * process's user or root; else undefined, said once on stderr, and Okence runs from its
 * sources without them. Node's default folder is under the temporary directory: another user
 * of the machine who made `/tmp/node-compile-cache` first, writable by all, could otherwise
 * replace the code Okence runs or serves. (Node's own entries are safe there: V8 checks each
 * against the source it compiles.)
 * @param {string | undefined} dir
 * @returns {string | undefined}
 */
export function trustedCacheDir(dir = module.getCompileCacheDir()) {
  if (!dir) return undefined;
  let trusted = checked.get(dir);
  if (trusted === undefined) {
    trusted = onlyOursToWrite(dir);
    checked.set(dir, trusted);
    if (!trusted)
      process.stderr.write(
        `Okence keeps no code in ${dir}: it or a folder above it may be written by other users ` +
          "(set NODE_COMPILE_CACHE to a folder of its own, or run it as the README's unit). It " +
          'runs from its sources, with about 15 MB more memory.\n',
      );
  }
  return trusted ? dir : undefined;
}

/**
 * Whether `dir` and every folder above it belong to this process's user or root, and no one
 * else may write in them: not others, nor a group other than the user's own (distributions
 * that give each user a group of their own make folders group-writable), except a sticky folder
 * of root's such as /tmp, where no one may replace what is not theirs.
 * @param {string} dir
 * @returns {boolean}
 */
export function onlyOursToWrite(dir) {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined) return true;
  let path;
  try {
    path = realpathSync(dir);
  } catch {
    return false;
  }
  for (;;) {
    const s = statSync(path);
    if (s.uid !== uid && s.uid !== 0) return false;
    const sticky = (s.mode & 0o1000) !== 0 && s.uid === 0;
    if ((s.mode & 0o002) !== 0 && !sticky) return false;
    if ((s.mode & 0o020) !== 0 && s.gid !== gid && !sticky) return false;
    const parent = dirname(path);
    if (parent === path) return true;
    path = parent;
  }
}
