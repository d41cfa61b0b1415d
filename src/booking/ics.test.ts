import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { buildInvite, foldLine, type Invite } from './ics.ts';

const invite: Invite = {
  method: 'REQUEST',
  uid: '3f1c0a9e-1111-4222-8333-944455556666@okence',
  sequence: 0,
  start: new Date('2026-03-29T06:00:00Z'),
  end: new Date('2026-03-29T06:30:00Z'),
  stamp: new Date('2026-03-20T12:00:00Z'),
  summary: 'Potrdila iz uradnih evidenc; Upravna enota Domžale, ročno',
  description:
    'Pridružite se: https://okence.example/j/abc\nUpravljanje: https://okence.example/m/xyz',
  location: 'Video (Okence), Ljubljanska cesta 69, Domžale',
  url: 'https://okence.example/m/xyz',
  organizer: { name: 'Upravna enota Domžale', email: 'ue.domzale@example.si' },
  attendee: { name: 'Žan Čuk, ml.', email: 'zan@example.si' },
};

test('an independent parser reads the invitation back exactly', () => {
  const text = buildInvite(invite);
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  assert.equal(event.uid, invite.uid);
  assert.equal(event.sequence, 0);
  assert.equal(event.summary, invite.summary);
  assert.equal(event.description, invite.description);
  assert.equal(event.location, invite.location);
  assert.equal(event.startDate.toJSDate().toISOString(), invite.start.toISOString());
  assert.equal(event.endDate.toJSDate().toISOString(), invite.end.toISOString());
  assert.equal(event.attendees[0]?.getParameter('cn'), 'Žan Čuk, ml.');
  assert.equal(event.organizer, 'mailto:ue.domzale@example.si');
});

test('a cancellation keeps the UID and carries a higher SEQUENCE', () => {
  const calendar = new ICAL.Component(
    ICAL.parse(buildInvite({ ...invite, method: 'CANCEL', sequence: 2 })),
  );
  assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  assert.equal(vevent.getFirstPropertyValue('uid'), invite.uid);
  assert.equal(vevent.getFirstPropertyValue('sequence'), 2);
  assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
});

test('folded lines are at most 75 octets and unfold to the original, multibyte text included', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
      const line = `SUMMARY:${s}`;
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      return (
        parts.every((p) => Buffer.byteLength(p) <= 75) && folded.replace(/\r\n /g, '') === line
      );
    }),
  );
});

test('a lone carriage return in a text (a cancellation reason typed by staff) cannot start a property of its own', () => {
  const text = buildInvite({
    ...invite,
    method: 'CANCEL',
    description: 'Razlog: bolezen\rURL:https://evil.example/\rATTENDEE:mailto:x@evil.example',
  });
  assert.ok(!/\r(?!\n)/.test(text), 'every CR starts a CRLF line end');
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!,
  );
  assert.equal(event.attendees.length, 1);
  assert.match(event.description, /^Razlog: bolezen\nURL:https:\/\/evil\.example\/\nATTENDEE/);
});
