// An act authorised by a fresh SAML sign-in against Debian's simplesamlphp, an IdP we did not
// write (decision 042): with its session alive it still asks for the password (ForceAuthn), the
// same person's answer sends the draft, another person's is refused, and the answer once used
// is refused again. The rules' other refusals (stale, level) are driven by minted answers in
// act-saml.db.test.ts, since this IdP cannot be made to answer stale or low.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { ACT_BROWSER_COOKIE } from '../eid/act.ts';
import { makeKeyPair, personAttributes } from '../eid/testing.ts';
import {
  samlProvidersFile,
  signInAtIdp,
  spOf,
  startSimpleSamlPhp,
  type PostedResponse,
  type RunningIdp,
} from '../eid/testing-simplesamlphp.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { systemClock } from '../lib/clock.ts';
import { publishForm } from './fill-testing.ts';

const SITE = 'https://okence.test';
const ORG = 'koprivnice';
const sp = makeKeyPair('okence.test');
let idp: RunningIdp;
let file: string;

const l = (t: string) => ({ cs: t, en: t });
const ACT_FORM = {
  format: 1,
  languages: ['cs', 'en'],
  title: l('Žádost'),
  assurance: 'substantial',
  authoriseAct: true,
  pages: [
    {
      id: 'p',
      title: l('Žádost'),
      questions: [{ id: 'ok', type: 'yesNo', label: l('Souhlas'), required: true }],
    },
  ],
};

before(async () => {
  idp = await startSimpleSamlPhp({
    sp: spOf(SITE, 'nia', sp),
    users: [
      { user: 'jana', password: 'heslo', attributes: personAttributes('Jana', 'Nová') },
      { user: 'petr', password: 'heslo', attributes: personAttributes('Petr', 'Malý') },
    ],
  });
  file = await samlProvidersFile(idp, sp, 'nia');
});
after(() => idp?.stop());

for (const kind of DB_KINDS) {
  describe(`an act authorised at simplesamlphp (${kind})`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, {
        clock: systemClock,
        env: { PUBLIC_URL: SITE, EID_PROVIDERS_FILE: file },
      });
      const { organisation } = await okence.services.tenants.getOrganisation(ORG);
      await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'act', ACT_FORM);
    });
    after(() => okence?.close());

    const csrf = 'c'.repeat(43);
    const browser = 'b'.repeat(43);
    const acs = (posted: PostedResponse) =>
      okence.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/acs',
        headers: { 'sec-fetch-site': 'cross-site', 'accept-language': 'en' },
        cookies: { [ACT_BROWSER_COOKIE]: browser },
        payload: { SAMLResponse: posted.SAMLResponse, RelayState: posted.RelayState },
      });
    /** Jana signs in (the IdP's session kept in `jar`) and has a draft of the act form. */
    async function janaWithDraft(jar: Map<string, string>) {
      const login = await okence.app.inject({ url: '/auth/saml/nia/login?loa=substantial' });
      const res = await acs(
        await signInAtIdp(String(login.headers.location), 'jana', 'heslo', jar),
      );
      assert.equal(res.statusCode, 303, res.body);
      const token = cookiesOf(res)[CITIZEN_COOKIE]!;
      const session = (await okence.services.citizens.resolveSession(token))!;
      const { organisation } = await okence.services.tenants.getOrganisation(ORG);
      const form = await okence.services.forms.published(organisation.id, 'act');
      const { draftId } = await okence.services.formDrafts.startForAccount(
        form,
        session.accountId,
        'en',
        { ok: true },
      );
      return { token, accountId: session.accountId, draftId };
    }
    /** The check page's button: the IdP's AuthnRequest address. */
    async function confirm(me: { token: string; draftId: string }) {
      const res = await okence.app.inject({
        method: 'POST',
        url: `/o/${ORG}/forms/act/drafts/${me.draftId}/authorise`,
        cookies: { [CITIZEN_COOKIE]: me.token, [CSRF_COOKIE]: csrf, [ACT_BROWSER_COOKIE]: browser },
        payload: { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) },
      });
      assert.equal(res.statusCode, 200, res.body);
      return /<meta http-equiv="refresh" content="0; url=([^"]+)">/
        .exec(res.body)![1]!
        .replaceAll('&amp;', '&');
    }
    const sent = (accountId: string) =>
      okence.handle.db
        .selectFrom('submissions')
        .select('id')
        .where('citizen_account_id', '=', accountId)
        .execute();

    test('the IdP asks again though its session lives; Jana’s answer sends, Petr’s is refused, a replay too', async () => {
      const jar = new Map<string, string>();
      const me = await janaWithDraft(jar);
      // Forced: a wrong password fails, where a session's pass-through would have answered.
      await assert.rejects(signInAtIdp(await confirm(me), 'jana', 'wrong', jar));

      const petr = await acs(await signInAtIdp(await confirm(me), 'petr', 'heslo', jar));
      assert.equal(
        petr.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=other_person&draft=${me.draftId}`,
      );
      assert.deepEqual(await sent(me.accountId), []);

      const posted = await signInAtIdp(await confirm(me), 'jana', 'heslo', jar);
      const res = await acs(posted);
      assert.equal(res.statusCode, 303, res.body);
      assert.match(String(res.headers.location), new RegExp(`^/o/${ORG}/forms/act/sent/`));
      const [submission] = await sent(me.accountId);
      const proof = await okence.handle.db
        .selectFrom('submission_act_authorisations')
        .selectAll()
        .where('submission_id', '=', submission!.id)
        .executeTakeFirstOrThrow();
      assert.equal(proof.protocol, 'saml');
      assert.ok(Date.now() - proof.authn_instant.getTime() < 60_000, 'authenticated just now');

      const replay = await acs(posted);
      assert.equal(replay.statusCode, 400);
      assert.equal((await sent(me.accountId)).length, 1);
    });
  });
}
