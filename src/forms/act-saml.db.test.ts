// An act authorised by a fresh eID sign-in (decision 042), through the SAML routes with minted
// answers: the check page's button starts a forced AuthnRequest bound to the draft, the account
// and the browser; the answer of the same person, fresh, at the form's level sends the draft
// with its proof; every other answer is refused (audited), nothing is sent, the draft is kept.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { bootOkence, type Okence } from '../boot.ts';
import type { VerifiedIdentity } from '../citizens/service.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { ACT_BROWSER_COOKIE } from '../eid/act.ts';
import { EIDAS_ATTRIBUTES } from '../eid/domain.ts';
import {
  b64,
  samlProvidersFileFor,
  makeKeyPair,
  mintResponse,
  personAttributes,
  signElement,
} from '../eid/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Loa } from '../eid/domain.ts';
import { staffOf } from '../submissions/testing-states.ts';
import { publishForm } from './fill-testing.ts';

const PUBLIC = 'https://okence.test';
const idpKeys = makeKeyPair('idp.test');
const spKeys = makeKeyPair('okence.test');
const IDP = 'urn:microsoft:cgg2010:fpsts';
const ACS = `${PUBLIC}/auth/saml/nia/acs`;
const SP = `${PUBLIC}/auth/saml/nia/metadata`;
const ORG = 'koprivnice';

const l = (t: string) => ({ cs: t, en: t });
/** A small form whose act is authorised by a fresh eID sign-in. */
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

for (const kind of DB_KINDS) {
  describe(`an act authorised by a fresh SAML sign-in (${kind})`, () => {
    const clock = fixedClock(new Date());
    let okence: Okence;
    let organisationId: string;
    before(async () => {
      const env = {
        PUBLIC_URL: PUBLIC,
        EID_PROVIDERS_FILE: samlProvidersFileFor({
          entityId: IDP,
          idp: idpKeys,
          sp: spKeys,
          name: { sl: 'NIA', cs: 'Identita občana', en: 'Czech eID' },
        }),
      };
      okence = await bootOkence(testConfig(env), { handle: await openTestDatabase(kind), clock });
      await okence.services.eidProviders.enableEverywhere();
      organisationId = (await okence.services.tenants.getOrganisation(ORG)).organisation.id;
      await publishForm(okence.handle.db, okence.services.forms, organisationId, 'act', ACT_FORM);
    });
    after(() => okence.close());

    const csrf = 'c'.repeat(43);
    const browser = 'b'.repeat(43);
    let people = 0;
    /** A citizen signed in with NIA, and a draft of the act form ready to send. */
    async function citizenWithDraft() {
      const attributes = personAttributes('Jana', 'Dvořáková');
      const identity: VerifiedIdentity = {
        providerId: 'nia',
        personIdentifier: attributes[EIDAS_ATTRIBUTES.personIdentifier]!,
        loa: 'substantial',
        givenName: 'Jana',
        familyName: `Dvořáková ${++people}`,
      };
      const { token } = await okence.services.citizens.signIn(identity, { ip: '192.0.2.1' });
      const session = (await okence.services.citizens.resolveSession(token))!;
      const form = await okence.services.forms.published(organisationId, 'act');
      const { draftId } = await okence.services.formDrafts.startForAccount(
        form,
        session.accountId,
        'en',
        { ok: true },
      );
      const href = `/o/${ORG}/forms/act/drafts/${draftId}`;
      return { token, accountId: session.accountId, draftId, href, attributes };
    }
    let ips = 0;
    /** The check page's button: POST with the session's CSRF token, in the browser `b`. */
    function confirm(token: string, href: string, b = browser) {
      return okence.app.inject({
        method: 'POST',
        url: `${href}/authorise`,
        remoteAddress: `198.51.100.${++ips % 250}`,
        headers: { 'accept-language': 'en' },
        cookies: { [CITIZEN_COOKIE]: token, [CSRF_COOKIE]: csrf, [ACT_BROWSER_COOKIE]: b },
        payload: { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) },
      });
    }
    /** The AuthnRequest of the page that goes on to the IdP: its ID and whether it forces. */
    function requestOf(res: { statusCode: number; body: string }) {
      assert.equal(res.statusCode, 200, res.body);
      const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(res.body)?.[1];
      assert.ok(url, 'a page that goes on to the IdP');
      const at = new URL(url.replaceAll('&amp;', '&'));
      const xml = inflateRawSync(
        Buffer.from(at.searchParams.get('SAMLRequest')!, 'base64'),
      ).toString();
      return { id: /ID="([^"]+)"/.exec(xml)![1]!, forced: /ForceAuthn="true"/.test(xml) };
    }
    type Answer = { attributes: Record<string, string>; loa?: Loa; authnInstant?: Date };
    const mint = (requestId: string, a: Answer) =>
      mintResponse({
        idp: idpKeys,
        encryptTo: spKeys.cert,
        issuer: IDP,
        destination: ACS,
        recipient: ACS,
        audience: SP,
        inResponseTo: requestId,
        now: clock.now(),
        attributes: a.attributes,
        ...(a.loa ? { loa: a.loa } : {}),
        ...(a.authnInstant ? { authnInstant: a.authnInstant } : {}),
      });
    /** The IdP's cross-site POST: no citizen session (Lax), the act's cookie (None). */
    const post = (samlResponse: string, b = browser) =>
      okence.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/acs',
        headers: { 'sec-fetch-site': 'cross-site', 'accept-language': 'en' },
        cookies: { [ACT_BROWSER_COOKIE]: b },
        payload: { SAMLResponse: samlResponse },
      });
    const answer = async (requestId: string, a: Answer, b = browser) =>
      post(b64(await mint(requestId, a)), b);

    const submissionsOf = (accountId: string) =>
      okence.handle.db
        .selectFrom('submissions')
        .select('id')
        .where('citizen_account_id', '=', accountId)
        .execute();
    const draftLive = async (draftId: string) =>
      (await okence.handle.db
        .selectFrom('form_drafts')
        .select('id')
        .where('id', '=', draftId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()) !== undefined;
    const refusals = async (draftId: string) =>
      (
        await okence.handle.db
          .selectFrom('audit_event')
          .select('detail')
          .where('action', '=', 'form_act.refused')
          .where('object_id', '=', draftId)
          .execute()
      ).map((r) => (r.detail as { reason: string }).reason);

    /** Asserts a refusal: its page, nothing sent, the draft kept, the audit entry. */
    async function assertRefused(
      res: { statusCode: number; headers: Record<string, unknown> },
      me: Awaited<ReturnType<typeof citizenWithDraft>>,
      reason: string,
    ) {
      assert.equal(res.statusCode, 303);
      assert.equal(
        res.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=${reason}&draft=${me.draftId}`,
      );
      const page = await okence.app.inject({
        method: 'GET',
        url: String(res.headers.location),
        headers: { 'accept-language': 'en' },
        cookies: { [CITIZEN_COOKIE]: me.token },
      });
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /Your form has not been sent/);
      assert.match(page.body, /Nothing has been sent/);
      assert.deepEqual(await submissionsOf(me.accountId), []);
      assert.equal(await draftLive(me.draftId), true);
      assert.deepEqual(await refusals(me.draftId), [reason]);
    }

    test('the check page offers "confirm with your eID and send"; the plain send is refused', async () => {
      const me = await citizenWithDraft();
      const check = await okence.app.inject({
        method: 'GET',
        url: `${me.href}/check`,
        headers: { 'accept-language': 'en' },
        cookies: { [CITIZEN_COOKIE]: me.token },
      });
      assert.equal(check.statusCode, 200);
      assert.match(check.body, new RegExp(`action="${me.href}/authorise"`));
      assert.match(check.body, /Confirm with your eID and send/);
      const plain = await okence.app.inject({
        method: 'POST',
        url: `${me.href}/send`,
        cookies: { [CITIZEN_COOKIE]: me.token, [CSRF_COOKIE]: csrf },
        payload: { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) },
      });
      assert.equal(plain.statusCode, 403);
      assert.deepEqual(await submissionsOf(me.accountId), []);
    });

    test('the same person, signed in anew, sends the draft with the proof on the receipt', async () => {
      const me = await citizenWithDraft();
      const started = requestOf(await confirm(me.token, me.href));
      assert.equal(started.forced, true, 'ForceAuthn="true"');
      clock.advance(20_000);
      const xml = await mint(started.id, { attributes: me.attributes });
      const res = await post(b64(xml));
      assert.equal(res.statusCode, 303, res.body);
      assert.match(String(res.headers.location), /^\/o\/koprivnice\/forms\/act\/sent\/[\w-]{43}$/);
      const [sent] = await submissionsOf(me.accountId);
      assert.ok(sent);
      const proof = await okence.handle.db
        .selectFrom('submission_act_authorisations')
        .selectAll()
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(proof.provider_id, 'nia');
      assert.equal(proof.protocol, 'saml');
      assert.equal(proof.loa, 'substantial');
      assert.equal(proof.response_id, /<samlp:Response [^>]*ID="([^"]+)"/.exec(xml)![1]);
      assert.equal(proof.authn_instant.getTime(), clock.now().getTime());
      assert.match(proof.response_sha256, /^[0-9a-f]{64}$/);
      assert.deepEqual(await okence.services.submissions.actAuthorisation(sent.id), {
        method: 'fresh_eid_sign_in',
        provider: 'nia',
        protocol: 'saml',
        authenticatedAt: clock.now().toISOString(),
        responseId: proof.response_id,
        level: 'substantial',
        responseSha256: proof.response_sha256,
        authorisedAt: clock.now().toISOString(),
      });
      assert.equal(await draftLive(me.draftId), false, 'the draft went with the sending');
      // The pull API's getSubmission carries the proof for the office's filing system.
      const { token: apiToken } = await okence.services.integrations.create(
        await staffOf(okence, ORG),
        { name: 'GINIS', scopes: ['submissions:read'] },
      );
      const got = await okence.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${ORG}/submissions/${sent.id}`,
        headers: { authorization: `Bearer ${apiToken}` },
      });
      assert.equal(got.statusCode, 200, got.body);
      const body = got.json<{ actAuthorisation: { provider: string; responseId: string } }>();
      assert.equal(body.actAuthorisation.provider, 'nia');
      assert.equal(body.actAuthorisation.responseId, proof.response_id);
      const pdf = await okence.app.inject({
        method: 'GET',
        url: `${String(res.headers.location)}/receipt.pdf`,
      });
      assert.equal(pdf.statusCode, 200);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
        input: pdf.rawPayload,
        encoding: 'utf8',
      }).replace(/[\u00a0\u202f]/g, ' ');
      assert.match(text, /Confirmed by eID/);
      assert.match(text, /Signed in anew on .+ with Czech eID/);

      // The same answer again (a replay at the ACS) is refused by the replay cache.
      const replay = await post(b64(xml));
      assert.equal(replay.statusCode, 400);
    });

    test('refusals: another person, a stale sign-in, a lower level, another browser', async () => {
      const other = await citizenWithDraft();
      const me = await citizenWithDraft();
      let r = requestOf(await confirm(me.token, me.href));
      await assertRefused(await answer(r.id, { attributes: other.attributes }), me, 'other_person');

      const stale = await citizenWithDraft();
      r = requestOf(await confirm(stale.token, stale.href));
      clock.advance(60_000);
      // The IdP answered from its own session, signed in before we asked.
      const earlier = new Date(clock.now().getTime() - 10 * 60_000);
      await assertRefused(
        await answer(r.id, { attributes: stale.attributes, authnInstant: earlier }),
        stale,
        'stale',
      );

      const low = await citizenWithDraft();
      await okence.services.forms.published(organisationId, 'act');
      r = requestOf(await confirm(low.token, low.href));
      // The IdP says "low": node-saml's RequestedAuthnContext asks at least substantial, and
      // the engine refuses a lower context itself (SAML 'level'), audited as the act's answer.
      const lowRes = await answer(r.id, { attributes: low.attributes, loa: 'low' });
      assert.equal(lowRes.statusCode, 303);
      assert.equal(
        lowRes.headers.location,
        `/o/${ORG}/forms/act/act-refused?reason=answer&draft=${low.draftId}`,
      );

      const elsewhere = await citizenWithDraft();
      r = requestOf(await confirm(elsewhere.token, elsewhere.href));
      const res = await answer(r.id, { attributes: elsewhere.attributes }, 'x'.repeat(43));
      assert.equal(res.statusCode, 400, 'an answer in another browser finds no act');
      assert.deepEqual(await submissionsOf(elsewhere.accountId), []);
      assert.equal(await draftLive(elsewhere.draftId), true);
    });

    test('cancelled at the IdP: the act page says so, the draft is kept', async () => {
      const me = await citizenWithDraft();
      const r = requestOf(await confirm(me.token, me.href));
      const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_c${me.draftId}" Version="2.0" IssueInstant="${clock.now().toISOString()}" Destination="${ACS}" InResponseTo="${r.id}"><saml:Issuer>${IDP}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode></samlp:Status></samlp:Response>`;
      await assertRefused(await post(b64(signElement(xml, 'Response', idpKeys))), me, 'cancelled');
    });

    test("a proof for another draft: one draft's answer never sends another", async () => {
      const me = await citizenWithDraft();
      const first = requestOf(await confirm(me.token, me.href));
      const xml = await mint(first.id, { attributes: me.attributes });
      assert.equal((await post(b64(xml))).statusCode, 303);
      // A second draft of the same account (another form version is not needed: the first was
      // sent, a new one starts), whose own request is pending; the first answer is replayed.
      const form = await okence.services.forms.published(organisationId, 'act');
      const { draftId } = await okence.services.formDrafts.startForAccount(
        form,
        me.accountId,
        'en',
        { ok: true },
      );
      const href = `/o/${ORG}/forms/act/drafts/${draftId}`;
      requestOf(await confirm(me.token, href));
      const replayed = await post(b64(xml));
      assert.equal(replayed.statusCode, 400);
      assert.equal((await submissionsOf(me.accountId)).length, 1);
      assert.equal(await draftLive(draftId), true);
    });

    test('the API refuses the form clearly: it needs a person signed in anew', async () => {
      const res = await okence.app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${ORG}/forms/act/submissions`,
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        payload: JSON.stringify({
          answers: { ok: true },
          submitter: {
            givenName: 'Petr',
            familyName: 'Dvořák',
            address: { text: 'Štefánikova 12, Kopřivnice', country: 'CZ' },
            email: 'petr@example.cz',
          },
        }),
      });
      assert.equal(res.statusCode, 403, res.body);
      assert.match(res.body, /fresh eID sign-in/);
    });
  });
}
