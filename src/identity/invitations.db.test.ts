import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { INVITATION_TTL_MS } from './domain.ts';

const GOOD = 'vrba ob potoku šumi 1957';

for (const kind of DB_KINDS) {
  describe(`set-password links on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    let ips = 0;
    const ip = () => `198.51.100.${++ips}`;
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const links = async (to: string) => {
      // Ids are not in order of creation, and the clock stands still: callers tell links apart themselves.
      const mails = await db()
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', to)
        .execute();
      return mails.map(
        (m) => new URL(/https?:\/\/\S+\/set-password\/\S+/.exec(m.text_body)![0]).pathname,
      );
    };
    const open = (path: string, from = ip()) =>
      okence.app.inject({
        method: 'GET',
        url: path,
        remoteAddress: from,
        headers: { 'accept-language': 'en' },
      });
    const post = async (path: string, password: string) => {
      const from = ip();
      const form = await open('/staff/sign-in', from);
      return okence.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: from,
        headers: { 'accept-language': 'en' },
        cookies: cookiesOf(form),
        payload: { password, _csrf: csrfFrom(form.body) },
      });
    };
    async function invite(email: string) {
      const admin = await browserFor(okence, 'admin@ljutomer.example', undefined, ip());
      const res = await admin.post('/staff/admin/officials', {
        displayName: 'Tina Kos',
        email,
        role: 'official',
      });
      assert.equal(res.statusCode, 303, res.body);
      return { admin, id: /officials\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]! };
    }

    test('only the hash of the token is stored; the mail and the page say how long the link works', async () => {
      await invite('tina.kos@ljutomer.example');
      const [path] = await links('tina.kos@ljutomer.example');
      const token = path!.split('/').pop()!;
      assert.equal(token.length, 43, '32 random bytes in base64url');
      const rows = await db().selectFrom('invitation').selectAll().execute();
      assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not in the database');
      const page = await open(path!);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /The link works only once and stops working on Thursday, 26 November 2026 at 08:00/,
      );
      assert.match(page.headers['cache-control'] as string, /no-store/);
      const mail = await db()
        .selectFrom('mail_outbox')
        .select(['text_body', 'subject'])
        .where('to_address', '=', 'tina.kos@ljutomer.example')
        .executeTakeFirstOrThrow();
      // The organisation writes Slovenian: the mail is in Slovenian.
      assert.equal(mail.subject, 'Nastavite geslo za Okence');
      assert.match(
        mail.text_body,
        /Povezava deluje samo enkrat, 72\u00a0ur: preneha delovati v četrtek, 26. novembra 2026, ob 8\.00\./,
      );
      assert.match(mail.text_body, /Povabilo pošilja: Marko Kolar|Povabilo pošilja: /);
    });

    test('a link expires after 72 hours, and the page says whom to ask', async () => {
      const [path] = await links('tina.kos@ljutomer.example');
      clock.advance(INVITATION_TTL_MS - 60_000);
      assert.equal((await open(path!)).statusCode, 200, 'a minute before');
      clock.advance(60_000);
      const dead = await open(path!);
      assert.equal(dead.statusCode, 410);
      assert.match(dead.body, /This link no longer works/);
      assert.match(dead.body, /Links to set a password work for 72\u00a0hours/);
      assert.match(dead.body, /Ask the person who invited you for a new link: /);
      assert.equal((await post(path!, GOOD)).statusCode, 410, 'and it sets nothing');
    });

    test('sending the invitation again kills the earlier link; the new one works once', async () => {
      const { admin, id } = await invite('jure.kos@ljutomer.example');
      const page = await admin.get(`/staff/admin/officials/${id}`);
      assert.match(page.body, /Send the invitation again/);
      const [first] = await links('jure.kos@ljutomer.example');
      const again = await admin.post(`/staff/admin/officials/${id}/invitation`, {});
      assert.equal(again.statusCode, 303);
      const all = await links('jure.kos@ljutomer.example');
      assert.equal(all.length, 2);
      const second = all.find((l) => l !== first);
      assert.ok(first && second);
      assert.equal((await open(first)).statusCode, 410);
      assert.equal((await open(second)).statusCode, 200);
      // Two posts of one link at once: one sets the password, the other finds the link dead.
      const both = await Promise.all([post(second, GOOD), post(second, `${GOOD} b`)]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [303, 410]);
      // With a password set, there is nothing to send again.
      const after = await admin.get(`/staff/admin/officials/${id}`);
      assert.doesNotMatch(after.body, /Send the invitation again/);
      assert.equal(
        (await admin.post(`/staff/admin/officials/${id}/invitation`, {})).statusCode,
        409,
      );
    });

    test('an unknown link is a 404 page that says what to do, not an error', async () => {
      const res = await open('/set-password/not-a-real-token');
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /This link is not valid/);
    });

    test('a new account for an address that already has one is refused on its email field, before anything is written', async () => {
      const org = await db()
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-ljutomer')
        .executeTakeFirstOrThrow();
      const before = (await db().selectFrom('invitation').select('token_hash').execute()).length;
      await assert.rejects(
        okence.invitations.invite(
          {
            kind: 'staff',
            organisationId: org.id,
            email: 'Admin@Domzale.example',
            name: 'Twin',
            role: 'admin',
          },
          { name: 'test', actor: { system: 'test' } },
        ),
        (err: Error & { code?: string; fields?: Record<string, string> }) =>
          err.code === 'invalid_input' && err.fields?.email === 'identity.error.email_taken',
      );
      assert.equal(
        (await db().selectFrom('invitation').select('token_hash').execute()).length,
        before,
      );
    });
  });
}
