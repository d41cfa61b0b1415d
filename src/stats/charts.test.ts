import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { barChart, columnChart, COLOURS, labelStep, ratingChart } from './charts.ts';

const count = (markup: string, re: RegExp) => [...markup.matchAll(re)].length;

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The checks every chart must pass, whatever it draws. */
function assertAccessibleSvg(markup: string, id: string): void {
  assert.match(
    markup,
    new RegExp(`^<svg id="${id}" [^>]*role="img" aria-labelledby="${id}-title ${id}-desc"`),
  );
  assert.equal(count(markup, new RegExp(`<title id="${id}-title">`, 'g')), 1);
  assert.equal(count(markup, new RegExp(`<desc id="${id}-desc">`, 'g')), 1);
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(markup) ?? [];
  assert.ok(w && h, 'has a viewBox');
  // The natural size equals the viewBox: site.css's max-width: 100% shrinks it on phones.
  assert.match(markup, new RegExp(`width="${w}" height="${h}"`));
  assert.ok(Number(w) <= 400, 'no wider than a phone in portrait at 1.25× zoom');
  assert.doesNotMatch(
    markup,
    /style\s*=|<style|<script/i,
    'the CSP forbids inline styles and scripts',
  );
}

const sample = [
  { label: 'Splošne informacije', value: 37 },
  { label: 'Potrdila iz uradnih evidenc', value: 12 },
  { label: 'Stanje postopka', value: 0 },
];

test('a bar chart is a labelled image with one bar and one value label per datum', () => {
  const svg = barChart({
    id: 'per-service',
    title: 'Rezervacije po storitvah',
    desc: 'Največ rezervacij ima splošne informacije.',
    locale: 'sl',
    series: sample,
  }).value;
  assertAccessibleSvg(svg, 'per-service');
  assert.equal(count(svg, /<rect class="bar"/g), 3);
  assert.match(svg, /<title id="per-service-title">Rezervacije po storitvah<\/title>/);
  for (const d of sample) assert.ok(svg.includes(`>${d.label}</text>`), d.label);
  for (const v of ['37', '12', '0']) assert.match(svg, new RegExp(`>${v}</text>`));
  // The longest bar belongs to the largest value, a zero draws nothing.
  const widths = [...svg.matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map((m) =>
    Number(m[1]),
  );
  assert.equal(Math.max(...widths), widths[0]);
  assert.equal(widths[2], 0);
  assert.ok(
    (widths[0] ?? 0) / (widths[1] ?? 1) > 3 && (widths[0] ?? 0) / (widths[1] ?? 1) < 3.2,
    'bars are proportional',
  );
});

test('the value axis has nice ticks formatted for the locale, reaching past the largest value', () => {
  const svg = barChart({
    id: 'c',
    title: 't',
    desc: 'd',
    locale: 'cs',
    series: [{ label: 'a', value: 1234 }],
  }).value;
  const ticks = [...svg.matchAll(/<line [^>]*\/><text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.deepEqual(ticks, ['0', '500', '1\u00a0000', '1\u00a0500']);
  assert.match(svg, />1\u00a0234<\/text>/, 'Czech groups thousands with a no-break space');
});

test('units and decimals follow the locale', () => {
  const svg = barChart({
    id: 'wait',
    title: 't',
    desc: 'd',
    locale: 'sl',
    unit: 'minute',
    series: [{ label: 'Mediana', value: 4.25 }],
  }).value;
  assert.match(svg, />4,3 min<\/text>/);
  const en = barChart({
    id: 'wait',
    title: 't',
    desc: 'd',
    locale: 'en',
    unit: 'percent',
    max: 100,
    series: [{ label: 'No-shows', value: 12.5 }],
  }).value;
  assert.match(en, />12.5%<\/text>/);
  assert.match(en, />100%<\/text>/, 'max stretches the axis');
});

test('everything the caller passes is escaped', () => {
  const evil = '<script>alert(1)</script>" onload="x';
  const svg = barChart({
    id: 'x',
    title: evil,
    desc: evil,
    locale: 'en',
    series: [{ label: evil, value: 1 }],
  }).value;
  assert.doesNotMatch(svg, /<script|" onload=/);
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x'));
  const paired = columnChart({
    id: 'p',
    title: evil,
    desc: evil,
    locale: 'en',
    categories: [evil],
    series: [
      { label: evil, values: [1] },
      { label: evil, values: [2] },
    ],
  }).value;
  assert.doesNotMatch(paired, /<script|" onload=/);
});

test('no label, title or description can produce markup (property)', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string(), (title, desc, label) => {
      const svg = barChart({
        id: 'p',
        title,
        desc,
        locale: 'en',
        series: [{ label, value: 3 }],
      }).value;
      const text = svg.replace(/<\/?(svg|title|desc|rect|text|line)\b[^<>]*>/g, '');
      return !/[<>]/.test(text);
    }),
    { numRuns: 300 },
  );
});

test('long labels are shortened in the picture (the table keeps them whole)', () => {
  const long = 'Potrdilo iz uradne evidence o stalnem prebivališču za namen uveljavljanja pravic';
  const svg = barChart({
    id: 'l',
    title: 't',
    desc: 'd',
    locale: 'sl',
    series: [{ label: long, value: 1 }],
  }).value;
  const [, shown] = /paint-order="stroke">([^<]*…)<\/text>/.exec(svg) ?? [];
  assert.ok(
    shown && long.startsWith(shown.slice(0, -1)) && shown.length < long.length,
    String(shown),
  );
});

test('stacked columns: the second series hatched on top of the first, a legend naming both', () => {
  const svg = columnChart({
    id: 'capacity',
    title: 'Zasedenost',
    desc: 'd',
    locale: 'cs',
    categories: ['2. 3.', '3. 3.', '4. 3.'],
    series: [
      { label: 'Obsazeno', values: [5, 12, 9] },
      { label: 'Volno', values: [7, 0, 3] },
    ],
  }).value;
  assertAccessibleSvg(svg, 'capacity');
  // A legend swatch plus one column piece for each of three days, per series.
  assert.equal(count(svg, /<rect class="bar"/g), 4);
  assert.equal(count(svg, /<rect class="bar bar-2"/g), 4);
  assert.equal(
    count(svg, /fill="url\(#capacity-hatch\)"/g),
    4,
    'the second series is told apart by pattern, not colour alone',
  );
  assert.match(svg, />Obsazeno<\/text>/);
  assert.match(svg, />Volno<\/text>/);
  // Day one: the free part sits right on top of the booked part.
  const pieces = [
    ...svg.matchAll(
      /<rect class="bar( bar-2)?" x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
    ),
  ].slice(2);
  const [booked, free] = [pieces[0]!, pieces[1]!];
  assert.equal(booked[2], free[2], 'same column');
  assert.ok(Math.abs(Number(free[3]) + Number(free[4]) - Number(booked[3])) < 0.02, 'stacked');
  assert.throws(
    () =>
      columnChart({
        id: 'x',
        title: 't',
        desc: 'd',
        locale: 'en',
        categories: ['a', 'b'],
        series: [
          { label: 'a', values: [1] },
          { label: 'b', values: [1, 2] },
        ],
      }),
    RangeError,
  );
});

test('a month of days is a short, wide chart: columns left to right, a label every 7th day', () => {
  const days = Array.from({ length: 31 }, (_, i) => `${i + 1} Mar`);
  const svg = columnChart({
    id: 'per-day',
    title: 'Per day',
    desc: 'd',
    locale: 'en',
    categories: days,
    series: [{ label: 'Appointments', values: days.map((_, i) => i % 5) }],
  }).value;
  assertAccessibleSvg(svg, 'per-day');
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  assert.ok(Number(h) < 300 && Number(h) < Number(w), `a month is wider than tall: ${w}×${h}`);
  const xs = [...svg.matchAll(/<rect class="bar" x="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.equal(xs.length, 31);
  assert.ok(
    xs.every((x, i) => i === 0 || x > xs[i - 1]!),
    'time runs left to right',
  );
  const labels = [...svg.matchAll(/text-anchor="middle" fill="#4a5563">([^<]*)<\/text>/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(labels, ['1 Mar', '8 Mar', '15 Mar', '22 Mar', '29 Mar']);
  // No single legend for a single series: the title names it.
  assert.doesNotMatch(svg, />Appointments<\/text>/);
});

test('labels are spaced so that they never touch (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 16 }), (n, chars) => {
      const categories = Array.from({ length: n }, () => 'x'.repeat(chars));
      const slot = 340 / n;
      const step = labelStep(categories, slot);
      return step * slot >= chars * 15 * 0.6 + 8;
    }),
  );
});

test('ratings 1–5 become five bars labelled with digits or given labels', () => {
  const svg = ratingChart({
    id: 'rating',
    title: 'Zadovoljstvo',
    desc: 'd',
    locale: 'sl',
    distribution: [1, 0, 3, 10, 22],
  }).value;
  assertAccessibleSvg(svg, 'rating');
  assert.equal(count(svg, /<rect class="bar"/g), 5);
  for (const digit of ['1', '2', '3', '4', '5'])
    assert.match(svg, new RegExp(`paint-order="stroke">${digit}</text>`));
  const labelled = ratingChart({
    id: 'r',
    title: 't',
    desc: 'd',
    locale: 'en',
    distribution: [1, 2, 3, 4, 5],
    labels: ['1 – poor', '2', '3', '4', '5 – excellent'],
  }).value;
  assert.match(labelled, />5 – excellent<\/text>/);
});

test('the same input draws the same chart, so ids never collide at random', () => {
  const a = barChart({ id: 'same', title: 't', desc: 'd', locale: 'en', series: sample }).value;
  const b = barChart({ id: 'same', title: 't', desc: 'd', locale: 'en', series: sample }).value;
  assert.equal(a, b);
});

test('bad input is refused', () => {
  assert.throws(
    () =>
      barChart({
        id: 'x',
        title: 't',
        desc: 'd',
        locale: 'en',
        series: [{ label: 'a', value: -1 }],
      }),
    RangeError,
  );
  assert.throws(
    () =>
      barChart({
        id: 'x',
        title: 't',
        desc: 'd',
        locale: 'en',
        series: [{ label: 'a', value: Number.NaN }],
      }),
    RangeError,
  );
  assert.throws(
    () => barChart({ id: '1 bad"id', title: 't', desc: 'd', locale: 'en', series: [] }),
    RangeError,
  );
});

test('an empty series still draws an axis', () => {
  const svg = barChart({ id: 'empty', title: 't', desc: 'd', locale: 'en', series: [] }).value;
  assertAccessibleSvg(svg, 'empty');
  assert.equal(count(svg, /<rect class="bar"/g), 0);
  assert.match(svg, />0<\/text>/);
});

test('colours meet WCAG contrast against the white background', () => {
  assert.ok(contrast(COLOURS.text, COLOURS.background) >= 4.5);
  assert.ok(contrast(COLOURS.axisText, COLOURS.background) >= 4.5);
  assert.ok(contrast(COLOURS.bar, COLOURS.background) >= 3);
  assert.ok(contrast(COLOURS.second, COLOURS.background) >= 3);
  assert.ok(contrast('#777777', '#ffffff') < 4.5, 'the contrast check itself can fail');
});
