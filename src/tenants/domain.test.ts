import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byLocalizedName,
  foldForSearch,
  formatMoney,
  searchOrganisations,
  weekSchedule,
  type Catalogue,
} from './domain.ts';

const org = (id: string, name: Record<string, string>) => ({
  id,
  slug: id,
  country: 'SI' as const,
  defaultLanguage: 'sl' as const,
  timeZone: 'Europe/Ljubljana',
  currency: 'EUR',
  name,
  description: {},
  brandColour: null,
  logoSvg: null,
  logoVersion: null,
  email: null,
  phone: null,
  website: null,
  mailSender: { name: null, replyTo: null },
  suspended: false,
});
const catalogue: Catalogue = {
  organisations: [
    org('a', { sl: 'Upravna enota Domžale', en: 'Domžale Administrative Unit' }),
    org('b', { cs: 'Město Kopřivnice', en: 'Town of Kopřivnice' }),
  ],
  offices: [
    {
      id: 'o',
      organisationId: 'b',
      slug: 'o',
      name: {},
      street: 'Štefánikova 1163',
      postcode: '742 21',
      city: 'Kopřivnice',
      email: null,
      phone: null,
      timeZone: 'Europe/Prague',
      hours: [],
      active: true,
    },
  ],
  services: [],
  officials: [],
};

test('search ignores case and diacritics and matches any language or office town', () => {
  assert.equal(foldForSearch('Kopřivnice ŽÁDOST'), 'koprivnice zadost');
  assert.deepEqual(
    searchOrganisations(catalogue, 'domzale').map((o) => o.id),
    ['a'],
  );
  assert.deepEqual(
    searchOrganisations(catalogue, 'ADMINISTRATIVE unit').map((o) => o.id),
    ['a'],
  );
  assert.deepEqual(
    searchOrganisations(catalogue, '742').map((o) => o.id),
    ['b'],
  );
  assert.deepEqual(
    searchOrganisations(catalogue, '  ').map((o) => o.id),
    ['a', 'b'],
  );
  assert.deepEqual(searchOrganisations(catalogue, 'domzale koprivnice'), []);
});

test('names sort with the reader language collation (č after c in Czech)', () => {
  const items = [{ name: { cs: 'Čáslav' } }, { name: { cs: 'Cheb' } }, { name: { cs: 'Děčín' } }];
  assert.deepEqual(
    byLocalizedName(items, 'cs').map((i) => i.name.cs),
    ['Čáslav', 'Cheb', 'Děčín'].sort(new Intl.Collator('cs').compare),
  );
  assert.equal(byLocalizedName(items, 'cs')[2]?.name.cs, 'Cheb'); // "ch" sorts after "h" in Czech
});

test('money follows the reader language', () => {
  assert.equal(formatMoney(300, 'EUR', 'sl').replace(/\s/g, ' '), '3,00 €');
  assert.equal(formatMoney(10000, 'CZK', 'cs').replace(/\s/g, ' '), '100,00 Kč');
  assert.equal(formatMoney(450, 'EUR', 'en'), '€4.50');
});

test('week schedule lists every day Monday first, closed days empty, ranges in order', () => {
  const week = weekSchedule([
    { weekday: 3, opens: '13:00:00', closes: '17:00:00' },
    { weekday: 3, opens: '08:00:00', closes: '12:00:00' },
    { weekday: 1, opens: '08:00:00', closes: '15:00:00' },
  ]);
  assert.equal(week.length, 7);
  assert.deepEqual(week[0], { weekday: 1, ranges: [{ opens: '08:00', closes: '15:00' }] });
  assert.deepEqual(week[1]?.ranges, []);
  assert.deepEqual(
    week[2]?.ranges.map((r) => r.opens),
    ['08:00', '13:00'],
  );
});
