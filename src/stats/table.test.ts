import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../views/html.ts';
import { dataTable, figure, type Column } from './table.ts';

const columns: Column<'service' | 'bookings' | 'noShow'>[] = [
  { key: 'service', label: 'Storitev' },
  { key: 'bookings', label: 'Rezervacije', numeric: true },
  {
    key: 'noShow',
    label: 'Neudeležba',
    numeric: true,
    format: { style: 'percent', maximumFractionDigits: 1 },
  },
];

test('a data table has a caption, column and row headers, and right-aligned numbers in the locale', () => {
  const table = dataTable({
    id: 'per-service',
    caption: 'Rezervacije po storitvah',
    columns,
    locale: 'sl',
    rows: [
      { service: 'Splošne informacije', bookings: 12345, noShow: 0.0567 },
      { service: 'Potrdila', bookings: 0, noShow: null },
    ],
  }).value;
  assert.match(
    table,
    /<div class="table-wrap" role="region" aria-labelledby="per-service-caption" tabindex="0"><table id="per-service">/,
  );
  assert.match(table, /<caption id="per-service-caption">Rezervacije po storitvah<\/caption>/);
  assert.match(
    table,
    /<thead><tr><th scope="col">Storitev<\/th><th scope="col" class="num">Rezervacije<\/th><th scope="col" class="num">Neudeležba<\/th><\/tr><\/thead>/,
  );
  assert.ok(
    table.includes(
      '<tr><th scope="row">Splošne informacije</th><td class="num">12.345</td><td class="num">5,7\u00a0%</td></tr>',
    ),
    table,
  );
  assert.ok(
    table.includes(
      '<tr><th scope="row">Potrdila</th><td class="num">0</td><td class="num">–</td></tr>',
    ),
    'null shows a dash',
  );
  assert.doesNotMatch(table, /style=/);
});

test('English and Czech number formats', () => {
  const row = { service: 'x', bookings: 1234.5, noShow: 0.5 };
  assert.match(
    dataTable({ id: 't', caption: 'c', columns, rows: [row], locale: 'en' }).value,
    />1,234.5<\/td><td class="num">50%</,
  );
  assert.match(
    dataTable({ id: 't', caption: 'c', columns, rows: [row], locale: 'cs' }).value,
    />1\u00a0234,5<\/td><td class="num">50\u00a0%</,
  );
});

test('cell text and headers are escaped', () => {
  const table = dataTable({
    id: 't',
    caption: '<b>caption</b>',
    columns: [{ key: 'a', label: '<th>' }],
    rows: [{ a: '<script>alert(1)</script>' }],
    locale: 'en',
    missing: '<i>',
  }).value;
  assert.doesNotMatch(table, /<script|<b>|<th><\/th>|<i>/);
  assert.ok(table.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('a figure pairs a chart with its table inside details, which works without JavaScript', () => {
  const out = figure({
    id: 'fig-per-service',
    caption: 'Rezervacije po storitvah',
    chart: html`<svg role="img"></svg>`,
    table: html`<table></table>`,
    tableLabel: 'Prikaži podatke v tabeli',
  }).value;
  assert.match(
    out,
    /^<figure id="fig-per-service" class="chart chart-beside">\n<figcaption>Rezervacije po storitvah<\/figcaption>\n<svg role="img"><\/svg>\n<details><summary>Prikaži podatke v tabeli<\/summary>\n<table><\/table>\n<\/details>\n<\/figure>$/,
  );
  assert.throws(
    () => figure({ id: 'a b', caption: 'c', chart: html``, table: html``, tableLabel: 'x' }),
    RangeError,
  );
});
