/**
 * Where things are in a JSON text, so an import's errors can name a line: `JSON.parse` gives
 * values without positions, and a person fixing a file of thirty organisations needs both the
 * path ("$[3].offices[0].slug") and the line to jump to.
 */

export type JsonPath = readonly (string | number)[];

/** A parsed JSON text and the line (1-based) where each member or element begins. */
export type LocatedJson = {
  value: unknown;
  lineOf(path: JsonPath): number;
  has(path: JsonPath): boolean;
};

/** A JSON text that does not parse, with the line and column where it broke (1-based). */
export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Parses `text` and maps every path to its line: a member's line is its key's, an element's is
 * where its value starts. `lineOf` of a path that is not there (a missing field) is the line of
 * its nearest ancestor that is: the object the field is missing from.
 */
export function parseWithLines(text: string): LocatedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const offset = /position (\d+)/.exec((err as Error).message)?.[1];
    const at = lineAndColumn(text, offset === undefined ? text.length : Number(offset));
    throw new JsonSyntaxError((err as Error).message, at.line, at.column);
  }
  const lines = scanLines(text);
  return {
    value,
    has: (path) => lines.has(pathKey(path)),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const line = lines.get(pathKey(path.slice(0, n)));
        if (line !== undefined) return line;
      }
      return 1;
    },
  };
}

/** A path as people read it: `$`, `$[0].offices[2].slug`, `$["odd key"]`. */
export function formatJsonPath(path: JsonPath): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')}`;
}

const pathKey = (path: JsonPath) => JSON.stringify(path);

/** Walks a text that JSON.parse accepted, recording where each member and element starts. */
function scanLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    skipSpace();
    if (path.length === 0) lines.set(pathKey(path), line);
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}') {
        skipSpace();
        const keyLine = line;
        const key = readString();
        // A repeated key: JSON.parse keeps the last one, and so does the map.
        lines.set(pathKey([...path, key]), keyLine);
        skipSpace();
        i++; // colon
        value([...path, key]);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      for (let n = 0; text[i] !== ']'; n++) {
        skipSpace();
        lines.set(pathKey([...path, n]), line);
        value([...path, n]);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++;
    }
  };
  value([]);
  return lines;
}
