import type { Okence } from '../boot.ts';
import { cookiesOf, csrfFrom } from '../http/testing.ts';

type Jar = Record<string, string>;

let addresses = 0;
/** A fresh documentation address (RFC 5737) per request, so tests do not share the per-IP limit. */
function nextAddress(): string {
  addresses++;
  return `203.0.113.${addresses % 250}`;
}

/** A cookie header from a jar. */
export function cookieHeader(jar: Jar): string {
  return Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** The six digits of the newest sign-in code mailed to `email` (from the outbox). */
export async function mailedCode(okence: Okence, email: string): Promise<string> {
  const row = await okence.handle.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .where('dedupe_key', 'like', 'citizen-code:%')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.text_body)?.[1];
  if (!code) throw new Error(`no code in the mail to ${email}`);
  return code;
}

/**
 * Asks for a code for `email` as a browser would; the jar (CSRF, pending code) to go on with,
 * and the answer to the request.
 */
export async function askForCode(okence: Okence, email: string, query = '', ip = nextAddress()) {
  const form = await okence.app.inject({ method: 'GET', url: `/account/sign-in/email${query}` });
  const jar: Jar = cookiesOf(form);
  const res = await okence.app.inject({
    method: 'POST',
    url: '/account/sign-in/email',
    remoteAddress: ip,
    cookies: jar,
    payload: {
      email,
      _csrf: csrfFrom(form.body),
      ...Object.fromEntries(new URLSearchParams(query)),
    },
  });
  return { jar: { ...jar, ...cookiesOf(res) }, res, csrf: csrfFrom(form.body) };
}

/** Posts a code with the jar of askForCode. */
export function postCode(
  okence: Okence,
  asked: { jar: Jar; csrf: string },
  code: string,
  extra: Record<string, string> = {},
) {
  return okence.app.inject({
    method: 'POST',
    url: '/account/sign-in/email/code',
    cookies: asked.jar,
    payload: { code, _csrf: asked.csrf, ...extra },
  });
}

/** A signed-in citizen's cookie header, by the e-mail code sign-in (level low). */
export async function citizenCookie(okence: Okence, email: string): Promise<string> {
  const asked = await askForCode(okence, email);
  const res = await postCode(okence, asked, await mailedCode(okence, email));
  if (res.statusCode !== 303) throw new Error(`citizen sign-in of ${email}: ${res.statusCode}`);
  return cookieHeader({ ...asked.jar, ...cookiesOf(res) });
}

/**
 * Where the answer to POST /account/sign-out sends the browser: its 303's Location, or the
 * provider's logout that its page's meta refresh goes to.
 */
export function signOutNext(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}): string {
  if (res.statusCode === 303) return String(res.headers.location);
  const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(res.body)?.[1];
  if (res.statusCode !== 200 || !url) throw new Error(`sign-out: ${res.statusCode} ${res.body}`);
  return url.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
