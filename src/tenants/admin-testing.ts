import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { cookiesOf, csrfFrom } from '../http/testing.ts';
import { DEMO_PASSWORD } from './demo-data.ts';

export type Form = Record<string, string | string[]>;

/** Signs in and returns get/post as a browser sends them (forms url-encoded, arrays as repeated names). */
export async function browserFor(
  okence: Okence,
  email: string,
  password = DEMO_PASSWORD,
  ip = '127.0.0.1',
) {
  const form = await okence.app.inject({ method: 'GET', url: '/staff/sign-in', remoteAddress: ip });
  let cookies = cookiesOf(form);
  const res = await okence.app.inject({
    method: 'POST',
    url: '/staff/sign-in',
    remoteAddress: ip,
    cookies,
    payload: { email, password, _csrf: csrfFrom(form.body) },
  });
  assert.equal(res.statusCode, 303, `sign-in of ${email}`);
  cookies = { ...cookies, ...cookiesOf(res) };
  return {
    cookies,
    get: (url: string) =>
      okence.app.inject({
        method: 'GET',
        url,
        cookies,
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
      }),
    post: async (url: string, payload: Form) => {
      const page = await okence.app.inject({
        method: 'GET',
        url: '/staff',
        cookies,
        remoteAddress: ip,
      });
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...payload, _csrf: csrfFrom(page.body) }))
        for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
      return okence.app.inject({
        method: 'POST',
        url,
        cookies,
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        payload: body.toString(),
      });
    },
  };
}
