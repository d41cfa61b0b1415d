/**
 * The pull API's cursor (decision 041), pure: the position after the last submission of a page,
 * (its storing transaction's id, its id), opaque to the caller as base64url.
 */
export type Position = { xact: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor a page hands out for its last row. */
export function encodeCursor(p: Position): string {
  return Buffer.from(`1.${p.xact}.${p.id}`).toString('base64url');
}

/** The position a cursor names, or null when it is not one this API gave. */
export function decodeCursor(cursor: string): Position | null {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(cursor)) return null;
  const [v, xact, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('.');
  if (v !== '1' || rest.length || !xact || !id) return null;
  if (!/^[1-9][0-9]{0,18}$/.test(xact) || !UUID.test(id)) return null;
  return { xact, id };
}
