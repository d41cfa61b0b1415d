import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';

for (const kind of DB_KINDS) {
  describe(`booking pages on ${kind}`, () => {
    let okence: Okence;
    // Monday 23 November 2026, 08:00 in Domžale.
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    let cookies: Record<string, string> = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const get = async (url: string) => {
      const res = await okence.app.inject({ method: 'GET', url, cookies });
      cookies = { ...cookies, ...cookiesOf(res) };
      return res;
    };
    const post = async (url: string, payload: Record<string, string>, token: string) => {
      const res = await okence.app.inject({
        method: 'POST',
        url,
        cookies,
        payload: { ...payload, _csrf: token },
      });
      cookies = { ...cookies, ...cookiesOf(res) };
      return res;
    };
    const latestMailTo = async (to: string) =>
      okence.handle.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', to)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();

    /** Calendar → first free day → first time → contact form. */
    async function openContactForm(): Promise<{ url: string; body: string }> {
      const service = await get('/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book?lang=en');
      assert.equal(service.statusCode, 303);
      const calendar = await get(`${service.headers.location}`);
      assert.equal(calendar.statusCode, 200);
      const dayHref = /<td class="day-free"><a href="([^"]+)"/
        .exec(calendar.body)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.ok(dayHref, 'a day with free times');
      const day = await get(dayHref);
      const timeHref = /<li><a class="button" href="([^"]+)">/
        .exec(day.body)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.ok(timeHref, 'a free time');
      const form = await get(timeHref);
      assert.equal(form.statusCode, 200);
      return { url: timeHref, body: form.body };
    }

    test('the calendar lists only days after the minimum notice, in the office zone', async () => {
      const calendar = await get(
        '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale?lang=en&month=2026-11&day=2026-11-23',
      );
      assert.match(calendar.body, /Free times on Monday, 23 November 2026/);
      // 08:00 now, 120 minutes notice, 20-minute slots with two officials: the first time is 10:00.
      assert.match(calendar.body, />10:00<\/a>/);
      assert.doesNotMatch(calendar.body, />09:40<\/a>/);
      assert.match(calendar.body, /office’s local time \(CET\)/);
    });

    test('a day that has the form of a date but is not in the calendar is ignored, not a 500', async () => {
      // 2026-11-99 passed the old pattern and made the day's heading throw (found in issue 15).
      for (const day of ['2026-11-99', '2026-02-30', '2026-13-01', 'x'.repeat(5000)]) {
        const calendar = await get(
          `/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale?lang=en&month=2026-11&day=${day}`,
        );
        assert.equal(calendar.statusCode, 200, day.slice(0, 20));
        assert.doesNotMatch(calendar.body, /Free times on/, 'no day is shown');
      }
    });

    test('without JavaScript: contact → code from the email → confirmation with links and invitation', async () => {
      const { url, body } = await openContactForm();
      const start = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      // Invalid input comes back with what was typed.
      const bad = await post(
        '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact',
        { start, name: 'Ž', email: 'nope', phone: 'abc', notes: 'Potrebujem potrdilo.' },
        csrfFrom(body),
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#name"/);
      assert.match(bad.body, /href="#email"/);
      assert.match(bad.body, /href="#phone"/);
      assert.match(bad.body, />Potrebujem potrdilo\.<\/textarea>/);
      const ok = await post(
        '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact',
        {
          start,
          name: 'Žan Čuk',
          email: 'zan@example.si',
          phone: '+386 41 123 456',
          notes: 'Potrdilo za zaposlitev.',
        },
        csrfFrom(bad.body),
      );
      assert.equal(ok.statusCode, 303);
      const holdUrl = String(ok.headers.location);
      assert.match(holdUrl, /^\/h\/[0-9a-f-]{36}$/);
      const codePage = await get(holdUrl);
      assert.match(codePage.body, /Enter the code from your email/);
      const [codeMail] = await latestMailTo('zan@example.si');
      const code = /(\d{6})/.exec(codeMail?.text_body ?? '')?.[1];
      assert.ok(code);
      const wrong = await post(
        `${holdUrl}/confirm`,
        { code: code === '000000' ? '000001' : '000000' },
        csrfFrom(codePage.body),
      );
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Attempts left: 4/);
      const right = await post(`${holdUrl}/confirm`, { code }, csrfFrom(wrong.body));
      assert.equal(right.statusCode, 303);
      const manageUrl = String(right.headers.location);
      assert.match(manageUrl, /^\/m\/[A-Za-z0-9_-]{43}\?confirmed=1$/);
      const confirmation = await get(manageUrl);
      assert.match(confirmation.body, /Your appointment is booked/);
      assert.match(confirmation.body, /Janez Novak|Ana Horvat/);
      assert.match(confirmation.body, /CET/);
      const mails = await latestMailTo('zan@example.si');
      const confirmed = mails.find((m) => m.ics_method === 'REQUEST');
      assert.ok(confirmed?.ics);
      assert.match(confirmed.text_body, /\/j\/[A-Za-z0-9_-]{43}/);
      assert.match(confirmed.text_body, /\/m\/[A-Za-z0-9_-]{43}/);
      const event = new ICAL.Event(
        new ICAL.Component(ICAL.parse(confirmed.ics)).getFirstSubcomponent('vevent')!,
      );
      assert.equal(event.startDate.toJSDate().toISOString(), start);
      const uid = event.uid;
      // A video appointment takes place at its join link: LOCATION and URL both carry it (a
      // calendar offers it as the way in); the manage link is in the description.
      const joinLink = /(http\S+\/j\/[A-Za-z0-9_-]{43})/.exec(confirmed.text_body)?.[1];
      const manageLink = /(http\S+\/m\/[A-Za-z0-9_-]{43})/.exec(confirmed.text_body)?.[1] ?? '';
      assert.ok(joinLink);
      const where = (e: ICAL.Event) => [e.location, e.component.getFirstPropertyValue('url')];
      assert.deepEqual(where(event), [joinLink, joinLink]);
      assert.ok(event.description.includes(manageLink), 'the manage link is in the description');
      assert.ok(event.description.includes('Ljubljanska cesta'), 'the office still named');
      const download = await get(`${manageUrl.split('?')[0]}/invite.ics`);
      const downloaded = new ICAL.Event(
        new ICAL.Component(ICAL.parse(download.body)).getFirstSubcomponent('vevent')!,
      );
      assert.deepEqual(where(downloaded), [joinLink, joinLink]);
      assert.ok(downloaded.description.includes(manageLink));

      // Move: same UID, higher SEQUENCE.
      const token = manageUrl.slice(3, 46);
      const movePage = await get(`/m/${token}/move?lang=en&month=2026-11&day=2026-11-24`);
      const moveHref = /<li><a class="button" href="([^"]+)">/
        .exec(movePage.body)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.ok(moveHref);
      const confirmMove = await get(moveHref);
      const newStart = /name="start" value="([^"]+)"/.exec(confirmMove.body)?.[1] ?? '';
      assert.match(
        confirmMove.body,
        /<p>Move the appointment to Tuesday, 24 November 2026 at \d{2}:\d{2}\?<\/p>/,
      );
      const moved = await post(`/m/${token}/move`, { start: newStart }, csrfFrom(confirmMove.body));
      assert.equal(moved.statusCode, 303);
      const movedMail = (await latestMailTo('zan@example.si')).find((m) =>
        m.subject.startsWith('Appointment moved'),
      );
      const movedEvent = new ICAL.Event(
        new ICAL.Component(ICAL.parse(movedMail!.ics!)).getFirstSubcomponent('vevent')!,
      );
      assert.equal(movedEvent.uid, uid);
      assert.equal(movedEvent.sequence, 1);
      assert.equal(movedEvent.startDate.toJSDate().toISOString(), newStart);

      // Cancel is a link on the manage page, apart from "move", to a page that asks first; a
      // post without the answer (a page from before this step) is sent there too.
      const manage = await get(`/m/${token}`);
      assert.doesNotMatch(manage.body, /<form[^>]+action="\/m\/[^"]+\/cancel"/);
      assert.match(
        manage.body,
        new RegExp(`<p class="apart"><a href="/m/${token}/cancel">Cancel the appointment</a></p>`),
      );
      const unasked = await post(`/m/${token}/cancel`, {}, csrfFrom(confirmMove.body));
      assert.equal(unasked.statusCode, 303);
      assert.equal(unasked.headers.location, `/m/${token}/cancel`);
      assert.match((await get(`/m/${token}`)).body, /Move to another time/, 'still booked');
      const ask = await get(`/m/${token}/cancel`);
      assert.equal(ask.statusCode, 200);
      assert.match(
        ask.body,
        /Cancel the appointment on Tuesday, 24 November 2026 at \d{2}:\d{2}\? This cannot be undone\./,
      );
      assert.match(ask.body, /<button type="submit" class="danger">Yes, cancel<\/button>/);
      assert.match(ask.body, new RegExp(`<a href="/m/${token}">No, keep it</a>`));
      const cancelled = await post(`/m/${token}/cancel`, { confirm: 'yes' }, csrfFrom(ask.body));
      assert.equal(cancelled.statusCode, 303);
      assert.equal(cancelled.headers.location, `/m/${token}?cancelled=1`);
      assert.equal((await get(`/m/${token}/cancel`)).statusCode, 409, 'nothing left to cancel');
      const cancelMail = (await latestMailTo('zan@example.si')).find(
        (m) => m.ics_method === 'CANCEL',
      );
      const cancelCal = new ICAL.Component(ICAL.parse(cancelMail!.ics!));
      assert.equal(cancelCal.getFirstPropertyValue('method'), 'CANCEL');
      assert.equal(cancelCal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence'), 2);
      assert.match((await get(`/m/${token}`)).body, /This appointment was cancelled/);
    });

    test('the code page says where the code went; "change it" and the back button bring the form back filled and free the time', async () => {
      const contactUrl = '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact';
      const { url, body } = await openContactForm();
      const start = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      const typed = {
        start,
        name: 'Mojca Tipkarica',
        email: 'mojca.tipk@exmaple.si',
        phone: '041 222 333',
        notes: 'Za vrtec.',
      };
      const first = await post(contactUrl, typed, csrfFrom(body));
      assert.equal(first.statusCode, 303);
      assert.match(
        String(first.headers['set-cookie']),
        /__Host-okence-hold=[0-9a-f-]{36}\.[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Lax/,
      );
      const firstId = String(first.headers.location).slice(3);
      const state = async (id: string) =>
        (
          await okence.handle.db
            .selectFrom('booking')
            .select('state')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).state;

      // This browser sees the whole address; anyone else with the URL only a masked one.
      const codePage = await get(`/h/${firstId}`);
      assert.match(codePage.body, /We sent a 6-digit code to mojca\.tipk@exmaple\.si\./);
      assert.match(
        codePage.body,
        /Wrong address\?<\/span> <form method="post" action="\/h\/[^"]+\/change"[^>]*>.*<button type="submit" class="link">Change it<\/button>/,
      );
      const stranger = await okence.app.inject({ method: 'GET', url: `/h/${firstId}?lang=en` });
      assert.match(stranger.body, /We sent a 6-digit code to m\*\*\*@exmaple\.si\./);
      assert.doesNotMatch(stranger.body, /mojca\.tipk/);
      const forged = await okence.app.inject({
        method: 'GET',
        url: `/h/${firstId}?lang=en`,
        cookies: { '__Host-okence-hold': `${firstId}.${'A'.repeat(43)}` },
      });
      assert.doesNotMatch(forged.body, /mojca\.tipk/);

      // The browser back button: the form is filled again; sending it (address corrected) gives
      // up the first hold instead of leaving it to block the time.
      const back = await get(url);
      for (const value of ['Mojca Tipkarica', 'mojca.tipk@exmaple.si', '041 222 333'])
        assert.ok(back.body.includes(`value="${value}"`), value);
      assert.match(back.body, />Za vrtec\.<\/textarea>/);
      const second = await post(
        contactUrl,
        { ...typed, email: 'mojca.tipk@example.si' },
        csrfFrom(back.body),
      );
      assert.equal(second.statusCode, 303);
      const secondId = String(second.headers.location).slice(3);
      assert.equal(await state(firstId), 'expired');
      assert.equal(await state(secondId), 'held');

      // A stranger's "change it" gives nothing up and fills nothing in.
      const strangerCookies = cookiesOf(stranger);
      const strangerChange = await okence.app.inject({
        method: 'POST',
        url: `/h/${secondId}/change`,
        cookies: strangerCookies,
        payload: { _csrf: csrfFrom(stranger.body) },
      });
      assert.equal(strangerChange.statusCode, 303);
      assert.equal(await state(secondId), 'held');
      const strangerForm = await okence.app.inject({
        method: 'GET',
        url: String(strangerChange.headers.location),
        cookies: strangerCookies,
      });
      assert.doesNotMatch(strangerForm.body, /Mojca/);

      // "Change it": the hold is given up at once, and the form comes back with what was typed.
      const code2 = await get(`/h/${secondId}`);
      const change = await post(`/h/${secondId}/change`, {}, csrfFrom(code2.body));
      assert.equal(change.statusCode, 303);
      assert.equal(change.headers.location, `${contactUrl}?start=${encodeURIComponent(start)}`);
      assert.equal(await state(secondId), 'expired');
      const again = await get(String(change.headers.location));
      assert.ok(again.body.includes('value="mojca.tipk@example.si"'));
      assert.match(again.body, />Za vrtec\.<\/textarea>/);
    });

    test('"send the code again" too early is a notice saying when, not an error', async () => {
      const { url, body } = await openContactForm();
      const start = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      const placed = await post(
        '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact',
        { start, name: 'Hitri Janez', email: 'hitri@example.si' },
        csrfFrom(body),
      );
      const holdUrl = String(placed.headers.location);
      const codePage = await get(holdUrl);
      const early = await post(`${holdUrl}/resend`, {}, csrfFrom(codePage.body));
      assert.equal(early.statusCode, 429);
      assert.equal(early.headers['retry-after'], '30');
      assert.match(
        early.body,
        /<p class="notice" role="status">We sent a code a moment ago\. You can ask for a new one in 30\u00a0s\.<\/p>/,
      );
      assert.doesNotMatch(early.body, /error-summary|error-message|aria-invalid/);
      clock.advance(31_000);
      const later = await post(`${holdUrl}/resend`, {}, csrfFrom(codePage.body));
      assert.equal(later.statusCode, 303);
      clock.set(new Date('2026-11-23T07:00:00Z'));
    });

    test('a time taken meanwhile gives a clear page with the nearest free times, never a 500', async () => {
      const { url, body } = await openContactForm();
      const start = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      const contact = (i: number) => ({ start, name: `Oseba ${i}`, email: `oseba${i}@example.si` });
      // Both officials' seats at that time get taken first.
      const token = csrfFrom(body);
      const results = await Promise.all(
        [1, 2, 3].map((i) =>
          post(
            '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact',
            contact(i),
            token,
          ),
        ),
      );
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 303, 409]);
      const taken = results.find((r) => r.statusCode === 409)!;
      assert.match(taken.body, /That time was just taken/);
      assert.match(
        taken.body,
        /class="button" href="\/o\/ue-domzale\/s\/potrdila-iz-uradnih-evidenc\/book\/domzale\/contact\?start=/,
      );
    });

    test('a time that is never bookable brings the form back with the message and the nearest free times', async () => {
      const { url, body } = await openContactForm();
      const free = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      const offGrid = new Date(new Date(free).getTime() + 5 * 60_000).toISOString();
      const action = '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact';
      const res = await post(
        action,
        { start: offGrid, name: 'Nina Kralj', email: 'nina@example.si' },
        csrfFrom(body),
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /This time cannot be booked/);
      assert.match(res.body, /value="Nina Kralj"/, 'what was typed is kept');
      assert.match(
        res.body,
        new RegExp(`href="${action}\\?start=${encodeURIComponent(free)}"`),
        'the free time next to it is offered',
      );
      assert.doesNotMatch(res.body, /just taken/);

      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'potrdila-iz-uradnih-evidenc',
        day: '2026-11-26',
        email: 'nina@example.si',
        name: 'Nina Kralj',
        ip: '192.0.2.80',
      });
      const token = b.manageUrl.split('/m/')[1]!;
      const page = await get(`/m/${token}/move?start=${encodeURIComponent(free)}&lang=en`);
      const moved = await post(`/m/${token}/move`, { start: offGrid }, csrfFrom(page.body));
      assert.equal(moved.statusCode, 422);
      assert.match(moved.body, /This time cannot be booked/);
      assert.match(
        moved.body,
        new RegExp(`href="/m/${token}/move\\?start=${encodeURIComponent(free)}"`),
      );
    });

    test("garbage in a query gives the page or a 400 in the reader's language, never a 500", async () => {
      const long = 'x'.repeat(5000);
      const contact = '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact';
      const refused = async (url: string) => {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /<h1>Please check what you entered<\/h1>/, url);
      };
      for (const start of [
        'start=2026-11-26T08:00:00Z&start=2026-11-26T09:00:00Z',
        `start=${long}`,
        'start=2026-02-30T08:00:00Z',
        'start=9999-01-01T00:00:00Z',
        '',
      ])
        await refused(`${contact}?${start}&lang=en`);
      const sl = await get(`${contact}?start=${long}&lang=sl`);
      assert.equal(sl.statusCode, 400);
      assert.match(sl.body, /<html lang="sl">/);

      // The code page: a flag repeated, long or missing is no notice, not an error.
      const { url, body } = await openContactForm();
      const start = decodeURIComponent(/start=([^&]+)/.exec(url)?.[1] ?? '');
      const typed = { start, name: 'Garbage Tester', email: 'garbage@example.si' };
      const hold = String((await post(contact, typed, csrfFrom(body))).headers.location);
      for (const q of ['', 'resent=1&resent=1', `resent=${long}`, 'resent[]=1']) {
        const res = await get(`${hold}?${q}&lang=en`);
        assert.equal(res.statusCode, 200, q);
        assert.match(res.body, /Enter the code/, q);
        assert.doesNotMatch(res.body, /role="status"/, q);
      }
      assert.match((await get(`${hold}?resent=1&lang=en`)).body, /role="status"/);

      // The manage page and the move calendar.
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'potrdila-iz-uradnih-evidenc',
        day: '2026-11-27',
        email: 'garbage.manage@example.si',
        name: 'Garbage Tester',
        ip: '192.0.2.81',
      });
      const token = b.manageUrl.split('/m/')[1]!;
      for (const q of ['confirmed=1&confirmed=1', `moved=${long}`, 'cancelled=yes', `x=${long}`]) {
        const res = await get(`/m/${token}?${q}&lang=en`);
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /role="status"/, q);
      }
      for (const q of [
        'start=2026-11-26T08:00:00Z&start=x',
        'month=2026-13&day=2026-02-30',
        `month=${long}&day=${long}`,
        'month=2026-12&month=2027-01&day=2026-12-01&day=2026-12-02',
      ]) {
        const res = await get(`/m/${token}/move?${q}&lang=en`);
        assert.equal(res.statusCode, 200, q);
        assert.match(res.body, /<table class="calendar">/, q);
      }
      for (const q of [`start=${long}`, 'start=2026-02-30T08:00:00Z'])
        await refused(`/m/${token}/move?${q}&lang=en`);
      const calendar = await get(
        `/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale?month=${long}&day[]=1&lang=en`,
      );
      assert.equal(calendar.statusCode, 200);
    });

    test('unknown holds and manage links give 404; a malformed start gives a clear 400', async () => {
      assert.equal((await get('/h/00000000-0000-4000-8000-000000000000')).statusCode, 404);
      assert.equal((await get(`/m/${'A'.repeat(43)}`)).statusCode, 404);
      assert.equal(
        (
          await get(
            '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale/contact?start=tomorrow',
          )
        ).statusCode,
        400,
      );
    });
  });
}
