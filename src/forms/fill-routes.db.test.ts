import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { citizenCookie } from '../citizens/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DRAFT_COOKIE } from './fill-routes.ts';
import { NEWBORNS, publishForm } from './fill-testing.ts';

const BASE = '/o/ue-domzale/forms/newborns';

for (const kind of DB_KINDS) {
  describe(`filling in a form (${kind})`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      const { organisation } = await okence.services.tenants.getOrganisation('ue-domzale');
      await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'newborns');
      const strict = { ...NEWBORNS, assurance: 'substantial' };
      await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'strict', strict);
    });
    after(() => okence.close());

    const get = (url: string, cookie = '', lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
    /** Posts a form as a browser does: with the CSRF token of the page it came from. */
    async function post(
      from: string,
      url: string,
      cookie: string,
      fields: Record<string, string | string[]>,
    ) {
      let page = await get(from, cookie);
      // A page without a form of its own (continue, sign in): the account page's token will do.
      if (!page.body.includes('name="_csrf"')) page = await get('/account', cookie);
      const jar = {
        ...Object.fromEntries(
          cookie
            .split('; ')
            .filter(Boolean)
            .map((c) => c.split('=') as [string, string]),
        ),
        ...cookiesOf(page),
      };
      const body = new URLSearchParams();
      body.append('_csrf', csrfFrom(page.body));
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
      return okence.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        cookies: jar,
        payload: body.toString(),
      });
    }

    test('a signed-in citizen starts once, a page with errors comes back with them and what was typed, and is saved when right', async () => {
      const cookie = await citizenCookie(okence, 'ana@example.org');
      const start = await get(BASE, cookie);
      assert.equal(start.statusCode, 200);
      assert.match(start.body, /Sign-up for the welcome of newborns/);
      const started = await post(BASE, `${BASE}/start`, cookie, {});
      assert.equal(started.statusCode, 303);
      const pageUrl = String(started.headers.location);
      assert.match(pageUrl, /\/drafts\/[0-9a-f-]{36}\/pages\/parent$/);
      const draftUrl = pageUrl.replace(/\/pages\/parent$/, '');
      // A second start finds the first draft.
      const again = await post(BASE, `${BASE}/start`, cookie, {});
      assert.equal(again.headers.location, `${draftUrl}/check`);
      assert.match((await get(BASE, cookie)).body, /Continue your draft\?/);

      const bad = await post(pageUrl, pageUrl, cookie, {
        'parent.givenName': 'Ana <b>',
        'parent.familyName': '',
        phone: 'not a phone',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /href="#parent.familyName"/);
      assert.match(bad.body, /href="#invite"/);
      assert.match(bad.body, /value="Ana &lt;b&gt;"/, 'what was typed is kept, escaped');
      assert.match(bad.body, /value="not a phone"/);
      assert.match(bad.body, /aria-describedby="phone-error"/);
      const saved = await okence.handle.db
        .selectFrom('form_drafts')
        .select('answers')
        .where('account_id', 'is not', null)
        .execute();
      assert.ok(
        saved.every((d) => !('invite' in d.answers)),
        'nothing saved from a page with errors',
      );

      const good = await post(pageUrl, pageUrl, cookie, {
        'parent.givenName': 'Ana',
        'parent.familyName': 'Novak',
        invite: 'no',
      });
      assert.equal(good.statusCode, 303);
      // The address page is hidden without an invitation by post: straight to the children.
      assert.equal(good.headers.location, `${draftUrl}/pages/children`);
      const rows = await okence.handle.db.selectFrom('form_drafts').select('answers').execute();
      assert.ok(
        rows.some((d) => d.answers.invite === false),
        'saved before the next page is shown',
      );

      // "Add another" keeps what was typed and shows a second repeat.
      const children = `${draftUrl}/pages/children`;
      const added = await post(children, children, cookie, {
        'child.0.name': 'Eva',
        _action: 'add:child',
      });
      assert.equal(added.statusCode, 200);
      assert.match(added.body, /value="Eva"/);
      assert.match(added.body, /id="child.1.name"/);
      const done = await post(children, children, cookie, {
        'child.0.name': 'Eva',
        'child.0.born': '3. 5. 2026',
        guests: '2',
        needs: ['ramp', 'parking'],
      });
      assert.equal(done.headers.location, `${draftUrl}/check`);
      const check = await get(`${draftUrl}/check`, cookie);
      assert.equal(check.statusCode, 200);
      assert.match(check.body, /Check your answers before sending/);
      assert.match(check.body, /May 3, 2026|3 May 2026/);
      assert.match(check.body, /Step-free access, Parking/);
      assert.match(check.body, new RegExp(`href="${draftUrl}/pages/parent\\?change=1#parent"`));
      // A change goes back to the check page.
      const changed = await post(
        `${draftUrl}/pages/parent?change=1`,
        `${draftUrl}/pages/parent?change=1`,
        cookie,
        {
          'parent.givenName': 'Ana',
          'parent.familyName': 'Kovač',
          invite: 'no',
        },
      );
      assert.equal(changed.headers.location, `${draftUrl}/check`);
      assert.match((await get(`${draftUrl}/check`, cookie)).body, /Ana Kovač/);

      // Sent: the reference number and the receipt, and the draft is gone.
      const sent = await post(`${draftUrl}/check`, `${draftUrl}/send`, cookie, {});
      assert.equal(
        sent.statusCode,
        303,
        sent.body.slice(sent.body.indexOf('<main'), sent.body.indexOf('<main') + 1500),
      );
      const confirmation = String(sent.headers.location);
      assert.match(confirmation, /^\/o\/ue-domzale\/forms\/newborns\/sent\/[A-Za-z0-9_-]{43}$/);
      const shown = await get(confirmation, cookie);
      const reference = await okence.handle.db
        .selectFrom('submissions')
        .select(['reference', 'citizen_account_id', 'answers'])
        .executeTakeFirstOrThrow();
      assert.ok(shown.body.includes(reference.reference), 'the reference number is shown');
      assert.notEqual(reference.citizen_account_id, null);
      assert.equal(
        (reference.answers as { parent: { familyName: string } }).parent.familyName,
        'Kovač',
      );
      const pdf = await get(`${confirmation}/receipt.pdf`);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await get(`${draftUrl}/check`, cookie)).statusCode, 404, 'the draft went');
    });

    test("another person's draft is 404 on every draft route, and a post without the CSRF token is refused", async () => {
      const owner = await citizenCookie(okence, 'owner@example.org');
      const started = await post(BASE, `${BASE}/start`, owner, {});
      const draftUrl = String(started.headers.location).replace(/\/pages\/parent$/, '');
      const stranger = await citizenCookie(okence, 'stranger@example.org');
      for (const url of [`${draftUrl}/pages/parent`, `${draftUrl}/check`, `${draftUrl}/deleted`])
        assert.equal((await get(url, stranger)).statusCode, 404, url);
      for (const url of [
        `${draftUrl}/pages/parent`,
        `${draftUrl}/delete`,
        `${draftUrl}/restore`,
        `${draftUrl}/send`,
      ])
        assert.equal((await post(BASE, url, stranger, { invite: 'yes' })).statusCode, 404, url);
      // Anonymous, and with a made-up resume cookie.
      assert.equal((await get(`${draftUrl}/check`)).statusCode, 404);
      assert.equal(
        (await get(`${draftUrl}/check`, `${DRAFT_COOKIE}=${'a'.repeat(43)}`)).statusCode,
        404,
      );
      const noToken = await okence.app.inject({
        method: 'POST',
        url: `${draftUrl}/delete`,
        headers: { cookie: owner, 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      });
      assert.equal(noToken.statusCode, 403);
      assert.equal(
        (await get(`${draftUrl}/check`, owner)).statusCode,
        303,
        'still there (unanswered pages first)',
      );
      // Deleted and restored by its owner.
      assert.equal(
        (await post(BASE, `${draftUrl}/delete`, owner, {})).headers.location,
        `${draftUrl}/deleted`,
      );
      assert.match((await get(`${draftUrl}/deleted`, owner)).body, /restore it until/);
      assert.match(
        (await get('/account', owner)).body,
        /Forms in progress[\s\S]*Restore the draft/,
      );
      assert.equal(
        (await post(BASE, `${draftUrl}/restore`, owner, {})).headers.location,
        `${draftUrl}/check`,
      );
    });

    test('without an account: an e-mail starts the draft, the link opens it in another browser, the expiry is shown', async () => {
      const bad = await post(BASE, `${BASE}/start`, '', { email: 'nope' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#email"/);
      assert.match(bad.body, /value="nope"/);
      const started = await post(BASE, `${BASE}/start`, '', { email: 'oče@example.org' });
      assert.equal(started.statusCode, 303);
      const token = cookiesOf(started)[DRAFT_COOKIE]!;
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      const page = await get(String(started.headers.location), `${DRAFT_COOKIE}=${token}`);
      assert.match(page.body, /The link works until/);
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('dedupe_key', 'like', 'form-draft-link:%')
        .executeTakeFirstOrThrow();
      const link = /\/o\/ue-domzale\/forms\/newborns\/resume\/[A-Za-z0-9_-]{43}/.exec(
        mail.text_body,
      )![0];
      const resumed = await get(link);
      assert.equal(resumed.statusCode, 303);
      assert.match(String(resumed.headers.location), /\/drafts\/[0-9a-f-]{36}\/check$/);
      assert.equal(cookiesOf(resumed)[DRAFT_COOKIE], token);
      assert.equal((await get(`${BASE}/resume/${'b'.repeat(43)}`)).statusCode, 404);
    });

    test('a form above the session level asks to sign in, or to step up', async () => {
      const res = await get('/o/ue-domzale/forms/strict');
      assert.match(
        res.body,
        /href="\/account\/sign-in\?loa=substantial&amp;return=%2Fo%2Fue-domzale%2Fforms%2Fstrict"/,
      );
      const low = await citizenCookie(okence, 'low@example.org');
      assert.match(
        (await get('/o/ue-domzale/forms/strict', low)).body,
        /Sign in with a stronger method/,
      );
      const start = await post(
        '/o/ue-domzale/forms/strict',
        '/o/ue-domzale/forms/strict/start',
        low,
        {},
      );
      assert.equal(start.statusCode, 303);
      assert.match(String(start.headers.location), /^\/account\/sign-in\?loa=substantial/);
    });
  });
}
