import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookingEmail, codeEmail } from './emails.ts';
import { formatWhen } from '../views/dates.ts';

const facts = {
  service: 'Potrdila iz uradnih evidenc',
  office: 'Domžale, sedež',
  address: 'Ljubljanska cesta 69, 1230 Domžale',
  official: 'Janez Novak',
  start: new Date('2026-03-30T08:00:00Z'),
  end: new Date('2026-03-30T08:20:00Z'),
  timeZone: 'Europe/Ljubljana',
};

test('no language names a central European zone by its offset from GMT', () => {
  for (const lang of ['sl', 'cs', 'en'] as const) {
    for (const zone of [
      'Europe/Ljubljana',
      'Europe/Prague',
      'Europe/Vienna',
      'Europe/Bratislava',
      'Europe/Zagreb',
    ]) {
      for (const at of ['2026-01-15T09:00:00Z', '2026-07-15T09:00:00Z']) {
        const text = formatWhen(new Date(at), zone, lang);
        assert.doesNotMatch(text, /GMT|UTC/, `${lang} ${zone} ${at}: ${text}`);
      }
    }
  }
});

test('the confirmation names service, office, official and time and carries both links; a cancellation no join link', () => {
  const links = { join: 'https://o.example/j/J', manage: 'https://o.example/m/M' };
  const mail = bookingEmail('confirmed', 'sl', facts, links);
  assert.equal(mail.subject, 'Termin potrjen: Potrdila iz uradnih evidenc');
  for (const part of ['Domžale, sedež', 'Janez Novak', '10:00', links.join, links.manage])
    assert.ok(mail.text.includes(part), part);
  const cancelled = bookingEmail('cancelled', 'cs', facts, links);
  assert.ok(!cancelled.text.includes(links.join));
  assert.match(cancelled.subject, /^Termín zrušen/);
});

test('the code email says how long the code lasts in the form its number takes', () => {
  assert.match(codeEmail('sl', '042517', 1).text, /Koda velja 1 minuto\./);
  assert.match(codeEmail('sl', '042517', 2).text, /Koda velja 2 minuti\./);
  assert.match(codeEmail('sl', '042517', 4).text, /Koda velja 4 minute\./);
  assert.match(codeEmail('sl', '042517', 10).text, /Koda velja 10 minut\./);
  assert.match(codeEmail('cs', '042517', 1).text, /Kód platí 1 minutu\./);
  assert.match(codeEmail('cs', '042517', 3).text, /Kód platí 3 minuty\./);
  assert.match(codeEmail('cs', '042517', 10).text, /Kód platí 10 minut\./);
  assert.match(codeEmail('en', '042517', 1).text, /valid for 1 minute\./);
});

test('Slovenian and Czech emails use the en dash of their typography and name the official without a gender', () => {
  const links = { join: 'https://o.example/j/J', manage: 'https://o.example/m/M' };
  for (const lang of ['sl', 'cs'] as const) {
    const mail = bookingEmail('confirmed', lang, { ...facts, official: 'Ana Horvat' }, links);
    assert.doesNotMatch(mail.text, /—/);
    assert.doesNotMatch(mail.text, /Uslužbenec|Úředník/);
    assert.match(mail.text, lang === 'sl' ? /Termin vodi: Ana Horvat/ : /Vyřizuje: Ana Horvat/);
  }
});

test('the code email shows the code and how long it lasts', () => {
  const mail = codeEmail('en', '042517', 10);
  assert.match(mail.text, /042517/);
  assert.match(mail.text, /10 minutes/);
});

test('the first sentence carries the time in the case its language needs, in every kind of email', () => {
  // Monday 30 March 2026, 10:00 in Ljubljana.
  const links = { join: 'https://o.example/j/J', manage: 'https://o.example/m/M' };
  const first = (
    kind: 'confirmed' | 'cancelled' | 'moved' | 'reminder',
    lang: 'sl' | 'cs' | 'en',
  ) => bookingEmail(kind, lang, facts, links).text.split('\n')[0];
  assert.equal(
    first('confirmed', 'sl'),
    'Vaš termin v ponedeljek, 30. marca 2026, ob 10.00 je potrjen.',
  );
  assert.equal(
    first('cancelled', 'sl'),
    'Vaš termin v ponedeljek, 30. marca 2026, ob 10.00 je preklican.',
  );
  assert.equal(
    first('moved', 'sl'),
    'Vaš termin je prestavljen na ponedeljek, 30. marca 2026, ob 10.00.',
  );
  assert.equal(
    first('reminder', 'sl'),
    'Spominjamo vas na vaš termin v ponedeljek, 30. marca 2026, ob 10.00.',
  );
  assert.equal(
    first('confirmed', 'cs'),
    'Váš termín v pondělí 30. března 2026 v 10:00 je potvrzen.',
  );
  assert.equal(
    first('cancelled', 'cs'),
    'Váš termín v pondělí 30. března 2026 v 10:00 byl zrušen.',
  );
  assert.equal(first('moved', 'cs'), 'Váš termín byl přesunut na pondělí 30. března 2026 v 10:00.');
  assert.equal(
    first('reminder', 'cs'),
    'Připomínáme vám váš termín v pondělí 30. března 2026 v 10:00.',
  );
  assert.equal(
    first('confirmed', 'en'),
    'Your appointment on Monday, 30 March 2026 at 10:00 is confirmed.',
  );
  assert.equal(
    first('moved', 'en'),
    'Your appointment has been moved to Monday, 30 March 2026 at 10:00.',
  );
});
