// Test helpers for the meeting folder against a running app: a meeting in progress with the
// citizen admitted and the folder open, and an upload as a browser without JavaScript sends it.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Okence } from '../boot.ts';
import { cookiesOf } from '../http/testing.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';
import { multipartBody } from '../files/testing.ts';

export type FolderFixture = {
  /** Requests in English, whatever the organisation's language. */
  inject(o: InjectOptions): Promise<LightMyRequestResponse>;
  /** A booking in progress at Domžale: the official in the room, the citizen admitted, the folder open unless asked not to. */
  meetingInProgress(opts?: { openFolder?: boolean }): Promise<{
    b: { id: string; start: Date; joinToken: string; manageUrl: string };
    official: string;
    staff: TestSocket;
    citizen: TestSocket;
    citizenBase: string;
    staffBase: string;
  }>;
  /** The folder page's upload form: its action (with the CSRF token) and the cookies it is bound to. */
  uploadForm(pathBase: string, cookie?: string): Promise<{ action: string; cookie: string }>;
  /** Uploads through the folder page's form: its CSRF cookie, the token in its action. */
  upload(
    pathBase: string,
    files: { name: string; bytes: Uint8Array | string }[],
    cookie?: string,
  ): Promise<LightMyRequestResponse>;
  /** Opens a WebSocket that is closed when the fixture closes. */
  open(path: string, opts?: { cookie?: string; origin?: string }): TestSocket;
  close(): Promise<void>;
};

export function folderFixture(
  okence: Okence,
  baseUrl: string,
  clock: { set(d: Date): void },
): FolderFixture {
  const sockets: TestSocket[] = [];
  // Each citizen of a fixture meeting is one browser: its meeting cookie goes with every request
  // under its link that does not bring its own (the admission belongs to the browser).
  const browsers = new Map<string, string>();
  const browserOf = (url: string | undefined) =>
    [...browsers].find(([linkBase]) => url?.startsWith(`${linkBase}/`))?.[1];
  const inject = (o: InjectOptions) => {
    const given = o.headers?.cookie as string | undefined;
    const browser = browserOf(typeof o.url === 'string' ? o.url : undefined);
    const cookie = given?.includes('okence-meet=')
      ? given
      : [given, browser].filter(Boolean).join('; ');
    return okence.app.inject({
      ...o,
      headers: { 'accept-language': 'en', ...o.headers, ...(cookie ? { cookie } : {}) },
    });
  };
  const open = (path: string, opts: { cookie?: string; origin?: string } = {}) => {
    const cookie = opts.cookie ?? browserOf(path);
    const s = openSocket(baseUrl, path, { ...opts, ...(cookie ? { cookie } : {}) });
    sockets.push(s);
    return s;
  };
  const uploadForm = async (pathBase: string, given = '') => {
    const browser = browserOf(`${pathBase}/`);
    const cookie = given.includes('okence-meet=')
      ? given
      : [given, browser].filter(Boolean).join('; ');
    const page = await inject({ method: 'GET', url: `${pathBase}/files`, headers: { cookie } });
    if (page.statusCode !== 200) throw new Error(`folder page: ${page.statusCode}`);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
      .exec(page.body)?.[1]
      ?.replace(/&amp;/g, '&');
    if (!action) throw new Error('the folder page has no upload form');
    const jar = {
      ...Object.fromEntries(
        cookie
          .split('; ')
          .filter(Boolean)
          .map((c) => c.split('=') as [string, string]),
      ),
      ...cookiesOf(page),
    };
    return {
      action,
      cookie: Object.entries(jar)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    };
  };
  let n = 0;
  return {
    inject,
    open,
    async meetingInProgress(opts = {}) {
      n++;
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        to: '2026-12-20',
        email: `f${n}@example.si`,
        name: `Citizen ${n}`,
        ip: `198.51.100.${n % 250}`,
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      // Sessions expire after 30 idle minutes of the test clock: sign in at the new time.
      const official = await staffCookie(okence, 'uradnik@domzale.example', `192.0.2.${n % 250}`);
      const staff = open(`/staff/meetings/${b.id}/ws`, { cookie: official });
      await staff.next('room');
      const joinPage = await okence.app.inject({ method: 'GET', url: `/j/${b.joinToken}` });
      browsers.set(
        `/j/${b.joinToken}`,
        Object.entries(cookiesOf(joinPage))
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      );
      const citizen = open(`/j/${b.joinToken}/ws`);
      const knock = await staff.next('lobby');
      const waiting = knock.waiting.length ? knock : await staff.next('lobby');
      staff.send({ type: 'admit', participant: waiting.waiting[0]!.id });
      await citizen.next('room');
      if (opts.openFolder !== false) {
        staff.send({ type: 'open-folder' });
        await citizen.next('files');
        await staff.next('files');
      }
      return {
        b,
        official,
        staff,
        citizen,
        citizenBase: `/j/${b.joinToken}`,
        staffBase: `/staff/meetings/${b.id}`,
      };
    },
    uploadForm,
    async upload(pathBase, files, cookie = '') {
      const form = await uploadForm(pathBase, cookie);
      const body = multipartBody(files);
      return inject({
        method: 'POST',
        url: form.action,
        payload: body.payload,
        headers: { ...body.headers, cookie: form.cookie },
      });
    },
    async close() {
      await Promise.all(sockets.map((s) => s.close()));
    },
  };
}
