import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { citizenCookie } from '../citizens/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { samplePdf } from '../files/testing.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { publishOpenForm, send } from './testing-states.ts';

/** A multipart/form-data body as the thread's form sends it: the message, then the files. */
function multipart(message: string, files: { name: string; bytes: Uint8Array }[]) {
  const boundary = '----okence-answer-test';
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n${message}\r\n`,
    ),
  ];
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

for (const kind of DB_KINDS) {
  describe(`submission pages for staff and citizens (${kind})`, () => {
    let okence: Okence;
    let form: Awaited<ReturnType<typeof publishOpenForm>>;
    before(async () => {
      okence = await bootTestApp(kind);
      form = await publishOpenForm(okence, 'ue-domzale');
    });
    after(() => okence.close());

    const get = (url: string, cookie = '') =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });
    /** Posts as a browser does, with the CSRF token of the page the form is on. */
    async function post(url: string, cookie: string, fields: Record<string, string>, from = url) {
      const page = await get(from, cookie);
      const jar = {
        ...Object.fromEntries(
          cookie
            .split('; ')
            .filter(Boolean)
            .map((c) => c.split('=') as [string, string]),
        ),
        ...cookiesOf(page),
      };
      return okence.app.inject({
        method: 'POST',
        url,
        cookies: jar,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        payload: new URLSearchParams({ ...fields, _csrf: csrfFrom(page.body) }).toString(),
      });
    }
    const stateOf = async (id: string) =>
      (
        await okence.handle.db
          .selectFrom('submissions')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).state;
    const linkIn = async (to: string) => {
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', to)
        .where('dedupe_key', 'like', 'submission-state:%')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return new URL(/https?:\/\/\S+\/submissions\/thread\/\S+/.exec(mail.text_body)![0]).pathname;
    };

    test('an official lists the organisation’s submissions by state and page, and opens one with its answers and history', async () => {
      const ids = [];
      for (let i = 0; i < 26; i++)
        ids.push((await send(okence, form, { text: `Vprašanje št. ${i}` })).id);
      const official = await browserFor(okence, 'uradnik@domzale.example', undefined, '10.7.0.1');
      const list = await official.get('/staff/submissions');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Submissions found: 26/);
      assert.match(list.body, /href="\/staff\/submissions\?page=2"/);
      assert.match(list.body, /aria-current="page">Submissions</);
      const second = await official.get('/staff/submissions?page=2');
      assert.equal(
        (second.body.match(/href="\/staff\/submissions\/[0-9a-f-]{36}"/g) ?? []).length,
        1,
      );
      await okence.services.handling.staffChange(form.admin, ids[0]!, 'start', '');
      const started = await official.get('/staff/submissions?state=in_progress');
      assert.match(started.body, /Submissions found: 1/);
      assert.ok(started.body.includes(`/staff/submissions/${ids[0]}`));
      // A filter that is not one (an unknown state, another organisation's form) shows nothing worse than all or none.
      assert.equal(
        (await official.get('/staff/submissions?state=nonsense&page=x')).statusCode,
        200,
      );
      const page = await official.get(`/staff/submissions/${ids[0]}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /\/staff\/admin\/deliveries/);
      assert.match(page.body, /Vprašanje št\. 0/);
      assert.match(page.body, /Received by Okence/);
      assert.match(page.body, /In progress/);
      assert.match(page.body, /href="\/staff\/submissions\/[^"]+\/receipt\.pdf"/);
      const pdf = await official.get(`/staff/submissions/${ids[0]}/receipt.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
    });

    test('staff ask for completion with a message; without one the form comes back with the error and what was chosen; without CSRF nothing changes', async () => {
      const sent = await send(okence, form, { email: 'ana.page@example.si' });
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.7.0.2');
      const url = `/staff/submissions/${sent.id}/state`;
      const forged = await okence.app.inject({
        method: 'POST',
        url,
        cookies: admin.cookies,
        remoteAddress: '10.7.0.2',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'action=refuse&message=x',
      });
      assert.equal(forged.statusCode, 403);
      const empty = await admin.post(url, { action: 'ask', message: ' ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /href="#message">Write a message/);
      assert.match(empty.body, /value="ask" checked/);
      const none = await admin.post(url, {});
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /href="#action">Choose what happens next/);
      assert.equal(await stateOf(sent.id), 'received');
      const asked = await admin.post(url, { action: 'ask', message: 'Priložite pooblastilo.' });
      assert.equal(asked.statusCode, 303);
      assert.equal(asked.headers.location, `/staff/submissions/${sent.id}?changed=1`);
      const after = await admin.get(String(asked.headers.location));
      // An admin may follow it to its deliveries; an official has no such page.
      assert.ok(after.body.includes(`/staff/admin/deliveries/states?submission=${sent.id}`));
      assert.match(after.body, /The state has been changed/);
      assert.match(after.body, /Needs completion/);
      assert.match(after.body, /Priložite pooblastilo\./);
      assert.equal(await stateOf(sent.id), 'needs_completion');
    });

    test('another organisation’s staff get 404 for each route, and nothing changes', async () => {
      const sent = await send(okence, form);
      const other = await browserFor(okence, 'admin@ljutomer.example', undefined, '10.7.0.3');
      for (const path of ['', '/receipt.pdf'])
        assert.equal((await other.get(`/staff/submissions/${sent.id}${path}`)).statusCode, 404);
      const res = await other.post(`/staff/submissions/${sent.id}/state`, {
        action: 'done',
        message: '',
      });
      assert.equal(res.statusCode, 404);
      assert.equal(await stateOf(sent.id), 'received');
      const list = await other.get('/staff/submissions');
      assert.ok(!list.body.includes(sent.reference));
      assert.equal(
        (await get(`/staff/submissions/${sent.id}`)).statusCode,
        303,
        'signed out: to the sign-in',
      );
    });

    test('a citizen finds their submission on /account and answers there; another citizen gets 404', async () => {
      const cookie = await citizenCookie(okence, 'ana.account@example.si');
      const account = await okence.handle.db
        .selectFrom('citizen_accounts')
        .select('id')
        .where('email', '=', 'ana.account@example.si')
        .executeTakeFirstOrThrow();
      const sent = await send(okence, form, {
        accountId: account.id,
        email: 'ana.account@example.si',
      });
      const home = await get('/account', cookie);
      assert.match(home.body, /My submissions/);
      assert.ok(home.body.includes(`href="/account/submissions/${sent.id}"`));
      assert.ok(home.body.includes(sent.reference));
      await okence.services.handling.staffChange(form.admin, sent.id, 'ask', 'Manjka podpis.');
      const path = `/account/submissions/${sent.id}`;
      const page = await get(path, cookie);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Complete your submission/);
      assert.match(page.body, /Manjka podpis\./);

      const bob = await citizenCookie(okence, 'bob.account@example.si');
      assert.equal((await get(path, bob)).statusCode, 404);
      assert.equal(
        (await post(path, bob, { message: 'Jaz nisem Ana.' }, '/account')).statusCode,
        404,
      );
      assert.equal(await stateOf(sent.id), 'needs_completion');
      assert.notEqual((await get(path)).statusCode, 200, 'signed out: not shown');

      const empty = await post(path, cookie, { message: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /href="#message">Write a message/);
      const answered = await post(path, cookie, { message: 'Podpisano pošljem po pošti.' });
      assert.equal(answered.statusCode, 303);
      assert.equal(answered.headers.location, `${path}?answered=1`);
      const after = await get(`${path}?answered=1`, cookie);
      assert.match(after.body, /Your answer has been sent to the office/);
      assert.doesNotMatch(after.body, /Complete your submission/);
      assert.equal(await stateOf(sent.id), 'in_progress');
    });

    test('without an account: the mailed link opens only its own thread, and its holder answers there', async () => {
      const ana = await send(okence, form, { email: 'ana.link@example.si' });
      const bob = await send(okence, form, { email: 'bob.link@example.si' });
      await okence.services.handling.staffChange(form.admin, ana.id, 'ask', 'Ana, katero leto?');
      await okence.services.handling.staffChange(form.admin, bob.id, 'ask', 'Bob, kateri naslov?');
      const anaLink = await linkIn('ana.link@example.si');
      const bobLink = await linkIn('bob.link@example.si');
      const page = await get(anaLink);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.match(page.body, /Ana, katero leto\?/);
      assert.doesNotMatch(page.body, /Bob/);
      assert.doesNotMatch((await get(bobLink)).body, /Ana, katero leto/);
      const forged = anaLink.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      assert.equal((await get(forged)).statusCode, 404);
      assert.equal((await post(forged, '', { message: 'x' }, anaLink)).statusCode, 404);
      // Bob's link answers Bob's submission only, whatever page its form came from.
      const res = await post(bobLink, '', { message: 'Ljubljanska 5.' }, anaLink);
      assert.equal(res.statusCode, 303);
      assert.equal(await stateOf(bob.id), 'in_progress');
      assert.equal(await stateOf(ana.id), 'needs_completion');
      const answered = await post(anaLink, '', { message: 'Leto 2025.' });
      assert.equal(answered.statusCode, 303);
      assert.equal(await stateOf(ana.id), 'in_progress');
    });

    test('an answer carries a PDF: kept with the answer, listed to the citizen and staff, downloaded by staff; a program is refused with the message kept', async () => {
      const sent = await send(okence, form, { email: 'ana.files@example.si' });
      await okence.services.handling.staffChange(
        form.admin,
        sent.id,
        'ask',
        'Priložite pooblastilo.',
      );
      const link = await linkIn('ana.files@example.si');
      const page = await get(link);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      const cookies = cookiesOf(page);
      const csrf = csrfFrom(page.body);
      const postFiles = (message: string, files: { name: string; bytes: Uint8Array }[]) =>
        okence.app.inject({
          method: 'POST',
          url: `${link}?_csrf=${encodeURIComponent(csrf)}`,
          cookies,
          ...multipart(message, files),
          headers: { ...multipart(message, files).headers, 'accept-language': 'en' },
        });
      const exe = await postFiles('Tukaj je.', [
        { name: 'virus.exe', bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00programme') },
      ]);
      assert.equal(exe.statusCode, 400);
      assert.match(exe.body, /href="#files"/);
      assert.match(exe.body, /Tukaj je\./, 'the message is kept');
      assert.equal(await stateOf(sent.id), 'needs_completion');
      const ok = await postFiles('Pooblastilo je priloženo.', [
        { name: 'pooblastilo.pdf', bytes: samplePdf('pooblastilo') },
      ]);
      assert.equal(ok.statusCode, 303, ok.body);
      assert.equal(await stateOf(sent.id), 'in_progress');
      const thread = await get(link);
      assert.match(thread.body, /pooblastilo\.pdf/);
      const official = await browserFor(okence, 'uradnik@domzale.example', undefined, '10.7.0.9');
      const detail = await official.get(`/staff/submissions/${sent.id}`);
      const href = new RegExp(`href="(/staff/submissions/${sent.id}/files/[0-9a-f-]{36})"`).exec(
        detail.body,
      )?.[1];
      assert.ok(href, 'a download link beside the answer');
      const file = await official.get(href);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.match(
        String(file.headers['content-disposition']),
        /^attachment; filename="pooblastilo\.pdf"/,
      );
      assert.deepEqual(new Uint8Array(file.rawPayload), samplePdf('pooblastilo'));
      const other = await browserFor(okence, 'admin@ljutomer.example', undefined, '10.7.0.10');
      assert.equal((await other.get(href)).statusCode, 404);
      // The file belongs to this submission only: another of the organisation's does not give it.
      const second = await send(okence, form);
      const elsewhere = href.replace(sent.id, second.id);
      assert.equal((await official.get(elsewhere)).statusCode, 404);
    });
  });
}
