// An act authorised by a fresh sign-in with NIA by OpenID Connect (decision 042), against the
// NIA-like provider on loopback: the authorisation request carries prompt=login and max_age=0,
// and auth_time in the id_token is what the proof keeps and the freshness rule checks.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../db/testing.ts';
import { ACT_BROWSER_COOKIE } from '../eid/act.ts';
import { JANA, signInAtProvider } from '../eid/oidc/testing-provider.ts';
import { bootWithNiaLike, PROVIDER } from '../eid/testing-oidc.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { cookiesOf } from '../http/testing.ts';
import { publishForm } from './fill-testing.ts';

const ORG = 'ue-domzale';
const l = (t: string) => ({ sl: t, en: t });
const ACT_FORM = {
  format: 1,
  languages: ['sl', 'en'],
  title: l('Vloga'),
  assurance: 'substantial',
  authoriseAct: true,
  pages: [
    {
      id: 'p',
      title: l('Vloga'),
      questions: [{ id: 'ok', type: 'yesNo', label: l('Soglasje'), required: true }],
    },
  ],
};

for (const kind of DB_KINDS) {
  describe(`an act authorised by a fresh OpenID Connect sign-in (${kind})`, () => {
    let t: Awaited<ReturnType<typeof bootWithNiaLike>>;
    let organisationId: string;
    before(async () => {
      t = await bootWithNiaLike(kind);
      await t.okence.services.eidProviders.enableEverywhere();
      organisationId = (await t.okence.services.tenants.getOrganisation(ORG)).organisation.id;
      await publishForm(
        t.okence.handle.db,
        t.okence.services.forms,
        organisationId,
        'act',
        ACT_FORM,
      );
    });
    after(() => t?.close());

    const csrf = 'c'.repeat(43);
    const browser = 'b'.repeat(43);
    /** A draft of the act form in the account of the session `token`. */
    async function draftOf(token: string) {
      const session = (await t.okence.services.citizens.resolveSession(token))!;
      const form = await t.okence.services.forms.published(organisationId, 'act');
      const { draftId } = await t.okence.services.formDrafts.startForAccount(
        form,
        session.accountId,
        'en',
        { ok: true },
      );
      return {
        accountId: session.accountId,
        draftId,
        href: `/o/${ORG}/forms/act/drafts/${draftId}`,
      };
    }
    /** The check page's button: the provider's authorisation address. */
    async function confirm(token: string, href: string) {
      const res = await t.okence.app.inject({
        method: 'POST',
        url: `${href}/authorise`,
        cookies: { [CITIZEN_COOKIE]: token, [CSRF_COOKIE]: csrf, [ACT_BROWSER_COOKIE]: browser },
        payload: { _csrf: csrfTokenFor(t.okence.services.sessionSecret, csrf) },
      });
      assert.equal(res.statusCode, 200, res.body);
      const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(res.body)?.[1];
      assert.ok(url);
      return new URL(url.replaceAll('&amp;', '&'));
    }
    /** The provider's redirect back to our callback, in the browser that asked. */
    function callback(url: string, b = browser) {
      const u = new URL(url);
      return t.okence.app.inject({
        method: 'GET',
        url: u.pathname + u.search,
        headers: { 'accept-language': 'en' },
        cookies: { [ACT_BROWSER_COOKIE]: b },
      });
    }
    const submissionsOf = (accountId: string) =>
      t.okence.handle.db
        .selectFrom('submissions')
        .select('id')
        .where('citizen_account_id', '=', accountId)
        .execute();
    const refusals = async (draftId: string) =>
      (
        await t.okence.handle.db
          .selectFrom('audit_event')
          .select('detail')
          .where('action', '=', 'form_act.refused')
          .where('object_id', '=', draftId)
          .execute()
      ).map((r) => (r.detail as { reason: string }).reason);

    test('Jana, signed in with NIA, signs in again at the provider and her draft is sent with the proof', async () => {
      const jar = new Map<string, string>();
      const signIn = await t.start();
      const back = await t.callback(
        await signInAtProvider(signIn.location, { jar }),
        signIn.browser,
      );
      assert.equal(back.statusCode, 303, back.body);
      const token = cookiesOf(back)[CITIZEN_COOKIE]!;
      const me = await draftOf(token);
      const at = await confirm(token, me.href);
      assert.equal(at.searchParams.get('prompt'), 'login');
      assert.equal(at.searchParams.get('max_age'), '0');
      // The provider's own session is alive (the jar); prompt=login makes it show its login
      // form again, where "high" is chosen: a pass-through on the session would keep
      // "substantial" (and without prompt and max_age the answer is refused as stale).
      const res = await callback(await signInAtProvider(at.href, { jar, level: 'high' }));
      assert.equal(res.statusCode, 303, res.body);
      assert.match(String(res.headers.location), new RegExp(`^/o/${ORG}/forms/act/sent/`));
      const [sent] = await submissionsOf(me.accountId);
      assert.ok(sent);
      const proof = await t.okence.handle.db
        .selectFrom('submission_act_authorisations')
        .selectAll()
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(proof.protocol, 'oidc');
      assert.equal(proof.provider_id, PROVIDER);
      assert.equal(proof.loa, 'high', 'the provider showed its login form again');
      assert.ok(Math.abs(proof.authn_instant.getTime() - Date.now()) < 60_000, 'auth_time is now');
      assert.match(proof.response_sha256, /^[0-9a-f]{64}$/);
    });

    test('refusals: another person at the provider, a lower level, another browser, cancelled', async () => {
      // An account whose NIA person is not Jana; Jana signs in at the provider.
      const { token } = await t.okence.services.citizens.signIn(
        { providerId: PROVIDER, personIdentifier: 'CZ/CZ/someone-else', loa: 'substantial' },
        { ip: '192.0.2.1' },
      );
      const someone = await draftOf(token);
      let res = await callback(await signInAtProvider((await confirm(token, someone.href)).href));
      assert.equal(
        res.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=other_person&draft=${someone.draftId}`,
      );
      res = await callback(
        await signInAtProvider((await confirm(token, someone.href)).href, { level: 'low' }),
      );
      assert.equal(
        res.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=answer&draft=${someone.draftId}`,
      );
      res = await callback(
        await signInAtProvider((await confirm(token, someone.href)).href),
        'x'.repeat(43),
      );
      assert.equal(
        res.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=answer&draft=${someone.draftId}`,
      );
      // Cancelled at the provider: its error comes back to our callback with the state.
      const state = (await confirm(token, someone.href)).searchParams.get('state')!;
      res = await callback(
        `https://okence.test/auth/oidc/${PROVIDER}/callback?state=${state}&error=access_denied`,
      );
      assert.equal(
        res.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=cancelled&draft=${someone.draftId}`,
      );
      assert.deepEqual(await submissionsOf(someone.accountId), []);
      assert.deepEqual(await refusals(someone.draftId), [
        'other_person',
        'answer',
        'answer',
        'cancelled',
      ]);
      assert.equal(JANA.PersonIdentifier.startsWith('CZ/CZ/'), true);
    });
  });
}
