// Files attached to a form's draft without JavaScript (decision 039), on both databases: the
// limits said before the upload, a file checked by its bytes and kept with everything typed, a
// refusal that keeps the page, only the draft's holder reaching it, a restart keeping it, its
// removal, and the send that makes it the submission's, embedded in the receipt (pdfdetach).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootOkence, type Okence } from '../boot.ts';
import { citizenCookie } from '../citizens/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { makeOoxml, samplePdf } from '../files/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DRAFT_COOKIE, UPLOADS_PER_MINUTE } from './fill-routes.ts';
import { NEWBORNS, publishForm } from './fill-testing.ts';

const BASE = '/o/ue-domzale/forms/newborns';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e2a4a50000000049454e44ae426082',
  'hex',
);

type Part = { name: string; value: string } | { name: string; file: string; bytes: Uint8Array };

/** A multipart/form-data body as a browser sends a page's form: its fields and files in order. */
function multipart(parts: Part[]) {
  const boundary = '----okence-attach-test';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'file' in p
        ? `Content-Disposition: form-data; name="${p.name}"; filename="${p.file}"\r\nContent-Type: application/octet-stream`
        : `Content-Disposition: form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`));
    chunks.push('file' in p ? Buffer.from(p.bytes) : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A Cookie header's pairs, as inject's `cookies` takes them. */
const jar = (cookie: string) =>
  Object.fromEntries(
    cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=') as [string, string]),
  );
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of DB_KINDS) {
  describe(`attachments of a form's draft (${kind})`, () => {
    let okence: Okence;
    let dataDir: string;
    let env: Record<string, string>;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'okence-attach-'));
      env = { DATA_DIR: dataDir };
      okence = await bootTestApp(kind, { clock, env });
      const { organisation } = await okence.services.tenants.getOrganisation('ue-domzale');
      await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'newborns');
      // The same form with the birth certificate required.
      const proofRequired = structuredClone(NEWBORNS) as unknown as {
        pages: { questions: { id: string; required?: boolean }[] }[];
      };
      proofRequired.pages[2]!.questions.find((q) => q.id === 'proof')!.required = true;
      const db = okence.handle.db;
      await publishForm(db, okence.services.forms, organisation.id, 'proof', proofRequired);
    });
    after(() => okence.close());

    const get = (url: string, cookie = '') =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });
    /** Posts the page's own multipart form: its action (with the CSRF token) and cookies. */
    async function postPage(pageUrl: string, cookie: string, parts: Part[], app = okence) {
      const page = await app.app.inject({
        method: 'GET',
        url: pageUrl,
        headers: { cookie, 'accept-language': 'en' },
      });
      assert.equal(page.statusCode, 200, page.body.slice(0, 300));
      const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(
        page.body,
      )?.[1];
      assert.ok(action, 'the page posts its files as multipart/form-data');
      const body = multipart(parts);
      return app.app.inject({
        method: 'POST',
        url: action.replaceAll('&amp;', '&'),
        headers: { ...body.headers, 'accept-language': 'en' },
        cookies: {
          ...jar(cookie),
          ...cookiesOf(page),
        },
        payload: body.payload,
      });
    }
    async function postForm(
      from: string,
      url: string,
      cookie: string,
      fields: Record<string, string>,
    ) {
      const page = await get(from, cookie);
      const body = new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields });
      return okence.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        cookies: {
          ...jar(cookie),
          ...cookiesOf(page),
        },
        payload: body.toString(),
      });
    }
    const rowsOf = (draftId: string) =>
      okence.handle.db
        .selectFrom('form_attachments')
        .selectAll()
        .where('draft_id', '=', draftId)
        .execute();
    const filesDir = () => join(dataDir, 'files');

    test('a file uploaded without JavaScript is kept with the draft, refused ones keep the page, only the holder reaches it, a restart keeps it, and the send embeds it in the receipt', async () => {
      const started = await postForm(BASE, `${BASE}/start`, '', { email: 'mati@example.org' });
      assert.equal(started.statusCode, 303);
      const cookie = `${DRAFT_COOKIE}=${cookiesOf(started)[DRAFT_COOKIE]}`;
      const draftUrl = String(started.headers.location).replace(/\/pages\/parent\?.*$/, '');
      const draftId = /drafts\/([0-9a-f-]{36})/.exec(draftUrl)![1]!;
      const parent = await postForm(
        `${draftUrl}/pages/parent`,
        `${draftUrl}/pages/parent`,
        cookie,
        {
          'parent.givenName': 'Maja',
          'parent.familyName': 'Kovač',
          invite: 'no',
        },
      );
      assert.equal(parent.headers.location, `${draftUrl}/pages/children`);
      const children = `${draftUrl}/pages/children`;

      // The limits are on the page before anything is chosen.
      const before = await get(children, cookie);
      assert.match(before.body, /One file: PDF, at most 1 MB\./);
      assert.match(before.body, /A form can hold up to 20 files, 50 MB in all\./);
      assert.match(before.body, /<input type="file" id="proof" name="proof" accept=".pdf"/);

      // A PNG named .pdf: refused by its bytes, with the reason at the field and the rest kept.
      const png = await postPage(children, cookie, [
        { name: 'child.0.name', value: 'Eva' },
        { name: 'proof', file: 'rojstni-list.pdf', bytes: PNG },
        { name: '_action', value: 'upload:proof' },
      ]);
      assert.equal(png.statusCode, 400);
      assert.match(png.body, /rojstni-list\.pdf: the file must be PDF\./);
      assert.match(png.body, /href="#proof"/);
      assert.match(png.body, /value="Eva"/, 'what was typed is kept');
      assert.deepEqual(await rowsOf(draftId), []);

      // A PDF: kept, listed with its remove button, what was typed still there.
      const pdf = samplePdf('rojstni list');
      const up = await postPage(children, cookie, [
        { name: 'child.0.name', value: 'Eva' },
        { name: 'proof', file: 'rojstni-list.pdf', bytes: pdf },
        { name: '_action', value: 'upload:proof' },
      ]);
      assert.equal(up.statusCode, 200, up.body.slice(0, 500));
      assert.match(up.body, /rojstni-list\.pdf has been attached\./);
      assert.match(up.body, /Attached: <strong>rojstni-list\.pdf<\/strong>/);
      assert.match(up.body, /name="_action" value="remove-file:proof">Remove/);
      assert.match(up.body, /value="Eva"/);
      const [row] = await rowsOf(draftId);
      assert.ok(row);
      assert.equal(row.sha256, sha256(pdf));
      assert.equal(row.mime, 'application/pdf');
      const onDisk = join(filesDir(), row.area, row.storage_name);
      assert.deepEqual(
        readFileSync(onDisk),
        Buffer.from(pdf),
        'committed to disk before the answer',
      );

      // Nobody else reaches it: another browser, another citizen, a stranger's link.
      const ana = await citizenCookie(okence, 'ana-attach@example.org');
      for (const other of ['', ana, `${DRAFT_COOKIE}=${'b'.repeat(43)}`]) {
        assert.equal((await get(children, other)).statusCode, 404);
        const page = await get(BASE, other);
        const body = multipart([
          { name: 'proof', value: row.id },
          { name: '_action', value: 'remove-file:proof' },
        ]);
        const steal = await okence.app.inject({
          method: 'POST',
          url: `${children}?_csrf=${encodeURIComponent(csrfFrom(page.body))}`,
          headers: { ...body.headers, 'accept-language': 'en' },
          cookies: { ...jar(other), ...cookiesOf(page) },
          payload: body.payload,
        });
        assert.equal(steal.statusCode, 404, `${other || 'anonymous'} may not remove it`);
      }
      assert.equal((await rowsOf(draftId)).length, 1);

      // A restart (another instance on the same database and files) still lists it.
      const shared = { ...okence.handle, close: async () => undefined };
      const second = await bootOkence(testConfig(env), { handle: shared, clock });
      const again = await second.app.inject({
        method: 'GET',
        url: children,
        headers: { cookie, 'accept-language': 'en' },
      });
      assert.match(again.body, /Attached: <strong>rojstni-list\.pdf<\/strong>/);
      await second.close();

      // Removed: the row and the bytes go.
      const removed = await postPage(children, cookie, [
        { name: 'child.0.name', value: 'Eva' },
        { name: 'proof', value: row.id },
        { name: '_action', value: 'remove-file:proof' },
      ]);
      assert.equal(removed.statusCode, 200);
      assert.match(removed.body, /The file has been removed\./);
      assert.match(removed.body, /<input type="file" id="proof"/);
      assert.deepEqual(await rowsOf(draftId), []);
      assert.equal(existsSync(onDisk), false);

      // Attached again with "Save and continue", the page saved in the same post.
      const cont = await postPage(children, cookie, [
        { name: 'child.0.name', value: 'Eva' },
        { name: 'child.0.born', value: '2026-10-01' },
        { name: 'proof', file: 'rojstni-list.pdf', bytes: pdf },
        { name: '_action', value: 'continue' },
      ]);
      assert.equal(cont.statusCode, 303, cont.body.slice(0, 800));
      assert.equal(cont.headers.location, `${draftUrl}/check`);
      const check = await get(`${draftUrl}/check`, cookie);
      assert.match(check.body, /rojstni-list\.pdf \(1 kB\)/);

      const sent = await postForm(`${draftUrl}/check`, `${draftUrl}/send`, cookie, {});
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
      const confirmation = String(sent.headers.location);
      const kept = await okence.handle.db
        .selectFrom('form_attachments')
        .selectAll()
        .where('submission_id', 'is not', null)
        .execute();
      assert.equal(kept.length, 1);
      assert.equal(kept[0]!.sha256, sha256(pdf));
      assert.equal(kept[0]!.draft_id, null);
      const receipt = await get(`${confirmation}/receipt.pdf`);
      assert.equal(receipt.statusCode, 200);
      const path = join(dataDir, 'sent.pdf');
      writeFileSync(path, receipt.rawPayload);
      const list = execFileSync('pdfdetach', ['-enc', 'UTF-8', '-list', path], {
        encoding: 'utf8',
      });
      assert.match(list, /^1: rojstni-list\.pdf$/m);
      const out = join(dataDir, 'detached.pdf');
      execFileSync('pdfdetach', ['-save', '1', '-o', out, path]);
      assert.equal(sha256(readFileSync(out)), sha256(pdf), 'embedded byte for byte');
    });

    test('a deleted draft past its restore period takes its files with it when purged', async () => {
      const cookie = await citizenCookie(okence, 'purge-attach@example.org');
      const started = await postForm(BASE, `${BASE}/start`, cookie, {});
      const draftUrl = String(started.headers.location).replace(/\/pages\/parent$/, '');
      const draftId = /drafts\/([0-9a-f-]{36})/.exec(draftUrl)![1]!;
      await postForm(`${draftUrl}/pages/parent`, `${draftUrl}/pages/parent`, cookie, {
        'parent.givenName': 'Ana',
        'parent.familyName': 'Novak',
        invite: 'no',
      });
      const up = await postPage(`${draftUrl}/pages/children`, cookie, [
        { name: 'proof', file: 'list.pdf', bytes: samplePdf('purge') },
        { name: '_action', value: 'upload:proof' },
      ]);
      assert.equal(up.statusCode, 200);
      const area = join(filesDir(), 'forms', draftId);
      assert.equal(readdirSync(area).length, 1);
      // The account's export names the draft's file (never its bytes).
      const exported = await get('/account/export.json', cookie);
      assert.equal(exported.statusCode, 200);
      const held = exported.json<{ formDrafts: { attachments: unknown[] }[] }>().formDrafts;
      assert.deepEqual(held[0]!.attachments, [
        {
          field: 'proof',
          name: 'list.pdf',
          mime: 'application/pdf',
          size: samplePdf('purge').length,
          sha256: sha256(samplePdf('purge')),
          uploadedAt: clock.now().toISOString(),
        },
      ]);
      const deleted = await postForm(
        `${draftUrl}/pages/children`,
        `${draftUrl}/delete`,
        cookie,
        {},
      );
      assert.equal(deleted.statusCode, 303);
      // Restorable: still there after a purge.
      await okence.services.formAttachments.purge();
      assert.equal((await rowsOf(draftId)).length, 1);
      clock.set(new Date(clock.now().getTime() + 31 * 86_400_000));
      await okence.services.formDrafts.purge();
      assert.equal(await okence.services.formAttachments.purge(), 1);
      assert.equal(existsSync(area), false, "the draft's files are gone from the disk");
      const left = await okence.handle.db
        .selectFrom('form_attachments')
        .select('id')
        .where('area', '=', `forms/${draftId}`)
        .execute();
      assert.deepEqual(left, []);
    });

    test('an office document is refused by a question that takes PDF only, whatever its name', async () => {
      const cookie = await citizenCookie(okence, 'docx-attach@example.org');
      const started = await postForm(BASE, `${BASE}/start`, cookie, {});
      const draftUrl = String(started.headers.location).replace(/\/pages\/parent$/, '');
      await postForm(`${draftUrl}/pages/parent`, `${draftUrl}/pages/parent`, cookie, {
        'parent.givenName': 'Ana',
        'parent.familyName': 'Novak',
        invite: 'no',
      });
      const r = await postPage(`${draftUrl}/pages/children`, cookie, [
        { name: 'proof', file: 'list.docx', bytes: makeOoxml('word') },
        { name: '_action', value: 'upload:proof' },
      ]);
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /list\.docx: the file must be PDF\./);
    });

    test('createSubmission (JSON) refuses a form whose file question is required, naming the field, and any file id it was not given', async () => {
      const answers = {
        parent: { givenName: 'Maja', familyName: 'Kovač' },
        invite: false,
        child: [{ name: 'Eva', born: '2026-10-01' }],
      };
      const submitter = {
        givenName: 'Maja',
        familyName: 'Kovač',
        address: { text: 'Ljubljanska 1, 1230 Domžale', country: 'SI' },
        email: 'maja@example.org',
      };
      const send = (slug: string, a: unknown) =>
        okence.app.inject({
          method: 'POST',
          url: `/api/v1/organisations/ue-domzale/forms/${slug}/submissions`,
          headers: { 'content-type': 'application/json', 'accept-language': 'en' },
          payload: JSON.stringify({ answers: a, submitter }),
        });
      const missing = await send('proof', answers);
      assert.equal(missing.statusCode, 422);
      assert.deepEqual(missing.json().errors, [
        { field: 'proof', code: 'file.required', message: 'Attach a file.' },
      ]);
      const forged = { ...answers, proof: { fileId: '00000000-0000-4000-8000-000000000001' } };
      for (const slug of ['proof', 'newborns']) {
        const r = await send(slug, forged);
        assert.equal(r.statusCode, 422, slug);
        assert.deepEqual(
          r.json().errors.map((e: { field: string }) => e.field),
          ['proof'],
        );
      }
      // Without the optional file, the same answers go.
      assert.equal((await send('newborns', answers)).statusCode, 201);
    });

    test('posts with files have their own limit per client; page posts without files go on', async () => {
      const cookie = await citizenCookie(okence, 'limit-attach@example.org');
      const started = await postForm(BASE, `${BASE}/start`, cookie, {});
      const pageUrl = String(started.headers.location);
      const body = multipart([{ name: 'parent.givenName', value: 'Ana' }]);
      let refusedAt = 0;
      for (let i = 1; i <= UPLOADS_PER_MINUTE + 1 && !refusedAt; i++) {
        const r = await okence.app.inject({
          method: 'POST',
          url: pageUrl,
          headers: { ...body.headers, cookie, 'accept-language': 'en' },
          payload: body.payload,
        });
        if (r.statusCode === 429) refusedAt = i;
      }
      // The earlier tests' uploads in this minute count too: refused at the 31st at the latest.
      assert.ok(refusedAt > 0 && refusedAt <= UPLOADS_PER_MINUTE + 1, `refused at ${refusedAt}`);
      const plain = await postForm(pageUrl, pageUrl, cookie, { 'parent.givenName': 'Ana' });
      assert.equal(plain.statusCode, 400, 'a post without files is not limited by them');
    });
  });
}
